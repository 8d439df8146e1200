/**
 * The parts of /progress/ that only matter once the stored document is read, or once the
 * reader acts: the speed-round schedule's spread, the practice table's clock format, the
 * export file, the store's warnings and the "forget everything" confirmation.
 * The dashboard fetches this module right after hydration, beside the store's own chunk,
 * so the page's up-front JavaScript stays within the 150 KB gzip budget (issue 15).
 */
import { formatClock } from '@/lib/practice/interview-plan';
import { deckSpread, parseDrillState, type DrillCard } from '@/lib/practice/speed-round';
import type { JsonObject } from '@/lib/progress/schema';
import type { StoreStatus } from '@/lib/progress/store';

export { formatClock };
export { progressFileName, progressFileText } from '@/lib/progress/file';

/** Rounds played, cards due next round and cards never seen, from the drill's stored state. */
export function drillSummary(
  state: JsonObject,
  cards: readonly DrillCard[],
): { round: number; due: number; fresh: number } {
  const drill = parseDrillState(JSON.stringify(state), cards);
  const spread = deckSpread(drill, cards);
  return { round: drill.round, due: spread.due, fresh: spread.fresh };
}

/** Why the store cannot keep what the page shows, when it cannot. */
export function StatusNote({ status }: { status: StoreStatus }) {
  const text =
    status.kind === 'unavailable'
      ? 'This browser does not let the site store anything (a private window, or storage turned off), so progress lasts only while this page is open.'
      : status.kind === 'full'
        ? 'The browser refused the last change because its storage for this site is full. It is shown here but will be lost on reload; export your progress to keep it.'
        : status.kind === 'newer'
          ? `A newer version of this site saved your progress (schema ${status.version}). This page will not read or change it: reload to get the newer version.`
          : null;
  if (!text) return null;
  return (
    <p
      role="alert"
      className="rounded-xl border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-500/40 dark:bg-amber-400/10 dark:text-amber-200"
    >
      {text}
    </p>
  );
}

/** Asks before forgetting everything, saying what goes. */
export function ForgetConfirm({
  button,
  secondary,
  onForget,
  onCancel,
}: {
  button: string;
  secondary: string;
  onForget: () => void;
  onCancel: () => void;
}) {
  return (
    <div
      role="group"
      aria-label="Confirm forgetting everything"
      className="mt-4 rounded-xl border border-rose-300 bg-rose-50 p-4 dark:border-rose-500/40 dark:bg-rose-500/10"
    >
      <p className="text-sm text-rose-900 dark:text-rose-200">
        This removes from this browser every section read, self-check opened, prerequisite ticked,
        the speed-round schedule, console history and practice summaries, in every open tab. It
        cannot be undone; export first if you may want it back.
      </p>
      <div className="mt-3 flex gap-3">
        <button
          type="button"
          className={`${button} bg-rose-700 text-white hover:bg-rose-800 dark:bg-rose-500 dark:text-zinc-950 dark:hover:bg-rose-400`}
          onClick={onForget}
        >
          Yes, forget everything
        </button>
        <button type="button" className={secondary} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
