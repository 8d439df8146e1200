import { describe, expect, it } from 'vitest';
import { initialRequestState, reduceRequest, type RequestEvent } from './request-state';

const run = (events: RequestEvent<string>[]) =>
  events.reduce(reduceRequest<string>, initialRequestState<string>());

describe('request state', () => {
  it('goes idle → loading with progress → ready, keeping the value through the next load', () => {
    const s = run([
      { type: 'start', token: 1 },
      { type: 'progress', token: 1, progress: { phase: 'x', done: 1, total: 2 } },
    ]);
    expect(s.status).toEqual({
      kind: 'loading',
      progress: { phase: 'x', done: 1, total: 2 },
      cancelling: false,
    });
    const ready = reduceRequest(s, { type: 'ready', token: 1, value: 'a' });
    expect(ready.status).toEqual({ kind: 'ready', value: 'a' });
    const next = reduceRequest(ready, { type: 'start', token: 2 });
    expect(next.status.kind).toBe('loading');
    expect(next.value).toBe('a');
  });

  it('drops every event of a superseded request, so a late answer never shows', () => {
    const s = run([
      { type: 'start', token: 1 },
      { type: 'start', token: 2 },
      { type: 'ready', token: 1, value: 'stale' },
      { type: 'progress', token: 1, progress: { phase: 'x', done: 9, total: 9 } },
      { type: 'failed', token: 1, message: 'old failure' },
    ]);
    expect(s.status).toEqual({ kind: 'loading', progress: null, cancelling: false });
    expect(s.value).toBeNull();
    const reset = run([
      { type: 'start', token: 1 },
      { type: 'reset', token: 2 },
      { type: 'ready', token: 1, value: 'stale' },
    ]);
    expect(reset.status).toEqual({ kind: 'idle' });
    expect(reset.value).toBeNull();
  });

  it('cancelling → cancelled with the last progress; failures carry their message', () => {
    const p = { phase: 'players', done: 40_000, total: 100_000 };
    const s = run([
      { type: 'start', token: 3 },
      { type: 'progress', token: 3, progress: p },
      { type: 'cancelling', token: 3 },
    ]);
    expect(s.status).toEqual({ kind: 'loading', progress: p, cancelling: true });
    expect(reduceRequest(s, { type: 'cancelled', token: 3, progress: p }).status).toEqual({
      kind: 'cancelled',
      progress: p,
    });
    expect(reduceRequest(s, { type: 'failed', token: 3, message: 'ERR x' }).status).toEqual({
      kind: 'failed',
      message: 'ERR x',
    });
  });
});
