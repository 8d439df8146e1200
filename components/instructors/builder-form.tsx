import type { ChangeEvent, ReactNode } from 'react';
import {
  EMBED_THEMES,
  embedQuery,
  embedSnippet,
  embedUrl,
  parseParams,
  type EmbedTheme,
  type ParamSchema,
  type ParamSpec,
} from '@/lib/embed/embed-link';
import { basePath, withBasePath } from '@/lib/site-config';

/**
 * The embed builder's form, drawn from its state alone: no hooks, so the server draws it
 * as the builder's static picture (EmbedBuilderPicture, below) and the live builder
 * (embed-builder.tsx, its own chunk) draws the same markup with its handlers. The two can
 * then never differ by a label or a pixel, and the live one replaces the picture in place.
 */

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

/** What a reader has set. Field values are kept as typed; `parseParams` reads them. */
export interface BuilderState {
  slug: string;
  raw: Record<string, string>;
  theme: EmbedTheme;
}

/** The live builder's handlers. Without them the controls are plain HTML (the picture). */
export interface BuilderHandlers {
  choose: (slug: string) => void;
  setParam: (key: string, value: string) => void;
  setTheme: (theme: EmbedTheme) => void;
  copy: (what: 'link' | 'snippet', text: string) => void;
}

/** The prefix of the builder's element ids (one builder per page). */
export const BUILDER_ID = 'embed-builder';

const THEME_LABELS: Record<EmbedTheme, string> = {
  system: "Reader's setting",
  light: 'Light',
  dark: 'Dark',
};

/** A parameter's default as its field shows it. */
const defaultText = (spec: ParamSpec) =>
  typeof spec.default === 'boolean' ? (spec.default ? '1' : '0') : String(spec.default);

/** Every parameter of `schema` at its default, as its field shows it. */
export const defaultsOf = (schema: ParamSchema) =>
  Object.fromEntries(Object.entries(schema).map(([k, s]) => [k, defaultText(s)]));

/** The state a reader first meets: the first widget at its chapter's defaults. */
export function initialState(widgets: readonly BuilderWidget[]): BuilderState {
  const first = widgets[0];
  return { slug: first?.slug ?? '', raw: first ? defaultsOf(first.schema) : {}, theme: 'system' };
}

/**
 * What a state means: the values the link carries (clamped, with a note for each change),
 * the link at `site` (origin and base path), the snippet, and the preview's own path.
 */
export function deriveEmbed(widget: BuilderWidget, state: BuilderState, site: string) {
  const parsed = parseParams(widget.schema, state.raw);
  const query = embedQuery(
    widget.schema,
    parsed.values,
    state.theme === 'system' ? undefined : state.theme,
  );
  const link = embedUrl(site, widget.slug, query);
  return {
    notes: parsed.notes,
    link,
    snippet: embedSnippet(link, `${widget.title} · Leaderboard Lab`, widget.height),
    previewPath: embedUrl(basePath, widget.slug, query),
  };
}

const field =
  'block w-full rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm text-zinc-900 shadow-xs focus-visible:outline-2 focus-visible:outline-accent-500 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100';
const button =
  'inline-flex h-9 items-center rounded-md border border-zinc-300 bg-white px-3 text-sm font-medium text-zinc-800 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-accent-500 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800 data-queued:animate-pulse data-queued:bg-zinc-100 dark:data-queued:bg-zinc-800';

type FieldElement = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/**
 * A text field's value: controlled by the live builder, or the picture's starting value,
 * which a reader may already change (the live builder takes the field's value up).
 */
function bind(value: string, onChange: ((value: string) => void) | undefined) {
  return onChange
    ? { value, onChange: (e: ChangeEvent<FieldElement>) => onChange(e.target.value) }
    : { defaultValue: value };
}

/** The same for a checkbox or a radio button. */
function bindChecked(checked: boolean, onChange: ((checked: boolean) => void) | undefined) {
  return onChange
    ? { checked, onChange: (e: ChangeEvent<HTMLInputElement>) => onChange(e.target.checked) }
    : { defaultChecked: checked };
}

/**
 * The builder: pick a widget, set its parameters and a theme, see the preview, copy the
 * link or the snippet. Without `handlers` it is the static picture: its fields are plain HTML a reader
 * can already change, and a tap on a copy button is kept and replayed on the live button
 * (`data-queue-control`, components/site/site-controls.ts).
 */
export function BuilderForm({
  widgets,
  state,
  site,
  handlers,
  copied = null,
  preview,
}: {
  widgets: readonly BuilderWidget[];
  state: BuilderState;
  /** The site's address (origin and base path) the link starts with. */
  site: string;
  handlers?: BuilderHandlers;
  copied?: 'link' | 'snippet' | null;
  /** The frame's content, at its height: the live embed, or the picture's note. */
  preview: ReactNode;
}) {
  const id = BUILDER_ID;
  const widget = widgets.find((w) => w.slug === state.slug) ?? widgets[0];
  if (!widget) return null;
  const { notes, link, snippet, previewPath } = deriveEmbed(widget, state, site);
  const entries = Object.entries(widget.schema);
  const live = handlers !== undefined;
  const select = live
    ? { onFocus: (e: { target: HTMLInputElement | HTMLTextAreaElement }) => e.target.select() }
    : {};
  // The picture's copy buttons keep a tap; the live ones copy.
  const copyButton = (what: 'link' | 'snippet', label: string, text: string) =>
    live ? (
      <button type="button" className={button} onClick={() => handlers.copy(what, text)}>
        {copied === what ? 'Copied' : label}
      </button>
    ) : (
      <button type="button" className={button} data-queue-control={label}>
        {label}
      </button>
    );
  return (
    <fieldset
      data-embed-builder=""
      data-widget="embed-builder"
      data-placeholder={live ? undefined : ''}
      data-ready={live ? '' : undefined}
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
          <select id={`${id}-widget`} className={field} {...bind(widget.slug, handlers?.choose)}>
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
                  {...bindChecked(
                    state.theme === t,
                    handlers && ((on) => on && handlers.setTheme(t)),
                  )}
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
                value={state.raw[key] ?? ''}
                onChange={handlers && ((v) => handlers.setParam(key, v))}
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
          notes.length > 0
            ? 'mt-3 mb-0 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-100'
            : 'sr-only'
        }
      >
        {notes.length > 0 ? `The link uses: ${notes.join('; ')}.` : ''}
      </p>

      <h3 className="mt-6 mb-2 text-sm font-semibold text-zinc-900 dark:text-zinc-100">Preview</h3>
      <div className="overflow-hidden rounded-xl border border-dashed border-zinc-300 bg-white dark:border-zinc-700 dark:bg-zinc-950">
        {preview}
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
            {...select}
          />
          {copyButton('link', 'Copy link', link)}
          {/* The picture's link is relative: right wherever the export is served. */}
          <a href={live ? link : previewPath} target="_blank" rel="noopener" className={button}>
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
          {...select}
        />
        <div className="mt-2 flex flex-wrap items-center gap-3">
          {copyButton('snippet', 'Copy snippet', snippet)}
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
  onChange: ((value: string) => void) | undefined;
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
          {...bind(value, onChange)}
          className={field}
        />
      </div>
    );
  if (spec.kind === 'choice')
    return (
      <div>
        {label}
        <select id={id} {...bind(value, onChange)} className={field}>
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
          {...bindChecked(
            value === '1' || value === 'true',
            onChange && ((on) => onChange(on ? '1' : '0')),
          )}
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
        {...bind(value, onChange)}
        placeholder={'ZADD lb 100 ana 90 bo\nZREVRANGE lb 0 -1 WITHSCORES'}
        className={`${field} font-mono text-xs`}
        spellCheck={false}
      />
    </div>
  );
}

/**
 * The builder as the server draws it: the form at its defaults, the default link and
 * snippet, and the preview's frame at the height the live builder starts from, with a note
 * and the embed's own address in place of the live embed. It is what a reader sees before
 * the builder's code arrives (or without script), and what search indexes.
 */
export function EmbedBuilderPicture({
  widgets,
  siteUrl,
}: {
  widgets: readonly BuilderWidget[];
  siteUrl: string;
}) {
  const state = initialState(widgets);
  const widget = widgets[0];
  if (!widget) return null;
  const { previewPath } = deriveEmbed(widget, state, siteUrl);
  return (
    <BuilderForm
      widgets={widgets}
      state={state}
      site={siteUrl}
      preview={
        <div
          // The height the live builder's frame starts from (the snippet's), so nothing moves.
          style={{ height: widget.height }}
          className="flex flex-col items-center justify-center gap-1 px-4 text-center text-sm text-zinc-600 dark:text-zinc-400"
        >
          <p className="m-0 font-medium text-zinc-800 dark:text-zinc-200">{widget.title}</p>
          <p className="m-0">The live preview appears here once the builder has loaded.</p>
          <noscript>
            <p className="m-0">It needs JavaScript, which is off in this browser.</p>
          </noscript>
          <a
            href={previewPath}
            target="_blank"
            rel="noopener"
            className="text-accent-700 underline dark:text-accent-300"
          >
            Open the embed on its own page
          </a>
        </div>
      }
    />
  );
}
