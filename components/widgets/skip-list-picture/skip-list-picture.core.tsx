'use client';

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { SortedSetInspection, SortedSetTrace } from '@/lib/engine/inspect';
import { layoutSkipList, traceFrame, type TraceFrame } from '@/lib/engine/skip-list-layout';
import { sequence } from '@/lib/worker/rpc';
import { widgetEntry } from '../manifest';
import { KEY, LISTPACK_LIMIT, player } from './seeded-players';
import { useWorkerRequest, type EngineClient } from '../use-worker';
import {
  ACROSS_FROM,
  columnExtent,
  DRAWN,
  drawingSize,
  SkipListDrawing,
  type Orientation,
} from './skip-list-drawing';
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
import { pictureView } from './view';

type TraceOp = 'zrevrank' | 'zrank' | 'zadd';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * What the picture says at a step of a search: the step, the hop, the hops so far against a
 * linear scan, and at the last step how the answer follows from the position reached, and
 * why a small set can take more steps than a scan.
 */
function narrate(trace: SortedSetTrace, frame: TraceFrame): string {
  const steps = trace.hops.length;
  const scanFrom = trace.op === 'zrevrank' ? 'highest' : 'lowest';
  let text = `Step ${frame.step} of ${steps}. ${frame.narration} Forward hops so far: ${frame.forwardHops}; a linear scan from the ${scanFrom} score would visit ${plural(trace.linearScanHops, 'node')}.`;
  if (frame.step < steps || trace.answer === null) return text;
  if (trace.op === 'zrevrank') {
    text += ` ZREVRANK counts from the highest score, starting at 0: ${trace.length} members − position ${frame.rank} = ${trace.answer}.`;
  } else if (trace.op === 'zrank') {
    text += ` ZRANK counts from 0: position ${frame.rank} − 1 = ${trace.answer}.`;
  }
  if (steps >= trace.linearScanHops) {
    text += ` Here the search took ${plural(steps, 'step')} (drops included) against ${plural(trace.linearScanHops, 'node')} for a scan: with ${trace.length} members the express lanes are short and each level adds a drop. That is why Redis keeps sets this small as a listpack and simply scans them; grow the set past 128 to see the skip list win.`;
  }
  return text;
}

/** The size of an element's box, kept current as it resizes; null until measured. */
function useSize<T extends HTMLElement>(): [
  React.RefObject<T | null>,
  { width: number; height: number } | null,
] {
  const ref = useRef<T>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  // Measured before the first paint, so the drawing appears at its final scale at once.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const read = () =>
      setSize((old) => {
        const width = el.clientWidth;
        const height = el.clientHeight;
        return old && old.width === width && old.height === height ? old : { width, height };
      });
    read();
    const observer = new ResizeObserver(read);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, size];
}

function usePrefersReducedMotion(): boolean {
  const [reduced, setReduced] = useState(false);
  useEffect(() => {
    const query = window.matchMedia('(prefers-reduced-motion: reduce)');
    // Read once after mount (the server cannot know), then follow changes.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setReduced(query.matches);
    const onChange = () => setReduced(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return reduced;
}

/**
 * The skip-list picture: the real levels and spans of a small sorted set in the engine,
 * and the search path of a ZREVRANK, ZRANK or ZADD stepped hop by hop. Every number
 * comes from the engine worker; this component only draws.
 */
export function SkipListPictureCore({
  client,
  seed = 3,
  members = 12,
}: {
  client: EngineClient | null;
  seed?: number;
  members?: number;
}) {
  const [count, setCount] = useState(0);
  /** The set's skip list after the last change (initial fill, grow, reset). */
  const picture = useWorkerRequest<SortedSetInspection>();
  /** The search path being stepped through. */
  const search = useWorkerRequest<SortedSetTrace>();
  const [op, setOp] = useState<TraceOp>('zrevrank');
  const [target, setTarget] = useState('');
  const [step, setStep] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [note, setNote] = useState('');
  const reducedMotion = usePrefersReducedMotion();
  const initial = Math.max(2, Math.min(members, LISTPACK_LIMIT));
  const inspection = picture.value;
  const trace = search.value;
  const busy = picture.busy || search.busy;
  const { run: runPicture } = picture;
  const { reset: resetSearch } = search;

  /**
   * Adds players `from`..`to`-1 (after emptying the keyspace when `fresh`) and reads the
   * skip list back, as one cancellable request.
   */
  const fill = useCallback(
    (c: EngineClient, from: number, to: number, fresh: boolean) =>
      sequence(async (step) => {
        if (fresh) await step(() => c.call('reset', {}));
        const argv = ['ZADD', KEY];
        for (let i = from; i < to; i++) {
          const p = player(seed, i);
          argv.push(String(p.score), p.member);
        }
        if (argv.length > 2) await step(() => c.call('command', { argv }));
        return step(() => c.call('snapshot', { key: KEY, limit: DRAWN }));
      }),
    [seed],
  );

  useEffect(() => {
    if (!client) return;
    resetSearch();
    runPicture(() => fill(client, 0, initial, true), { onResult: () => setCount(initial) });
  }, [client, fill, initial, runPicture, resetSearch]);

  const layout = useMemo(
    () => (inspection ? layoutSkipList(inspection.snapshot) : null),
    [inspection],
  );
  const labelOf = useCallback(
    (id: number) => {
      if (id === 0) return 'the header';
      const node = inspection?.snapshot.nodes.find((n) => n.id === id);
      return node?.member ?? 'a node further right';
    },
    [inspection],
  );
  const frame = useMemo(
    () => (trace ? traceFrame(trace.hops, step, labelOf) : null),
    [trace, step, labelOf],
  );
  const drawnMembers = useMemo(
    () =>
      (inspection?.snapshot.nodes ?? [])
        .filter((n) => n.member !== null)
        .map((n) => n.member as string),
    [inspection],
  );
  const chosen = drawnMembers.includes(target)
    ? target
    : (drawnMembers[Math.floor(drawnMembers.length / 2)] ?? '');

  useEffect(() => {
    if (!playing || !trace) return;
    if (step >= trace.hops.length) {
      // The animation ends itself when the last hop is shown.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setPlaying(false);
      return;
    }
    const timer = window.setTimeout(() => setStep((s) => s + 1), 650);
    return () => window.clearTimeout(timer);
  }, [playing, step, trace]);

  function runTrace() {
    if (!client) return;
    const request =
      op === 'zadd'
        ? ({ op, member: player(seed, count).member, score: player(seed, count).score } as const)
        : ({ op, member: chosen } as const);
    search.run(() => client.call('trace', { key: KEY, request }), {
      onResult: () => {
        setStep(0);
        setPlaying(!reducedMotion);
        setNote('');
      },
      onError: setNote,
    });
  }

  function grow(to: number) {
    if (!client) return;
    search.reset();
    const before = inspection?.encoding;
    picture.run(() => fill(client, count, to, false), {
      onResult: (after) => {
        setCount(to);
        setNote(
          before !== after.encoding
            ? `The ${to}th member pushed the set past ${LISTPACK_LIMIT} entries: OBJECT ENCODING now says "${after.encoding}". Redis 7.0 never converts it back, even if the set shrinks.`
            : `${to} members; OBJECT ENCODING says "${after.encoding}".`,
        );
      },
      onError: setNote,
    });
  }

  function resetAll() {
    if (!client) return;
    search.reset();
    setNote('');
    picture.run(() => fill(client, 0, initial, true), { onResult: () => setCount(initial) });
  }

  const length = inspection?.length ?? 0;
  const encoding = inspection?.encoding ?? 'listpack';
  const answer =
    trace === null
      ? null
      : op === 'zadd'
        ? `ZADD would insert ${trace.member} at ascending position ${trace.rank} (after ${labelOf(trace.insertAfter)}).`
        : `${op.toUpperCase()} ${KEY} ${trace.member} = ${trace.answer ?? '(nil)'}`;

  // What the drawing's region shows: all of it when it fits legibly, else a window that
  // follows the search (the hop being narrated, and where it came from when both fit), or
  // when no search is shown, the member picked in the Member list.
  const [regionRef, region] = useSize<HTMLDivElement>();
  const orientation: Orientation = region && region.width >= ACROSS_FROM ? 'across' : 'down';
  const columnOf = useMemo(
    () => new Map((layout?.nodes ?? []).map((n) => [n.id, n.column])),
    [layout],
  );
  const lastColumn = (layout?.columns ?? 1) - 1;
  const columnOfNode = (id: number) => columnOf.get(id) ?? lastColumn;
  let focus: { current: number; from?: number } | null = null;
  if (trace && frame) {
    const hop = frame.step > 0 ? trace.hops[frame.step - 1] : undefined;
    focus = {
      current: columnOfNode(frame.at.node),
      from: hop ? columnOfNode(hop.from) : undefined,
    };
  } else if (op !== 'zadd' && chosen) {
    const node = layout?.nodes.find((n) => n.member === chosen);
    if (node) focus = { current: node.column };
  }
  const [windowStart, setWindowStart] = useState(0);
  const view =
    layout && region
      ? pictureView({
          full: drawingSize(layout, orientation),
          region,
          across: orientation === 'across',
          focus: focus && {
            current: columnExtent(focus.current, orientation),
            from: focus.from === undefined ? undefined : columnExtent(focus.from, orientation),
          },
          previous: windowStart,
        })
      : null;
  const shownStart = view ? (orientation === 'across' ? view.box.x : view.box.y) : 0;
  // The window stays where it is while the focus remains inside it (pictureView's rule).
  if (view && !view.whole && shownStart !== windowStart) setWindowStart(shownStart);
  const caption = (() => {
    if (!layout || !view) return '';
    const nodes = layout.columns - 1;
    if (view.whole) return `All ${nodes} nodes in view.`;
    const along = orientation === 'across' ? view.box.x : view.box.y;
    const span = orientation === 'across' ? view.box.width : view.box.height;
    const inside = layout.nodes.filter((n) => {
      const [a, b] = columnExtent(n.column, orientation);
      return a >= along && b <= along + span;
    });
    const first = inside[0];
    const last = inside[inside.length - 1];
    if (!first || !last) return '';
    const name = (n: (typeof inside)[number]) => n.member ?? 'HEAD';
    return `${name(first)}–${name(last)}: ${inside.length} of ${nodes} nodes shown, following the search.`;
  })();

  return (
    <section
      aria-labelledby="skip-list-picture-title"
      data-widget="skip-list-picture"
      className={`skip-list-picture ${frameClass} ${widgetEntry('SkipListPicture').height}`}
    >
      <div className={toolbarClass}>
        <h3
          id="skip-list-picture-title"
          className="mr-auto text-sm font-semibold text-zinc-900 dark:text-zinc-100"
        >
          Skip list of <code className="font-mono">{KEY}</code>
        </h3>
        <span className={encodingClass(encoding)} data-testid="skiplist-encoding">
          {length} members · {encoding}
        </span>
        <button
          type="button"
          className={controlClass}
          disabled={!client || busy || count >= 400}
          onClick={() => grow(count + 1)}
        >
          Add a player
        </button>
        <button
          type="button"
          className={controlClass}
          disabled={!client || busy || count > LISTPACK_LIMIT}
          onClick={() => grow(LISTPACK_LIMIT + 1)}
        >
          Grow to 129
        </button>
        <button
          type="button"
          className={controlClass}
          disabled={!client || busy}
          onClick={resetAll}
        >
          Reset
        </button>
      </div>

      <div className={requestRowClass}>
        <label className={fieldLabelClass}>
          Command
          <select
            value={op}
            onChange={(e) => setOp(e.target.value as TraceOp)}
            className={commandSelectClass}
          >
            <option value="zrevrank">ZREVRANK</option>
            <option value="zrank">ZRANK</option>
            <option value="zadd">ZADD (next player)</option>
          </select>
        </label>
        {op === 'zadd' ? (
          <p className="m-0 flex h-9 w-24 items-center text-xs text-zinc-600 dark:text-zinc-400">
            {player(seed, count).member} with score {player(seed, count).score}
          </p>
        ) : (
          <label className={fieldLabelClass}>
            Member
            <select
              value={chosen}
              onChange={(e) => setTarget(e.target.value)}
              className={memberSelectClass}
            >
              {drawnMembers.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </label>
        )}
        <button
          type="button"
          className={traceClass}
          disabled={!client || busy || (op !== 'zadd' && !chosen)}
          onClick={runTrace}
        >
          Trace the search
        </button>
        <span className="ml-auto flex gap-1.5">
          <button
            type="button"
            className={controlClass}
            disabled={!trace || step === 0}
            onClick={() => {
              setPlaying(false);
              setStep((s) => Math.max(0, s - 1));
            }}
            aria-label="Previous hop"
          >
            ← Back
          </button>
          <button
            type="button"
            className={controlClass}
            disabled={!trace || step >= (trace?.hops.length ?? 0)}
            onClick={() => {
              setPlaying(false);
              setStep((s) => s + 1);
            }}
            aria-label="Next hop"
          >
            Next →
          </button>
        </span>
      </div>

      <PictureRegion regionRef={regionRef} caption={caption}>
        {layout && view ? (
          <SkipListDrawing
            layout={layout}
            length={length}
            frame={frame}
            target={trace !== null && op !== 'zadd' ? trace.member : null}
            descId="skip-list-picture-desc"
            orientation={orientation}
            width={view.width}
            height={view.height}
            viewBox={`${view.box.x} ${view.box.y} ${view.box.width} ${view.box.height}`}
          />
        ) : (
          <p className="m-0 p-4 text-sm text-zinc-500 dark:text-zinc-400">Starting the engine…</p>
        )}
      </PictureRegion>

      <PictureFooter
        live
        answer={answer ?? INTRO}
        status={
          <p
            className="m-0 mt-1 min-h-10 text-zinc-600 dark:text-zinc-400"
            role="status"
            aria-live="polite"
            data-testid="skiplist-narration"
          >
            {frame && trace ? narrate(trace, frame) : note}
          </p>
        }
      />
    </section>
  );
}
