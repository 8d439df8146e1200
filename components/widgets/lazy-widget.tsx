'use client';

import { lazy, Suspense, useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { widgetEntry, widgets } from './manifest';
import { useNearViewport } from './use-near-viewport';
import { WorkerSlot, WorkerSlotContext } from './worker-start';

/**
 * One React.lazy component per widget, made once when this module loads: creating one
 * costs nothing until it renders, and then it fetches the widget's own chunk.
 */
const chunks: ReadonlyMap<string, ComponentType<Record<string, unknown>>> = new Map(
  widgets.map((w) => [w.name, lazy(() => w.load().then((component) => ({ default: component })))]),
);

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
  const [ref, near] = useNearViewport(!entry.nearViewport);
  const Chunk = chunks.get(name);
  const [slot] = useState(() => (entry.worker ? new WorkerSlot(entry.worker) : null));
  useEffect(() => {
    if (near) slot?.start();
  }, [near, slot]);
  useEffect(() => () => slot?.close(), [slot]);
  if (!near || !Chunk) return <div ref={ref}>{children}</div>;
  return (
    <WorkerSlotContext value={slot}>
      <Suspense fallback={children}>
        {/* eslint-disable-next-line react-hooks/static-components -- made once, at module load */}
        <Chunk {...props} />
      </Suspense>
    </WorkerSlotContext>
  );
}
