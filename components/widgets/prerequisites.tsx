'use client';

import { createContext, useContext, useEffect, useId, useRef, type ReactNode } from 'react';
import { usePrerequisiteTicks } from '@/components/progress/progress-slots';

interface ChecklistContext {
  checked: readonly string[];
  toggle: (id: string, on: boolean) => void;
  /** Records a box the reader ticked before the page hydrated. */
  tickedEarly: (id: string) => void;
}
const Checklist = createContext<ChecklistContext | null>(null);

/**
 * The prerequisites checklist; ticks are kept in the reader's progress store, so a reader
 * can come back to it, and ticks made in two tabs both survive.
 */
export function Prerequisites({ total, children }: { total: number; children: ReactNode }) {
  const { checked, setTicked } = usePrerequisiteTicks();
  const toggle = setTicked;
  // The boxes are plain HTML until the page hydrates, a moment after the first paint. A tick
  // made in that moment is recorded by its item's mount effect (children's effects run
  // first) and added to the store here.
  const early = useRef<string[]>([]);
  useEffect(() => {
    for (const id of early.current) setTicked(id, true);
    early.current = [];
  }, [setTicked]);
  const tickedEarly = (id: string) => early.current.push(id);
  const done = checked.length;
  return (
    <Checklist.Provider value={{ checked, toggle, tickedEarly }}>
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
  const input = useRef<HTMLInputElement>(null);
  const tickedEarly = context?.tickedEarly;
  useEffect(() => {
    // Nothing is ticked in the server HTML, so a ticked box at hydration is the reader's.
    if (input.current?.checked) tickedEarly?.(id);
    // Only the state at hydration matters: run once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <li className="flex gap-3.5 px-4 py-3.5">
      <input
        ref={input}
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
