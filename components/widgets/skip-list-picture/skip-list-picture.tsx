'use client';

import { useWorker } from '../use-worker';
import { SkipListPictureCore } from './skip-list-picture.core';

/** The skip-list picture with its default engine: a Web Worker of its own. */
export function SkipListPicture({ seed = 3, members = 12 }: { seed?: number; members?: number }) {
  const client = useWorker('engine');
  return <SkipListPictureCore client={client} seed={seed} members={members} />;
}
