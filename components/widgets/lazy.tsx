'use client';

import dynamic from 'next/dynamic';
import { SpeedRoundDrillPlaceholder } from './speed-round-frame';

/**
 * The registry of lazy widgets: each loads its code after the page is interactive and
 * shows a placeholder of its final size until then, so a prose page stays light and
 * never jumps. Client-only (`ssr: false`): the widgets read localStorage on their
 * first render anyway.
 */
export const SpeedRoundDrill = dynamic(
  () => import('./speed-round-drill').then((m) => m.SpeedRoundDrill),
  { ssr: false, loading: () => <SpeedRoundDrillPlaceholder /> },
);
