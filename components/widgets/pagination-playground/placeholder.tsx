import { createClient } from '@/lib/engine/client';
import { PAGINATION_PARAMS, paginationUnderChurn } from '@/lib/leaderboard';
import { fmtInt, StaticPlaygroundFrame, valuesFromProps } from '../static-frame';
import type { PaginationPlaygroundProps } from './pagination-playground.core';

/**
 * The pagination playground before its code arrives: its controls and the whole scan's
 * totals for the chapter's run, computed here at build time by the same churn experiment
 * the worker runs.
 */
export async function PaginationPlaceholder(
  props: PaginationPlaygroundProps & { embedded?: boolean },
) {
  const v = valuesFromProps(PAGINATION_PARAMS, props as Record<string, unknown>);
  const run = await paginationUnderChurn(createClient(), {
    seed: v.seed,
    players: v.players,
    pageSize: v.pageSize,
    changesPerPage: v.changes,
  });
  const rows: [string, number, number][] = [
    ['Rows read', run.offset.rowsRead, run.cursor.rowsRead],
    [`Distinct players (of ${fmtInt(run.players)})`, run.offset.distinct, run.cursor.distinct],
    ['Repeated rows', run.offset.repeated, run.cursor.repeated],
    ['Skipped players', run.offset.skipped, run.cursor.skipped],
  ];
  return (
    <StaticPlaygroundFrame
      widget="PaginationPlayground"
      embedded={props.embedded}
      columns="sm:grid-cols-4"
      fields={[
        ['Players', fmtInt(v.players)],
        ['Page size', String(v.pageSize)],
        ['Changes between pages', String(v.changes)],
        ['Seed', String(v.seed)],
      ]}
    >
      <table className="w-full max-w-md border-collapse text-sm tabular-nums">
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
          {rows.map(([label, offset, cursor]) => (
            <tr key={label} className="border-b border-zinc-100 dark:border-zinc-800/70">
              <th scope="row" className="py-0.5 pr-2 text-left font-normal">
                {label}
              </th>
              <td className="py-0.5 pr-2 text-right font-mono">{fmtInt(offset)}</td>
              <td className="py-0.5 text-right font-mono">{fmtInt(cursor)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </StaticPlaygroundFrame>
  );
}
