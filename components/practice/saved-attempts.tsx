'use client';

import { useId } from 'react';
import { findVariant } from '@/content/practice/prompts';
import { exportAttempts, runTally, type Attempt } from '@/lib/practice/attempt';
import { DataTable } from './data-table';
import { download } from './download';
import { bad, card, good, h2, muted, quiet } from './styles';

const savedColumns = [
  { label: 'Date', cellClass: 'font-normal tabular-nums' },
  { label: 'Prompt' },
  { label: 'Time used', cellClass: 'tabular-nums' },
  { label: 'Results' },
  { label: <span className="sr-only">Actions</span>, cellClass: 'space-x-2 whitespace-nowrap' },
];

/** The attempts kept in this browser: open, delete, export, import. */
export function SavedAttempts({
  attempts,
  current,
  onOpen,
  onDelete,
  onImport,
  note,
}: {
  attempts: readonly Attempt[];
  current: string | null;
  onOpen: (a: Attempt) => void;
  onDelete: (a: Attempt) => void;
  onImport: (f: File) => void;
  note: { ok: boolean; text: string } | null;
}) {
  const inputId = useId();
  return (
    <section className={card} aria-labelledby="saved-title" data-saved>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="saved-title" className={h2}>
          Your attempts
        </h2>
        <div className="flex flex-wrap gap-2">
          <label htmlFor={inputId} className={`${quiet} cursor-pointer`}>
            Import JSON…
          </label>
          <input
            id={inputId}
            type="file"
            accept=".json,application/json"
            className="sr-only"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) onImport(f);
              e.target.value = '';
            }}
            data-input="import"
          />
          {attempts.length ? (
            <button
              type="button"
              className={quiet}
              onClick={() =>
                download(
                  'practice-attempts.json',
                  exportAttempts(attempts, Date.now()),
                  'application/json',
                )
              }
              data-action="export-all"
            >
              Export all
            </button>
          ) : null}
        </div>
      </div>
      {note ? (
        <p
          role={note.ok ? 'status' : 'alert'}
          className={`mt-2 text-sm ${note.ok ? good : bad}`}
          data-import-note
        >
          {note.text}
        </p>
      ) : null}
      <p className={`mt-1 ${muted}`}>
        Kept in this browser only (IndexedDB). Export to move them to another browser.
      </p>
      {attempts.length === 0 ? (
        <p className={`mt-3 ${muted}`}>None yet.</p>
      ) : (
        <DataTable
          className="mt-3"
          label="Saved attempts"
          columns={savedColumns}
          rows={attempts.map((a) => ({
            key: a.id,
            data: { 'data-attempt-row': a.id },
            cells: [
              new Date(a.startedAt).toLocaleString('en-GB', {
                dateStyle: 'medium',
                timeStyle: 'short',
              }),
              `${findVariant(a.variantId)?.title ?? a.variantId}${a.id === current ? ' (open)' : ''}`,
              a.status === 'complete'
                ? `${a.minutesUsed} min`
                : `${Math.floor(a.timer.accumulatedMs / 60_000)} min, in progress`,
              runTally(a.run),
              <>
                <button
                  type="button"
                  className="font-medium text-accent-700 underline dark:text-accent-300"
                  onClick={() => onOpen(a)}
                >
                  Open
                </button>
                <button
                  type="button"
                  className={`font-medium underline ${bad}`}
                  onClick={() => onDelete(a)}
                  aria-label={`Delete the attempt of ${new Date(a.startedAt).toLocaleString('en-GB')}`}
                >
                  Delete
                </button>
              </>,
            ],
          }))}
        />
      )}
    </section>
  );
}
