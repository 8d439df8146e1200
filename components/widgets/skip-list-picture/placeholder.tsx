import { Engine } from '@/lib/engine/engine';
import { inspectSortedSet } from '@/lib/engine/inspect';
import { layoutSkipList } from '@/lib/engine/skip-list-layout';
import { widgetEntry } from '../manifest';
import {
  commandSelectClass,
  controlClass,
  encodingClass,
  fieldLabelClass,
  frameClass,
  INTRO,
  memberSelectClass,
  PictureFooter,
  PictureRegion,
  requestRowClass,
  toolbarClass,
  traceClass,
} from './frame-parts';
import { DRAWN, SkipListDrawing } from './skip-list-drawing';
import { KEY, LISTPACK_LIMIT, player } from './seeded-players';

/**
 * The skip-list picture before its code arrives: the real skip list of the seeded set,
 * built by the engine here at build time and drawn by the same SkipListDrawing the live
 * picture uses, in the frame the live picture uses, with the controls drawn inert. Without
 * script there is no measuring: CSS picks the orientation (rows below ACROSS_FROM, the same
 * container size the live picture switches at) and scales the drawing into its region.
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
  const middle = layout?.nodes.filter((n) => n.member !== null)[Math.floor(count / 2)]?.member;
  const inert = (className: string) => className.replace(/hover:\S+|focus-visible:\S+/g, '');
  // Scaled down to the region's width when it must be, never up, like the live whole view.
  const fit = 'block h-auto max-w-full';
  return (
    <section
      aria-label="Skip-list picture (loading)"
      data-widget="skip-list-picture"
      data-placeholder=""
      className={`${frameClass} ${widgetEntry('SkipListPicture').height}`}
    >
      <div className={toolbarClass}>
        <h3 className="mr-auto text-sm font-semibold text-zinc-900 dark:text-zinc-100">
          Skip list of <code className="font-mono">{KEY}</code>
        </h3>
        <span className={encodingClass(encoding)}>
          {length} members · {encoding}
        </span>
        {['Add a player', 'Grow to 129', 'Reset'].map((label) => (
          <span key={label} aria-hidden="true" className={inert(controlClass)}>
            {label}
          </span>
        ))}
      </div>
      <div aria-hidden="true" className={requestRowClass}>
        <span className={fieldLabelClass}>
          Command
          <span className={`${commandSelectClass} flex items-center`}>ZREVRANK</span>
        </span>
        <span className={fieldLabelClass}>
          Member
          <span className={`${memberSelectClass} flex items-center`}>{middle}</span>
        </span>
        <span className={inert(traceClass)}>Trace the search</span>
        <span className="ml-auto flex gap-1.5">
          {/* Disabled buttons, as in the live picture before a trace: greyed text on a
              disabled control is exempt from the contrast rule, on a plain span it is not. */}
          <button type="button" disabled tabIndex={-1} className={inert(controlClass)}>
            ← Back
          </button>
          <button type="button" disabled tabIndex={-1} className={inert(controlClass)}>
            Next →
          </button>
        </span>
      </div>
      <PictureRegion caption={layout ? `All ${layout.columns - 1} nodes in view.` : ''}>
        {layout
          ? (
              [
                ['down', '', `${fit} @xl:hidden`],
                ['across', '-across', `${fit} hidden @xl:block`],
              ] as const
            ).map(([orientation, suffix, className]) => (
              <SkipListDrawing
                key={orientation}
                layout={layout}
                length={length}
                frame={null}
                target={null}
                descId={`skip-list-placeholder-desc${suffix}`}
                orientation={orientation}
                className={className}
              />
            ))
          : null}
      </PictureRegion>
      <PictureFooter
        answer={INTRO}
        status={
          <p role="status" className="m-0 mt-1 min-h-10 text-zinc-600 dark:text-zinc-400">
            Starting the engine…
          </p>
        }
      />
    </section>
  );
}
