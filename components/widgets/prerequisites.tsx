'use client';

import { createContext, useContext, useId, type ReactNode } from 'react';
import { useStoredState } from './use-stored-state';

const STORAGE_KEY = 'leaderboard-lab:prerequisites:v1';

interface ChecklistContext {
  checked: readonly string[];
  toggle: (id: string, on: boolean) => void;
}
const Checklist = createContext<ChecklistContext | null>(null);

function parseChecked(raw: string | null): string[] {
  try {
    const value: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/** The prerequisites checklist; ticks are kept in localStorage so a reader can come back to it. */
export function Prerequisites({ total, children }: { total: number; children: ReactNode }) {
  const [checked, setChecked] = useStoredState<string[]>(STORAGE_KEY, [], parseChecked);
  const toggle = (id: string, on: boolean) =>
    setChecked((previous) =>
      on ? [...new Set([...previous, id])] : previous.filter((x) => x !== id),
    );
  const done = checked.length;
  return (
    <Checklist.Provider value={{ checked, toggle }}>
      <div className="not-prose my-6 rounded-2xl border border-zinc-200 bg-white p-2 dark:border-zinc-800 dark:bg-zinc-900/60">
        <div className="flex items-center justify-between gap-3 px-4 pt-3 pb-2">
          <p className="text-sm font-medium text-zinc-700 dark:text-zinc-300" aria-live="polite">
            {done === total
              ? 'All set: you are ready for the advanced sections.'
              : `${done} of ${total} ready`}
          </p>
          <div
            className="h-1.5 w-28 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-700"
            aria-hidden="true"
          >
            <div
              className="h-full rounded-full bg-emerald-500 transition-all"
              style={{ width: `${(done / total) * 100}%` }}
            />
          </div>
        </div>
        <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">{children}</ul>
      </div>
    </Checklist.Provider>
  );
}

/** One item of the checklist: a topic, and what "comfortable" means for it. */
export function Prerequisite({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: ReactNode;
}) {
  const context = useContext(Checklist);
  const inputId = useId();
  const checked = context?.checked.includes(id) ?? false;
  return (
    <li className="flex gap-3.5 px-4 py-3.5">
      <input
        id={inputId}
        type="checkbox"
        checked={checked}
        onChange={(e) => context?.toggle(id, e.target.checked)}
        className="mt-1 size-[1.1rem] shrink-0 accent-emerald-600"
      />
      <label
        htmlFor={inputId}
        className="cursor-pointer text-[0.95rem] leading-relaxed text-zinc-700 dark:text-zinc-300"
      >
        <span
          className={`font-semibold text-zinc-900 dark:text-zinc-100 ${checked ? 'line-through decoration-emerald-500/60' : ''}`}
        >
          {title}.
        </span>{' '}
        {children}
      </label>
    </li>
  );
}
