import { describe, expect, it } from 'vitest';
import { Engine } from '../engine';
import { bytesToText } from '../bytes';
import { ErrorReply, type Reply } from '../reply';

/**
 * The script time limits, as the console's worker applies them. Redis never stops a script
 * by itself; SCRIPT KILL stops one that has not written yet, and one that has written runs to
 * its end. The engine stops the first kind at `scriptKillAfterMs` and the second at
 * `scriptTimeLimitMs`, and answers why. Only lower bounds on time are asserted.
 */
async function run(engine: Engine, argv: string[]): Promise<{ reply: Reply; ms: number }> {
  await engine.prepare(argv);
  const t0 = performance.now();
  const reply = engine.execute(argv);
  return { reply, ms: performance.now() - t0 };
}

function errorText(reply: Reply): string {
  expect(reply).toBeInstanceOf(ErrorReply);
  return reply instanceof ErrorReply ? reply.message : '';
}

describe('script time limits', () => {
  const engine = new Engine({ scriptKillAfterMs: 50, scriptTimeLimitMs: 400 });

  it('stops a script that has not written at the kill point, with SCRIPT KILL text', async () => {
    const { reply, ms } = await run(engine, ['EVAL', 'while true do end', '0']);
    expect(errorText(reply)).toMatch(
      /^ERR Script killed by user with SCRIPT KILL\.\.\. \(this engine stops a script that has not written after 50 ms/,
    );
    expect(ms).toBeGreaterThanOrEqual(50);
    expect(ms).toBeLessThan(400);
  });

  it('lets a script that wrote run past the kill point, to the hard limit, keeping its writes', async () => {
    const { reply, ms } = await run(engine, [
      'EVAL',
      "redis.call('SET', KEYS[1], 'written') while true do end",
      '1',
      'k',
    ]);
    expect(errorText(reply)).toMatch(
      /^ERR Script stopped after 400 ms, this engine's time limit; the writes it made stay/,
    );
    expect(ms).toBeGreaterThanOrEqual(400);
    const get = engine.execute(['GET', 'k']);
    expect(typeof get === 'string' ? bytesToText(get) : get).toBe('written');
  });

  it('a pcall loop cannot swallow the stop, and the next script runs normally', async () => {
    const { reply } = await run(engine, [
      'EVAL',
      'while true do pcall(function() while true do end end) end',
      '0',
    ]);
    expect(errorText(reply)).toMatch(/SCRIPT KILL/);
    const next = await run(engine, ['EVAL', 'return 7', '0']);
    expect(next.reply).toBe(7);
  });

  it('the kill point never exceeds the hard limit', async () => {
    const short = new Engine({ scriptTimeLimitMs: 30 });
    const { reply, ms } = await run(short, ['EVAL', 'while true do end', '0']);
    expect(errorText(reply)).toMatch(/has not written after 30 ms/);
    expect(ms).toBeLessThan(5000);
  });
});
