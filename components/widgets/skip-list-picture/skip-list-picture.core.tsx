'use client';

import { useCallback, useEffect, useMemo, useState } from 'react';
import type { SortedSetInspection, SortedSetTrace } from '@/lib/engine/inspect';
import { layoutSkipList, traceFrame, type TraceFrame } from '@/lib/engine/skip-list-layout';
import { sequence } from '@/lib/worker/rpc';
import { widgetEntry } from '../manifest';
import { KEY, LISTPACK_LIMIT, player } from './seeded-players';
import { useWorkerRequest, type EngineClient } from '../use-worker';
import { DRAWN, drawingSize, SkipListDrawing } from './skip-list-drawing';

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
  const { width, height } = layout ? drawingSize(layout) : { width: 0, height: 0 };
  const answer =
    trace === null
      ? null
      : op === 'zadd'
        ? `ZADD would insert ${trace.member} at ascending position ${trace.rank} (after ${labelOf(trace.insertAfter)}).`
        : `${op.toUpperCase()} ${KEY} ${trace.member} = ${trace.answer ?? '(nil)'}`;
  const control =
    'inline-flex h-9 items-center justify-center rounded-lg border border-zinc-300 bg-white px-3 text-sm font-medium text-zinc-800 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-accent-500 disabled:opacity-50 dark:border-zinc-600 dark:bg-zinc-800 dark:text-zinc-100 dark:hover:bg-zinc-700';

  return (
    <section
      aria-labelledby="skip-list-picture-title"
      data-widget="skip-list-picture"
      className={`skip-list-picture not-prose my-8 flex ${widgetEntry('SkipListPicture').height} flex-col overflow-hidden rounded-2xl border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900`}
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
        <h3
          id="skip-list-picture-title"
          className="mr-auto text-sm font-semibold text-zinc-900 dark:text-zinc-100"
        >
          Skip list of <code className="font-mono">{KEY}</code>
        </h3>
        <span
          className={`rounded-full px-2.5 py-0.5 text-xs font-semibold ${encoding === 'listpack' ? 'bg-amber-100 text-amber-900 dark:bg-amber-400/15 dark:text-amber-200' : 'bg-emerald-100 text-emerald-900 dark:bg-emerald-400/15 dark:text-emerald-200'}`}
          data-testid="skiplist-encoding"
        >
          {length} members · {encoding}
        </span>
        <button
          type="button"
          className={control}
          disabled={!client || busy || count >= 400}
          onClick={() => grow(count + 1)}
        >
          Add a player
        </button>
        <button
          type="button"
          className={control}
          disabled={!client || busy || count > LISTPACK_LIMIT}
          onClick={() => grow(LISTPACK_LIMIT + 1)}
        >
          Grow to 129
        </button>
        <button type="button" className={control} disabled={!client || busy} onClick={resetAll}>
          Reset
        </button>
      </div>

      <div className="flex flex-wrap items-end gap-x-3 gap-y-2 border-b border-zinc-200 px-4 py-3 text-sm dark:border-zinc-800">
        <label className="flex flex-col gap-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">
          Command
          <select
            value={op}
            onChange={(e) => setOp(e.target.value as TraceOp)}
            className="h-9 rounded-lg border border-zinc-300 bg-white px-2 text-sm text-zinc-900 dark:border-zinc-600 dark:bg-zinc-800 dark:text-zinc-100"
          >
            <option value="zrevrank">ZREVRANK</option>
            <option value="zrank">ZRANK</option>
            <option value="zadd">ZADD (next player)</option>
          </select>
        </label>
        {op === 'zadd' ? (
          <p className="pb-2 text-xs text-zinc-600 dark:text-zinc-400">
            {player(seed, count).member} with score {player(seed, count).score}
          </p>
        ) : (
          <label className="flex flex-col gap-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">
            Member
            <select
              value={chosen}
              onChange={(e) => setTarget(e.target.value)}
              className="h-9 rounded-lg border border-zinc-300 bg-white px-2 text-sm text-zinc-900 dark:border-zinc-600 dark:bg-zinc-800 dark:text-zinc-100"
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
          className="inline-flex h-9 items-center rounded-lg bg-accent-600 px-4 text-sm font-semibold text-white hover:bg-accent-700 disabled:opacity-50"
          disabled={!client || busy || (op !== 'zadd' && !chosen)}
          onClick={runTrace}
        >
          Trace the search
        </button>
        <span className="ml-auto flex gap-1.5">
          <button
            type="button"
            className={control}
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
            className={control}
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

      <div
        className="min-h-0 flex-1 overflow-auto"
        tabIndex={0}
        aria-label="Skip list drawing (scrolls sideways)"
      >
        {layout ? (
          <div className="flex min-h-full items-center">
            <SkipListDrawing
              layout={layout}
              length={length}
              frame={frame}
              target={trace !== null && op !== 'zadd' ? trace.member : null}
              descId="skip-list-picture-desc"
              width={width}
              height={height}
            />
          </div>
        ) : (
          <p className="p-4 text-sm text-zinc-500 dark:text-zinc-400">Starting the engine…</p>
        )}
      </div>

      <div className="border-t border-zinc-200 px-4 py-3 text-sm dark:border-zinc-800">
        <p
          className="min-h-5 font-medium text-zinc-900 dark:text-zinc-100"
          data-testid="skiplist-answer"
        >
          {answer ??
            'Pick a command and a member, then trace the search to see the hops and the spans it adds.'}
        </p>
        <p
          className="mt-1 min-h-10 text-zinc-600 dark:text-zinc-400"
          role="status"
          aria-live="polite"
          data-testid="skiplist-narration"
        >
          {frame && trace ? narrate(trace, frame) : note}
        </p>
      </div>
    </section>
  );
}
