import { widgetEntry } from '../manifest';
import { EXAMPLES, PROMPT, WELCOME } from './console-text';

/**
 * The console before its code arrives: the same terminal, its welcome text and toolbar, and
 * a prompt that says the engine is starting. Drawn by the server, no JavaScript.
 */
export function ConsolePlaceholder() {
  const tool =
    'inline-flex h-8 items-center rounded-md px-2.5 text-xs font-medium text-zinc-300 whitespace-nowrap';
  return (
    <section
      aria-label="Redis console (loading)"
      data-widget="redis-console"
      data-placeholder=""
      className={`not-prose my-8 flex ${widgetEntry('RedisConsole').height} flex-col overflow-hidden rounded-2xl border border-zinc-800 bg-zinc-950 text-zinc-100 shadow-lg`}
    >
      <div
        aria-hidden="true"
        className="flex flex-wrap items-center gap-x-2 gap-y-1 border-b border-zinc-800 bg-zinc-900 px-3 py-2"
      >
        <span className="mr-auto flex items-center gap-2 text-xs font-semibold text-zinc-300">
          <span className="size-2 rounded-full bg-zinc-600" />
          redis-cli · in your browser
        </span>
        <span className="flex items-center gap-x-1 whitespace-nowrap">
          <span className="text-xs text-zinc-400">Load example:</span>
          {EXAMPLES.map((e) => (
            <span key={e.count} className={tool}>
              {e.label}
            </span>
          ))}
        </span>
        <span className="flex items-center gap-x-1 whitespace-nowrap">
          <span className="mx-1 hidden h-4 w-px bg-zinc-700 sm:inline-block" />
          <span className={tool}>Copy as code</span>
          <span className={tool}>Clear</span>
        </span>
      </div>
      <div className="min-h-0 flex-1 overflow-hidden px-4 py-3 font-mono text-[0.8rem] leading-relaxed">
        <pre className="break-words whitespace-pre-wrap text-sky-300">{WELCOME}</pre>
      </div>
      <div className="flex items-center gap-2 border-t border-zinc-800 bg-zinc-900/60 px-4 py-2.5">
        <span aria-hidden="true" className="shrink-0 font-mono text-[0.8rem] text-emerald-400">
          {PROMPT}
        </span>
        <span role="status" className="min-w-0 flex-1 font-mono text-[0.8rem] text-zinc-400">
          Starting the engine…
        </span>
        <span
          aria-hidden="true"
          className="inline-flex h-8 items-center rounded-md bg-emerald-700 px-3 text-xs font-semibold text-white"
        >
          Run
        </span>
      </div>
      <p className="border-t border-zinc-800 px-4 py-1.5 text-[0.7rem] text-zinc-400">
        Tab completes a command · ↑ ↓ history · HELP &lt;command&gt; for syntax and complexity ·
        Ctrl+L clears
      </p>
    </section>
  );
}
