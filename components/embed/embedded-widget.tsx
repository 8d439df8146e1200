'use client';

import { lazy, Suspense, useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { parseParams, type ParamSchema } from '@/lib/leaderboard';
import { LazyWidget } from '@/components/widgets/lazy-widget';
import { embeddable, widgetEntry } from '@/components/widgets/manifest';

type Live = ComponentType<{ values: Record<string, unknown>; placeholder: ReactNode }>;

/** The live component of each widget with its own loader, made once (see lazy-widget.tsx). */
const lives: ReadonlyMap<string, Live> = new Map(
  embeddable.flatMap((w) => {
    const load = w.embed.live;
    return load ? [[w.name, lazy(() => load().then((c) => ({ default: c })))] as const] : [];
  }),
);

/**
 * A widget on its embed page. The server drew `children`, its placeholder, from the
 * defaults; here, in the browser, the link's parameters are parsed against the widget's
 * schema (clamped, with a note for each value that had to change) and the live widget gets
 * them as props. The playgrounds read their URL themselves (`ownUrl`).
 */
export function EmbeddedWidget({
  name,
  schema,
  props,
  children,
}: {
  name: string;
  schema: ParamSchema;
  /** Props the server binds (the speed-round cards), and `embedded`. */
  props: Record<string, unknown>;
  children: ReactNode;
}) {
  const entry = widgetEntry(name);
  const [parsed, setParsed] = useState<{
    values: Record<string, unknown>;
    notes: string[];
  } | null>(null);

  useEffect(() => {
    const url = new URLSearchParams(window.location.search);
    const input: Record<string, string> = {};
    for (const key of Object.keys(schema)) {
      const value = url.get(key);
      if (value !== null) input[key] = value;
    }
    // The address is only known here, after hydration: the server drew the defaults.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setParsed(entry.embed?.ownUrl ? { values: {}, notes: [] } : parseParams(schema, input));
  }, [entry, schema]);

  const placeholder = <div data-embed-placeholder="">{children}</div>;
  if (!parsed) return placeholder;
  const Live = lives.get(name);
  return (
    <>
      {parsed.notes.length > 0 ? (
        <p
          role="status"
          className="m-0 border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-100"
        >
          Changed from the link: {parsed.notes.join('; ')}.
        </p>
      ) : null}
      {Live ? (
        <Suspense fallback={placeholder}>
          {/* eslint-disable-next-line react-hooks/static-components -- made once, at module load */}
          <Live values={parsed.values} placeholder={placeholder} />
        </Suspense>
      ) : (
        <LazyWidget name={name} props={{ ...props, ...parsed.values }}>
          {placeholder}
        </LazyWidget>
      )}
    </>
  );
}
