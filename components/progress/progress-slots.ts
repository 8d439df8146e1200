'use client';

/**
 * The parts of the progress store that widgets keep, each with the shape the widget
 * used before the store existed, so moving a widget onto the store changes one line.
 */
import { useCallback, useMemo, useState } from 'react';
import {
  addConsoleLine,
  historyWithUnstored,
  setPrerequisite,
  setSpeedRound,
  tickedPrerequisites,
  type UnstoredLine,
} from '@/lib/progress/operations';
import { CONSOLE_LINE_MAX, type JsonObject } from '@/lib/progress/schema';
import {
  initialDrillState,
  parseDrillState,
  type DrillCard,
  type DrillState,
} from '@/lib/practice/speed-round';
import { useProgress } from './use-progress';

/** The home page's prerequisites checklist: ticked ids, and a setter per id. */
export function usePrerequisiteTicks(): {
  checked: readonly string[];
  setTicked: (id: string, on: boolean) => void;
  loaded: boolean;
} {
  const { progress, loaded, update } = useProgress();
  const checked = useMemo(() => tickedPrerequisites(progress), [progress]);
  const setTicked = useCallback(
    (id: string, on: boolean) => void update((p, at) => setPrerequisite(p, id, on, at)),
    [update],
  );
  return { checked, setTicked, loaded };
}

/**
 * The speed-round drill's state, as `useState` would give it: `[state, setState, loaded]`.
 * The setter's function form runs on the latest stored state, so a round finished in
 * another tab is built on, not overwritten.
 */
export function useDrillState(
  cards: readonly DrillCard[],
): [DrillState, (next: DrillState | ((previous: DrillState) => DrillState)) => void, boolean] {
  const { progress, loaded, update } = useProgress();
  const stored = progress.speedRound?.state ?? null;
  const parse = useCallback(
    (state: JsonObject | null) =>
      state === null ? initialDrillState : parseDrillState(JSON.stringify(state), cards),
    [cards],
  );
  const state = useMemo(() => parse(stored), [parse, stored]);
  const setState = useCallback(
    (next: DrillState | ((previous: DrillState) => DrillState)) =>
      void update((p, at) => {
        const current = parse(p.speedRound?.state ?? null);
        const resolved = typeof next === 'function' ? next(current) : next;
        if (resolved === current) return p;
        return setSpeedRound(p, resolved as unknown as JsonObject, at);
      }),
    [parse, update],
  );
  return [state, setState, loaded];
}

/**
 * The console's command history (oldest first), shared by every console in every tab,
 * and a way to add a line to it. A line too long to store stays in this page view's
 * history, in its place.
 */
export function useConsoleHistory(): {
  history: readonly string[];
  record: (line: string) => void;
} {
  const { progress, update } = useProgress();
  const [unstored, setUnstored] = useState<readonly UnstoredLine[]>([]);
  const history = useMemo(() => historyWithUnstored(progress, unstored), [progress, unstored]);
  const record = useCallback(
    (line: string) => {
      const trimmed = line.trim();
      if (trimmed.length <= CONSOLE_LINE_MAX) {
        update((p, at) => addConsoleLine(p, trimmed, at));
        return;
      }
      const last = progress.consoleHistory.at(-1);
      setUnstored((previous) => [...previous, { line: trimmed, afterAt: last?.at ?? 0 }]);
    },
    [progress, update],
  );
  return { history, record };
}
