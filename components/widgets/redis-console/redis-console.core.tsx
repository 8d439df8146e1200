'use client';

import { memo, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useConsoleHistory } from '@/components/progress/progress-slots';
import { commandHelp } from '@/lib/engine/command-help';
import { clipReply, completeCommand, pushHistory } from '@/lib/engine/console-session';
import type { ConsoleScript } from '@/lib/embed/console-script';
import type { LineResult, LoadResult } from '@/lib/worker/engine-host';
import { sequence } from '@/lib/worker/rpc';
import { widgetEntry } from '../manifest';
import { EXAMPLES, PROMPT, WELCOME } from './console-text';
import { useWorkerRequest, type EngineClient } from '../use-worker';

/** One entry of the transcript: what the reader typed, and what came back. */
interface Entry {
  id: number;
  kind: 'command' | 'reply' | 'error' | 'info';
  text: string;
  /**
   * For "Copy as code": the line a script should carry for this command (a failed command
   * or a HELP line carries none; an example load carries a comment saying what it did).
   */
  script?: string;
}

const KEY = 'leaderboard';
const MAX_ENTRIES = 300;

const welcome: Entry[] = [
  {
    id: 0,
    kind: 'info',
    text: WELCOME,
  },
];

/** A typed line as the transcript shows it: a megabyte-long line is cut, with its length. */
function echo(line: string): string {
  const shown = clipReply(line, 20, 2_000).text;
  return shown.length < line.length
    ? `${shown} … (${line.length.toLocaleString('en-US')} characters)`
    : line;
}

/**
 * Shown while a line is in flight for more than a second (a script loading a million members
 * takes several): the worker cannot answer until the command ends, so the console says it is
 * working, and for how long it may, instead of looking frozen.
 */
function RunningLine() {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const started = performance.now();
    const timer = window.setInterval(
      () => setSeconds(Math.floor((performance.now() - started) / 1000)),
      250,
    );
    return () => window.clearInterval(timer);
  }, []);
  if (seconds < 1) return null;
  return (
    <p
      role="status"
      className="m-0 flex items-center gap-2 border-t border-zinc-800 px-4 py-2 text-xs text-zinc-300"
    >
      <span
        aria-hidden="true"
        className="size-2 rounded-full bg-amber-400 motion-safe:animate-pulse"
      />
      Running… {seconds} s. A script that has not written stops at 5 s; one that writes may run up
      to 30 s.
    </p>
  );
}

/** One entry; memoized, so appending a line renders only that line. */
const EntryLine = memo(function EntryLine({ entry }: { entry: Entry }) {
  return (
    <pre
      className={`break-words whitespace-pre-wrap ${
        entry.kind === 'command'
          ? 'mt-2 text-zinc-100'
          : entry.kind === 'error'
            ? 'text-red-300'
            : entry.kind === 'info'
              ? 'text-sky-300'
              : 'text-zinc-300'
      }`}
    >
      {entry.kind === 'command' ? (
        <>
          <span className="text-emerald-400 select-none">{PROMPT} </span>
          {echo(entry.text)}
        </>
      ) : (
        entry.text
      )}
    </pre>
  );
});

/** The transcript, memoized so progress updates during a load do not re-render it. */
const Transcript = memo(function Transcript({ entries }: { entries: readonly Entry[] }) {
  return entries.map((entry) => <EntryLine key={entry.id} entry={entry} />);
});

/**
 * The Redis console: a terminal over an engine worker. It holds view state only (the
 * transcript, the input, history); every reply is formatted by the engine in the worker.
 * `client` is passed in so tests and embeds can hand it another engine.
 */
export function RedisConsoleCore({
  client,
  seed = 7,
  script = null,
}: {
  client: EngineClient | null;
  seed?: number;
  /**
   * Commands a link carries: shown above the transcript, and run (through the same path and
   * limits as typed lines) only when the reader presses Run.
   */
  script?: ConsoleScript | null;
}) {
  const [entries, setEntries] = useState<Entry[]>(welcome);
  const [input, setInput] = useState('');
  const [history, setHistory] = useState<string[]>([]);
  const [cursor, setCursor] = useState<number | null>(null);
  /** The console line in flight; lines typed meanwhile wait in `queue`, in order. */
  const line = useWorkerRequest<LineResult>();
  /** The example board being loaded. */
  const load = useWorkerRequest<LoadResult>();
  const queue = useRef<{ line: string; entry: number }[]>([]);
  const lineBusy = useRef(false);
  // An example board is loading: typed lines wait for it, so that every reply is about the
  // whole board and arrives after the "Loaded" line, in the order the transcript shows.
  const loadBusy = useRef(false);
  const [copied, setCopied] = useState(false);
  const nextId = useRef(1);
  const outputRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const [pending, setPending] = useState(script);

  // History lives in the progress store (shared by every console, and by every tab).
  const stored = useConsoleHistory();
  useEffect(() => {
    // The store changes outside React (another tab); its lines replace the local copy.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setHistory([...stored.history]);
  }, [stored.history]);

  const loading = load.busy;
  useEffect(() => {
    const output = outputRef.current;
    if (output) output.scrollTop = output.scrollHeight;
  }, [entries, loading]);

  const append = useCallback((...items: Omit<Entry, 'id'>[]) => {
    setEntries((previous) =>
      [...previous, ...items.map((item) => ({ ...item, id: nextId.current++ }))].slice(
        -MAX_ENTRIES,
      ),
    );
  }, []);

  const { run: runLine } = line;
  /** Sends the next waiting line once the one in flight has its reply. */
  function drain() {
    if (!client || lineBusy.current || loadBusy.current) return;
    const queued = queue.current.shift();
    if (queued === undefined) return;
    const { line: next, entry } = queued;
    lineBusy.current = true;
    const done = () => {
      lineBusy.current = false;
      inputRef.current?.focus();
      drain();
    };
    runLine(() => client.call('line', { line: next }), {
      onResult: (response) => {
        // Only a command Redis accepted belongs in a script that replays the session.
        const ok = response.reply.t !== 'error' && response.argv[0]?.toLowerCase() !== 'help';
        if (ok) {
          setEntries((previous) =>
            previous.map((e) => (e.id === entry ? { ...e, script: next } : e)),
          );
        }
        const clipped = clipReply(response.text, 1200, 80_000);
        append({ kind: response.reply.t === 'error' ? 'error' : 'reply', text: clipped.text });
        const left = [
          clipped.omittedLines > 0
            ? `${clipped.omittedLines.toLocaleString('en-US')} more lines`
            : '',
          response.omitted ? `${response.omitted.toLocaleString('en-US')} more elements` : '',
        ].filter(Boolean);
        if (left.length > 0) {
          append({
            kind: 'info',
            text: `… and ${left.join(' and ')}, not shown. Ask for fewer: a smaller range, or LIMIT offset count.`,
          });
        }
        done();
      },
      onError: (message) => {
        append({ kind: 'error', text: `(error) ${message}` });
        done();
      },
      onCancel: done,
    });
  }

  function run(text: string) {
    const trimmed = text.trim();
    if (!trimmed || !client) return;
    const nextHistory = pushHistory(history, trimmed);
    setHistory(nextHistory);
    stored.record(trimmed);
    setCursor(null);
    setInput('');
    if (/^(clear|cls)$/i.test(trimmed)) {
      setEntries([]);
      return;
    }
    enqueue(trimmed);
    drain();
  }

  /** Echoes `line` and queues it for the worker. */
  function enqueue(line: string) {
    const entry = nextId.current;
    append({ kind: 'command', text: line });
    if (loadBusy.current && queue.current.length === 0) {
      append({ kind: 'info', text: 'Runs when the example board has loaded.' });
    }
    queue.current.push({ line, entry });
  }

  /** Runs the link's script, in order, as if typed (history is left to what the reader types). */
  function runScript() {
    if (!pending || !client) return;
    append({
      kind: 'info',
      text: `# ${pending.title}: ${pending.commands.length.toLocaleString('en-US')} commands`,
    });
    for (const command of pending.commands) enqueue(command);
    setPending(null);
    drain();
  }

  function loadExample(count: number) {
    if (!client || load.busy) return;
    const what = `# load ${count.toLocaleString('en-US')} seeded players into '${KEY}' (seed ${seed})`;
    append({
      kind: 'command',
      text: what,
      script: `${what}, with the console's Load example button (not a Redis command)`,
    });
    loadBusy.current = true;
    const finished = () => {
      loadBusy.current = false;
      drain();
    };
    load.run(
      (onProgress) =>
        sequence(async (step) => {
          await step(() => client.call('command', { argv: ['DEL', KEY] }));
          return step(() => client.call('load', { key: KEY, count, seed }, { onProgress }));
        }),
      {
        onResult: (result) => {
          append({
            kind: 'info',
            text: `Loaded ${result.loaded.toLocaleString('en-US')} players in ${Math.round(result.ms).toLocaleString('en-US')} ms. Try:\n  ZREVRANGE ${KEY} 0 9 WITHSCORES\n  ZREVRANK ${KEY} <a member from the top 10>\n  ZCOUNT ${KEY} 900000 +inf\n  OBJECT ENCODING ${KEY}`,
          });
          inputRef.current?.focus();
          finished();
        },
        onCancel: (progress) => {
          append({
            kind: 'info',
            text: `Cancelled after ${(progress?.done ?? 0).toLocaleString('en-US')} players; what loaded stays in '${KEY}'.`,
          });
          inputRef.current?.focus();
          finished();
        },
        onError: (message) => {
          append({ kind: 'error', text: `(error) ${message}` });
          finished();
        },
      },
    );
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      run(input);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      if (history.length === 0) return;
      const next = cursor === null ? history.length - 1 : Math.max(0, cursor - 1);
      setCursor(next);
      setInput(history[next] ?? '');
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (cursor === null) return;
      const next = cursor + 1;
      if (next >= history.length) {
        setCursor(null);
        setInput('');
      } else {
        setCursor(next);
        setInput(history[next] ?? '');
      }
    } else if (event.key === 'Tab' && !event.shiftKey && input.trim()) {
      // Tab completes, and never leaves a line half typed; on an empty line it moves on.
      event.preventDefault();
      if (!/\s/.test(input.trimStart())) {
        const completion = completeCommand(input);
        setInput(completion.line);
        if (completion.matches.length > 1)
          append({ kind: 'info', text: completion.matches.join('  ') });
      } else {
        // Past the command name there is nothing to complete: show what comes next.
        const name = input.trim().split(/\s+/)[0] ?? '';
        const help = commandHelp(name);
        append({
          kind: 'info',
          text: help
            ? `${help.syntax}: ${help.summary}`
            : `${name.toUpperCase()} is not a command this console knows: HELP lists the ones it does.`,
        });
      }
    } else if (event.key === 'l' && event.ctrlKey) {
      event.preventDefault();
      setEntries([]);
    }
  }

  async function copyAsCode() {
    // Each accepted command in full (never the clipped echo), in the order it ran.
    const commands = entries.flatMap((e) => (e.script === undefined ? [] : [e.script]));
    try {
      await navigator.clipboard.writeText(commands.join('\n'));
      setCopied(true);
      window.setTimeout(() => setCopied(false), 2000);
    } catch {
      append({ kind: 'error', text: '(error) The clipboard is not available here.' });
    }
  }

  const ready = client !== null;
  const progress = load.status.kind === 'loading' ? load.status.progress : null;
  const loaded = progress?.done ?? 0;
  const total = progress?.total ?? 1;
  const percent = Math.floor((loaded / Math.max(1, total)) * 100);
  const toolButton =
    'inline-flex h-8 items-center rounded-md px-2.5 text-xs font-medium text-zinc-300 hover:bg-zinc-800 hover:text-white focus-visible:outline-2 focus-visible:outline-accent-400 disabled:opacity-40';

  return (
    <section
      aria-label="Redis console"
      data-widget="redis-console"
      className={`redis-console not-prose my-8 flex ${widgetEntry('RedisConsole').height} flex-col overflow-hidden rounded-2xl border border-zinc-800 bg-zinc-950 text-zinc-100 shadow-lg`}
    >
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1 border-b border-zinc-800 bg-zinc-900 px-3 py-2">
        <span className="mr-auto flex items-center gap-2 text-xs font-semibold text-zinc-300">
          <span
            aria-hidden="true"
            className={`size-2 rounded-full ${ready ? 'bg-emerald-400' : 'bg-zinc-600'}`}
          />
          redis-cli · in your browser
        </span>
        {/* One group that wraps as a whole: the label never ends a line apart from its buttons. */}
        <span
          role="group"
          aria-labelledby={`${inputId}-examples`}
          className="flex items-center gap-x-1 whitespace-nowrap"
        >
          <span className="text-xs text-zinc-400" id={`${inputId}-examples`}>
            Load example:
          </span>
          {EXAMPLES.map((example) => (
            <button
              key={example.count}
              type="button"
              className={toolButton}
              disabled={!ready || load.busy}
              onClick={() => loadExample(example.count)}
              aria-label={`Load ${example.count.toLocaleString('en-US')} example players`}
            >
              {example.label}
            </button>
          ))}
        </span>
        {/* The transcript's two actions move together too, so "Clear" never sits alone. */}
        <span className="flex items-center gap-x-1 whitespace-nowrap">
          <span aria-hidden="true" className="mx-1 hidden h-4 w-px bg-zinc-700 sm:inline-block" />
          <button type="button" className={toolButton} onClick={() => void copyAsCode()}>
            {copied ? 'Copied' : 'Copy as code'}
          </button>
          <button type="button" className={toolButton} onClick={() => setEntries([])}>
            Clear
          </button>
        </span>
      </div>

      {pending ? (
        <div
          role="region"
          aria-label="Script from the link"
          data-console-script=""
          className="flex max-h-[60%] shrink-0 flex-col border-b border-zinc-800 bg-zinc-900/80 text-xs"
        >
          <div className="flex flex-wrap items-center gap-x-3 gap-y-2 px-4 pt-3 pb-2">
            <p className="m-0 mr-auto font-semibold text-zinc-100">
              {pending.title}: {pending.commands.length.toLocaleString('en-US')}{' '}
              {pending.commands.length === 1 ? 'command' : 'commands'}, not run yet
            </p>
            <button
              type="button"
              onClick={runScript}
              disabled={!ready || pending.commands.length === 0}
              className="inline-flex h-8 items-center rounded-md bg-emerald-700 px-3 text-xs font-semibold text-white hover:bg-emerald-600 disabled:opacity-50"
            >
              {ready ? 'Run these commands' : 'Starting the engine…'}
            </button>
            <button
              type="button"
              className={toolButton}
              onClick={() => {
                setPending(null);
                inputRef.current?.focus();
              }}
            >
              Dismiss
            </button>
          </div>
          {pending.notes.map((note) => (
            <p key={note} className="m-0 px-4 pb-1 text-amber-300">
              {note}
            </p>
          ))}
          <ol
            tabIndex={0}
            aria-label="Commands in the script"
            className="m-0 min-h-0 list-decimal space-y-0.5 overflow-y-auto py-1 pr-4 pl-10 font-mono text-[0.75rem] text-zinc-300 marker:text-zinc-500"
          >
            {pending.commands.map((command, i) => (
              <li key={i} className="break-all">
                {echo(command)}
              </li>
            ))}
          </ol>
          <p className="m-0 px-4 pt-1 pb-2 text-zinc-400">
            They run one by one, as if typed, with the console&apos;s usual limits.
          </p>
        </div>
      ) : null}

      <div
        ref={outputRef}
        className="min-h-0 flex-1 overflow-y-auto px-4 py-3 font-mono text-[0.8rem] leading-relaxed"
        role="log"
        aria-live="polite"
        aria-label="Console output"
        onClick={() => inputRef.current?.focus()}
      >
        <Transcript entries={entries} />
      </div>

      {line.status.kind === 'loading' ? <RunningLine /> : null}

      {load.status.kind === 'loading' ? (
        <div className="flex items-center gap-3 border-t border-zinc-800 px-4 py-2 text-xs text-zinc-300">
          <label htmlFor={`${inputId}-progress`} className="shrink-0">
            Loading {loaded.toLocaleString('en-US')} / {total.toLocaleString('en-US')}
          </label>
          <progress
            id={`${inputId}-progress`}
            max={total}
            value={loaded}
            className="h-2 min-w-0 flex-1 accent-emerald-400"
          >
            {percent}%
          </progress>
          <button
            type="button"
            className={toolButton}
            onClick={load.cancel}
            disabled={load.status.cancelling}
          >
            {load.status.cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        </div>
      ) : null}

      <div className="flex items-center gap-2 border-t border-zinc-800 bg-zinc-900/60 px-4 py-2.5 has-[input:focus-visible]:outline-2 has-[input:focus-visible]:-outline-offset-2 has-[input:focus-visible]:outline-accent-400 has-[input:focus-visible]:bg-zinc-900">
        <label htmlFor={inputId} className="shrink-0 font-mono text-[0.8rem] text-emerald-400">
          <span aria-hidden="true">{PROMPT}</span>
          <span className="sr-only">Redis command</span>
        </label>
        <input
          ref={inputRef}
          id={inputId}
          value={input}
          onChange={(e) => {
            setInput(e.target.value);
            setCursor(null);
          }}
          onKeyDown={onKeyDown}
          disabled={!ready}
          placeholder={ready ? 'ZREVRANK leaderboard alice' : 'Starting the engine…'}
          className="min-w-0 flex-1 bg-transparent font-mono text-[0.8rem] text-zinc-100 outline-none placeholder:text-zinc-500"
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          aria-describedby={`${inputId}-hint`}
        />
        <button
          type="button"
          onClick={() => run(input)}
          disabled={!ready}
          className="inline-flex h-8 items-center rounded-md bg-emerald-700 px-3 text-xs font-semibold text-white hover:bg-emerald-600 disabled:opacity-50"
        >
          Run
        </button>
      </div>
      <p
        id={`${inputId}-hint`}
        className="border-t border-zinc-800 px-4 py-1.5 text-[0.7rem] text-zinc-400"
      >
        Tab completes a command · ↑ ↓ history · HELP &lt;command&gt; for syntax and complexity ·
        Ctrl+L clears
      </p>
    </section>
  );
}
