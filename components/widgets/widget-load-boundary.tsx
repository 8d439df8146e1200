'use client';

import { Component, useEffect, useRef, type ReactNode } from 'react';

type Props = {
  /** The widget's title ("Redis console"), for the message. */
  title: string;
  /** What stays on the page meanwhile: the widget's server-drawn placeholder. */
  fallback: ReactNode;
  /**
   * Fetches the widget's code again: calls lazy-widget.ts retryWidget and re-renders the
   * parent, which must give this boundary a new `key` so that it renders the new chunk.
   */
  onRetry: () => void;
  /** The line's margins (default: under a placeholder card with `my-8`). */
  className?: string;
  children: ReactNode;
};

/**
 * Catches a widget whose code could not be fetched (a dropped connection on a first visit,
 * before the service worker has the site). Without it React hands the error to Next's root
 * boundary, which replaces the whole page, the reader's prose included, with "This page
 * couldn't load". Here the widget's placeholder stays, with a line saying what happened and
 * a button that fetches the code again.
 */
export class WidgetLoadBoundary extends Component<Props, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <>
        {this.props.fallback}
        <LoadFailed
          title={this.props.title}
          onRetry={this.props.onRetry}
          className={this.props.className ?? '-mt-5 mb-8'}
        />
      </>
    );
  }
}

/** The line under a widget's picture when its code did not arrive, with a Try again button. */
export function LoadFailed({
  title,
  onRetry,
  className,
}: {
  title: string;
  onRetry: () => void;
  className: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // A tap kept on the placeholder (site-controls.ts) stays kept, for when a retry brings
    // the widget, but no longer pulses as if the widget were on its way.
    const placeholder = ref.current?.previousElementSibling;
    for (const el of placeholder?.querySelectorAll('[data-queued]') ?? []) {
      el.removeAttribute('data-queued');
    }
  }, []);
  return (
    <div
      ref={ref}
      role="alert"
      data-widget-load-failed=""
      className={`not-prose ${className} flex flex-wrap items-center gap-x-4 gap-y-2 rounded-xl border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 print:hidden dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100`}
    >
      <p className="m-0 min-w-0 flex-1">
        “{title}” could not load: its code did not arrive, so what you see above is its picture. The
        connection may have dropped.
      </p>
      <button
        type="button"
        onClick={onRetry}
        className="inline-flex h-9 shrink-0 items-center rounded-md bg-amber-800 px-3 font-semibold text-white hover:bg-amber-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-600 dark:bg-amber-300 dark:text-amber-950 dark:hover:bg-amber-200"
      >
        Try again
      </button>
    </div>
  );
}
