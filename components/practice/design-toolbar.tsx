import { componentSpecs, paletteKinds, type ComponentKind } from '@/lib/flow';
import { field, primary, quiet } from './styles';

/** Above the canvas: add a component, undo, redo, tidy, and Run. */
export function DesignToolbar(p: {
  onAdd: (k: ComponentKind) => void;
  onUndo: () => void;
  onRedo: () => void;
  canUndo: boolean;
  canRedo: boolean;
  onTidy: () => void;
  onRun: () => void;
  /** A run is in flight. */
  running: boolean;
  /** The worker is up. */
  ready: boolean;
  empty: boolean;
}) {
  const edits = [
    { action: 'undo', label: 'Undo', onClick: p.onUndo, disabled: !p.canUndo, title: 'Ctrl+Z' },
    {
      action: 'redo',
      label: 'Redo',
      onClick: p.onRedo,
      disabled: !p.canRedo,
      title: 'Ctrl+Shift+Z',
    },
    { action: 'tidy', label: 'Tidy layout', onClick: p.onTidy, disabled: p.empty, title: '' },
  ];
  return (
    <div className="flex flex-wrap items-center gap-2" data-toolbar>
      <label className="inline-flex items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
        <span>Add</span>
        <select
          className={field}
          value=""
          onChange={(e) => {
            if (e.target.value) p.onAdd(e.target.value as ComponentKind);
          }}
          data-control="palette"
        >
          <option value="">a component…</option>
          {paletteKinds.map((k) => (
            <option key={k} value={k}>
              {componentSpecs[k].label}
            </option>
          ))}
        </select>
      </label>
      {edits.map((b) => (
        <button
          key={b.action}
          type="button"
          className={quiet}
          onClick={b.onClick}
          disabled={b.disabled}
          data-action={b.action}
          title={b.title || undefined}
        >
          {b.label}
        </button>
      ))}
      <button
        type="button"
        className={`${primary} ml-auto`}
        onClick={p.onRun}
        disabled={p.empty || !p.ready || p.running}
        data-action="run"
      >
        {p.running ? 'Running…' : 'Run the design'}
      </button>
    </div>
  );
}
