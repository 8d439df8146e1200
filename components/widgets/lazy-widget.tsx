'use client';

import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useState,
  type ComponentType,
  type ReactNode,
} from 'react';
import { widgetEntry, widgets } from './manifest';
import { useNearViewport } from './use-near-viewport';
import { WidgetLoadBoundary } from './widget-load-boundary';
import { startWorker, WorkerSlot, WorkerSlotContext } from './worker-start';

type AnyComponent = ComponentType<Record<string, unknown>>;

/** Each widget's code, fetched once whoever asks first: the head start below or React.lazy. */
const loading = new Map<string, Promise<AnyComponent>>();
function loadWidget(name: string): Promise<AnyComponent> {
  let promise = loading.get(name);
  if (!promise) {
    promise = widgetEntry(name).load();
    loading.set(name, promise);
  }
  return promise;
}

/**
 * One React.lazy component per widget, made once when this module loads: creating one
 * costs nothing until it renders, and then it fetches the widget's own chunk.
 */
const lazyChunk = (name: string): AnyComponent =>
  lazy(() => loadWidget(name).then((c) => ({ default: c })));
const chunks = new Map<string, AnyComponent>(widgets.map((w) => [w.name, lazyChunk(w.name)]));

/**
 * After widget `name`'s code failed to load: the next render fetches it again. A lazy
 * component keeps its rejection, so it is replaced, and so is the cached promise; the
 * bundler's loader forgets a chunk that failed.
 */
export function retryWidget(name: string): void {
  loading.delete(name);
  chunks.set(name, lazyChunk(name));
}

/** The attribute on the element LazyWidget wraps a placeholder in: the widget's name. */
const WRAPPER_ATTRIBUTE = 'data-lazy-widget';

/**
 * A head start for the widgets a reader can already see. This module is evaluated with the
 * page's first JavaScript, as React starts hydrating the page and before hydration reaches
 * any widget; only once hydration has committed (on a phone, some hundreds of milliseconds
 * later) can LazyWidget's observer report a placeholder near the viewport. A placeholder
 * already within a screen of the viewport now (or one that loads wherever it is) will
 * certainly load, so its chunk and its worker are requested here, in parallel with
 * hydration, and LazyWidget takes the worker up when it mounts, matched by the wrapper
 * element, which hydration keeps.
 */
const headStart: { wrapper: Element; worker: Worker }[] = [];
if (typeof document !== 'undefined') {
  for (const wrapper of document.querySelectorAll(`[${WRAPPER_ATTRIBUTE}]`)) {
    const entry = widgets.find((w) => w.name === wrapper.getAttribute(WRAPPER_ATTRIBUTE));
    if (!entry) continue;
    const box = wrapper.getBoundingClientRect();
    // A hidden block (no box) is not one the reader sees.
    if (box.width === 0 && box.height === 0) continue;
    if (entry.nearViewport && (box.bottom < -innerHeight || box.top > 2 * innerHeight)) continue;
    // A failed fetch is React.lazy's to report, when the widget renders.
    loadWidget(entry.name).catch(() => {});
    if (entry.worker) headStart.push({ wrapper, worker: startWorker(entry.worker) });
  }
}

/**
 * The worker started ahead for `wrapper`, taken out of the list. Each call also ends the
 * workers whose wrapper has left the document without a LazyWidget taking them (React
 * replaced the server's markup, or the reader navigated on before hydration reached it).
 */
function takeHeadStart(wrapper: Element): Worker | null {
  let taken: Worker | null = null;
  for (let i = headStart.length - 1; i >= 0; i--) {
    const started = headStart[i]!;
    if (started.wrapper === wrapper) taken = started.worker;
    else if (started.wrapper.isConnected) continue;
    else started.worker.terminate();
    headStart.splice(i, 1);
  }
  return taken;
}

/** The lazy component of widget `name` (its manifest `load`). */
export function widgetChunk(name: string): ComponentType<Record<string, unknown>> {
  const chunk = chunks.get(name);
  if (!chunk) throw new Error(`No widget named ${name} in components/widgets/manifest.ts`);
  return chunk;
}

/**
 * Shows the widget's server-rendered placeholder (`children`) until the widget should load
 * (after hydration, or once the placeholder nears the viewport for a `nearViewport`
 * widget), then fetches the widget's own chunk and swaps it in. The placeholder has the
 * widget's final size, so nothing on the page moves. A widget with a worker gets it started
 * at the same moment as the chunk fetch (worker-start.ts), and takes it when it mounts.
 */
export function LazyWidget({
  name,
  props,
  children,
}: {
  name: string;
  props: Record<string, unknown>;
  children: ReactNode;
}) {
  const entry = widgetEntry(name);
  const [observe, near] = useNearViewport(!entry.nearViewport);
  const Chunk = chunks.get(name);
  const [slot] = useState(() => (entry.worker ? new WorkerSlot(entry.worker) : null));
  // Fetches of the widget's code so far after a failure: a retry renders a new lazy chunk.
  const [attempt, setAttempt] = useState(0);
  const ref = useCallback(
    (element: HTMLDivElement | null) => {
      observe(element);
      const started = element && takeHeadStart(element);
      if (started) slot?.adopt(started);
    },
    [observe, slot],
  );
  useEffect(() => {
    if (near) slot?.start();
  }, [near, slot]);
  useEffect(() => () => slot?.close(), [slot]);
  if (!near || !Chunk) {
    const marker = { [WRAPPER_ATTRIBUTE]: name };
    return (
      <div ref={ref} {...marker}>
        {children}
      </div>
    );
  }
  return (
    <WorkerSlotContext value={slot}>
      <WidgetLoadBoundary
        key={attempt}
        title={entry.title}
        fallback={children}
        onRetry={() => {
          retryWidget(name);
          setAttempt((n) => n + 1);
        }}
      >
        <Suspense fallback={children}>
          {/* eslint-disable-next-line react-hooks/static-components -- made at module load (or on a retry) */}
          <Chunk {...props} />
        </Suspense>
      </WidgetLoadBoundary>
    </WorkerSlotContext>
  );
}
