'use client';

import { useEffect, useState, type ReactNode } from 'react';
import { useNearViewport } from '@/components/widgets/use-near-viewport';
import { LoadFailed } from '@/components/widgets/widget-load-boundary';
import type { BuilderWidget } from './builder-form';

type Live = typeof import('./embed-builder').EmbedBuilder;

/**
 * The embed builder as the widgets load (components/widgets/lazy-widget.tsx): the server's
 * picture of it (`children`, EmbedBuilderPicture) until it comes within a screen of the
 * viewport (the widgets' rule, useNearViewport), then the live builder from its own chunk,
 * so the page hydrates none of it up front. It is not a manifest widget (no chapter, no
 * embed, no worker), so LazyWidget itself does not serve it.
 *
 * Unlike a widget's picture, this one has fields a reader may already be using, so it must
 * stay the same elements until the live builder takes its place: the chunk is fetched first
 * and the swap is one commit, in which the live builder reads what the picture holds
 * (embed-builder.tsx). No Suspense boundary either: around server-rendered children it
 * would let the server stream the picture as a hidden fallback replacement.
 */
export function LazyEmbedBuilder({
  widgets,
  siteUrl,
  children,
}: {
  widgets: readonly BuilderWidget[];
  siteUrl: string;
  children: ReactNode;
}) {
  const [observe, near] = useNearViewport();
  const [Live, setLive] = useState<Live | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!near) return;
    let mounted = true;
    import('./embed-builder').then(
      (m) => mounted && setLive(() => m.EmbedBuilder),
      // Offline with the chunk not cached: the picture stays (its fields and links still
      // work), with a line that says so and fetches the builder again.
      () => mounted && setFailed(true),
    );
    return () => {
      mounted = false;
    };
  }, [near, attempt]);
  return (
    <div ref={observe}>
      {Live ? <Live widgets={widgets} siteUrl={siteUrl} /> : children}
      {failed && !Live ? (
        <LoadFailed
          title="Embed builder"
          className="mt-4"
          onRetry={() => {
            setFailed(false);
            setAttempt((n) => n + 1);
          }}
        />
      ) : null}
    </div>
  );
}
