import { describe, expect, it } from 'vitest';
import { compact, FrameBudget } from './diagram-live';

describe('compact', () => {
  it('shortens large numbers', () => {
    expect(compact(950)).toBe('950');
    expect(compact(1000)).toBe('1k');
    expect(compact(1234)).toBe('1.2k');
    expect(compact(12_345)).toBe('12k');
    expect(compact(1_500_000)).toBe('1.5M');
  });
});

describe('FrameBudget', () => {
  it('lets cheap ticks through and clips the time once ticks get expensive', () => {
    const budget = new FrameBudget(6);
    expect(budget.clip(16, 1, 100)).toBe(16);
    // At 50× a 16 ms frame asks for 8 ticks; at 0.1 ms a tick 60 fit.
    expect(budget.clip(16, 50, 100)).toBe(16);
    for (let i = 0; i < 20; i++) budget.record(10, 20);
    expect(budget.maxTicks).toBe(3);
    expect(budget.clip(16, 50, 100)).toBeCloseTo(6, 5);
  });

  it('recovers after one slow frame and ignores frames that ran nothing', () => {
    const budget = new FrameBudget(6);
    budget.record(1, 100);
    expect(budget.maxTicks).toBe(1);
    for (let i = 0; i < 30; i++) budget.record(5, 0.25);
    expect(budget.maxTicks).toBeGreaterThan(50);
    budget.record(0, 1000);
    expect(budget.maxTicks).toBeGreaterThan(50);
  });
});
