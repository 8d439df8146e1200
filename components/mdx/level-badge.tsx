import type { Level } from '@/content/chapters';

const styles: Record<Level, string> = {
  fundamental:
    'bg-emerald-50 text-emerald-800 ring-emerald-600/25 dark:bg-emerald-400/10 dark:text-emerald-300 dark:ring-emerald-400/30',
  advanced:
    'bg-violet-50 text-violet-800 ring-violet-600/25 dark:bg-violet-400/10 dark:text-violet-300 dark:ring-violet-400/30',
};

const explanations: Record<Level, string> = {
  fundamental: 'Fundamental: needs only basic backend knowledge',
  advanced: 'Advanced: assumes comfort with distributed systems',
};

/** The fundamental/advanced marker. `compact` is the sidebar's one-letter form. */
export function LevelBadge({ level, compact = false }: { level: Level; compact?: boolean }) {
  if (compact) {
    return (
      <span
        className={`inline-flex size-5 shrink-0 items-center justify-center rounded text-[0.65rem] font-bold ring-1 ring-inset ${styles[level]}`}
        title={explanations[level]}
      >
        <span aria-hidden="true">{level === 'fundamental' ? 'F' : 'A'}</span>
        <span className="sr-only">{level}</span>
      </span>
    );
  }
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${styles[level]}`}
      title={explanations[level]}
    >
      <span aria-hidden="true" className="size-1.5 rounded-full bg-current" />
      {level === 'fundamental' ? 'Fundamental' : 'Advanced'}
    </span>
  );
}
