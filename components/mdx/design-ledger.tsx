import Link from 'next/link';
import {
  ledgerPlainText,
  rowFigure,
  type LedgerTableGroup,
  type LedgerTableRow,
} from '@/lib/content/ledger-table';
import { CopyTextButton } from './copy-text-button';

/** The section's name, or its URL segment when the row does not name it. */
function sourceName(row: LedgerTableRow): string {
  if (row.source) return row.source;
  const path = row.where.split('#')[0]!.split('/').filter(Boolean);
  return (path[path.length - 1] ?? 'chapter').replace(/-/g, ' ');
}

function Row({ row }: { row: LedgerTableRow }) {
  const source = <Link href={row.where}>{sourceName(row)}</Link>;
  return (
    <tr>
      <th scope="row" className="font-medium">
        {row.label}
      </th>
      <td>
        <span className="tabular-nums">{rowFigure(row)}</span>
        {row.note ? (
          <span className="block text-[0.85em] text-zinc-600 dark:text-zinc-400">{row.note}</span>
        ) : null}
        {/* On a phone the source moves under the value: three columns do not fit 390 px. */}
        <span className="block text-[0.85em] sm:hidden">{source}</span>
      </td>
      <td className="hidden sm:table-cell">{source}</td>
    </tr>
  );
}

/**
 * The design ledger, published: one table per group, rendered at build time from the rows
 * content/design-ledger-table.ts computes from content/design-ledger.ts, and the same rows
 * as plain text with a copy button, for pasting into an AI chat.
 */
export function DesignLedger({
  groups,
  siteUrl,
}: {
  groups: readonly LedgerTableGroup[];
  siteUrl: string;
}) {
  return (
    <div className="design-ledger my-6" data-testid="design-ledger">
      {groups.map((group) => (
        <div
          key={group.id}
          id={`ledger-${group.id}`}
          className="table-scroll -mx-4 mb-6 scroll-mt-24 overflow-x-auto px-4 sm:mx-0 sm:px-0"
          tabIndex={0}
          role="region"
          aria-label={`Ledger: ${group.title} (scrolls sideways)`}
        >
          <table className="my-0">
            <caption className="pb-2 text-left text-sm font-semibold tracking-wide text-zinc-900 uppercase dark:text-zinc-100">
              {group.title}
            </caption>
            <thead>
              <tr>
                <th scope="col">figure</th>
                <th scope="col">value</th>
                <th scope="col" className="hidden sm:table-cell">
                  argued in
                </th>
              </tr>
            </thead>
            <tbody>
              {group.rows.map((row) => (
                <Row key={row.label} row={row} />
              ))}
            </tbody>
          </table>
        </div>
      ))}
      <section
        data-copy-scope
        aria-label="The ledger as plain text"
        className="not-prose overflow-hidden rounded-xl border border-zinc-200 dark:border-zinc-700"
      >
        <div className="flex items-center justify-between gap-3 border-b border-zinc-200 bg-zinc-50 px-4 py-2.5 dark:border-zinc-700 dark:bg-zinc-900">
          <p className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">
            The ledger as plain text, for an AI chat
          </p>
          <CopyTextButton label="Copy ledger" />
        </div>
        <details>
          <summary className="cursor-pointer px-4 py-2 text-sm text-zinc-700 dark:text-zinc-300">
            Show the text
          </summary>
          <pre className="m-0 max-h-96 overflow-auto rounded-none px-4 py-3 text-xs whitespace-pre-wrap">
            {ledgerPlainText(groups, siteUrl)}
          </pre>
        </details>
      </section>
    </div>
  );
}
