import { useState } from 'react';
import {
  componentSpecs,
  flowKinds,
  paramOf,
  type ComponentParams,
  type FlowKind,
  type Topology,
} from '@/lib/flow';
import { bad, card, field, muted, quiet } from './styles';

/** Beside the canvas: the selected component's parameters and arrows, editable. */
export function ComponentInspector(p: {
  topology: Topology;
  selected: string | null;
  onSelect: (id: string | null) => void;
  onParam: (
    id: string,
    key: keyof ComponentParams,
    value: ComponentParams[keyof ComponentParams],
  ) => void;
  onConnect: (s: string, t: string, f: FlowKind) => void;
  onRemoveEdge: (s: string, t: string) => void;
  onRemoveNode: (id: string) => void;
}) {
  const node = p.topology.nodes.find((n) => n.id === p.selected);
  const [target, setTarget] = useState('');
  const [flow, setFlow] = useState<FlowKind>('write');
  if (!node) {
    return (
      <aside className={`${card} text-sm`} aria-label="Component details">
        <p className="font-semibold text-zinc-900 dark:text-zinc-50">No component selected</p>
        <p className={`mt-1 ${muted}`}>
          Add one with the menu above, or Tab into the canvas and press Enter on a component to edit
          its parameters and arrows.
        </p>
      </aside>
    );
  }
  const spec = componentSpecs[node.kind];
  const others = p.topology.nodes.filter((n) => n.id !== node.id);
  const edges = p.topology.edges.filter((e) => e.source === node.id || e.target === node.id);
  return (
    <aside
      className={`${card} space-y-4 text-sm`}
      aria-label={`${spec.label} ${node.id}`}
      data-inspector={node.id}
    >
      <div className="flex items-start justify-between gap-2">
        <p className="font-semibold text-zinc-900 dark:text-zinc-50">
          {spec.label}{' '}
          <span className="font-normal text-zinc-600 dark:text-zinc-400">{node.id}</span>
        </p>
        <button
          type="button"
          className={`${quiet} h-8 px-2.5`}
          onClick={() => p.onRemoveNode(node.id)}
          data-action="delete-node"
        >
          Delete
        </button>
      </div>
      {spec.params.length ? (
        <fieldset className="space-y-2">
          <legend className="font-medium text-zinc-800 dark:text-zinc-200">Parameters</legend>
          {spec.params.map((s) => {
            const id = `param-${node.id}-${s.key}`;
            const value = paramOf(node, s.key);
            return (
              <div key={s.key} className="flex items-center justify-between gap-2">
                <label htmlFor={id} className="text-zinc-700 dark:text-zinc-300">
                  {s.label}
                  {s.type === 'int' && s.unit ? ` (${s.unit})` : ''}
                </label>
                {s.type === 'int' ? (
                  <input
                    id={id}
                    type="number"
                    className={`${field} w-28`}
                    value={String(value)}
                    min={s.min}
                    max={s.max}
                    onChange={(e) =>
                      p.onParam(
                        node.id,
                        s.key,
                        e.target.value === '' ? s.min - 1 : Number(e.target.value),
                      )
                    }
                    data-param={s.key}
                  />
                ) : s.type === 'choice' ? (
                  <select
                    id={id}
                    className={field}
                    value={String(value)}
                    onChange={(e) =>
                      p.onParam(node.id, s.key, e.target.value as ComponentParams['mode'])
                    }
                    data-param={s.key}
                  >
                    {s.choices.map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                  </select>
                ) : s.type === 'boolean' ? (
                  <input
                    id={id}
                    type="checkbox"
                    className="size-4 accent-accent-600"
                    checked={Boolean(value)}
                    onChange={(e) => p.onParam(node.id, s.key, e.target.checked)}
                    data-param={s.key}
                  />
                ) : (
                  <input
                    id={id}
                    className={`${field} w-28`}
                    value={String(value)}
                    onChange={(e) => p.onParam(node.id, s.key, e.target.value)}
                    data-param={s.key}
                  />
                )}
              </div>
            );
          })}
        </fieldset>
      ) : null}
      <fieldset className="space-y-2">
        <legend className="font-medium text-zinc-800 dark:text-zinc-200">Arrows</legend>
        {edges.length === 0 ? (
          <p className={muted}>None yet.</p>
        ) : (
          <ul className="space-y-1">
            {edges.map((e) => (
              <li
                key={`${e.source}->${e.target}`}
                className="flex items-center justify-between gap-2"
              >
                <span>
                  {e.source} → {e.target} <span className={muted}>({e.flow})</span>
                </span>
                <button
                  type="button"
                  className={`rounded px-1.5 text-xs font-semibold underline focus-visible:outline-2 focus-visible:outline-accent-500 ${bad}`}
                  onClick={() => p.onRemoveEdge(e.source, e.target)}
                  aria-label={`Remove the arrow ${e.source} to ${e.target}`}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="flex flex-wrap items-end gap-2 pt-1">
          <label className="flex flex-col gap-1">
            <span className="text-xs text-zinc-600 dark:text-zinc-400">Arrow to</span>
            <select
              className={field}
              value={target}
              onChange={(e) => setTarget(e.target.value)}
              data-control="connect-target"
            >
              <option value="">choose…</option>
              {others.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.id}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1">
            <span className="text-xs text-zinc-600 dark:text-zinc-400">carrying</span>
            <select
              className={field}
              value={flow}
              onChange={(e) => setFlow(e.target.value as FlowKind)}
              data-control="connect-flow"
            >
              {flowKinds.map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className={quiet}
            disabled={!target}
            onClick={() => {
              p.onConnect(node.id, target, flow);
              setTarget('');
            }}
            data-action="connect"
          >
            Connect
          </button>
        </div>
      </fieldset>
    </aside>
  );
}
