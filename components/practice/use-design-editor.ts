'use client';

import { useCallback, useEffect, useState } from 'react';
import type { ComponentKind, ComponentParams, FlowKind } from '@/lib/flow';
import type { Attempt } from '@/lib/practice/attempt';
import {
  addComponent,
  connect,
  emptyHistory,
  moveComponent,
  recordEdit,
  removeArrow,
  removeComponent,
  setParam,
  stepHistory,
  type Design,
  type DesignHistory,
} from '@/lib/practice/design-edit';
import { tidyLayout } from './design-canvas';

/** Everything the canvas, toolbar and inspector do to a design, with undo. */
export interface DesignEditor {
  readonly selected: string | null;
  select(id: string | null): void;
  /** Bumped after an automatic layout, so the canvas refits the view. */
  readonly layoutKey: number;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  undo(): void;
  redo(): void;
  add(kind: ComponentKind): void;
  remove(id: string): void;
  move(id: string, at: { x: number; y: number }): void;
  connect(source: string, target: string, flow: FlowKind): void;
  removeArrow(source: string, target: string): void;
  setParam(
    id: string,
    key: keyof ComponentParams,
    value: ComponentParams[keyof ComponentParams],
  ): void;
  tidy(): Promise<void>;
  /** Forgets the history and the selection (another attempt was opened). */
  reset(): void;
}

const inField = (t: EventTarget | null) =>
  t instanceof HTMLElement &&
  (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT');

/**
 * Edits the design of the open attempt through lib/practice/design-edit, keeping an undo
 * history of earlier designs. Ctrl/Cmd+Z undoes and Ctrl/Cmd+Shift+Z (or Y) redoes anywhere
 * but in a text field, where the browser's own undo applies.
 */
export function useDesignEditor(
  design: Design | undefined,
  update: (f: (a: Attempt) => Attempt) => void,
): DesignEditor {
  const [history, setHistory] = useState<DesignHistory>(emptyHistory);
  const [selected, setSelected] = useState<string | null>(null);
  const [layoutKey, setLayoutKey] = useState(0);

  const edit = useCallback(
    (next: Design) => {
      if (!design) return;
      setHistory((h) => recordEdit(h, design));
      update((a) => ({ ...a, design: next }));
    },
    [design, update],
  );
  const step = useCallback(
    (direction: 'undo' | 'redo') => {
      if (!design) return;
      const s = stepHistory(history, design, direction);
      if (!s) return;
      setHistory(s.history);
      update((a) => ({ ...a, design: s.design }));
    },
    [design, history, update],
  );

  // The canvas is memoised: the two callbacks it takes keep their identity while a run
  // reports progress, so a run does not redraw it.
  const remove = useCallback(
    (id: string) => {
      if (!design) return;
      edit(removeComponent(design, id));
      setSelected(null);
    },
    [design, edit],
  );
  const move = useCallback(
    (id: string, at: { x: number; y: number }) => {
      if (design) edit(moveComponent(design, id, at));
    },
    [design, edit],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (inField(e.target) || !(e.ctrlKey || e.metaKey)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        step('undo');
      } else if ((key === 'z' && e.shiftKey) || key === 'y') {
        e.preventDefault();
        step('redo');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [step]);

  return {
    selected,
    select: setSelected,
    layoutKey,
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    undo: () => step('undo'),
    redo: () => step('redo'),
    add(kind) {
      if (!design) return;
      const added = addComponent(design, kind);
      edit(added.design);
      setSelected(added.id);
    },
    remove,
    move,
    connect(source, target, flow) {
      if (design && source !== target) edit(connect(design, source, target, flow));
    },
    removeArrow(source, target) {
      if (design) edit(removeArrow(design, source, target));
    },
    setParam(id, key, value) {
      if (design) edit(setParam(design, id, key, value));
    },
    async tidy() {
      if (!design) return;
      edit({ ...design, positions: await tidyLayout(design.topology) });
      setLayoutKey((k) => k + 1);
    },
    reset() {
      setHistory(emptyHistory);
      setSelected(null);
    },
  };
}
