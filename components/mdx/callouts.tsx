import type { ReactNode } from 'react';

type Tone = 'note' | 'pitfall' | 'recap' | 'say';

const tones: Record<Tone, { box: string; label: string; icon: string }> = {
  note: {
    box: 'border-sky-500/70 bg-sky-50/70 dark:border-sky-400/60 dark:bg-sky-950/30',
    label: 'text-sky-800 dark:text-sky-300',
    icon: 'i',
  },
  pitfall: {
    box: 'border-amber-500/80 bg-amber-50/80 dark:border-amber-400/60 dark:bg-amber-950/25',
    label: 'text-amber-900 dark:text-amber-300',
    icon: '!',
  },
  recap: {
    box: 'border-emerald-500/70 bg-emerald-50/70 dark:border-emerald-400/60 dark:bg-emerald-950/25',
    label: 'text-emerald-800 dark:text-emerald-300',
    icon: '✓',
  },
  say: {
    box: 'border-accent-500 bg-accent-50 dark:border-accent-400 dark:bg-accent-950/60',
    label: 'text-accent-700 dark:text-accent-200',
    icon: '“',
  },
};

function Callout({
  tone,
  kind,
  title,
  children,
}: {
  tone: Tone;
  kind: string;
  title?: string;
  children: ReactNode;
}) {
  const style = tones[tone];
  return (
    <aside
      className={`my-7 rounded-r-xl border-l-4 px-5 py-4 ${style.box}`}
      aria-label={title ? `${kind}: ${title}` : kind}
    >
      <p className={`m-0! flex items-center gap-2 text-sm font-semibold ${style.label}`}>
        <span
          aria-hidden="true"
          className="inline-flex size-5 items-center justify-center rounded-full bg-current/15 text-xs font-bold"
        >
          {style.icon}
        </span>
        <span>
          {kind}
          {title ? (
            <span className="font-semibold text-zinc-900 dark:text-zinc-100">: {title}</span>
          ) : null}
        </span>
      </p>
      <div className="callout-body mt-2 text-[0.975rem] [&>:first-child]:mt-0! [&>:last-child]:mb-0! [&_li]:my-0.5! [&_p]:my-2! [&_ul]:my-2! [&_ol]:my-2!">
        {children}
      </div>
    </aside>
  );
}

/** A side remark worth reading. */
export function Note({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <Callout tone="note" kind="Note" title={title}>
      {children}
    </Callout>
  );
}

/** A mistake candidates make, and what to do instead. */
export function Pitfall({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <Callout tone="pitfall" kind="Pitfall" title={title}>
      {children}
    </Callout>
  );
}

/** The section in a few bullets. */
export function Recap({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <Callout tone="recap" kind="Recap" title={title}>
      {children}
    </Callout>
  );
}

/** A sentence or two to say out loud in the interview. */
export function SayIt({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <Callout tone="say" kind="Say it in the interview" title={title}>
      {children}
    </Callout>
  );
}

/** Optional depth, collapsed until the reader opens it (native <details>: no JavaScript). */
export function DeepDive({ title, children }: { title: string; children: ReactNode }) {
  return (
    <details className="group my-7 rounded-xl border border-violet-300/70 bg-violet-50/40 dark:border-violet-400/30 dark:bg-violet-950/20">
      <summary className="flex cursor-pointer list-none items-center gap-3 rounded-xl px-5 py-4 font-semibold text-zinc-900 hover:bg-violet-50 focus-visible:outline-2 focus-visible:outline-accent-500 dark:text-zinc-100 dark:hover:bg-violet-950/40 [&::-webkit-details-marker]:hidden">
        <span
          aria-hidden="true"
          className="inline-flex size-6 shrink-0 items-center justify-center rounded-md bg-violet-600 text-xs text-white transition-transform group-open:rotate-90 dark:bg-violet-500"
        >
          ▸
        </span>
        <span>
          <span className="mr-2 text-xs font-semibold tracking-wider text-violet-700 uppercase dark:text-violet-300">
            Deep dive
          </span>
          {title}
        </span>
      </summary>
      <div className="px-5 pb-5 [&>:first-child]:mt-0! [&>:last-child]:mb-0!">{children}</div>
    </details>
  );
}

/** A table, code block or picture with a numbered caption (numbered by a CSS counter). */
export function Figure({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <figure className="figure my-8">
      <div className="overflow-x-auto">{children}</div>
      <figcaption className="mt-3 text-sm leading-relaxed text-zinc-600 dark:text-zinc-400">
        {caption}
      </figcaption>
    </figure>
  );
}
