/**
 * Ties broken by earliest achievement, inside one double. A sorted set
 * orders equal scores by member name, which is arbitrary for a game; the
 * fix is to fold the time into the score:
 *
 *   composite = score · SLOTS + (SLOTS − 1 − slot(achievedAt))
 *
 * so a higher score always wins and, among equal scores, the earlier time
 * has the larger remainder and ranks first. Doubles hold every integer up
 * to 2^53 exactly; above that, adjacent integers collapse and two different
 * (score, time) pairs could become one composite (or a later time could
 * outrank an earlier one). So the scorer refuses any configuration where
 * (maxScore + 1) · SLOTS > 2^53, and every encode checks its inputs.
 *
 * Budget example: one-second slots over a 1-year season need
 * SLOTS = 31,536,000 ≈ 2^24.9, leaving 2^53 / 2^24.9 ≈ 2.86 · 10^8 for the
 * score: fine for points, not for a score in millionths. Millisecond slots
 * over the same year leave only 2.86 · 10^5.
 */

/** Options for `createCompositeScorer`. */
export interface CompositeScoreOptions {
  /** Largest raw score that will ever be encoded (integer ≥ 0). */
  maxScore: number;
  /** Start of the season (ms since epoch); earlier times are rejected. */
  epochMs: number;
  /** Length of the season in ms; times at or past epoch + horizon are rejected. */
  horizonMs: number;
  /** Time resolution in ms (times in the same slot tie). Default 1000. */
  slotMs?: number;
}

/** Encodes and decodes (score, time) composites for one configuration. */
export interface CompositeScorer {
  readonly maxScore: number;
  /** Number of time slots; the multiplier of the raw score. */
  readonly slots: number;
  /** Largest composite this scorer produces (≤ 2^53 − 1). */
  readonly maxComposite: number;
  /**
   * The composite for an integer `score` in 0..maxScore achieved at
   * `achievedAtMs` inside the season. Throws RangeError outside those
   * ranges rather than return a value that would lose precision. O(1).
   */
  encode(score: number, achievedAtMs: number): number;
  /** The raw score and the start of the time slot of a composite. O(1). */
  decode(composite: number): { score: number; achievedAtMs: number };
  /** The composite delta that adds `points` to the raw score, time unchanged. */
  scoreStep(points: number): number;
}

/** 2^53: the first integer a double cannot tell from its neighbour. */
export const TWO_POW_53 = 2 ** 53;

/**
 * Creates a scorer, checking the 2^53 budget up front: throws RangeError
 * when (maxScore + 1) · slots exceeds 2^53, naming the largest maxScore the
 * chosen horizon and resolution allow. O(1).
 */
export function createCompositeScorer(options: CompositeScoreOptions): CompositeScorer {
  const slotMs = options.slotMs ?? 1000;
  const { maxScore, epochMs, horizonMs } = options;
  if (!Number.isInteger(maxScore) || maxScore < 0)
    throw new RangeError('maxScore must be an integer ≥ 0');
  if (!(slotMs > 0) || !(horizonMs > 0)) throw new RangeError('horizonMs and slotMs must be > 0');
  const slots = Math.ceil(horizonMs / slotMs);
  if ((maxScore + 1) * slots > TWO_POW_53) {
    const allowed = Math.floor(TWO_POW_53 / slots) - 1;
    throw new RangeError(
      `composite score would exceed 2^53: (maxScore + 1) · ${slots} time slots > 2^53; ` +
        `with this horizon and resolution maxScore can be at most ${allowed}`,
    );
  }
  return {
    maxScore,
    slots,
    maxComposite: (maxScore + 1) * slots - 1,
    encode(score, achievedAtMs) {
      if (!Number.isInteger(score) || score < 0 || score > maxScore) {
        throw new RangeError(`score ${score} is not an integer in 0..${maxScore}`);
      }
      const slot = Math.floor((achievedAtMs - epochMs) / slotMs);
      if (!(slot >= 0 && slot < slots)) {
        throw new RangeError(`time ${achievedAtMs} is outside the season`);
      }
      return score * slots + (slots - 1 - slot);
    },
    decode(composite) {
      const score = Math.floor(composite / slots);
      const slot = slots - 1 - (composite - score * slots);
      return { score, achievedAtMs: epochMs + slot * slotMs };
    },
    scoreStep: (points) => points * slots,
  };
}
