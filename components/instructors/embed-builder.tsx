'use client';

import { useEffect, useId, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import {
  AUTOSIZE_MESSAGE,
  EMBED_SANDBOX,
  EMBED_THEMES,
  MAX_EMBED_HEIGHT,
  RESIZE_MESSAGE,
  embedQuery,
  embedSnippet,
  embedUrl,
  parseParams,
  type EmbedTheme,
  type ParamSchema,
  type ParamSpec,
} from '@/lib/embed/embed-link';
import { basePath, withBasePath } from '@/lib/site-config';

/** One widget as the builder offers it (the page reads them from the widget manifest). */
export interface BuilderWidget {
  slug: string;
  title: string;
  /** The iframe height the snippet starts from, px. */
  height: number;
  schema: ParamSchema;
  /** Where the guide teaches with it, and what that section is called. */
  href: string;
  section: string;
}

const THEME_LABELS: Record<EmbedTheme, string> = {
  system: "Reader's setting",
  light: 'Light',
  dark: 'Dark',
};

/** A parameter's default as its field shows it. */
const defaultText = (spec: ParamSpec) =>
  typeof spec.default === 'boolean' ? (spec.default ? '1' : '0') : String(spec.default);

const defaultsOf = (schema: ParamSchema) =>
  Object.fromEntries(Object.entries(schema).map(([k, s]) => [k, defaultText(s)]));

const noSubscribe = () => () => {};

const field =
  'block w-full rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm text-zinc-900 shadow-xs focus-visible:outline-2 focus-visible:outline-accent-500 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100';
const button =
  'inline-flex h-9 items-center rounded-md border border-zinc-300 bg-white px-3 text-sm font-medium text-zinc-800 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-accent-500 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800';

/**
 * The embed builder of /instructors/: pick a widget, set its parameters (parsed and clamped
 * by the widget's own schema, with a note for each value that changed) and a theme, watch
 * the embed itself in a preview frame sized by its height messages, copy the link or the
 * snippet. Holds view state only; links and the snippet come from lib/embed.
 */
export function EmbedBuilder({
  widgets,
  siteUrl,
}: {
  widgets: readonly BuilderWidget[];
  /** The site's URL as built, until the browser says where the page is really served. */
  siteUrl: string;
}) {
  const id = useId();
  const [slug, setSlug] = useState(widgets[0]?.slug ?? '');
  const widget = widgets.find((w) => w.slug === slug) ?? widgets[0];
  const [raw, setRaw] = useState<Record<string, string>>(() =>
    widget ? defaultsOf(widget.schema) : {},
  );
  const [theme, setTheme] = useState<EmbedTheme>('system');
  const [copied, setCopied] = useState<'link' | 'snippet' | null>(null);
  const origin = useSyncExternalStore(
    noSubscribe,
    // The site's address as the reader has it open, base path included (like siteUrl).
    () => `${window.location.origin}${basePath}`,
    () => siteUrl,
  );
  // Until React runs, a changed field would do nothing (and be reset when it does): the
  // server draws the controls disabled, never dead.
  const hydrated = useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );

  const parsed = useMemo(
    () => (widget ? parseParams(widget.schema, raw) : { values: {}, notes: [] }),
    [widget, raw],
  );
  const query = widget
    ? embedQuery(widget.schema, parsed.values, theme === 'system' ? undefined : theme)
    : '';
  const link = widget ? embedUrl(origin, widget.slug, query) : '';
  const snippet = widget
    ? embedSnippet(link, `${widget.title} · Leaderboard Lab`, widget.height)
    : '';

  // The preview follows the fields a moment after typing stops, not on every keystroke.
  const previewPath = widget ? embedUrl(basePath, widget.slug, query) : '';
  const [preview, setPreview] = useState(previewPath);
  useEffect(() => {
    const timer = window.setTimeout(() => setPreview(previewPath), 400);
    return () => window.clearTimeout(timer);
  }, [previewPath]);

  // The host side of the height protocol, as the snippet's script does it.
  const frame = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(widget?.height ?? 480);
  useEffect(() => {
    function onMessage(event: MessageEvent) {
      const data: unknown = event.data;
      const win = frame.current?.contentWindow;
      if (!win || event.source !== win || typeof data !== 'object' || data === null) return;
      const message = data as { type?: unknown; height?: unknown };
      if (message.type !== RESIZE_MESSAGE || typeof message.height !== 'number') return;
      setHeight(Math.min(Math.max(message.height, 80), MAX_EMBED_HEIGHT));
      win.postMessage({ type: AUTOSIZE_MESSAGE }, '*');
    }
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, []);

  function choose(next: string) {
    const w = widgets.find((x) => x.slug === next);
    if (!w) return;
    setSlug(next);
    setRaw(defaultsOf(w.schema));
    setHeight(w.height);
  }

  async function copy(what: 'link' | 'snippet', text: string) {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(what);
      window.setTimeout(() => setCopied(null), 2000);
    } catch {
      // No clipboard (an insecure origin, a refused permission): select it for Ctrl+C.
      const box = document.getElementById(`${id}-${what}`);
      if (box instanceof HTMLTextAreaElement || box instanceof HTMLInputElement) box.select();
    }
  }

  if (!widget) return null;
  const entries = Object.entries(widget.schema);
  return (
    <fieldset
      data-embed-builder=""
      data-ready={hydrated ? '' : undefined}
      disabled={!hydrated}
      aria-label="Embed builder"
      className="not-prose my-8 min-w-0 rounded-2xl border border-zinc-200 bg-zinc-50/70 p-4 sm:p-6 dark:border-zinc-800 dark:bg-zinc-900/40"
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label
            htmlFor={`${id}-widget`}
            className="mb-1 block text-sm font-semibold text-zinc-900 dark:text-zinc-100"
          >
            Widget
          </label>
          <select
            id={`${id}-widget`}
            className={field}
            value={widget.slug}
            onChange={(e) => choose(e.target.value)}
          >
            {widgets.map((w) => (
              <option key={w.slug} value={w.slug}>
                {w.title}
              </option>
            ))}
          </select>
          <p className="mt-1 mb-0 text-xs text-zinc-600 dark:text-zinc-400">
            Taught in{' '}
            <a
              href={withBasePath(widget.href)}
              className="text-accent-700 underline dark:text-accent-300"
            >
              {widget.section}
            </a>
          </p>
        </div>
        <fieldset>
          <legend className="mb-1 block text-sm font-semibold text-zinc-900 dark:text-zinc-100">
            Theme
          </legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1 pt-1.5">
            {EMBED_THEMES.map((t) => (
              <label key={t} className="inline-flex items-center gap-1.5 text-sm">
                <input
                  type="radio"
                  name={`${id}-theme`}
                  value={t}
                  checked={theme === t}
                  onChange={() => setTheme(t)}
                  className="accent-accent-600"
                />
                {THEME_LABELS[t]}
              </label>
            ))}
          </div>
        </fieldset>
      </div>

      {entries.length > 0 ? (
        <fieldset className="mt-5">
          <legend className="mb-2 text-sm font-semibold text-zinc-900 dark:text-zinc-100">
            Parameters
          </legend>
          <div className="grid gap-3 sm:grid-cols-2">
            {entries.map(([key, spec]) => (
              <ParamField
                key={`${widget.slug}-${key}`}
                id={`${id}-${key}`}
                name={key}
                spec={spec}
                value={raw[key] ?? ''}
                onChange={(v) => setRaw((r) => ({ ...r, [key]: v }))}
              />
            ))}
          </div>
        </fieldset>
      ) : (
        <p className="mt-5 mb-0 text-sm text-zinc-600 dark:text-zinc-400">
          This widget takes no parameters: it is the same everywhere.
        </p>
      )}

      <p
        role="status"
        data-builder-notes=""
        className={
          parsed.notes.length > 0
            ? 'mt-3 mb-0 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-100'
            : 'sr-only'
        }
      >
        {parsed.notes.length > 0 ? `The link uses: ${parsed.notes.join('; ')}.` : ''}
      </p>

      <h3 className="mt-6 mb-2 text-sm font-semibold text-zinc-900 dark:text-zinc-100">Preview</h3>
      <div className="overflow-hidden rounded-xl border border-dashed border-zinc-300 bg-white dark:border-zinc-700 dark:bg-zinc-950">
        <iframe
          ref={frame}
          key={widget.slug}
          src={preview}
          title={`Preview: ${widget.title}`}
          sandbox={EMBED_SANDBOX}
          allow="clipboard-write"
          className="block w-full border-0"
          style={{ height }}
        />
      </div>

      <div className="mt-6">
        <label
          htmlFor={`${id}-link`}
          className="mb-1 block text-sm font-semibold text-zinc-900 dark:text-zinc-100"
        >
          Link
        </label>
        <div className="flex flex-wrap gap-2">
          <input
            id={`${id}-link`}
            readOnly
            value={link}
            className={`${field} min-w-0 flex-1 font-mono text-xs`}
            onFocus={(e) => e.target.select()}
          />
          <button type="button" className={button} onClick={() => void copy('link', link)}>
            {copied === 'link' ? 'Copied' : 'Copy link'}
          </button>
          <a href={link} target="_blank" rel="noopener" className={button}>
            Open
          </a>
        </div>
      </div>

      <div className="mt-4">
        <label
          htmlFor={`${id}-snippet`}
          className="mb-1 block text-sm font-semibold text-zinc-900 dark:text-zinc-100"
        >
          Snippet for your page
        </label>
        <textarea
          id={`${id}-snippet`}
          readOnly
          value={snippet}
          rows={8}
          className={`${field} font-mono text-xs leading-relaxed`}
          onFocus={(e) => e.target.select()}
        />
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <button type="button" className={button} onClick={() => void copy('snippet', snippet)}>
            {copied === 'snippet' ? 'Copied' : 'Copy snippet'}
          </button>
          <span className="text-xs text-zinc-600 dark:text-zinc-400">
            The iframe, then the script that fits its height (once per page is enough).
          </span>
        </div>
      </div>
    </fieldset>
  );
}

/** One parameter's field: a number, a choice, a switch or lines of text. */
function ParamField({
  id,
  name,
  spec,
  value,
  onChange,
}: {
  id: string;
  name: string;
  spec: ParamSpec;
  value: string;
  onChange: (value: string) => void;
}) {
  const label = (
    <label htmlFor={id} className="mb-1 block font-mono text-xs text-zinc-700 dark:text-zinc-300">
      {name}
      <span className="ml-2 font-sans text-zinc-500 dark:text-zinc-400">
        {spec.kind === 'int'
          ? `${spec.min.toLocaleString('en-US')} to ${spec.max.toLocaleString('en-US')}`
          : spec.kind === 'text'
            ? `up to ${spec.maxLength.toLocaleString('en-US')} characters`
            : ''}
      </span>
    </label>
  );
  if (spec.kind === 'int')
    return (
      <div>
        {label}
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={spec.min}
          max={spec.max}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          className={field}
        />
      </div>
    );
  if (spec.kind === 'choice')
    return (
      <div>
        {label}
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className={field}>
          {spec.options.map((o) => (
            <option key={o} value={o}>
              {o === '' ? '(none)' : o}
            </option>
          ))}
        </select>
      </div>
    );
  if (spec.kind === 'flag')
    return (
      <label htmlFor={id} className="flex items-center gap-2 self-end text-sm">
        <input
          id={id}
          type="checkbox"
          checked={value === '1' || value === 'true'}
          onChange={(e) => onChange(e.target.checked ? '1' : '0')}
          className="accent-accent-600"
        />
        <span className="font-mono text-xs">{name}</span>
      </label>
    );
  return (
    <div className="sm:col-span-2">
      {label}
      <textarea
        id={id}
        rows={4}
        value={value}
        placeholder={'ZADD lb 100 ana 90 bo\nZREVRANGE lb 0 -1 WITHSCORES'}
        onChange={(e) => onChange(e.target.value)}
        className={`${field} font-mono text-xs`}
        spellCheck={false}
      />
    </div>
  );
}
