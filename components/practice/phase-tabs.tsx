import { interviewPlan } from '@/lib/practice/interview-plan';

/** The room's tabs: one per phase of the 45-minute plan, then the review. */
export type TabId = 'clarify' | 'estimate' | 'api' | 'design' | 'deep-dive' | 'wrap-up' | 'review';
export const tabs: readonly { id: TabId; label: string }[] = [
  ...interviewPlan.map((p) => ({ id: p.id as TabId, label: p.short })),
  { id: 'review', label: 'Review' },
];

/** The tab of the phase at `index` of the plan (the first when out of range). */
export const phaseTab = (index: number): TabId => (interviewPlan[index]?.id ?? 'clarify') as TabId;

/**
 * The phase tabs, as an ARIA tablist: arrow keys move between tabs, and only the current tab
 * is in the Tab order. The panel they control has the id `${idBase}-panel`.
 */
export function PhaseTabs({
  idBase,
  current,
  onChoose,
}: {
  idBase: string;
  current: TabId;
  onChoose: (t: TabId) => void;
}) {
  return (
    <div role="tablist" aria-label="Phases of the interview" className="flex flex-wrap gap-1.5">
      {tabs.map((t, i) => (
        <button
          key={t.id}
          role="tab"
          type="button"
          id={`${idBase}-tab-${t.id}`}
          aria-selected={current === t.id}
          aria-controls={`${idBase}-panel`}
          tabIndex={current === t.id ? 0 : -1}
          data-tab={t.id}
          onClick={() => onChoose(t.id)}
          onKeyDown={(e) => {
            const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
            if (!step) return;
            e.preventDefault();
            const next = tabs[(i + step + tabs.length) % tabs.length];
            if (!next) return;
            onChoose(next.id);
            document.getElementById(`${idBase}-tab-${next.id}`)?.focus();
          }}
          className={`h-9 rounded-full border px-3.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500 ${current === t.id ? 'border-accent-600 bg-accent-600 text-white dark:border-accent-400 dark:bg-accent-400 dark:text-zinc-950' : 'border-zinc-300 bg-white text-zinc-700 hover:bg-zinc-50 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-200'}`}
        >
          {i < interviewPlan.length ? `${i + 1}. ` : ''}
          {t.label}
        </button>
      ))}
    </div>
  );
}
