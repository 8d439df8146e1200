/**
 * Checks prose against the design ledger. A chapter states a figure in words ("12,000 updates
 * per second at peak"); a claim names the phrasings that state one ledger figure and the
 * values it may take, and `checkLedger` reports every phrasing in a text whose number is not
 * one of them. A contradiction is a phrasing that states a superseded decision at all
 * ("replay from their last committed offset"). Pure: text in, findings out.
 */

/** One ledger figure and the phrasings that state it. */
export interface LedgerClaim {
  /** The ledger name, e.g. `traffic.peakUpdatesPerSecond`. */
  readonly id: string;
  /** Values the prose may state (the ledger's value and its spoken roundings). */
  readonly accept: readonly number[];
  /**
   * Phrasings, each with a named group `n` (the number as written, see `parseStatedNumber`)
   * and optionally `u`, a unit that `scale` turns into the ledger's unit.
   */
  readonly patterns: readonly RegExp[];
  /** Multipliers for the `u` group, keyed by its lower-cased text (e.g. minutes: 60). */
  readonly scale?: Readonly<Record<string, number>>;
}

/** A superseded answer: any match is a finding. */
export interface LedgerContradiction {
  readonly id: string;
  readonly pattern: RegExp;
  /** The ledger's answer, printed with the finding. */
  readonly because: string;
}

export interface LedgerFinding {
  readonly file: string;
  /** 1-based line of the match in the original text. */
  readonly line: number;
  readonly id: string;
  /** The matched text. */
  readonly found: string;
  /** What the ledger says instead. */
  readonly expected: string;
}

const WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  sixteen: 16,
  twenty: 20,
  forty: 40,
  fifty: 50,
  sixty: 60,
};

const SUFFIX: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  million: 1e6,
  b: 1e9,
  billion: 1e9,
};

/**
 * The value of a number as prose writes it: "12,000", "12 000", "12k", "2.4M", "1.2 billion",
 * "10.2", "six". Returns NaN for anything else. O(length).
 */
export function parseStatedNumber(text: string): number {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/\u00a0|\u202f/g, ' ');
  if (t in WORDS) return WORDS[t]!;
  const m = /^(\d{1,3}(?:[, ]\d{3})+|\d+(?:\.\d+)?)\s*(k|thousand|m|million|b|billion)?$/.exec(t);
  if (!m) return NaN;
  const base = Number(m[1]!.replace(/[, ]/g, ''));
  return m[2] ? base * SUFFIX[m[2]]! : base;
}

/** The regex source of a stated number, for building claim patterns: captures group `n`. */
export const NUM = String.raw`(?<![\w.,])(?<n>\d{1,3}(?:,\d{3})+(?:\s?(?:k|K|M|B|million|billion)\b)?|\d+(?:\.\d+)?(?:\s?(?:k|K|M|B|million|billion)\b)?|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|sixteen|twenty|forty|fifty|sixty)\b)`;

/** Offsets where each line starts, to report 1-based line numbers. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

function lineOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

function global(re: RegExp): RegExp {
  return re.flags.includes('g') ? re : new RegExp(re.source, re.flags + 'g');
}

function near(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.abs(b) * 1e-9;
}

/**
 * Every place `text` states a claimed figure with a value the claim does not accept, and
 * every match of a contradiction. Findings are ordered by position. O(text × patterns).
 */
export function checkLedger(
  file: string,
  text: string,
  claims: readonly LedgerClaim[],
  contradictions: readonly LedgerContradiction[] = [],
): LedgerFinding[] {
  const starts = lineStarts(text);
  const found: (LedgerFinding & { at: number })[] = [];
  for (const claim of claims) {
    for (const pattern of claim.patterns) {
      for (const m of text.matchAll(global(pattern))) {
        const raw = m.groups?.n;
        if (raw === undefined)
          throw new Error(`claim ${claim.id}: pattern ${pattern} has no group n`);
        const unit = m.groups?.u?.toLowerCase();
        const factor = unit && claim.scale ? (claim.scale[unit] ?? 1) : 1;
        const value = parseStatedNumber(raw) * factor;
        if (claim.accept.some((a) => near(value, a))) continue;
        found.push({
          file,
          at: m.index,
          line: lineOf(starts, m.index),
          id: claim.id,
          found: m[0],
          expected: claim.accept.map((a) => a.toLocaleString('en-US')).join(' or '),
        });
      }
    }
  }
  for (const c of contradictions) {
    for (const m of text.matchAll(global(c.pattern))) {
      found.push({
        file,
        at: m.index,
        line: lineOf(starts, m.index),
        id: c.id,
        found: m[0],
        expected: c.because,
      });
    }
  }
  return found.sort((a, b) => a.at - b.at).map(({ at: _at, ...f }) => f);
}

/** One line per finding, for a test failure message. */
export function formatFindings(findings: readonly LedgerFinding[]): string {
  return findings
    .map((f) => `${f.file}:${f.line} [${f.id}] "${f.found}" — ledger: ${f.expected}`)
    .join('\n');
}
