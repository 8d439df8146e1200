import { checkEstimate, describeEstimate, parseFigure } from '@/lib/practice/estimates';
import type { EstimateId } from '@/lib/practice/variant';
import { bad, field, good, muted, primary, warn } from './styles';
import type { AttemptPanelProps } from './panel-props';
import { Panel } from './panel';

const verdictClass = { good, flagged: warn, wrong: bad } as const;

/** Phase 2: a figure per estimate, graded against the worked answer once submitted. */
export function EstimatePanel({ variant, attempt, update }: AttemptPanelProps) {
  const submitted = attempt.estimatesSubmitted;
  return (
    <Panel id="estimate-title" title="Estimate the scale">
      <p className={`mt-1 ${muted}`}>
        Type a figure (12000, 12k, 10 GB). Within 2× of the worked answer is good, within 10× is
        flagged, beyond is wrong.
      </p>
      <form
        className="mt-4 space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          update((a) => ({ ...a, estimatesSubmitted: true }));
        }}
      >
        {variant.estimates.map((e) => {
          const entry = attempt.estimates[e.id];
          const check = entry?.value != null ? checkEstimate(entry.value, e.worked) : null;
          return (
            <div
              key={e.id}
              className="grid gap-1 sm:grid-cols-[14rem_12rem_1fr] sm:items-center"
              data-estimate={e.id}
            >
              <label
                htmlFor={`est-${e.id}`}
                className="text-sm font-medium text-zinc-800 dark:text-zinc-200"
              >
                {e.label} <span className={muted}>({e.unit})</span>
              </label>
              <input
                id={`est-${e.id}`}
                className={field}
                inputMode="decimal"
                value={entry?.text ?? ''}
                readOnly={submitted}
                onChange={(ev) => {
                  const text = ev.target.value;
                  update((a) => ({
                    ...a,
                    estimates: {
                      ...a.estimates,
                      [e.id as EstimateId]: { text, value: parseFigure(text) },
                    },
                  }));
                }}
                aria-describedby={`est-${e.id}-note`}
              />
              <p id={`est-${e.id}-note`} className="text-sm">
                {entry?.text && entry.value === null ? (
                  <span className={bad}>Not a figure: try 12000, 12k or 10 GB.</span>
                ) : null}
                {submitted ? (
                  <span
                    className={`font-semibold ${verdictClass[check?.verdict ?? 'wrong']}`}
                    data-verdict={check?.verdict ?? 'wrong'}
                  >
                    {describeEstimate(check, e.worked)}
                  </span>
                ) : null}
              </p>
              {submitted ? (
                <p
                  className="text-sm text-zinc-700 sm:col-span-3 dark:text-zinc-300"
                  data-derivation
                >
                  {e.derivation}
                </p>
              ) : null}
            </div>
          );
        })}
        {submitted ? null : (
          <button type="submit" className={primary} data-action="submit-estimates">
            Submit estimates
          </button>
        )}
      </form>
    </Panel>
  );
}
