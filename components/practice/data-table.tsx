import type { ReactNode } from 'react';

/** A column: its header, and classes for its cells (tabular figures, muted text…). */
export interface Column {
  readonly label: ReactNode;
  readonly cellClass?: string;
}

/** A row: its cells (the first is the row's header), and data attributes for tests. */
export interface Row {
  readonly key: string;
  readonly cells: readonly ReactNode[];
  /** Drawn with an amber band (the bottleneck). */
  readonly highlight?: boolean;
  readonly data?: Readonly<Record<`data-${string}`, string>>;
}

const edge = (i: number, n: number) => (i === 0 ? 'py-1.5 pr-3' : i === n - 1 ? 'pl-2' : 'px-2');

/**
 * The practice room's one table: a keyboard-scrollable region (it may be wider than a phone)
 * whose first column heads each row. Every results table of the room is one of these.
 */
export function DataTable({
  label,
  caption,
  columns,
  rows,
  className = '',
  data,
}: {
  /** Names the scrollable region for screen readers. */
  label: string;
  caption?: string;
  columns: readonly Column[];
  rows: readonly Row[];
  className?: string;
  data?: Readonly<Record<`data-${string}`, string>>;
}) {
  const n = columns.length;
  return (
    <div className={`overflow-x-auto ${className}`} role="region" aria-label={label} tabIndex={0}>
      <table className="w-full text-left text-sm" {...data}>
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead className="text-xs text-zinc-600 dark:text-zinc-400">
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col" className={`${edge(i, n)} font-medium`}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="text-zinc-900 dark:text-zinc-100">
          {rows.map((r) => (
            <tr
              key={r.key}
              className={`border-t border-zinc-200 dark:border-zinc-800 ${r.highlight ? 'bg-amber-50 dark:bg-amber-950/30' : ''}`}
              {...r.data}
            >
              {r.cells.map((cell, i) =>
                i === 0 ? (
                  <th
                    key={i}
                    scope="row"
                    className={`${edge(i, n)} font-medium ${columns[i]?.cellClass ?? ''}`}
                  >
                    {cell}
                  </th>
                ) : (
                  <td key={i} className={`${edge(i, n)} ${columns[i]?.cellClass ?? ''}`}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
