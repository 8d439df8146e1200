'use client';

import { useId, useState } from 'react';
import type { RequestStatus } from './use-worker';
import { withBasePath } from '@/lib/site-config';
import { chapterHref, widgetEntry } from './manifest';

/** Shared pieces of the playgrounds' chrome: notes, progress, embed, form fields. */

export const fieldClass =
  'h-9 w-full min-w-0 rounded-md border border-zinc-300 bg-white px-2 text-sm text-zinc-900 focus-visible:outline-2 focus-visible:outline-accent-500 disabled:opacity-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100';

export const buttonClass =
  'inline-flex h-9 items-center justify-center rounded-md border border-zinc-300 bg-white px-3 text-sm font-medium text-zinc-800 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-accent-500 disabled:opacity-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800';

/** A labelled control in the playground's form grid. */
export function Field({
  label,
  htmlFor,
  children,
}: {
  label: string;
  htmlFor: string;
  children: React.ReactNode;
}) {
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={htmlFor} className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
        {label}
      </label>
      {children}
    </div>
  );
}

/** The clamping notes from the URL parameters, shown until dismissed. */
export function ParamNotes({ notes }: { notes: string[] }) {
  const [open, setOpen] = useState(true);
  if (!open || notes.length === 0) return null;
  return (
    <div
      role="note"
      data-testid="param-notes"
      className="flex items-start gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-1.5 text-xs text-amber-900 dark:border-amber-700/60 dark:bg-amber-950/40 dark:text-amber-200"
    >
      <p className="m-0 min-w-0 flex-1">
        <span className="font-semibold">Link adjusted: </span>
        {notes.join('; ')}.
      </p>
      <button
        type="button"
        className="shrink-0 underline"
        onClick={() => setOpen(false)}
        aria-label="Dismiss the note"
      >
        OK
      </button>
    </div>
  );
}

/** A load in progress: phase, a progress bar and a cancel button. */
export function LoadProgress({
  phase,
  done,
  total,
  cancelling = false,
  onCancel,
}: {
  phase: string;
  done: number;
  total: number;
  cancelling?: boolean;
  onCancel: () => void;
}) {
  const percent = Math.floor((done / Math.max(1, total)) * 100);
  const id = useId();
  return (
    <div className="flex w-full max-w-md flex-col gap-2 px-4" data-testid="load-progress">
      <label htmlFor={id} className="text-sm text-zinc-700 dark:text-zinc-300">
        Loading {phase}: {done.toLocaleString('en-US')} / {total.toLocaleString('en-US')}
      </label>
      <progress
        id={id}
        max={Math.max(1, total)}
        value={done}
        className="h-2 w-full accent-accent-600"
      >
        {percent}%
      </progress>
      <button
        type="button"
        className={`${buttonClass} self-start`}
        onClick={onCancel}
        disabled={cancelling}
      >
        {cancelling ? 'Cancelling…' : 'Cancel'}
      </button>
    </div>
  );
}

/** Copies an iframe snippet (built on click, so it carries the current state). */
export function EmbedButton({ snippet }: { snippet: () => string }) {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <button
      type="button"
      className={buttonClass}
      data-testid="embed-button"
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(snippet());
          setCopied('copied');
        } catch {
          setCopied('failed');
        }
        window.setTimeout(() => setCopied('idle'), 2000);
      }}
    >
      {copied === 'copied' ? 'Copied' : copied === 'failed' ? 'No clipboard' : 'Embed'}
    </button>
  );
}

/** Whole numbers in the site's locale-independent style. */
export const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/**
 * A row of radio buttons drawn as one segmented control (range | hash, players | 100M):
 * a fieldset with its legend, keyboard-operable as native radios.
 */
export function SegmentedControl<T extends string>({
  legend,
  name,
  value,
  options,
  onChange,
}: {
  legend: string;
  name: string;
  value: T;
  options: readonly (readonly [T, string])[];
  onChange: (value: T) => void;
}) {
  return (
    <fieldset className="m-0 flex min-w-0 flex-col gap-1 border-0 p-0">
      <legend className="mb-1 p-0 text-xs font-medium text-zinc-600 dark:text-zinc-400">
        {legend}
      </legend>
      <div className="flex h-9 rounded-md border border-zinc-300 p-0.5 dark:border-zinc-700">
        {options.map(([option, label]) => (
          <label
            key={option}
            className={`flex flex-1 cursor-pointer items-center justify-center rounded text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent-500 ${
              value === option
                ? 'bg-accent-600 font-semibold text-white'
                : 'text-zinc-700 dark:text-zinc-300'
            }`}
          >
            <input
              type="radio"
              name={name}
              value={option}
              checked={value === option}
              onChange={() => onChange(option)}
              className="sr-only"
            />
            {label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * A labelled select over a fixed list of values. Numeric lists also offer the current
 * value when a URL asked for one outside the list, so the select never shows a wrong
 * choice; `format` gives each option its label.
 */
export function SelectField<T extends string | number>({
  label,
  id,
  value,
  options,
  onChange,
  format = String,
  disabled = false,
}: {
  label: string;
  id: string;
  value: T;
  options: readonly T[];
  onChange: (value: T) => void;
  format?: (value: T) => string;
  disabled?: boolean;
}) {
  const shown =
    typeof value === 'number'
      ? ([...new Set([...options, value])] as number[]).sort((a, b) => a - b)
      : options;
  return (
    <Field label={label} htmlFor={id}>
      <select
        id={id}
        className={fieldClass}
        value={value}
        disabled={disabled}
        onChange={(e) => {
          const chosen = shown.find((o) => String(o) === e.target.value);
          if (chosen !== undefined) onChange(chosen as T);
        }}
      >
        {shown.map((option) => (
          <option key={option} value={option}>
            {format(option as T)}
          </option>
        ))}
      </select>
    </Field>
  );
}

/**
 * The card every playground is drawn in, and a title bar with the embed button. In a
 * chapter it is at least the manifest's height, which is the height of its first results
 * at each width (so the page does not move when it replaces its placeholder, which has the
 * same minimum); it grows when a note, a warning or a state needs more room, and never
 * scrolls inside itself. Embedded it fills the frame at least. Embedded, the title bar
 * also links back to the chapter section the playground belongs to.
 */
export function PlaygroundFrame({
  widget,
  embedded,
  snippet,
  sectionRef,
  children,
}: {
  /** The manifest's name for it (`ShardingPlayground`): its id, titles, height and chapter. */
  widget: string;
  embedded: boolean;
  snippet: () => string;
  sectionRef?: React.Ref<HTMLElement>;
  children: React.ReactNode;
}) {
  const entry = widgetEntry(widget);
  return (
    <section
      ref={sectionRef}
      aria-label={entry.title}
      data-widget={entry.id}
      className={`not-prose flex flex-col overflow-hidden rounded-2xl border border-zinc-200 bg-white text-zinc-800 dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-200 ${
        embedded ? 'min-h-dvh' : `my-8 ${entry.height}`
      }`}
    >
      <div className="flex flex-wrap items-center gap-2 border-b border-zinc-200 bg-zinc-50 px-4 py-2.5 dark:border-zinc-800 dark:bg-zinc-900">
        <h3 className="m-0 mr-auto text-sm font-semibold text-zinc-900 dark:text-zinc-100">
          {entry.heading ?? entry.title}
        </h3>
        {embedded ? (
          <a
            href={withBasePath(chapterHref(entry))}
            target="_blank"
            rel="noopener"
            className="text-xs font-medium text-accent-700 underline dark:text-accent-300"
          >
            Leaderboard Lab
          </a>
        ) : null}
        <EmbedButton snippet={snippet} />
      </div>
      {children}
    </section>
  );
}

/** The seed input every playground has: whole numbers from 0 to `max`. */
export function SeedField({
  id,
  value,
  max,
  onChange,
}: {
  id: string;
  value: number;
  max: number;
  onChange: (seed: number) => void;
}) {
  return <NumberField label="Seed" id={id} value={value} min={0} max={max} onChange={onChange} />;
}

/**
 * A whole-number field kept within [min, max]. A typed value outside is clamped, and a note
 * under the field says which value is used instead, as the "Link adjusted" note does for a
 * link's parameters; an empty field changes nothing until a number is typed.
 */
export function NumberField({
  label,
  id,
  value,
  min,
  max,
  onChange,
}: {
  label: string;
  id: string;
  value: number;
  min: number;
  max: number;
  onChange: (value: number) => void;
}) {
  const [note, setNote] = useState<string | null>(null);
  const noteId = `${id}-note`;
  return (
    <Field label={label} htmlFor={id}>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        className={fieldClass}
        value={value}
        aria-describedby={note ? noteId : undefined}
        onChange={(e) => {
          if (e.target.value.trim() === '') return;
          const n = Math.round(Number(e.target.value));
          if (!Number.isFinite(n)) return;
          const used = Math.min(max, Math.max(min, n));
          setNote(
            used === n
              ? null
              : `${fmt(n)} is ${n > max ? 'above' : 'below'} ${fmt(n > max ? max : min)}: using ${fmt(used)}`,
          );
          onChange(used);
        }}
      />
      {note ? (
        <p
          id={noteId}
          role="status"
          data-testid="field-note"
          className="m-0 text-[0.7rem] leading-snug text-amber-800 dark:text-amber-300"
        >
          {note}
        </p>
      ) : null}
    </Field>
  );
}

/**
 * What a playground shows in place of its results until its world is ready: "Starting the
 * engine…" before the worker answers, then progress with a Cancel button, "Load cancelled."
 * with a way to load again, or the failure.
 */
export function LoadState({
  status,
  onCancel,
  onReload,
}: {
  status: RequestStatus<unknown>;
  onCancel: () => void;
  onReload: () => void;
}) {
  return (
    <div className="flex flex-1 items-center justify-center" role="status" aria-live="polite">
      {status.kind === 'loading' && status.progress ? (
        <LoadProgress
          phase={status.progress.phase}
          done={status.progress.done}
          total={status.progress.total}
          cancelling={status.cancelling}
          onCancel={onCancel}
        />
      ) : status.kind === 'cancelled' ? (
        <div className="flex flex-col items-center gap-2 text-sm">
          <p className="m-0">Load cancelled.</p>
          <button type="button" className={buttonClass} onClick={onReload}>
            Load again
          </button>
        </div>
      ) : status.kind === 'failed' ? (
        <div className="flex flex-col items-center gap-2 px-4 text-sm">
          <p className="m-0 text-red-700 dark:text-red-300">{status.message}</p>
          <button type="button" className={buttonClass} onClick={onReload}>
            Try again
          </button>
        </div>
      ) : (
        <p className="m-0 text-sm text-zinc-500 dark:text-zinc-400">Starting the engine…</p>
      )}
    </div>
  );
}
