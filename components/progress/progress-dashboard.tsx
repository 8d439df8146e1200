'use client';

import Link from 'next/link';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { OutlineChapter } from '@/lib/content/navigation';
import type { DrillCard } from '@/lib/practice/speed-round';
import { shortDate } from '@/lib/progress/dates';
import { markSection, practiceAttempts, tickedPrerequisites } from '@/lib/progress/operations';
import { summarize, type ReadingPathDefinition } from '@/lib/progress/summary';
import { useProgress } from './use-progress';

export interface ProgressDashboardProps {
  readonly outline: readonly OutlineChapter[];
  readonly paths: readonly ReadingPathDefinition[];
  readonly selfChecks: Readonly<Record<string, readonly string[]>>;
  readonly cards: readonly DrillCard[];
  readonly prerequisitesTotal: number;
}

const panel =
  'rounded-2xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900/60';
const button =
  'inline-flex h-10 items-center justify-center gap-2 rounded-lg px-4 text-sm font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500 disabled:opacity-60';
const secondary = `${button} border border-zinc-300 text-zinc-800 hover:bg-zinc-50 dark:border-zinc-600 dark:text-zinc-100 dark:hover:bg-zinc-800`;
const linkClass =
  'font-medium text-accent-700 underline-offset-2 hover:underline dark:text-accent-400';

function Bar({ value, total, label }: { value: number; total: number; label: string }) {
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={total}
      aria-valuenow={value}
      className="h-2 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-700"
    >
      <div
        className="h-full rounded-full bg-emerald-500"
        style={{ width: `${total ? (value / total) * 100 : 0}%` }}
      />
    </div>
  );
}

function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-12">
      <h2 id={id} className="text-xl font-bold tracking-tight text-zinc-950 dark:text-white">
        {title}
      </h2>
      <div className="mt-4">{children}</div>
    </section>
  );
}

/** Downloads `text` as a file. */
function download(text: string, filename: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * The reader's progress page: sections read by chapter and along the two reading paths
 * with what to read next, the practice tools' state, and the data itself (export,
 * import, forget). Everything is read from and written to this browser only.
 */
export function ProgressDashboard({
  outline,
  paths,
  selfChecks,
  cards,
  prerequisitesTotal,
}: ProgressDashboardProps) {
  const { progress, loaded: stored, status, update } = useProgress();
  // What is shown only once the document is read comes in its own chunk (dashboard-extras.tsx),
  // fetched at once, beside the store's.
  const [extras, setExtras] = useState<typeof import('./dashboard-extras') | null>(null);
  useEffect(() => {
    let live = true;
    void import('./dashboard-extras').then((m) => live && setExtras(m));
    return () => {
      live = false;
    };
  }, []);
  const loaded = stored && extras !== null;
  const summary = useMemo(
    () => summarize(progress, outline, paths, selfChecks),
    [progress, outline, paths, selfChecks],
  );
  const drill = useMemo(
    () =>
      extras && progress.speedRound?.state
        ? extras.drillSummary(progress.speedRound.state, cards)
        : null,
    [extras, progress.speedRound, cards],
  );
  const attempts = loaded ? practiceAttempts(progress) : [];
  const ticked = tickedPrerequisites(progress).length;

  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  async function importFile(file: File) {
    const text = await file.text();
    const { browserProgress } = await import('./browser-store');
    const outcome = browserProgress().importFile(text);
    setMessage(
      outcome.ok
        ? {
            tone: 'ok',
            text: `Imported ${file.name}. Its progress is now merged with this browser's.`,
          }
        : {
            tone: 'error',
            text: `${file.name} was not imported: ${outcome.reason} Nothing was changed.`,
          },
    );
  }

  const primary = summary.paths.find((p) => p.next && p.read > 0) ?? summary.paths[0];

  return (
    <div data-testid="progress-dashboard" aria-busy={!loaded}>
      {extras ? <extras.StatusNote status={status} /> : null}

      <div className="grid gap-4 sm:grid-cols-3">
        <div className={panel}>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">Sections read</p>
          <p
            className="mt-1 text-3xl font-semibold text-zinc-950 tabular-nums dark:text-white"
            data-testid="sections-read"
          >
            {loaded ? summary.read : '–'}
            <span className="text-base font-normal text-zinc-500 dark:text-zinc-400">
              {' '}
              of {summary.total}
            </span>
          </p>
          <div className="mt-3">
            <Bar value={summary.read} total={summary.total} label="Sections read" />
          </div>
        </div>
        <div className={panel}>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">Self-check answers opened</p>
          <p className="mt-1 text-3xl font-semibold text-zinc-950 tabular-nums dark:text-white">
            {loaded ? summary.selfChecksOpened : '–'}
            <span className="text-base font-normal text-zinc-500 dark:text-zinc-400">
              {' '}
              of {summary.selfChecksTotal}
            </span>
          </p>
          <div className="mt-3">
            <Bar
              value={summary.selfChecksOpened}
              total={summary.selfChecksTotal}
              label="Self-checks opened"
            />
          </div>
        </div>
        <div className={panel}>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">Read next</p>
          {loaded && primary?.next ? (
            <p className="mt-1">
              <Link
                prefetch={false}
                href={primary.next.path}
                className={`${linkClass} text-lg`}
                data-testid="read-next"
              >
                {primary.next.title}
              </Link>
              <span className="block text-sm text-zinc-500 dark:text-zinc-400">
                {primary.next.chapterTitle} · {primary.title.toLowerCase()}
              </span>
            </p>
          ) : (
            <p className="mt-1 text-lg font-semibold text-zinc-900 dark:text-zinc-100">
              {loaded ? 'Everything on both paths is read.' : ' '}
            </p>
          )}
        </div>
      </div>

      <Section title="Reading paths" id="reading-paths">
        <div className="grid gap-4 md:grid-cols-2">
          {summary.paths.map((p) => (
            <div key={p.id} className={panel} data-testid={`path-${p.id}`}>
              <div className="flex items-baseline justify-between gap-3">
                <h3 className="font-semibold text-zinc-900 dark:text-zinc-100">{p.title}</h3>
                <span className="text-sm text-zinc-600 tabular-nums dark:text-zinc-400">
                  {p.read} of {p.total}
                </span>
              </div>
              <div className="mt-3">
                <Bar value={p.read} total={p.total} label={`${p.title}: sections read`} />
              </div>
              <p className="mt-3 text-sm text-zinc-700 dark:text-zinc-300">
                {p.next ? (
                  <>
                    Next:{' '}
                    <Link prefetch={false} href={p.next.path} className={linkClass}>
                      {p.next.title}
                    </Link>{' '}
                    <span className="text-zinc-500 dark:text-zinc-400">
                      ({p.next.chapterTitle})
                    </span>
                  </>
                ) : (
                  'Finished. Well done.'
                )}
              </p>
            </div>
          ))}
        </div>
      </Section>

      <Section title="By chapter" id="by-chapter">
        <div className="space-y-4">
          {summary.chapters.map((chapter) => (
            <div key={chapter.slug} className={panel}>
              <div className="flex items-baseline justify-between gap-3">
                <h3 className="font-semibold text-zinc-900 dark:text-zinc-100">{chapter.title}</h3>
                <span className="text-sm text-zinc-600 tabular-nums dark:text-zinc-400">
                  {chapter.read} of {chapter.total} read
                </span>
              </div>
              <ul className="mt-3 divide-y divide-zinc-100 dark:divide-zinc-800">
                {chapter.sections.map((s) => (
                  <li key={s.path} className="flex items-center gap-3 py-2">
                    <input
                      type="checkbox"
                      className="size-4 shrink-0 accent-emerald-600"
                      checked={s.read}
                      disabled={!loaded}
                      aria-label={`${s.title}: read`}
                      onChange={(e) =>
                        update((p, at) => markSection(p, s.path, e.target.checked, at))
                      }
                    />
                    <Link
                      prefetch={false}
                      href={s.path}
                      className="min-w-0 flex-1 text-[0.95rem] text-zinc-800 hover:text-accent-700 dark:text-zinc-200 dark:hover:text-accent-400"
                    >
                      {s.title}
                    </Link>
                    {s.selfChecksTotal > 0 ? (
                      <span className="shrink-0 text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
                        {s.selfChecksOpened}/{s.selfChecksTotal} self-checks
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      </Section>

      <Section title="Practice" id="practice">
        <div className="grid gap-4 md:grid-cols-3">
          <div className={panel}>
            <h3 className="font-semibold text-zinc-900 dark:text-zinc-100">Speed round</h3>
            <p
              className="mt-2 text-sm text-zinc-700 dark:text-zinc-300"
              data-testid="speed-round-summary"
            >
              {!drill || drill.round === 0
                ? 'No round played yet.'
                : `${drill.round} ${drill.round === 1 ? 'round' : 'rounds'} played; ${drill.due} cards due next round, ${drill.fresh} never seen.`}
            </p>
            <p className="mt-2 text-sm">
              <Link prefetch={false} href="/mock-interviews/speed-round/" className={linkClass}>
                Open the drill
              </Link>
            </p>
          </div>
          <div className={panel}>
            <h3 className="font-semibold text-zinc-900 dark:text-zinc-100">Prerequisites</h3>
            <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">
              {ticked} of {prerequisitesTotal} ticked as comfortable.
            </p>
            <p className="mt-2 text-sm">
              <Link prefetch={false} href="/#before-you-start" className={linkClass}>
                Review the checklist
              </Link>
            </p>
          </div>
          <div className={panel}>
            <h3 className="font-semibold text-zinc-900 dark:text-zinc-100">Console</h3>
            <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">
              {progress.consoleHistory.length === 0
                ? 'No commands typed yet.'
                : `${progress.consoleHistory.length} ${progress.consoleHistory.length === 1 ? 'command' : 'commands'} in your history (↑ recalls them in any console).`}
            </p>
            <p className="mt-2 text-sm">
              <Link prefetch={false} href="/leaderboard-design/sorted-sets/" className={linkClass}>
                Open the console
              </Link>
            </p>
          </div>
        </div>
        <div className={`${panel} mt-4`}>
          <h3 className="font-semibold text-zinc-900 dark:text-zinc-100">Practice interviews</h3>
          {attempts.length === 0 ? (
            <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">
              No practice interview recorded yet. Each attempt you finish in the practice room is
              listed here with its date, prompt, time used and checks passed.
            </p>
          ) : (
            <table className="mt-3 w-full text-left text-sm">
              <thead className="text-xs text-zinc-500 dark:text-zinc-400">
                <tr>
                  <th className="py-1 font-medium">Date</th>
                  <th className="py-1 font-medium">Prompt</th>
                  <th className="py-1 font-medium">Time used</th>
                  <th className="py-1 font-medium">Checks passed</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
                {attempts.map((a) => (
                  <tr key={a.id}>
                    <td className="py-1.5 tabular-nums">
                      {shortDate(a.finishedAt, { year: true })}
                    </td>
                    <td className="py-1.5">{a.title}</td>
                    <td className="py-1.5 tabular-nums">{extras!.formatClock(a.timeUsedMs)}</td>
                    <td className="py-1.5 tabular-nums">
                      {a.checksPassed} of {a.checksTotal}
                      {a.rubricScore !== undefined
                        ? ` · rubric ${a.rubricScore}/${a.rubricMax}`
                        : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </Section>

      <Section title="Your data" id="your-data">
        <div className={panel}>
          <p className="text-sm leading-relaxed text-zinc-700 dark:text-zinc-300">
            Progress is kept in this browser only: nothing is sent anywhere. To carry it to another
            device or browser, export it to a file there and import the file here; an import adds to
            what is already here and never removes anything.
          </p>
          <div className="mt-4 flex flex-wrap gap-3">
            <button
              type="button"
              className={secondary}
              disabled={!loaded}
              onClick={() => {
                if (!extras) return;
                const now = Date.now();
                const name = extras.progressFileName(now);
                download(extras.progressFileText(progress, now), name);
                setMessage({ tone: 'ok', text: `Downloaded ${name}.` });
              }}
            >
              Export to a file
            </button>
            <button
              type="button"
              className={secondary}
              disabled={!loaded}
              onClick={() => fileInput.current?.click()}
            >
              Import a file…
            </button>
            <input
              ref={fileInput}
              type="file"
              accept="application/json,.json"
              className="sr-only"
              tabIndex={-1}
              aria-label="Progress file to import"
              data-testid="import-input"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void importFile(file);
              }}
            />
            <button
              type="button"
              className={secondary}
              disabled={!loaded}
              aria-expanded={confirming}
              onClick={() => setConfirming(true)}
            >
              Forget everything…
            </button>
          </div>
          {confirming && extras ? (
            <extras.ForgetConfirm
              button={button}
              secondary={secondary}
              onForget={() => {
                void import('./browser-store').then(({ browserProgress }) =>
                  browserProgress().forget(),
                );
                setConfirming(false);
                setMessage({ tone: 'ok', text: 'Everything was forgotten.' });
              }}
              onCancel={() => setConfirming(false)}
            />
          ) : null}
          <p
            role="status"
            aria-live="polite"
            data-testid="data-message"
            className={`mt-4 text-sm ${message?.tone === 'error' ? 'font-medium text-rose-700 dark:text-rose-300' : 'text-zinc-700 dark:text-zinc-300'}`}
          >
            {message?.text ?? ''}
          </p>
        </div>
      </Section>
    </div>
  );
}
