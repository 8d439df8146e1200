import { practiceVariants } from '@/content/practice/prompts';
import { muted, primary } from './styles';
import { Panel } from './panel';

/** The first thing the room shows: the prompts, each with its own numbers, and Start. */
export function PromptPicker({
  choice,
  onChoose,
  onStart,
}: {
  choice: string;
  onChoose: (id: string) => void;
  onStart: () => void;
}) {
  return (
    <Panel id="pick-prompt" title="Pick a prompt">
      <p className={`mt-1 ${muted}`}>
        Each has its own numbers, and the interviewer changes one requirement partway through, as
        real interviewers do.
      </p>
      <div
        role="radiogroup"
        aria-labelledby="pick-prompt"
        className="mt-4 grid gap-2 sm:grid-cols-2"
      >
        {practiceVariants.map((v) => (
          <label
            key={v.id}
            className={`flex cursor-pointer gap-3 rounded-xl border p-3 ${choice === v.id ? 'border-accent-600 bg-accent-50 dark:border-accent-400 dark:bg-accent-950/40' : 'border-zinc-200 dark:border-zinc-700'}`}
          >
            <input
              type="radio"
              name="prompt"
              value={v.id}
              checked={choice === v.id}
              onChange={() => onChoose(v.id)}
              className="mt-1 size-4 accent-accent-600"
              data-prompt={v.id}
            />
            <span>
              <span className="block text-sm font-semibold text-zinc-900 dark:text-zinc-50">
                {v.title}
              </span>
              <span className="block text-sm text-zinc-600 dark:text-zinc-400">{v.summary}</span>
            </span>
          </label>
        ))}
      </div>
      <button
        type="button"
        className={`${primary} mt-4`}
        onClick={onStart}
        data-action="start-attempt"
      >
        Start this attempt
      </button>
    </Panel>
  );
}
