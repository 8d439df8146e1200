import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractRedisCode } from '@/lib/content/redis-blocks';
import { runLine } from '@/lib/engine/cli';
import { COMMANDS } from '@/lib/engine/command-table';
import { Engine } from '@/lib/engine/engine';
import { ErrorReply } from '@/lib/engine/reply';
import { chapters } from './chapters';
import { consolePresets } from './console-presets';
import { sectionFiles, sectionKey } from './pages';

const names = new Set([...COMMANDS.keys()].map((n) => n.toUpperCase()));

/** The sessions a page prints: each block's commands, as typed. */
function printedSessions(page: string): string[][] {
  const [, chapter = '', section = ''] = page.split('/');
  const entry = sectionFiles[sectionKey(chapter, section)];
  if (!entry || !chapters.some((c) => c.slug === chapter)) throw new Error(`no page ${page}`);
  const source = readFileSync(path.join(import.meta.dirname, entry.file), 'utf8');
  return extractRedisCode(source, names).redis.map((b) => b.commands.map((c) => c.line));
}

describe('console presets', () => {
  it('are sessions the guide prints, command for command, on the page each names', () => {
    expect(consolePresets.length).toBeGreaterThanOrEqual(3);
    for (const preset of consolePresets) {
      const sessions = printedSessions(preset.page).map((s) => s.join('\n'));
      expect(
        sessions.some((s) => s.includes(preset.commands.join('\n'))),
        `${preset.name} on ${preset.page}`,
      ).toBe(true);
    }
  });

  it('run on the console engine without an error, on an empty database', () => {
    for (const preset of consolePresets) {
      const engine = new Engine();
      for (const line of preset.commands) {
        const { reply, text } = runLine(engine, line);
        expect(reply, `${preset.name}: ${line} → ${text}`).not.toBeInstanceOf(ErrorReply);
      }
    }
  });

  it('have unique names that fit in a URL as they are', () => {
    const names = consolePresets.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z0-9-]+$/);
  });
});
