'use client';

import { useMemo, useState } from 'react';
import { ledgerFacts } from '@/content/practice/prompts';
import { rubric } from '@/content/practice/rubric';
import {
  attemptMarkdown,
  exportAttempts,
  reviewPrompt,
  type Attempt,
} from '@/lib/practice/attempt';
import type { Variant } from '@/lib/practice/variant';
import { download } from './download';
import { muted, quiet } from './styles';
import { Panel } from './panel';
import { withBasePath } from '@/lib/site-config';

/** Under every phase: export the attempt, start another, and a prompt for an AI review. */
export function AttemptActions({
  variant,
  attempt,
  onNew,
}: {
  variant: Variant;
  attempt: Attempt;
  onNew: () => void;
}) {
  const [copied, setCopied] = useState(false);
  const prompt = useMemo(
    () => reviewPrompt(attempt, variant, rubric, ledgerFacts),
    [attempt, variant],
  );
  return (
    <Panel id="keep-title" title="Keep and share">
      <div className="mt-3 flex flex-wrap gap-2">
        <button
          type="button"
          className={quiet}
          onClick={() =>
            download(
              `practice-${attempt.variantId}-${new Date(attempt.startedAt).toISOString().slice(0, 10)}.json`,
              exportAttempts([attempt], Date.now()),
              'application/json',
            )
          }
          data-action="export-json"
        >
          Export JSON
        </button>
        <button
          type="button"
          className={quiet}
          onClick={() =>
            download(
              `practice-${attempt.variantId}.md`,
              attemptMarkdown(attempt, variant, rubric),
              'text/markdown',
            )
          }
          data-action="export-markdown"
        >
          Export Markdown
        </button>
        <button type="button" className={quiet} onClick={onNew} data-action="new-attempt">
          Start another attempt
        </button>
      </div>
      <details className="mt-4">
        <summary className="cursor-pointer text-sm font-medium">
          Review with an AI: a prompt built from this attempt
        </summary>
        <p className={`mt-1 ${muted}`}>
          Paste it into the chat assistant you use; it carries the rubric and the guide’s figures,
          as{' '}
          <a className="underline" href={withBasePath('/ai-prep/prompts/')}>
            the AI Prep chapter
          </a>{' '}
          recommends.
        </p>
        <textarea
          readOnly
          value={prompt}
          rows={8}
          className="mt-2 w-full rounded-lg border border-zinc-300 bg-zinc-50 p-3 font-mono text-xs text-zinc-800 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-200"
          aria-label="Review prompt"
          data-review-prompt
        />
        <button
          type="button"
          className={`${quiet} mt-2`}
          onClick={() =>
            void navigator.clipboard.writeText(prompt).then(() => {
              setCopied(true);
              setTimeout(() => setCopied(false), 2000);
            })
          }
          data-action="copy-prompt"
        >
          {copied ? 'Copied' : 'Copy the prompt'}
        </button>
      </details>
    </Panel>
  );
}
