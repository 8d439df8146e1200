import { describe, expect, it } from 'vitest';
import { MAX_SCALE, MIN_WHOLE_SCALE, pictureView } from './view';

const region = { width: 700, height: 272 };

describe('pictureView', () => {
  it('shows a drawing that fits legibly whole, scaled to the region but not past MAX_SCALE', () => {
    const v = pictureView({ full: { width: 632, height: 180 }, region, across: true, focus: null });
    expect(v.whole).toBe(true);
    expect(v.scale).toBeCloseTo(700 / 632);
    expect(v.box).toEqual({ x: 0, y: 0, width: 632, height: 180 });
    const tiny = pictureView({
      full: { width: 100, height: 50 },
      region,
      across: true,
      focus: null,
    });
    expect(tiny.scale).toBe(MAX_SCALE);
    const squeezed = pictureView({
      full: { width: 700 / MIN_WHOLE_SCALE, height: 180 },
      region,
      across: true,
      focus: null,
    });
    expect(squeezed.whole).toBe(true);
  });

  it('follows the focus with a window of the region’s length when the drawing is too long', () => {
    const full = { width: 3052, height: 210 };
    const idle = pictureView({ full, region, across: true, focus: null });
    expect(idle.whole).toBe(false);
    expect(idle.scale).toBe(1);
    expect(idle.box).toEqual({ x: 0, y: 0, width: 700, height: 210 });
    expect(idle.width).toBe(700);
    // A hop from 1200 to 1500: both ends in the window, centred.
    const hop = pictureView({
      full,
      region,
      across: true,
      focus: { current: [1488, 1512], from: [1188, 1212] },
    });
    expect(hop.box.x).toBeLessThanOrEqual(1188 - 24);
    expect(hop.box.x + hop.box.width).toBeGreaterThanOrEqual(1512 + 24);
  });

  it('keeps the window while the focus stays inside it, and moves it when the focus leaves', () => {
    const full = { width: 3052, height: 210 };
    const focus = { current: [600, 624] as const, from: [554, 578] as const };
    const kept = pictureView({ full, region, across: true, focus, previous: 100 });
    expect(kept.box.x).toBe(100);
    const moved = pictureView({
      full,
      region,
      across: true,
      focus: { current: [900, 924] as const, from: [854, 878] as const },
      previous: 100,
    });
    expect(moved.box.x).toBeGreaterThan(100);
    expect(moved.box.x + moved.box.width).toBeGreaterThanOrEqual(924 + 24);
  });

  it('shows where a hop longer than the window lands, with the arrow coming in', () => {
    const full = { width: 3052, height: 210 };
    const v = pictureView({
      full,
      region,
      across: true,
      focus: { current: [2000, 2024], from: [8, 32] },
    });
    expect(v.box.x + v.box.width).toBe(2024 + 24);
    // Backwards never happens in a skip list, but the rule is symmetric.
    const back = pictureView({
      full,
      region,
      across: true,
      focus: { current: [100, 124], from: [2000, 2024] },
    });
    expect(back.box.x).toBe(100 - 24);
  });

  it('runs the window down a tall drawing and fits its width', () => {
    const v = pictureView({
      full: { width: 292, height: 2128 },
      region: { width: 358, height: 464 },
      across: false,
      focus: { current: [1040, 1060] },
    });
    expect(v.whole).toBe(false);
    expect(v.scale).toBe(1);
    expect(v.box.x).toBe(0);
    expect(v.box.height).toBe(464);
    expect(v.box.y).toBeLessThanOrEqual(1040 - 24);
    expect(v.box.y + v.box.height).toBeGreaterThanOrEqual(1060 + 24);
    // A drawing wider than the region is scaled to its width.
    const wide = pictureView({
      full: { width: 500, height: 2128 },
      region: { width: 358, height: 464 },
      across: false,
      focus: null,
    });
    expect(wide.scale).toBeCloseTo(358 / 500);
    expect(wide.width).toBeCloseTo(358);
  });

  it('clamps the window to the drawing’s ends', () => {
    const full = { width: 3052, height: 210 };
    const end = pictureView({ full, region, across: true, focus: { current: [3030, 3044] } });
    expect(end.box.x).toBe(3052 - 700);
    const start = pictureView({ full, region, across: true, focus: { current: [8, 32] } });
    expect(start.box.x).toBe(0);
  });

  it('gives a finite, stable view for a region with no size (hidden, or laid out for print)', () => {
    const full = { width: 3052, height: 210 };
    for (const hidden of [
      { width: 0, height: 0 },
      { width: 700, height: 0 },
      { width: 0, height: 272 },
    ]) {
      for (const across of [true, false]) {
        const first = pictureView({
          full,
          region: hidden,
          across,
          focus: { current: [1488, 1512], from: [1188, 1212] },
          previous: 400,
        });
        const values = [first.scale, first.width, first.height, ...Object.values(first.box)];
        expect(values.every(Number.isFinite)).toBe(true);
        // The caller re-renders until the window's start stops changing: it must settle.
        const again = pictureView({
          full,
          region: hidden,
          across,
          focus: { current: [1488, 1512] },
          previous: across ? first.box.x : first.box.y,
        });
        expect(again.box).toEqual(first.box);
      }
    }
  });
});
