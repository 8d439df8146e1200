import { useState } from 'react';

import { answerQuestion, missedKeyQuestions } from '@/lib/practice/clarify';

import { field, muted, primary, quiet } from './styles';
import type { AttemptPanelProps } from './panel-props';
import { Panel } from './panel';
import { withBasePath } from '@/lib/site-config';

/**
 * Phase 1: the prompt, questions to the interviewer (answered from the prompt's facts), and,
 * when the phase is over or the candidate is done, the key questions they did not ask.
 */
export function ClarifyPanel({
  variant,
  attempt,
  update,
  clarifyOver,
}: AttemptPanelProps & {
  clarifyOver: boolean;
}) {
  const [q, setQ] = useState('');
  const [done, setDone] = useState(false);
  const missed = missedKeyQuestions(
    attempt.questions.map((x) => x.text),
    variant.keyQuestions,
  );
  const ask = () => {
    const text = q.trim();
    if (!text) return;
    const answers = answerQuestion(text, variant.facts).map((f) => f.answer);
    update((a) => ({ ...a, questions: [...a.questions, { text, answers }] }));
    setQ('');
  };
  return (
    <Panel id="clarify-title" title="The prompt">
      <blockquote
        className="mt-2 border-l-4 border-accent-500 pl-3 text-base text-zinc-800 dark:text-zinc-200"
        data-prompt-text
      >
        {variant.prompt}
      </blockquote>
      <form
        className="mt-4 flex flex-wrap gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          ask();
        }}
      >
        <label className="sr-only" htmlFor="clarify-question">
          Your question to the interviewer
        </label>
        <input
          id="clarify-question"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          className={`${field} min-w-0 flex-1`}
          placeholder="Ask a clarifying question…"
          autoComplete="off"
          data-input="question"
        />
        <button type="submit" className={primary} data-action="ask">
          Ask
        </button>
      </form>
      <p className={`mt-2 text-xs ${muted}`}>
        This interviewer answers by simple keyword matching against the facts of the prompt; a
        question it cannot match gets no answer, not a guess.
      </p>
      <ol className="mt-4 space-y-3" data-questions>
        {attempt.questions.map((x, i) => (
          <li key={i} className="text-sm">
            <p className="font-medium text-zinc-900 dark:text-zinc-100">You: {x.text}</p>
            {x.answers.length ? (
              x.answers.map((a, j) => (
                <p key={j} className="text-zinc-700 dark:text-zinc-300" data-answer>
                  Interviewer: {a}
                </p>
              ))
            ) : (
              <p className="text-zinc-500 italic dark:text-zinc-400">
                No answer here: the interviewer has nothing to add on that.
              </p>
            )}
          </li>
        ))}
      </ol>
      {clarifyOver || done ? (
        <div className="mt-5 rounded-xl bg-zinc-50 p-3 dark:bg-zinc-950/50" data-missed>
          <h3 className="text-sm font-semibold text-zinc-900 dark:text-zinc-50">
            {missed.length
              ? `Key questions you did not ask (${missed.length} of ${variant.keyQuestions.length})`
              : 'You asked every key question.'}
          </h3>
          <ul className="mt-2 space-y-1 text-sm">
            {missed.map((k) => (
              <li key={k.id}>
                <span className="font-medium">{k.question}</span>{' '}
                <span className={muted}>{k.why}</span>
              </li>
            ))}
          </ul>
          <p className="mt-2 text-sm">
            <a
              className="font-medium text-accent-700 underline dark:text-accent-300"
              href={withBasePath('/interview-skills/clarifying-questions/')}
            >
              The question bank, with what each answer changes
            </a>
          </p>
        </div>
      ) : (
        <button
          type="button"
          className={`${quiet} mt-4`}
          onClick={() => setDone(true)}
          data-action="done-asking"
        >
          I am done asking: show what I missed
        </button>
      )}
    </Panel>
  );
}
