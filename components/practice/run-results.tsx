import { capacityRows } from '@/lib/practice/capacity';
import type { RequestStatus } from '@/components/widgets/use-worker';
import { DataTable } from './data-table';
import { bad, good, h3, muted } from './styles';
import { Panel } from './panel';
import type { PracticeRun } from './use-run';

const loadColumns = [
  { label: 'Component' },
  { label: 'Busy', cellClass: 'tabular-nums' },
  { label: 'p50', cellClass: 'tabular-nums' },
  { label: 'p99', cellClass: 'tabular-nums' },
  { label: 'Backlog', cellClass: 'tabular-nums' },
  { label: 'What', cellClass: 'text-zinc-600 dark:text-zinc-400' },
];

/** What a run found: the checks, the load on each component, and every drill's story. */
export function RunResults({
  status,
  onRun,
  wide,
  assumptions,
}: {
  status: RequestStatus<PracticeRun>;
  onRun: () => void;
  wide: boolean;
  assumptions: readonly string[];
}) {
  if (status.kind === 'idle') {
    return wide ? (
      <p className={muted}>
        Run the design to see its load, its checks and its failure drills. The run happens in a
        worker: the page stays responsive.
      </p>
    ) : null;
  }
  if (status.kind === 'loading') {
    const p = status.progress;
    return (
      <p className={muted} role="status" data-run-progress>
        Running your design at full load and drilling its failures
        {p?.phase === 'drills' ? ` (drill ${p.done + 1} of ${p.total})` : ''}…
      </p>
    );
  }
  if (status.kind === 'cancelled' || status.kind === 'failed') {
    return (
      <p
        role={status.kind === 'failed' ? 'alert' : 'status'}
        className={status.kind === 'failed' ? `text-sm ${bad}` : muted}
      >
        {status.kind === 'failed' ? `The run failed: ${status.message}` : 'The run was stopped.'}{' '}
        <button type="button" className="underline" onClick={onRun}>
          Run it again
        </button>
      </p>
    );
  }
  const { result: r, ms } = status.value;
  if (!r.capacity) {
    return (
      <p role="alert" className={`text-sm ${bad}`} data-run-refused>
        The design cannot run yet: {r.issues.find((i) => i.severity === 'error')?.message} Each
        problem is shown on its component.
      </p>
    );
  }
  return (
    <Panel
      id="run-title"
      title="What your design does at full load"
      className="space-y-4"
      data-run-results
    >
      <ul className="space-y-1.5 text-sm">
        {r.requirements.map((c) => (
          <li key={c.id} data-requirement={c.id} data-passed={c.passed}>
            <strong className={c.passed ? good : bad}>{c.passed ? 'Pass' : 'Fail'}</strong>{' '}
            <span className="font-medium text-zinc-900 dark:text-zinc-100">{c.title}.</span>{' '}
            <span className="text-zinc-700 dark:text-zinc-300">{c.reason}</span>
          </li>
        ))}
      </ul>
      <DataTable
        label="Load on each component"
        caption="Utilisation, latency and memory of each component at peak"
        columns={loadColumns}
        rows={capacityRows(r.capacity).map((n) => ({
          key: n.id,
          highlight: n.bottleneck,
          cells: [
            `${n.id}${n.bottleneck ? ' (bottleneck)' : ''}`,
            n.busy,
            n.p50,
            n.p99,
            n.backlog,
            n.detail,
          ],
        }))}
      />
      <div>
        <h3 className={h3}>Failure drills on your design</h3>
        <p className={`mt-1 ${muted}`}>
          Each drill runs on a {r.scalePlayers.toLocaleString('en-US')}-player scale model of your
          design, breaks one thing, and checks every player’s score against the clients’ own totals.
        </p>
        <ul className="mt-2 space-y-2">
          {r.drills.map((d) => (
            <li
              key={d.id}
              className="text-sm"
              data-drill-outcome={d.id}
              data-passed={d.skipped ? 'skipped' : String(d.passed)}
            >
              {d.skipped ? (
                <p>
                  <span className="font-medium">{d.title}:</span>{' '}
                  <span className={muted}>does not apply ({d.skipped}).</span>
                </p>
              ) : (
                <details>
                  <summary className="cursor-pointer">
                    <strong className={d.passed ? good : bad}>
                      {d.passed ? 'Survived' : 'Failed'}
                    </strong>{' '}
                    <span className="font-medium">{d.title}</span>
                    {d.playersWrong ? (
                      <span className={bad}> · {d.playersWrong} players’ scores wrong or lost</span>
                    ) : null}
                  </summary>
                  <ol className="mt-1 list-decimal space-y-1 pl-5 text-zinc-700 dark:text-zinc-300">
                    {d.narration.map((t, i) => (
                      <li key={i}>{t}</li>
                    ))}
                  </ol>
                  <p className="mt-1 text-zinc-800 dark:text-zinc-200">{d.details}</p>
                </details>
              )}
            </li>
          ))}
        </ul>
      </div>
      <details className="text-xs text-zinc-600 dark:text-zinc-400">
        <summary className="cursor-pointer">
          How these numbers are computed (run took {Math.round(ms)} ms in a worker)
        </summary>
        <ul className="mt-1 list-disc space-y-1 pl-5">
          {[...r.capacity.notes, ...assumptions].map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      </details>
    </Panel>
  );
}
