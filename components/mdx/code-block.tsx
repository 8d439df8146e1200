import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { CopyTextButton } from './copy-text-button';

/**
 * Every fenced code block: shiki's highlighted <pre> (built at compile time) plus a copy button.
 * Where the button is always shown (touch screens, narrow windows) the block reserves a strip
 * at its top for it (app/globals.css, `.code-block`), so it never sits on a line of code.
 */
export function CodeBlock(props: ComponentPropsWithoutRef<'pre'>) {
  return (
    <div data-copy-scope className="code-block group relative my-6">
      <pre {...props} />
      <div className="code-copy no-print absolute top-1.5 right-1.5">
        <CopyTextButton />
      </div>
    </div>
  );
}

/**
 * A prompt template: a titled frame around a fenced block, with a copy button that copies
 * it exactly. The block's own copy button is hidden: one button per prompt, in the title bar.
 */
export function Prompt({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section
      data-copy-scope
      aria-label={`Prompt: ${title}`}
      className="prompt not-prose my-7 overflow-hidden rounded-xl border border-zinc-200 dark:border-zinc-700"
    >
      <div className="flex items-center justify-between gap-3 border-b border-zinc-200 bg-zinc-50 px-4 py-2.5 dark:border-zinc-700 dark:bg-zinc-900">
        <p className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">{title}</p>
        <CopyTextButton label="Copy prompt" />
      </div>
      <div className="prompt-body text-sm [&_.code-copy]:hidden [&_[data-copy-scope]]:my-0 [&_pre]:m-0 [&_pre]:rounded-none [&_pre]:px-4 [&_pre]:py-3 [&_pre]:whitespace-pre-wrap">
        {children}
      </div>
    </section>
  );
}
