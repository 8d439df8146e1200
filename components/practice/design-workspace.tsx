'use client';

import type { CapacityResult } from '@/lib/practice/capacity';
import type { TopologyIssue } from '@/lib/flow';
import type { Design } from '@/lib/practice/design-edit';
import { describeTopology } from '@/lib/practice/review';
import { ComponentInspector } from './component-inspector';
import { DesignCanvas } from './design-canvas';
import { DesignToolbar } from './design-toolbar';
import { GraphIssues } from './graph-issues';
import type { DesignEditor } from './use-design-editor';

/**
 * The drawing phase: toolbar, canvas, the design in words, its problems, and the inspector.
 * On a phone (`wide` false) the canvas is view-only and the editing tools are not shown.
 */
export function DesignWorkspace({
  design,
  editor,
  issues,
  capacity,
  wide,
  descId,
  onRun,
  running,
  ready,
}: {
  design: Design;
  editor: DesignEditor;
  issues: readonly TopologyIssue[];
  capacity: CapacityResult | null;
  wide: boolean;
  descId: string;
  onRun: () => void;
  /** A run is in flight. */
  running: boolean;
  /** The worker is up. */
  ready: boolean;
}) {
  const { topology, positions } = design;
  return (
    <div className={wide ? 'grid gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]' : ''}>
      <div className="min-w-0 space-y-2">
        {wide ? (
          <DesignToolbar
            onAdd={editor.add}
            onUndo={editor.undo}
            onRedo={editor.redo}
            canUndo={editor.canUndo}
            canRedo={editor.canRedo}
            onTidy={() => void editor.tidy()}
            onRun={onRun}
            running={running}
            ready={ready}
            empty={topology.nodes.length === 0}
          />
        ) : null}
        <DesignCanvas
          topology={topology}
          positions={positions}
          issues={issues}
          capacity={capacity}
          selected={editor.selected}
          onSelect={editor.select}
          onDelete={wide ? editor.remove : undefined}
          onMove={wide ? editor.move : undefined}
          label={`Your design: ${topology.nodes.length} components. Tab to a component, arrow keys to move, Enter to select, Delete to remove.`}
          descriptionId={descId}
          layoutKey={editor.layoutKey}
          height={wide ? 'h-[34rem]' : 'h-[22rem]'}
        />
        <p
          id={descId}
          className="text-xs leading-relaxed text-zinc-600 dark:text-zinc-400"
          data-design-text
        >
          <span className="font-semibold">In words: </span>
          {describeTopology(topology)}
        </p>
        <GraphIssues issues={issues} />
      </div>
      {wide ? (
        <ComponentInspector
          topology={topology}
          selected={editor.selected}
          onSelect={editor.select}
          onParam={editor.setParam}
          onConnect={editor.connect}
          onRemoveEdge={editor.removeArrow}
          onRemoveNode={editor.remove}
        />
      ) : null}
    </div>
  );
}
