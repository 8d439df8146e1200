'use client';

import dynamic from 'next/dynamic';

/**
 * The practice room's code (React Flow, dagre, idb, the room itself) is one chunk fetched only
 * by /practice/; the static page says what the room is while it arrives.
 */
export const PracticeRoomLoader = dynamic(
  () => import('./practice-room').then((m) => m.PracticeRoom),
  {
    ssr: false,
    loading: () => (
      <p className="py-10 text-sm text-zinc-600 dark:text-zinc-400" role="status">
        Loading the practice room…
      </p>
    ),
  },
);
