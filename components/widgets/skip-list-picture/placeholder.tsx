import { Engine } from '@/lib/engine/engine';
import { inspectSortedSet } from '@/lib/engine/inspect';
import { layoutSkipList } from '@/lib/engine/skip-list-layout';
import { widgetEntry } from '../manifest';
import { DRAWN, drawingSize, SkipListDrawing } from './skip-list-drawing';
import { KEY, LISTPACK_LIMIT, player } from './seeded-players';

/**
 * The skip-list picture before its code arrives: the real skip list of the seeded set,
 * built by the engine here at build time and drawn by the same SkipListDrawing the live
 * picture uses, with the controls drawn inert.
 */
export function SkipListPlaceholder({
  seed = 3,
  members = 12,
}: {
  seed?: number;
  members?: number;
}) {
  const engine = new Engine();
  const count = Math.max(2, Math.min(members, LISTPACK_LIMIT));
  const argv = ['ZADD', KEY];
  for (let i = 0; i < count; i++) {
    const p = player(seed, i);
    argv.push(String(p.score), p.member);
  }
  engine.execute(argv);
  const inspection = inspectSortedSet(engine, KEY, DRAWN);
  const layout = typeof inspection === 'string' ? null : layoutSkipList(inspection.snapshot);
  const length = typeof inspection === 'string' ? 0 : inspection.length;
  const encoding = typeof inspection === 'string' ? 'listpack' : inspection.encoding;
  const size = layout ? drawingSize(layout) : { width: 0, height: 0 };
  const inert =
    'inline-flex h-9 items-center rounded-lg border border-zinc-300 bg-white px-3 text-sm font-medium text-zinc-600 dark:border-zinc-600 dark:bg-zinc-800 dark:text-zinc-300';
  return (
    <section
      aria-label="Skip-list picture (loading)"
      data-widget="skip-list-picture"
      data-placeholder=""
      className={`not-prose my-8 flex ${widgetEntry('SkipListPicture').height} flex-col overflow-hidden rounded-2xl border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900`}
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
        <h3 className="mr-auto text-sm font-semibold text-zinc-900 dark:text-zinc-100">
          Skip list of <code className="font-mono">{KEY}</code>
        </h3>
        <span className="rounded-full bg-amber-100 px-2.5 py-0.5 text-xs font-semibold text-amber-900 dark:bg-amber-400/15 dark:text-amber-200">
          {length} members · {encoding}
        </span>
        <span aria-hidden="true" className="flex gap-3">
          <span className={inert}>Add a player</span>
          <span className={inert}>Grow to 129</span>
          <span className={inert}>Reset</span>
        </span>
      </div>
      <div
        aria-hidden="true"
        className="flex flex-wrap items-end gap-x-3 gap-y-2 border-b border-zinc-200 px-4 py-3 text-sm dark:border-zinc-800"
      >
        <span className={inert}>ZREVRANK</span>
        <span className={inert}>Trace the search</span>
      </div>
      <div className="min-h-0 flex-1 overflow-hidden">
        {layout ? (
          <div className="flex min-h-full items-center">
            <SkipListDrawing
              layout={layout}
              length={length}
              frame={null}
              target={null}
              descId="skip-list-placeholder-desc"
              width={size.width}
              height={size.height}
            />
          </div>
        ) : null}
      </div>
      <div className="border-t border-zinc-200 px-4 py-3 text-sm dark:border-zinc-800">
        <p role="status" className="min-h-5 text-zinc-600 dark:text-zinc-400">
          Starting the engine…
        </p>
      </div>
    </section>
  );
}
