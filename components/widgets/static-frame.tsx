import type { ReactNode } from 'react';
import { widgetEntry } from './manifest';
import {
  parseParams,
  type ParamSchema,
  type ParamValues,
} from '@/lib/leaderboard/playground-params';

/**
 * The playground card as the server draws it before the widget's code arrives: the same
 * frame, title bar and form grid as PlaygroundFrame, with the controls drawn inert (their
 * values shown, nothing to press yet) and a static picture of the first result below. No
 * JavaScript: a server component. The card has the live widget's minimum height (the
 * manifest's, true at each width), so nothing moves when the live widget replaces it.
 */
export function StaticPlaygroundFrame({
  widget,
  embedded = false,
  fields,
  columns = 'sm:grid-cols-3',
  children,
}: {
  /** The manifest's name for it (`ShardingPlayground`), as PlaygroundFrame takes it. */
  widget: string;
  embedded?: boolean;
  /** Label and shown value of each control, in the live form's order. */
  fields: readonly (readonly [string, string])[];
  /** The form grid's columns from the sm breakpoint, as the live form has them. */
  columns?: string;
  children: ReactNode;
}) {
  const entry = widgetEntry(widget);
  return (
    <section
      aria-label={`${entry.title} (loading)`}
      data-widget={entry.id}
      data-placeholder=""
      className={`not-prose flex flex-col overflow-hidden rounded-2xl border border-zinc-200 bg-white text-zinc-800 dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-200 ${
        embedded ? 'min-h-dvh' : `my-8 ${entry.height}`
      }`}
    >
      <div className="flex flex-wrap items-center gap-2 border-b border-zinc-200 bg-zinc-50 px-4 py-2.5 dark:border-zinc-800 dark:bg-zinc-900">
        <h3 className="m-0 mr-auto text-sm font-semibold text-zinc-900 dark:text-zinc-100">
          {entry.heading ?? entry.title}
        </h3>
        <span
          aria-hidden="true"
          className="inline-flex h-9 items-center rounded-md border border-zinc-300 bg-white px-3 text-sm font-medium text-zinc-600 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-400"
        >
          Embed
        </span>
      </div>
      <div
        aria-hidden="true"
        className={`grid grid-cols-2 gap-3 border-b border-zinc-200 px-4 py-3 ${columns} dark:border-zinc-800`}
      >
        {fields.map(([label, value]) => (
          <div key={label} className="flex min-w-0 flex-col gap-1">
            <span className="text-xs font-medium text-zinc-600 dark:text-zinc-400">{label}</span>
            <span className="flex h-9 items-center truncate rounded-md border border-zinc-300 bg-white px-2 text-sm text-zinc-600 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-400">
              {value}
            </span>
          </div>
        ))}
      </div>
      <div className="flex flex-1 flex-col gap-3 px-4 py-3">
        <p role="status" className="m-0 text-sm text-zinc-600 dark:text-zinc-400">
          Starting the {entry.title.toLowerCase()} in your browser…
        </p>
        {children}
      </div>
    </section>
  );
}

/** A static bar chart: one bar per value, labelled underneath. */
export function StaticBars({
  values,
  labels,
  caption,
}: {
  values: readonly number[];
  labels: readonly string[];
  caption: string;
}) {
  const max = Math.max(1, ...values);
  const w = 100 / Math.max(1, values.length);
  return (
    <figure className="m-0">
      <svg
        viewBox="0 0 100 40"
        preserveAspectRatio="none"
        className="block h-[180px] w-full"
        role="img"
        aria-label={caption}
      >
        {values.map((v, i) => (
          <rect
            key={i}
            x={i * w + w * 0.15}
            y={40 - (v / max) * 38}
            width={w * 0.7}
            height={(v / max) * 38}
            className="fill-accent-600/70 dark:fill-accent-400/70"
          />
        ))}
      </svg>
      <div className="flex text-[11px] text-zinc-600 dark:text-zinc-400" aria-hidden="true">
        {labels.map((l, i) => (
          <span key={i} className="flex-1 text-center">
            {l}
          </span>
        ))}
      </div>
      <figcaption className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">{caption}</figcaption>
    </figure>
  );
}

/** Whole numbers in the site's locale-independent style (the live widgets' `fmt`). */
export const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US');

/** A playground's starting values from its props alone (the URL is the browser's business). */
export function valuesFromProps<S extends ParamSchema>(
  schema: S,
  props: Record<string, unknown>,
): ParamValues<S> {
  const input: Record<string, string> = {};
  for (const k of Object.keys(schema)) {
    const p = props[k];
    if (p !== undefined) input[k] = typeof p === 'boolean' ? (p ? '1' : '0') : String(p);
  }
  return parseParams(schema, input).values;
}
