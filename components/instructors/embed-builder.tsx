'use client';

import { useEffect, useRef, useState } from 'react';
import {
  AUTOSIZE_MESSAGE,
  EMBED_SANDBOX,
  EMBED_THEMES,
  MAX_EMBED_HEIGHT,
  RESIZE_MESSAGE,
  type EmbedTheme,
} from '@/lib/embed/embed-link';
import { basePath } from '@/lib/site-config';
import {
  BUILDER_ID,
  BuilderForm,
  defaultsOf,
  deriveEmbed,
  initialState,
  type BuilderState,
  type BuilderWidget,
} from './builder-form';

/**
 * Where the reader left the builder's picture, if it is still on the page: the live builder
 * is rendered while the server's picture is shown, and takes up what the reader already
 * chose there (a widget, a theme, the fields of the first widget) and which field had the
 * focus, so nothing done before the code arrived is lost. Read once, as the builder mounts.
 */
function fromPicture(widgets: readonly BuilderWidget[]): {
  state: BuilderState;
  focus: { id: string; start: number | null; end: number | null } | null;
} {
  const start = initialState(widgets);
  const picture = document.querySelector('[data-embed-builder][data-placeholder]');
  if (!picture) return { state: start, focus: null };
  const element = (name: string) => picture.querySelector(`#${BUILDER_ID}-${CSS.escape(name)}`);
  const chosen = element('widget');
  const widget =
    widgets.find((w) => chosen instanceof HTMLSelectElement && w.slug === chosen.value) ??
    widgets[0];
  const theme = picture.querySelector<HTMLInputElement>(
    `input[name="${BUILDER_ID}-theme"]:checked`,
  );
  const state: BuilderState = {
    slug: widget?.slug ?? start.slug,
    raw: widget ? defaultsOf(widget.schema) : {},
    theme: EMBED_THEMES.find((t) => t === theme?.value) ?? start.theme,
  };
  // The picture draws the first widget's fields: they hold the reader's values only for it.
  if (widget && widget.slug === start.slug) {
    for (const key of Object.keys(state.raw)) {
      const input = element(key);
      if (input instanceof HTMLInputElement && input.type === 'checkbox') {
        state.raw[key] = input.checked ? '1' : '0';
      } else if (
        input instanceof HTMLInputElement ||
        input instanceof HTMLSelectElement ||
        input instanceof HTMLTextAreaElement
      ) {
        state.raw[key] = input.value;
      }
    }
  }
  const active = document.activeElement;
  const focus =
    active && active.id && picture.contains(active)
      ? {
          id: active.id,
          start:
            active instanceof HTMLTextAreaElement || active instanceof HTMLInputElement
              ? active.selectionStart
              : null,
          end:
            active instanceof HTMLTextAreaElement || active instanceof HTMLInputElement
              ? active.selectionEnd
              : null,
        }
      : null;
  return { state, focus };
}

/**
 * The embed builder of /instructors/, live: pick a widget, set its parameters (parsed and
 * clamped by the widget's own schema, with a note for each value that changed) and a theme,
 * watch the embed itself in a preview frame sized by its height messages, copy the link or
 * the snippet. Its own chunk, loaded by LazyEmbedBuilder when the builder nears the
 * viewport; until then the server's picture stands in. Holds view state only; links and
 * the snippet come from lib/embed.
 */
export function EmbedBuilder({
  widgets,
  siteUrl,
}: {
  widgets: readonly BuilderWidget[];
  /** The site's URL as built, if the page's own address is unknown (never in a browser). */
  siteUrl: string;
}) {
  const [start] = useState(() =>
    typeof document === 'undefined'
      ? { state: initialState(widgets), focus: null }
      : fromPicture(widgets),
  );
  const [state, setState] = useState(start.state);
  const [copied, setCopied] = useState<'link' | 'snippet' | null>(null);
  // The site's address as the reader has it open, base path included (like siteUrl).
  const [site] = useState(() =>
    typeof window === 'undefined' ? siteUrl : `${window.location.origin}${basePath}`,
  );
  const widget = widgets.find((w) => w.slug === state.slug) ?? widgets[0];

  // The focus the reader had in the picture moves to the same field here.
  useEffect(() => {
    const focus = start.focus;
    const target = focus && document.getElementById(focus.id);
    if (!focus || !(target instanceof HTMLElement)) return;
    target.focus();
    if (
      (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) &&
      focus.start !== null
    ) {
      try {
        target.setSelectionRange(focus.start, focus.end);
      } catch {
        // A number field has no selection to restore.
      }
    }
  }, [start]);

  // The preview follows the fields a moment after typing stops, not on every keystroke.
  const previewPath = widget ? deriveEmbed(widget, state, site).previewPath : '';
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
    setState((s) => ({ ...s, slug: next, raw: defaultsOf(w.schema) }));
    setHeight(w.height);
  }

  async function copy(what: 'link' | 'snippet', text: string) {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(what);
      window.setTimeout(() => setCopied(null), 2000);
    } catch {
      // No clipboard (an insecure origin, a refused permission): select it for Ctrl+C.
      const box = document.getElementById(`${BUILDER_ID}-${what}`);
      if (box instanceof HTMLTextAreaElement || box instanceof HTMLInputElement) box.select();
    }
  }

  if (!widget) return null;
  return (
    <BuilderForm
      widgets={widgets}
      state={state}
      site={site}
      copied={copied}
      handlers={{
        choose,
        setParam: (key, value) => setState((s) => ({ ...s, raw: { ...s.raw, [key]: value } })),
        setTheme: (theme: EmbedTheme) => setState((s) => ({ ...s, theme })),
        copy: (what, text) => void copy(what, text),
      }}
      preview={
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
      }
    />
  );
}
