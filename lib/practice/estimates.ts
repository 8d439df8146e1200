/**
 * The estimate phase: a candidate's figure against the variant's worked one. Within 2× either
 * way is good (an interviewer accepts it), within 10× is flagged (the order of magnitude is
 * right but something was dropped), beyond 10× is wrong.
 */

export type EstimateVerdict = 'good' | 'flagged' | 'wrong';

export interface EstimateCheck {
  readonly verdict: EstimateVerdict;
  /** The candidate's figure over the worked one. */
  readonly ratio: number;
}

/**
 * Grades a figure.
 * @returns the verdict and ratio; a non-positive or non-finite figure is wrong. O(1).
 */
export function checkEstimate(value: number, worked: number): EstimateCheck {
  if (!(value > 0) || !Number.isFinite(value) || !(worked > 0)) {
    return { verdict: 'wrong', ratio: Number.isFinite(value) && worked > 0 ? value / worked : NaN };
  }
  const ratio = value / worked;
  const off = Math.max(ratio, 1 / ratio);
  return { verdict: off <= 2 ? 'good' : off <= 10 ? 'flagged' : 'wrong', ratio };
}

const suffixes: Readonly<Record<string, number>> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  million: 1e6,
  b: 1e9,
  billion: 1e9,
  kb: 1e-6,
  mb: 1e-3,
  gb: 1,
  tb: 1e3,
};

/**
 * Reads a figure as people type it: "12000", "12,000", "12k", "1.2e4", "10 GB", "0.5 TB".
 * Byte units are returned in GB (the unit memory estimates are asked in); other suffixes
 * multiply.
 * @returns the number, or null when the text is not a figure. O(length).
 */
export function parseFigure(text: string): number | null {
  const m =
    /^\s*([-+]?\d[\d,_]*(?:\.\d+)?(?:e[-+]?\d+)?|[-+]?\.\d+)\s*([a-z]*)\s*(?:\/\s*s|per second)?\s*$/i.exec(
      text,
    );
  if (!m) return null;
  const n = Number((m[1] ?? '').replace(/[,_]/g, ''));
  if (!Number.isFinite(n)) return null;
  const unit = (m[2] ?? '').toLowerCase();
  if (!unit) return n;
  const factor = suffixes[unit];
  return factor === undefined ? null : n * factor;
}

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * A graded estimate in words, as the room shows it after submission:
 * "Good (1.2× the worked 12,000)", "Wrong (0.05× the worked 12,000)", or, with no figure,
 * "No figure given (worked: 12,000)". O(1).
 */
export function describeEstimate(check: EstimateCheck | null, worked: number): string {
  if (!check) return `No figure given (worked: ${fmt(worked)})`;
  const label = { good: 'Good', flagged: 'Flagged', wrong: 'Wrong' }[check.verdict];
  const ratio = check.ratio >= 1 ? check.ratio.toFixed(1) : check.ratio.toFixed(2);
  return `${label} (${ratio}× the worked ${fmt(worked)})`;
}
