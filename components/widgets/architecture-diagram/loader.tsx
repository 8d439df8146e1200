'use client';

import { Suspense, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useEmbedValues } from '@/components/embed/embed-values';
import { retryWidget, widgetChunk } from '../lazy-widget';
import { WidgetLoadBoundary } from '../widget-load-boundary';

/**
 * React Flow, its CSS and the simulation stay out of the page's first load: the live chunk is
 * fetched only when the card comes near the viewport.
 *
 * Shows the server-rendered placeholder, loads the live diagram when the card nears the
 * viewport (or is focused or touched first), and swaps them without moving anything: both
 * sit in one grid cell and the live one becomes visible once it has drawn.
 */
export function DiagramLoader({
  stage: chapterStage,
  seed: chapterSeed,
  placeholder,
}: {
  stage: number;
  seed: number;
  placeholder: ReactNode;
}) {
  // On an embed page the link's stage and seed (already clamped) win over the defaults.
  const link = useEmbedValues();
  const stage = typeof link.stage === 'number' ? link.stage : chapterStage;
  const seed = typeof link.seed === 'number' ? link.seed : chapterSeed;
  const ref = useRef<HTMLDivElement>(null);
  const [load, setLoad] = useState(false);
  const [ready, setReady] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') {
      setLoad(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setLoad(true);
          observer.disconnect();
        }
      },
      { rootMargin: '300px 0px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const onReady = useCallback(() => setReady(true), []);
  // The live diagram's chunk, as the widget manifest loads it (a new one after a retry).
  const LiveArchitectureDiagram = widgetChunk('ArchitectureDiagram');

  return (
    <div
      ref={ref}
      className="my-8 grid grid-cols-1 min-[1420px]:-mx-14"
      data-widget="architecture-diagram"
      data-architecture-diagram={stage}
      data-ready={ready ? 'true' : 'false'}
      onFocusCapture={() => setLoad(true)}
      onPointerEnter={() => setLoad(true)}
    >
      <div className={`min-w-0 [grid-area:1/1] ${ready ? 'invisible print:visible' : ''}`}>
        {placeholder}
      </div>
      {load ? (
        // On a failed fetch the boundary's line takes the next grid row, under the picture.
        <WidgetLoadBoundary
          key={attempt}
          title="Architecture diagram"
          fallback={null}
          onRetry={() => {
            retryWidget('ArchitectureDiagram');
            setAttempt((n) => n + 1);
          }}
          className="mt-3"
        >
          <div className={`min-w-0 [grid-area:1/1] print:hidden ${ready ? '' : 'invisible'}`}>
            <Suspense fallback={null}>
              {/* eslint-disable-next-line react-hooks/static-components -- made at module load (or on a retry) */}
              <LiveArchitectureDiagram initialStage={stage} seed={seed} onReady={onReady} />
            </Suspense>
          </div>
        </WidgetLoadBoundary>
      ) : null}
    </div>
  );
}
