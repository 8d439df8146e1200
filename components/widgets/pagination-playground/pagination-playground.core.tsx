'use client';

import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type {
  ChurnOverview,
  ChurnPage,
  ChurnPageView,
  ChurnReaderSummary,
} from '@/lib/leaderboard';
import type { BoardRow } from '@/lib/leaderboard';
import { PAGINATION_PARAMS, type ParamValues } from '@/lib/leaderboard/playground-params';
import type { ResultOf } from '@/lib/worker/rpc';
import type { LeaderboardApi } from '@/lib/worker/leaderboard-host';
import {
  buttonClass,
  fmt,
  ParamNotes,
  SelectField,
  PlaygroundFrame,
  SeedField,
} from '../playground-parts';
import { embedSnippet, usePlaygroundParams } from '../playground-url';
import { useWorkerRequest, type LeaderboardClient } from '../use-worker';

/** Props a chapter passes: the playground's starting state (the URL may override it). */
export interface PaginationPlaygroundProps {
  seed?: number;
  players?: number;
  pageSize?: number;
  changes?: number;
  /** The page on screen, 1-based. */
  page?: number;
}

type Params = ParamValues<typeof PAGINATION_PARAMS>;
type Reader = 'offset' | 'cursor';
type ChurnRun = ResultOf<LeaderboardApi, 'churn:run'>;

/** Height of the iframe an embed snippet asks for, px. */
export const PAGINATION_EMBED_HEIGHT = 880;

const PLAYER_COUNTS = [50, 200, 1_000, 5_000];
const PAGE_SIZES = [5, 10, 20, 50, 100];
const CHANGE_COUNTS = [0, 1, 5, 20, 50, 200];

const labelClass =
  'm-0 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400';
const badgeBase =
  'inline-flex items-center gap-1 rounded px-1 py-px font-sans text-[0.6875rem] leading-4 font-semibold whitespace-nowrap';
const repeatBadge = `${badgeBase} bg-amber-100 text-amber-900 dark:bg-amber-400/15 dark:text-amber-200`;
const skipBadge = `${badgeBase} bg-violet-100 text-violet-900 dark:bg-violet-400/15 dark:text-violet-200`;
const unchangedBadge = `${badgeBase} bg-rose-100 text-rose-900 dark:bg-rose-400/15 dark:text-rose-200`;

/** "1 repeat" / "2 repeats". */
const count = (n: number, one: string, many = `${one}s`) => `${fmt(n)} ${n === 1 ? one : many}`;

/**
 * The pagination-under-churn playground: two readers page through the same board while
 * scores change between pages, one by offset (ZREVRANGE start stop) and one by a
 * (score, member) cursor. Page by page it marks the rows each reader shows twice and the
 * players the last changes carried past it unseen; the summary counts both, separating
 * players whose score never changed. Every number comes from lib/leaderboard/churn.ts
 * through `client`; Cancel stops a run in the worker after its current page.
 */
export function PaginationPlaygroundCore({
  client,
  embedded = false,
  ...props
}: PaginationPlaygroundProps & {
  client: LeaderboardClient | null;
  embedded?: boolean;
}) {
  const { values, notes, update } = usePlaygroundParams(PAGINATION_PARAMS, props);
  /** The whole run: its overview and the page the URL asked for. */
  const experiment = useWorkerRequest<ChurnRun>();
  /** Any later page of that run. */
  const pageRequest = useWorkerRequest<ChurnPageView>();
  const [pageNote, setPageNote] = useState('');
  const wantedPage = useRef(values.page);
  const id = useId();
  const { seed, players, pageSize, changes, page } = values;
  useEffect(() => {
    wantedPage.current = page;
  }, [page]);
  const { run: runExperiment } = experiment;
  const { run: runPage, reset: resetPage } = pageRequest;

  // The worker keeps the whole run (it can be tens of MB); the page gets the overview and
  // one page at a time, so no message is large enough to stall the tab.
  useEffect(() => {
    if (!client) return;
    resetPage();
    runExperiment(
      (onProgress) =>
        client.call(
          'churn:run',
          { seed, players, pageSize, changes, page: wantedPage.current },
          { onProgress },
        ),
      {
        onResult: (r) => {
          // A link may ask for a page past the end of this run: show the last one, and say so.
          const last = Math.max(1, r.overview.pageCount);
          if (wantedPage.current > last) {
            setPageNote(`page ${wantedPage.current} is past the last page: showing ${last}`);
            update({ page: last });
          }
        },
      },
    );
  }, [client, seed, players, pageSize, changes, runExperiment, resetPage, update]);

  const status = experiment.status;
  const overview = experiment.value?.overview ?? null;
  const shown = pageRequest.value ?? experiment.value?.page ?? null;
  const pageCount = overview?.pageCount ?? 0;
  const index = Math.min(page, Math.max(1, pageCount)) - 1;
  const ready = status.kind === 'ready';
  useEffect(() => {
    if (!client || !ready || shown?.index === index) return;
    runPage(() => client.call('churn:page', { index }));
  }, [client, ready, index, shown?.index, runPage]);

  /** A new experiment starts again from its first page. */
  const change = (patch: Partial<Params>) => {
    setPageNote('');
    update({ ...patch, page: 1 });
  };

  const changed = useMemo(() => new Set(overview?.changed), [overview]);
  const first = overview?.firstShown;
  const troubled = overview?.troubled ?? [];
  const current = shown?.current ?? undefined;
  const previous = shown?.previous ?? undefined;
  const nextTrouble = troubled.find((p) => p > index);
  const go = (i: number) => update({ page: Math.min(Math.max(1, pageCount), Math.max(1, i + 1)) });

  const snippet = () =>
    embedSnippet(
      'pagination',
      'Pagination under churn playground · Leaderboard Lab',
      PAGINATION_PARAMS,
      { ...values, page: index + 1 },
      PAGINATION_EMBED_HEIGHT,
    );

  const pageStatus = current
    ? `Page ${fmt(index + 1)} of ${fmt(pageCount)}. Offset: ${count(current.offsetRepeated.length, 'repeat')}, ${fmt(previous?.offsetSkipped.length ?? 0)} skipped. Cursor: ${count(current.cursorRepeated.length, 'repeat')}, ${fmt(previous?.cursorSkipped.length ?? 0)} skipped.`
    : '';

  return (
    <PlaygroundFrame widget="PaginationPlayground" embedded={embedded} snippet={snippet}>
      <form
        className="grid grid-cols-2 gap-3 border-b border-zinc-200 px-4 py-3 sm:grid-cols-4 dark:border-zinc-800"
        onSubmit={(e) => e.preventDefault()}
      >
        <SelectField
          label="Players"
          id={`${id}-players`}
          value={players}
          options={PLAYER_COUNTS}
          format={fmt}
          onChange={(n) => change({ players: n })}
        />
        <SelectField
          label="Page size"
          id={`${id}-page-size`}
          value={pageSize}
          options={PAGE_SIZES}
          onChange={(n) => change({ pageSize: n })}
        />
        <SelectField
          label="Changes between pages"
          id={`${id}-changes`}
          value={changes}
          options={CHANGE_COUNTS}
          onChange={(n) => change({ changes: n })}
        />
        <SeedField
          id={`${id}-seed`}
          value={seed}
          max={PAGINATION_PARAMS.seed.max}
          onChange={(n) => change({ seed: n })}
        />
      </form>

      <div className="flex-1 px-4 py-3">
        {/* A block, not a flex column, between the scroller and its content: nothing shrinks. */}
        <div className="flex flex-col gap-3">
          <ParamNotes notes={pageNote ? [...notes, pageNote] : notes} />
          {/* One fixed row for progress and the scan's heading, so a run never moves the page. */}
          <div className="flex min-h-9 items-center gap-3 text-sm" role="status">
            {status.kind === 'loading' || status.kind === 'idle' ? (
              <>
                <span>Paging through {fmt(players)} players in the worker…</span>
                {/* An indeterminate bar always moves; with reduced motion the sentence says enough. */}
                <progress
                  className="h-2 min-w-0 flex-1 accent-accent-600 motion-reduce:hidden"
                  aria-label="Computing"
                  data-testid="load-progress"
                />
                <button
                  type="button"
                  className={buttonClass}
                  disabled={status.kind === 'idle' || status.cancelling}
                  onClick={experiment.cancel}
                >
                  {status.kind === 'loading' && status.cancelling ? 'Cancelling…' : 'Cancel'}
                </button>
              </>
            ) : status.kind === 'cancelled' ? (
              <>
                <span>Cancelled.</span>
                <button type="button" className={buttonClass} onClick={experiment.retry}>
                  Compute again
                </button>
              </>
            ) : status.kind === 'failed' ? (
              <span className="text-red-700 dark:text-red-300">{status.message}</span>
            ) : overview ? (
              <h4 className={labelClass}>
                Whole scan · {fmt(overview.players)} players · {count(changes, 'change')} between
                pages
              </h4>
            ) : null}
          </div>

          {overview && current && first ? (
            <div
              className={`flex flex-col gap-3 ${status.kind === 'loading' ? 'opacity-50' : ''}`}
              aria-busy={status.kind === 'loading'}
            >
              <div className="grid gap-3 sm:grid-cols-[3fr_2fr] sm:gap-6">
                <Summary result={overview} />
                <ul className="m-0 flex list-none flex-col gap-1.5 p-0 text-xs leading-snug text-zinc-600 sm:pt-7 dark:text-zinc-400">
                  <li>
                    <span className={repeatBadge}>↺ repeat</span> already shown on an earlier page
                  </li>
                  <li>
                    <span className={skipBadge}>⤼ skipped</span> carried above the reader by the
                    last changes, never shown
                  </li>
                  <li>
                    <span className={unchangedBadge}>unchanged</span> the player’s score never
                    changed during the scan: a correct pager shows it exactly once
                  </li>
                </ul>
              </div>

              <div className="flex flex-wrap items-center gap-2">
                <button
                  type="button"
                  className={buttonClass}
                  disabled={index === 0}
                  onClick={() => go(index - 1)}
                  aria-label="Previous page"
                >
                  <span aria-hidden="true">‹&nbsp;</span>Prev
                </button>
                <input
                  type="range"
                  min={1}
                  max={Math.max(1, pageCount)}
                  value={index + 1}
                  onChange={(e) => go(Number(e.target.value) - 1)}
                  aria-label="Page"
                  aria-valuetext={`Page ${index + 1} of ${pageCount}`}
                  className="h-9 min-w-0 flex-1 basis-24 accent-accent-600"
                />
                <button
                  type="button"
                  className={buttonClass}
                  disabled={index >= pageCount - 1}
                  onClick={() => go(index + 1)}
                  aria-label="Next page"
                >
                  Next<span aria-hidden="true">&nbsp;›</span>
                </button>
                <span
                  className="px-1 text-sm font-medium whitespace-nowrap text-zinc-900 dark:text-zinc-100"
                  aria-live="polite"
                  data-testid="page-status"
                >
                  <span aria-hidden="true">
                    Page {fmt(index + 1)} of {fmt(pageCount)}
                  </span>
                  <span className="sr-only">{pageStatus}</span>
                </span>
                <button
                  type="button"
                  className={buttonClass}
                  disabled={nextTrouble === undefined}
                  onClick={() => nextTrouble !== undefined && go(nextTrouble)}
                >
                  Next repeat or skip
                </button>
              </div>

              <div className="grid grid-cols-2 gap-2 sm:gap-4">
                <ReaderPage
                  reader="offset"
                  title="Offset"
                  how={
                    current.offset.length || index * pageSize < overview.players
                      ? `ZREVRANGE ${fmt(index * pageSize)} ${fmt(index * pageSize + pageSize - 1)}`
                      : 'past the end'
                  }
                  page={current}
                  previous={previous}
                  first={first.offset}
                  changed={changed}
                />
                <ReaderPage
                  reader="cursor"
                  title="Cursor"
                  how={cursorHow(previous)}
                  page={current}
                  previous={previous}
                  first={first.cursor}
                  changed={changed}
                />
              </div>

              <div>
                <h4 className={`${labelClass} mb-1`}>
                  {previous
                    ? `Score changes between page ${fmt(index)} and ${fmt(index + 1)}`
                    : 'Score changes'}
                </h4>
                {previous && previous.changes.length ? (
                  <ul
                    className="m-0 flex max-h-16 list-none flex-wrap sm:max-h-24 gap-x-3 gap-y-0.5 overflow-y-auto p-0 font-mono text-xs tabular-nums"
                    data-testid="page-changes"
                  >
                    {previous.changes.map((c, i) => (
                      <li key={`${c.member}-${i}`}>
                        {c.member} {fmt(c.from)}→{fmt(c.to)}{' '}
                        <span aria-hidden="true">
                          {c.to > c.from ? '▲' : c.to < c.from ? '▼' : '='}
                        </span>
                        <span className="sr-only">
                          {c.to > c.from ? 'up' : c.to < c.from ? 'down' : 'same'}
                        </span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p
                    className="m-0 text-xs text-zinc-600 dark:text-zinc-400"
                    data-testid="page-changes"
                  >
                    {previous
                      ? 'None: with no changes, both readers see each player exactly once.'
                      : 'None yet: this is the first page. Changes land after each page is read.'}
                  </p>
                )}
              </div>
            </div>
          ) : null}
        </div>
      </div>
    </PlaygroundFrame>
  );
}

/** Where the cursor reader's page starts: after the last row of its previous page. */
function cursorHow(previous: ChurnPage | undefined): string {
  if (!previous) return 'from the top';
  const last = previous.cursor[previous.cursor.length - 1];
  return last ? `after (${fmt(last.score)}, ${last.member})` : 'past the end';
}

/** The totals for the whole scan, the two readers side by side. */
function Summary({ result }: { result: ChurnOverview }) {
  const rows: [string, (s: ChurnReaderSummary) => string][] = [
    ['Rows read', (s) => fmt(s.rowsRead)],
    [`Distinct players (of ${fmt(result.players)})`, (s) => fmt(s.distinct)],
    ['Repeated rows', (s) => fmt(s.repeated)],
    ['Skipped players', (s) => fmt(s.skipped)],
    ['Repeats, score unchanged', (s) => fmt(s.unchangedRepeated)],
    ['Skips, score unchanged', (s) => fmt(s.unchangedSkipped)],
  ];
  return (
    <div aria-live="polite">
      <table className="w-full border-collapse text-sm tabular-nums" data-testid="churn-summary">
        <caption className="sr-only">Both readers over the whole scan</caption>
        <thead>
          <tr className="border-b border-zinc-200 text-left text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
            <th scope="col" className="py-1 pr-2 font-medium">
              <span className="sr-only">Measure</span>
            </th>
            <th scope="col" className="py-1 pr-2 text-right font-medium">
              Offset
            </th>
            <th scope="col" className="py-1 text-right font-medium">
              Cursor
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, value], i) => (
            <tr
              key={label}
              className={`border-b border-zinc-100 dark:border-zinc-800/70 ${
                i >= 4 ? 'font-semibold text-zinc-900 dark:text-zinc-50' : ''
              }`}
            >
              <th scope="row" className="py-0.5 pr-2 text-left font-normal">
                {label}
              </th>
              <td className="py-0.5 pr-2 text-right font-mono whitespace-nowrap">
                {value(result.offset)}
              </td>
              <td className="py-0.5 text-right font-mono whitespace-nowrap">
                {value(result.cursor)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * One reader's page: its rows, repeats marked, and at the top the players the last
 * changes carried above it before it read this page, which it never shows.
 */
function ReaderPage({
  reader,
  title,
  how,
  page,
  previous,
  first,
  changed,
}: {
  reader: Reader;
  title: string;
  how: string;
  page: ChurnPage;
  previous: ChurnPage | undefined;
  first: Record<string, number>;
  changed: Set<string>;
}) {
  const rows: BoardRow[] = page[reader];
  const repeated = new Set(reader === 'offset' ? page.offsetRepeated : page.cursorRepeated);
  const skipped = previous ? previous[reader === 'offset' ? 'offsetSkipped' : 'cursorSkipped'] : [];
  const headingId = useId();
  const unchanged = (member: string) =>
    changed.has(member) ? null : <span className={unchangedBadge}>unchanged</span>;
  return (
    <div className="flex min-w-0 flex-col">
      <h4 id={headingId} className="m-0 text-sm font-semibold text-zinc-900 dark:text-zinc-100">
        {title}
        <span className="block truncate font-mono text-[0.6875rem] font-normal text-zinc-600 dark:text-zinc-400">
          {how}
        </span>
      </h4>
      <div className="mt-1 h-[16rem] overflow-y-auto rounded-md border border-zinc-200 dark:border-zinc-800">
        <table
          aria-labelledby={headingId}
          className="w-full border-collapse font-mono text-xs tabular-nums"
          data-testid={`${reader}-page`}
        >
          <thead className="sr-only">
            <tr>
              <th scope="col">Player</th>
              <th scope="col">Score</th>
            </tr>
          </thead>
          <tbody>
            {skipped.map((s) => (
              <tr
                key={`skip-${s.member}`}
                data-member={s.member}
                data-mark="skipped"
                className="border-b border-dashed border-violet-300 bg-violet-50/70 text-zinc-600 dark:border-violet-800 dark:bg-violet-950/30 dark:text-zinc-400"
              >
                <td className="px-1.5 py-0.5">
                  <span className="flex flex-wrap items-center gap-x-1.5">
                    <span className="italic">{s.member}</span>
                    <span className={skipBadge}>
                      <span aria-hidden="true">⤼</span> skipped
                    </span>
                    {unchanged(s.member)}
                  </span>
                </td>
                <td className="px-1.5 py-0.5 text-right align-top italic">{fmt(s.score)}</td>
              </tr>
            ))}
            {rows.map((r) => {
              const again = repeated.has(r.member);
              return (
                <tr
                  key={r.member}
                  data-member={r.member}
                  data-mark={again ? 'repeat' : undefined}
                  className={`border-b border-zinc-100 last:border-b-0 dark:border-zinc-800/70 ${
                    again ? 'bg-amber-50 dark:bg-amber-950/30' : ''
                  }`}
                >
                  <td className="px-1.5 py-0.5">
                    <span className="flex flex-wrap items-center gap-x-1.5">
                      <span>{r.member}</span>
                      {again ? (
                        <span className={repeatBadge}>
                          <span aria-hidden="true">↺</span> repeat
                          <span className="sr-only">
                            , first shown on page {fmt((first[r.member] ?? 0) + 1)}
                          </span>
                        </span>
                      ) : null}
                      {again ? unchanged(r.member) : null}
                    </span>
                  </td>
                  <td className="px-1.5 py-0.5 text-right align-top">{fmt(r.score)}</td>
                </tr>
              );
            })}
            {rows.length === 0 ? (
              <tr>
                <td colSpan={2} className="px-1.5 py-2 font-sans text-zinc-600 dark:text-zinc-400">
                  Done: this reader reached the end of the board.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </div>
  );
}
