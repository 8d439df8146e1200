'use client';

import { useCallback, useEffect, useState } from 'react';
import { embedSnippet as iframeSnippet, embedUrl } from '@/lib/embed/embed-link';
import {
  parseParams,
  toQueryString,
  type ParamSchema,
  type ParamValues,
} from '@/lib/leaderboard/playground-params';
import { basePath } from '@/lib/site-config';

/**
 * A playground's state as URL query parameters. The props a chapter passes are the
 * defaults; parameters already in the address bar win, so a shared link reproduces what
 * its sender saw. Values that had to be clamped come back as notes for the widget to show.
 * Only the schema's own keys are read: a chapter page may carry other parameters.
 */
export function usePlaygroundParams<S extends ParamSchema>(
  schema: S,
  props: Partial<Record<keyof S, string | number | boolean | undefined>>,
): {
  values: ParamValues<S>;
  notes: string[];
  update: (patch: Partial<ParamValues<S>>) => void;
} {
  const [state, setState] = useState(() => {
    const input: Record<string, string | undefined> = {};
    for (const k of Object.keys(schema)) {
      const p = props[k as keyof S];
      if (p !== undefined) input[k] = typeof p === 'boolean' ? (p ? '1' : '0') : String(p);
    }
    // Rendered only in the browser (ssr: false), so reading the address here is safe.
    const url = new URLSearchParams(window.location.search);
    for (const k of Object.keys(schema)) {
      const v = url.get(k);
      if (v !== null) input[k] = v;
    }
    return parseParams(schema, input);
  });

  useEffect(() => {
    // Write the clamped state back, so the address always shows a valid, complete link.
    const url = new URL(window.location.href);
    const own = new URLSearchParams(toQueryString(schema, state.values));
    for (const [k, v] of own) url.searchParams.set(k, v);
    if (url.href !== window.location.href) window.history.replaceState(null, '', url);
  }, [schema, state.values]);

  const update = useCallback((patch: Partial<ParamValues<S>>) => {
    setState((s) => ({ values: { ...s.values, ...patch }, notes: s.notes }));
  }, []);
  return { values: state.values, notes: state.notes, update };
}

/**
 * The snippet that embeds playground `name` in the given state, at `height` px: the one
 * snippet of lib/embed (sandboxed iframe, then the host script that fits its height).
 */
export function embedSnippet<S extends ParamSchema>(
  name: string,
  title: string,
  schema: S,
  values: ParamValues<S>,
  height: number,
): string {
  return iframeSnippet(
    embedUrl(`${window.location.origin}${basePath}`, name, toQueryString(schema, values)),
    title,
    height,
  );
}
