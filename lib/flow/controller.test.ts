import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FlowController } from './controller';
import { cloneFlowState } from './simulation';
import { logical } from './test-support';

const snapshot = (c: FlowController): unknown => logical(cloneFlowState(c.state));
const steps = (c: FlowController, n: number): void => {
  for (let i = 0; i < n; i++) c.step();
};

describe('FlowController', () => {
  it('gives the same run for the same seed and the same commands', () => {
    const runOnce = (): unknown[] => {
      const c = new FlowController({ config: { seed: 77 } });
      const out: unknown[] = [];
      for (let i = 1; i <= 90; i++) {
        c.step();
        if (i === 20) c.setEventRate(900);
        if (i === 35) c.dispatch({ type: 'kill-consumer', consumer: 2 });
        if (i % 15 === 0) out.push(snapshot(c));
      }
      return out;
    };
    expect(runOnce()).toEqual(runOnce());
  });

  it('step back then forward reproduces the same states, commands included', () => {
    const c = new FlowController({ config: { seed: 5 } });
    steps(c, 23);
    c.dispatch({ type: 'kill-shard', shard: 2 });
    steps(c, 4);
    c.dispatch({ type: 'rebuild-shard', shard: 2, source: 'postgres' });
    steps(c, 3);
    const at30 = snapshot(c);
    steps(c, 10);
    const at40 = snapshot(c);
    for (let i = 0; i < 17; i++) expect(c.stepBack()).toBe(true);
    expect(c.state.tick).toBe(23);
    steps(c, 7);
    expect(snapshot(c)).toEqual(at30);
    steps(c, 10);
    expect(snapshot(c)).toEqual(at40);
  });

  it('steps back through a running drill', () => {
    const c = new FlowController({ config: { seed: 8 } });
    c.startDrill('consumer-dies');
    steps(c, 60);
    const at60 = snapshot(c);
    steps(c, 5);
    for (let i = 0; i < 5; i++) c.stepBack();
    expect(snapshot(c)).toEqual(at60);
  });

  it('a new command after a step back starts a new branch', () => {
    const c = new FlowController({ config: { seed: 6 } });
    steps(c, 10);
    c.setEventRate(50);
    steps(c, 10);
    for (let i = 0; i < 15; i++) c.stepBack();
    c.setEventRate(2000);
    steps(c, 15);
    expect(c.state.settings.eventRate).toBe(2000);
  });

  it('stops stepping back at the end of its documented history', () => {
    const c = new FlowController({ checkpointEvery: 5, maxCheckpoints: 4 });
    expect(c.historyLimitTicks).toBe(20);
    expect(c.stepBack()).toBe(false);
    steps(c, 50);
    let back = 0;
    while (c.stepBack()) back++;
    expect(back).toBeGreaterThanOrEqual(15);
    expect(back).toBeLessThanOrEqual(20);
  });

  it('advances by real time, times the speed, and not while paused', () => {
    const c = new FlowController({ maxTicksPerAdvance: 20 });
    expect(c.advance(250)).toBe(2);
    expect(c.advance(50)).toBe(1); // the 50 ms carried over completes a tick
    c.setSpeed(4);
    expect(c.advance(100)).toBe(4);
    c.pause();
    expect(c.advance(1000)).toBe(0);
    c.step();
    expect(c.state.tick).toBe(8);
    c.resume();
    expect(c.advance(60_000)).toBe(20);
  });

  it('reset starts over, with a new seed if given', () => {
    const c = new FlowController({ config: { seed: 1 } });
    steps(c, 30);
    const first = snapshot(c);
    c.reset();
    expect(c.state.tick).toBe(0);
    steps(c, 30);
    expect(snapshot(c)).toEqual(first);
    c.reset(2);
    steps(c, 30);
    expect(snapshot(c)).not.toEqual(first);
  });
});

describe('property: stepping back and forward is invisible', () => {
  it('holds for random seeds, commands and rewind depths', () => {
    const command = fc.oneof(
      fc.record({
        type: fc.constant('kill-consumer' as const),
        consumer: fc.integer({ min: 0, max: 2 }),
      }),
      fc.record({
        type: fc.constant('start-consumer' as const),
        consumer: fc.integer({ min: 0, max: 2 }),
      }),
      fc.record({
        type: fc.constant('kill-shard' as const),
        shard: fc.integer({ min: 0, max: 3 }),
      }),
      fc.record({
        type: fc.constant('rebuild-shard' as const),
        shard: fc.integer({ min: 0, max: 3 }),
        source: fc.constantFrom('kafka' as const, 'postgres' as const),
      }),
      fc.record({
        type: fc.constant('duplicate-next' as const),
        count: fc.integer({ min: 1, max: 30 }),
      }),
      fc.record({
        type: fc.constant('set-event-rate' as const),
        perSecond: fc.integer({ min: 0, max: 3000 }),
      }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e6 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), command), { maxLength: 6 }),
        fc.integer({ min: 1, max: 35 }),
        (seed, commands, rewind) => {
          const c = new FlowController({ config: { seed, players: 200 } });
          for (let t = 0; t < 60; t++) {
            for (const [at, cmd] of commands) if (at === t) c.dispatch(cmd);
            c.step();
          }
          const end = snapshot(c);
          for (let i = 0; i < rewind; i++) expect(c.stepBack()).toBe(true);
          expect(c.state.tick).toBe(60 - rewind);
          steps(c, rewind);
          expect(snapshot(c)).toEqual(end);
        },
      ),
      { numRuns: 25, seed: 11 },
    );
  });
});
