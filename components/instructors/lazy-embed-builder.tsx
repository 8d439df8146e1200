'use client';

import { lazy, Suspense, type ComponentProps } from 'react';
import type { EmbedBuilder } from './embed-builder';

/**
 * The embed builder's code is fetched on its own, as a widget's is: the server renders the
 * builder into the page, and hydration picks it up once its chunk has arrived. In the
 * page's first JavaScript it would put /instructors/ over the 150 KB gzip that a page of
 * reading may cost (npm run perf:site).
 */
const Builder = lazy(() => import('./embed-builder').then((m) => ({ default: m.EmbedBuilder })));

export function LazyEmbedBuilder(props: ComponentProps<typeof EmbedBuilder>) {
  return (
    <Suspense>
      <Builder {...props} />
    </Suspense>
  );
}
