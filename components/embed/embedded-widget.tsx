'use client';

import { useEffect, useState, type ReactNode } from 'react';
import { parseParams, type ParamSchema } from '@/lib/embed/embed-link';
import { LazyWidget } from '@/components/widgets/lazy-widget';
import { EmbedValues } from './embed-values';

/**
 * A widget on its embed page. The server drew `children`, its placeholder, from the
 * defaults; here, in the browser, the link's parameters are parsed against the widget's
 * schema (clamped, with a note for each value that had to change) and the live widget gets
 * them: as props through LazyWidget, or through useEmbedValues() for a widget with its own
 * loader (`live`: the element its manifest `render` made on the server). The playgrounds read their URL themselves
 * (`ownUrl`).
 */
export function EmbeddedWidget({
  name,
  schema,
  props,
  ownUrl,
  live,
  children,
}: {
  name: string;
  schema: ParamSchema;
  /** Props the server binds (the speed-round cards), and `embedded`. */
  props: Record<string, unknown>;
  ownUrl: boolean;
  live?: ReactNode;
  children: ReactNode;
}) {
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
    setParsed(ownUrl ? { values: {}, notes: [] } : parseParams(schema, input));
  }, [ownUrl, schema]);

  const placeholder = <div data-embed-placeholder="">{children}</div>;
  if (!parsed) return placeholder;
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
      {live ? (
        <EmbedValues.Provider value={parsed.values}>{live}</EmbedValues.Provider>
      ) : (
        <LazyWidget name={name} props={{ ...props, ...parsed.values }}>
          {placeholder}
        </LazyWidget>
      )}
    </>
  );
}
