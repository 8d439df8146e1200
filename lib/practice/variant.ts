/**
 * What a practice prompt is made of: the load and requirements of one variant of the
 * leaderboard problem, the facts its interviewer will give away, the questions a strong
 * candidate asks, the estimates with their worked figures, the requirement change announced
 * mid-round, and a reference design. The variants themselves are content
 * (`content/practice/prompts.ts`); this module only says their shape.
 */
import type { Point } from '@/lib/flow/diagram-geometry';
import type { Topology } from '@/lib/flow/topology';

/** The traffic a design must carry at peak. */
export interface Load {
  /** Players on the board (its member count). */
  readonly players: number;
  readonly dailyActives: number;
  /** Score updates per second at peak. */
  readonly peakWritesPerSecond: number;
  /** Board reads per second at peak. */
  readonly peakReadsPerSecond: number;
  /** Share of reads: shared cacheable pages, a player's own rank, friend boards (sum 1). */
  readonly readMix: {
    readonly sharedPages: number;
    readonly ownRank: number;
    readonly friendBoards: number;
  };
  /** Sorted-set writes per score update (windows × scopes). */
  readonly boardWritesPerUpdate: number;
  /** Everything the boards hold in Redis, in bytes. */
  readonly boardBytes: number;
  /** Score updates per day (sizes the Kafka log). */
  readonly updatesPerDay: number;
}

/** What the interviewer requires; every check in a run is against these. */
export interface Requirements {
  /** A score must show on the board within this many seconds. */
  readonly freshnessSeconds: number;
  /** p99 of a rank read at the API, in milliseconds. */
  readonly readP99Ms: number;
  /** Exact rank for everyone, for the top N only, or approximate is fine. */
  readonly exactRank: 'all' | 'approximate' | { readonly top: number };
  /** Largest share of an instance's memory the data may fill. */
  readonly memoryHeadroom: number;
}

/** A fact the interviewer gives when a question matches. */
export interface ClarifyFact {
  readonly id: string;
  /** Every group must match: each group is a list of alternatives (word stems). */
  readonly keywords: readonly (readonly string[])[];
  readonly answer: string;
}

/** One of the guide's key questions, and what asking it settles. */
export interface KeyQuestion {
  readonly id: string;
  readonly question: string;
  readonly keywords: readonly (readonly string[])[];
  /** Why it matters: the design decision it forks. */
  readonly why: string;
}

export type EstimateId = 'writes' | 'reads' | 'memory' | 'shards';

/** One figure the candidate estimates, with the worked answer revealed after submission. */
export interface EstimateSpec {
  readonly id: EstimateId;
  readonly label: string;
  /** What the number is in: "per second", "GB", "shards". */
  readonly unit: string;
  readonly worked: number;
  /** The arithmetic, step by step. */
  readonly derivation: string;
}

/** The change the interviewer announces mid-round. */
export interface RequirementChange {
  /** Minute of the 45 at which it is announced. */
  readonly minute: number;
  readonly title: string;
  /** What the interviewer says. */
  readonly text: string;
  readonly load?: Partial<Load>;
  readonly requirements?: Partial<Requirements>;
}

export interface ReferenceDesign {
  readonly topology: Topology;
  /** Where each node sits on the canvas. */
  readonly positions: Readonly<Record<string, Point>>;
  /** Why it is built this way, a few sentences. */
  readonly notes: readonly string[];
}

export interface Variant {
  readonly id: string;
  readonly title: string;
  /** One line for the picker. */
  readonly summary: string;
  /** The prompt as the interviewer says it: short and vague on purpose. */
  readonly prompt: string;
  readonly load: Load;
  readonly requirements: Requirements;
  readonly facts: readonly ClarifyFact[];
  readonly keyQuestions: readonly KeyQuestion[];
  readonly estimates: readonly EstimateSpec[];
  readonly change: RequirementChange;
  readonly reference: ReferenceDesign;
}

/**
 * The load and requirements in force at a minute of the round: the variant's, with the
 * change applied once its minute has come.
 * @returns merged copies. O(1).
 */
export function inForce(
  variant: Variant,
  minute: number,
): { load: Load; requirements: Requirements; changed: boolean } {
  const changed = minute >= variant.change.minute;
  return {
    load: changed ? { ...variant.load, ...variant.change.load } : variant.load,
    requirements: changed
      ? { ...variant.requirements, ...variant.change.requirements }
      : variant.requirements,
    changed,
  };
}
