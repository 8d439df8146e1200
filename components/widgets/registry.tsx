'use client';

/**
 * The lazy wrappers chapters use for interactive widgets. Each widget's code is its own
 * chunk, fetched only on pages that render it; until it arrives a placeholder of the
 * widget's final size holds its place, so nothing on the page moves.
 */
import dynamic from 'next/dynamic';
import { WidgetPlaceholder } from './widget-placeholder';

export const PracticeTimer = dynamic(
  () => import('./practice-timer').then((m) => m.PracticeTimer),
  {
    ssr: false,
    loading: () => (
      <WidgetPlaceholder
        name="practice-timer"
        label="45-minute practice timer"
        className="h-[17.5rem]"
      />
    ),
  },
);

/**
 * The live architecture diagram (React Flow, its CSS and the simulation). Its placeholder is
 * not a loading box but the server-rendered picture of the stage, so `ArchitectureDiagram`
 * (a server component) shows that and `DiagramLoader` mounts this when the card nears the
 * viewport.
 */
export const LiveArchitectureDiagram = dynamic(
  () => import('./architecture-diagram/live-diagram').then((m) => m.LiveDiagram),
  { ssr: false, loading: () => null },
);
