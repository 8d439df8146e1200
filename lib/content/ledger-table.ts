/**
 * The design ledger's published form: groups of rows, each a figure with its unit and the
 * section that argues it. content/design-ledger-table.ts builds the rows from the ledger;
 * this module only lays them out, as text for an AI chat and (through lib/content/markdown.ts)
 * as Markdown tables.
 */

export interface LedgerTableRow {
  /** What the figure is: "Score updates". */
  readonly label: string;
  /** The figure as the guide states it, computed from the ledger. */
  readonly value: string;
  /** Unit of `value` when the value does not carry it: "reads/s", "bytes". */
  readonly unit?: string;
  /** How it is derived or what it implies, in a few words. */
  readonly note?: string;
  /** Site path (with anchor) of the section that argues the figure. */
  readonly where: string;
  /** That section's name as the sidebar shows it ("Estimates"). */
  readonly source?: string;
}

export interface LedgerTableGroup {
  /** Stable anchor suffix: `ledger-traffic`. */
  readonly id: string;
  readonly title: string;
  readonly rows: readonly LedgerTableRow[];
}

/** `value` followed by its unit, when it has one. */
export function rowFigure(row: LedgerTableRow): string {
  return row.unit ? `${row.value} ${row.unit}` : row.value;
}

/**
 * The ledger as plain text for pasting into an AI chat: one line per figure, grouped, each
 * with the absolute URL of the section that argues it. O(rows).
 */
export function ledgerPlainText(groups: readonly LedgerTableGroup[], siteUrl: string): string {
  const lines = [
    'LEADERBOARD LAB: DESIGN LEDGER (100M-player leaderboard; every figure the guide repeats)',
  ];
  for (const group of groups) {
    lines.push('', `## ${group.title}`);
    for (const row of group.rows) {
      const note = row.note ? ` (${row.note})` : '';
      lines.push(`- ${row.label}: ${rowFigure(row)}${note}. Source: ${siteUrl}${row.where}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
