import type { Level } from '@/content/chapters';

/** Colours per level: `.level-fundamental` and `.level-advanced` in globals.css. */
const styles: Record<Level, string> = {
  fundamental: 'level-fundamental',
  advanced: 'level-advanced',
};

const explanations: Record<Level, string> = {
  fundamental: 'Fundamental: needs only basic backend knowledge',
  advanced: 'Advanced: assumes comfort with distributed systems',
};

/** The fundamental/advanced marker. `compact` is the sidebar's one-letter form. */
export function LevelBadge({ level, compact = false }: { level: Level; compact?: boolean }) {
  if (compact) {
    return (
      <span className={`level-mark ${styles[level]}`} title={explanations[level]}>
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
