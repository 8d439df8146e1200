import { diagramNodes } from '@/content/flow-stages';
import { compact } from '@/lib/flow';
import type { FlowView } from '@/lib/flow';
import { withBasePath } from '@/lib/site-config';
import { buttonQuiet } from './frame';

type Row = readonly [string, string];

/** What the simulation says about one node right now, as label/value rows. */
function liveRows(nodeId: string, stage: number, view: FlowView): Row[] {
  const reads = view.totals.topK;
  const around = view.totals.aroundMe;
  if (nodeId === 'clients' || nodeId === 'api') {
    return [
      ['Score events', `${compact(view.settings.eventRate)}/s`],
      ['Leaderboard reads', `${compact(view.settings.readRate)}/s`],
      [
        'Reads so far',
        `${compact(reads.served + around.served)} from Redis, ${compact(reads.fallback + around.fallback)} fallback, ${compact(reads.failed + around.failed)} failed`,
      ],
    ];
  }
  if (nodeId === 'postgres') {
    return [
      ['Rows (scale model)', compact(view.postgres.rows)],
      ['Row updates so far', compact(view.postgres.writes)],
      ['Duplicates skipped by version', compact(view.totals.duplicatesSkipped)],
    ];
  }
  if (nodeId.startsWith('consumer-')) {
    const c = view.consumers.find((x) => x.node === nodeId);
    if (!c) return [];
    return [
      ['Status', c.alive ? (view.rebalancing ? 'rebalancing' : 'running') : 'dead'],
      ['Partitions', c.partitions.length ? c.partitions.join(', ') : 'none'],
      ['Lag (end − committed)', compact(c.lag)],
      ['Records applied', `${compact(c.processed)} (${compact(c.perSecond)}/s)`],
    ];
  }
  const shards = view.shards.filter((s) => s.node === nodeId);
  if (shards.length) {
    return shards.flatMap((s): Row[] => {
      const name = shards.length > 1 ? `Range ${s.index} ` : '';
      const rows: Row[] = [
        [`${name}Status`, s.status],
        [
          `${name}Members`,
          `${compact(s.size)}, ${Math.round(s.writeShare * 100)}% of writes, ${compact(s.perSecond)} ops/s`,
        ],
      ];
      if (s.rebuild) {
        rows.push([
          `${name}Rebuild (${s.rebuild.source})`,
          `${Math.round(s.rebuild.fraction * 100)}% after ${(s.rebuild.elapsedMs / 1000).toFixed(1)} s`,
        ]);
      } else if (s.lastRecoveryMs !== null) {
        rows.push([`${name}Last rebuild took`, `${(s.lastRecoveryMs / 1000).toFixed(1)} s`]);
      }
      return rows;
    });
  }
  if (nodeId === 'shard-router') {
    return [['Routed', `${compact(view.throughput['shard-router'] ?? 0)} ops/s`]];
  }
  return [];
}

/** The panel a node opens: what it does, its numbers at 100M players, its trade-off, live numbers. */
export function NodePanel({
  id,
  nodeId,
  stage,
  view,
  onClose,
}: {
  id: string;
  nodeId: string;
  stage: number;
  view: FlowView;
  onClose: () => void;
}) {
  const node = diagramNodes[nodeId];
  if (!node) return null;
  const rows = liveRows(nodeId, stage, view);
  const partitions = nodeId === 'kafka' ? view.partitions : [];
  return (
    <section
      id={id}
      aria-label={`${node.label}: details`}
      className="mx-4 mt-4 rounded-xl border border-zinc-200 p-4 sm:mx-5 dark:border-zinc-700"
      data-panel={nodeId}
    >
      <div className="flex items-start justify-between gap-3">
        <p className="text-base font-semibold text-zinc-900 dark:text-zinc-50">{node.label}</p>
        <button type="button" className={`${buttonQuiet} h-8 px-2.5`} onClick={onClose}>
          Close
        </button>
      </div>
      <p className="mt-2 text-sm leading-relaxed text-zinc-700 dark:text-zinc-300">
        {node.panel.role}
      </p>
      <p className="mt-4 text-xs font-semibold tracking-wider text-zinc-500 uppercase dark:text-zinc-400">
        At 100M players
      </p>
      <dl className="mt-1 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        {node.panel.figures.map((f) => (
          <div key={f.label} className="contents">
            <dt className="text-zinc-600 dark:text-zinc-400">{f.label}</dt>
            <dd className="font-medium text-zinc-900 dark:text-zinc-100">{f.value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-4 text-sm leading-relaxed text-zinc-700 dark:text-zinc-300">
        <strong className="text-zinc-900 dark:text-zinc-100">Trade-off: </strong>
        {node.panel.tradeOff}
      </p>
      {rows.length || partitions.length ? (
        <>
          <p className="mt-4 text-xs font-semibold tracking-wider text-zinc-500 uppercase dark:text-zinc-400">
            In the simulation now
          </p>
          {rows.length ? (
            <dl className="mt-1 grid gap-x-4 gap-y-1 text-sm tabular-nums sm:grid-cols-[auto_1fr]">
              {rows.map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="text-zinc-600 dark:text-zinc-400">{label}</dt>
                  <dd className="font-medium text-zinc-900 dark:text-zinc-100">{value}</dd>
                </div>
              ))}
            </dl>
          ) : null}
          {partitions.length ? (
            <div
              className="mt-2 overflow-x-auto"
              role="region"
              aria-label="Partition offsets"
              tabIndex={0}
            >
              <table className="w-full text-right text-sm tabular-nums">
                <caption className="sr-only">Offsets of each partition</caption>
                <thead className="text-xs text-zinc-600 dark:text-zinc-400">
                  <tr>
                    <th scope="col" className="py-1 pr-3 text-left font-medium">
                      Partition
                    </th>
                    <th scope="col" className="px-2 py-1 font-medium">
                      Log start
                    </th>
                    <th scope="col" className="px-2 py-1 font-medium">
                      End
                    </th>
                    <th scope="col" className="px-2 py-1 font-medium">
                      Committed
                    </th>
                    <th scope="col" className="px-2 py-1 font-medium">
                      Lag
                    </th>
                    <th scope="col" className="py-1 pl-2 font-medium">
                      Owner
                    </th>
                  </tr>
                </thead>
                <tbody className="text-zinc-900 dark:text-zinc-100">
                  {partitions.map((p) => (
                    <tr key={p.partition} className="border-t border-zinc-200 dark:border-zinc-800">
                      <th scope="row" className="py-1 pr-3 text-left font-medium">
                        {p.partition}
                      </th>
                      <td className="px-2 py-1">{p.logStart}</td>
                      <td className="px-2 py-1">{p.end}</td>
                      <td className="px-2 py-1">{p.committed}</td>
                      <td className="px-2 py-1">{p.lag}</td>
                      <td className="py-1 pl-2">
                        {p.owner < 0 ? 'none' : `consumer ${p.owner}${p.stalled ? ' (dead)' : ''}`}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </>
      ) : null}
      <p className="mt-4 text-sm">
        Read more:{' '}
        {node.panel.links.map((l, i) => (
          <span key={l.href}>
            {i > 0 ? ', ' : ''}
            <a
              href={withBasePath(l.href)}
              className="font-medium text-accent-700 underline decoration-accent-300 underline-offset-2 hover:decoration-accent-600 dark:text-accent-300 dark:decoration-accent-700"
            >
              {l.label}
            </a>
          </span>
        ))}
      </p>
    </section>
  );
}
