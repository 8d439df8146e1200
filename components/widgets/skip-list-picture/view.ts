/**
 * Which part of the skip-list drawing the frame shows, and at what scale: pure geometry,
 * so the rule "the step being narrated is always in sight" is unit-tested without a browser.
 */

/** Smallest scale at which the whole drawing is still worth showing (11 px labels stay ≥ 8 px). */
export const MIN_WHOLE_SCALE = 0.75;
/** Largest scale a small drawing is blown up to. */
export const MAX_SCALE = 1.25;
/** Room kept around the focus, in SVG units, so a box is never flush with the edge. */
const MARGIN = 24;

export interface PictureView {
  /** The whole drawing fits at `scale`; otherwise a window along the list follows the focus. */
  whole: boolean;
  scale: number;
  /** The shown part, in SVG units. */
  box: { x: number; y: number; width: number; height: number };
  /** Its size on screen, px. */
  width: number;
  height: number;
}

/**
 * The view of a drawing of size `full` (SVG units) in a region of `region` px. `across`
 * says the list runs along x (else along y). `focus` is the extent along the list to keep
 * in sight: the current node's box (`current`) and, when it fits beside it, where the hop
 * came from (`from`). `previous` is the window's start in the last view: it stays put while
 * the focus remains inside it, so stepping does not jolt the picture.
 */
export function pictureView({
  full,
  region,
  across,
  focus,
  previous,
}: {
  full: { width: number; height: number };
  region: { width: number; height: number };
  across: boolean;
  focus: { current: readonly [number, number]; from?: readonly [number, number] } | null;
  previous?: number;
}): PictureView {
  // A region with no size is not laid out (display: none, or a print layout that hides the
  // widget): it shows nothing, so the whole drawing is the answer. Going on would divide by
  // zero, and a NaN window start never equals the last one, so the caller's "has the window
  // moved?" check would re-render forever (it crashed printing: React error 301).
  const hidden = !(region.width > 0 && region.height > 0);
  const whole = hidden
    ? MIN_WHOLE_SCALE
    : Math.min(region.width / full.width, region.height / full.height);
  if (whole >= MIN_WHOLE_SCALE) {
    const scale = Math.min(whole, MAX_SCALE);
    return {
      whole: true,
      scale,
      box: { x: 0, y: 0, width: full.width, height: full.height },
      width: full.width * scale,
      height: full.height * scale,
    };
  }
  // Too long to show whole: the cross axis fits (at most at scale 1), and a window of the
  // region's length runs along the list.
  const scale = Math.min(1, across ? region.height / full.height : region.width / full.width);
  const fullLength = across ? full.width : full.height;
  const length = Math.min(fullLength, (across ? region.width : region.height) / scale);
  const clamp = (start: number) => Math.max(0, Math.min(fullLength - length, start));
  let start = clamp(previous ?? 0);
  if (focus) {
    const [c0, c1] = focus.current;
    const [a, b] = focus.from
      ? [Math.min(c0, focus.from[0]), Math.max(c1, focus.from[1])]
      : [c0, c1];
    const keeps = (s: number, lo: number, hi: number) =>
      lo >= s + MARGIN - 0.5 && hi <= s + length - MARGIN + 0.5;
    if (!keeps(start, a, b)) {
      start =
        b - a + 2 * MARGIN <= length
          ? clamp((a + b) / 2 - length / 2)
          : // The hop is longer than the window: show where it lands, the arrow coming in.
            clamp(focus.from && focus.from[0] > c0 ? c0 - MARGIN : c1 + MARGIN - length);
      // At the ends of the list the clamp may leave the focus against the edge; that is
      // the drawing's own margin, still in sight.
    }
  }
  const box = across
    ? { x: start, y: 0, width: length, height: full.height }
    : { x: 0, y: start, width: full.width, height: length };
  return { whole: false, scale, box, width: box.width * scale, height: box.height * scale };
}
