'use client';

import { useMemo } from 'react';
import { consolePreset } from '@/content/console-presets';
import { parseConsoleScript, type ConsoleScript } from '@/lib/embed/console-script';
import { useWorker } from '../use-worker';
import { RedisConsoleCore } from './redis-console.core';

/**
 * The console with its default engine: a Web Worker of its own. A link may carry a script
 * (`preset`, a named session of the guide, then `script`, lines of commands): the console
 * shows it and runs it when the reader says so.
 */
export function RedisConsole({
  seed = 7,
  preset = '',
  script = '',
}: {
  seed?: number;
  preset?: string;
  script?: string;
}) {
  const client = useWorker('engine');
  const pending = useMemo((): ConsoleScript | null => {
    const named = preset ? consolePreset(preset) : undefined;
    const text = [...(named?.commands ?? []), script].join('\n');
    const title = named
      ? script
        ? `${named.title}, then the script in this link`
        : named.title
      : 'The script in this link';
    const parsed = parseConsoleScript(text, title);
    return parsed.commands.length > 0 || parsed.notes.length > 0 ? parsed : null;
  }, [preset, script]);
  return <RedisConsoleCore client={client} seed={seed} script={pending} />;
}
