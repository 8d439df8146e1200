import { rubric } from '@/content/practice/rubric';
import { RUBRIC_LEVELS } from '@/lib/practice/attempt';
import { compareDesigns, compareRuns, describeTopology } from '@/lib/practice/review';

import type { RequestStatus } from '@/components/widgets/use-worker';
import { DataTable } from './data-table';
import { DesignCanvas } from './design-canvas';
import { bad, good, h3, muted, primary } from './styles';
import type { AttemptPanelProps } from './panel-props';
import { Panel } from './panel';
import type { PracticeRun } from './use-run';
import { withBasePath } from '@/lib/site-config';

const compareColumns = [{ label: 'Check or drill' }, { label: 'Yours' }, { label: 'Reference' }];

/** The review: the rubric, the design beside the reference, and both runs side by side. */
export function ReviewPanel({
  variant,
  attempt,
  update,
  refStatus,
  onFinish,
  descId,
}: AttemptPanelProps & {
  refStatus: RequestStatus<PracticeRun>;
  onFinish: () => void;
  descId: string;
}) {
  const diff = compareDesigns(attempt.design.topology, variant.reference.topology);
  const refResult = refStatus.kind === 'ready' ? refStatus.value.result : null;
  return (
    <div className="space-y-4">
      <Panel id="rubric-title" title="Score yourself">
        <p className={`mt-1 ${muted}`}>
          The signals from{' '}
          <a className="underline" href={withBasePath('/interview-skills/what-interviewers-hear/')}>
            What interviewers listen for
          </a>
          .
        </p>
        <div className="mt-3 space-y-3">
          {rubric.map((s) => (
            <fieldset key={s.id} data-rubric={s.id}>
              <legend className="text-sm font-medium text-zinc-900 dark:text-zinc-100">
                {s.title}
              </legend>
              <div className="mt-1 grid gap-1 sm:grid-cols-4">
                {s.levels.map((l, i) => (
                  <label
                    key={i}
                    className="flex items-start gap-2 rounded-lg border border-zinc-200 p-2 text-xs dark:border-zinc-700"
                  >
                    <input
                      type="radio"
                      name={`rubric-${s.id}`}
                      checked={attempt.rubric[s.id] === i}
                      onChange={() => update((a) => ({ ...a, rubric: { ...a.rubric, [s.id]: i } }))}
                      className="mt-0.5 accent-accent-600"
                    />
                    <span>
                      <span className="block font-semibold">{RUBRIC_LEVELS[i]}</span>
                      {l}
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
        </div>
        {attempt.status === 'complete' ? (
          <p className={`mt-4 text-sm font-semibold ${good}`} data-finished>
            Finished in {attempt.minutesUsed} minutes and saved.
          </p>
        ) : (
          <button
            type="button"
            className={`${primary} mt-4`}
            onClick={onFinish}
            data-action="finish"
          >
            Finish and save the attempt
          </button>
        )}
      </Panel>
      <Panel id="compare-title" title="Your design beside the reference">
        <div className="mt-3">
          <DesignCanvas
            topology={attempt.design.topology}
            positions={attempt.design.positions}
            capacity={null}
            beside={{
              topology: variant.reference.topology,
              positions: variant.reference.positions,
              capacity: refResult?.capacity ?? null,
            }}
            label="Your design and the reference design"
            descriptionId={descId}
            height="h-[26rem]"
          />
          <p id={descId} className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
            Reference, in words: {describeTopology(variant.reference.topology)}
          </p>
        </div>
        <h3 className={`mt-4 ${h3}`}>Differences</h3>
        <ul className="mt-1 list-disc space-y-1 pl-5 text-sm" data-differences>
          {diff.length ? (
            diff.map((d, i) => <li key={i}>{d.text}</li>)
          ) : (
            <li>None that matter: same components, same choices.</li>
          )}
        </ul>
        <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-zinc-700 dark:text-zinc-300">
          {variant.reference.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
        <h3 className={`mt-4 ${h3}`}>Results side by side</h3>
        {refResult ? (
          <DataTable
            className="mt-1"
            label="Run results of both designs"
            columns={compareColumns}
            data={{ 'data-compare-results': '' }}
            rows={compareRuns(attempt.run, refResult).map((row) => ({
              key: row.id,
              cells: [row.title, row.yours, row.reference],
            }))}
          />
        ) : refStatus.kind === 'failed' ? (
          <p role="alert" className={`mt-1 text-sm ${bad}`}>
            The reference run failed: {refStatus.message}
          </p>
        ) : (
          <p className={`mt-1 ${muted}`} role="status">
            Running the reference design…
          </p>
        )}
      </Panel>
    </div>
  );
}
