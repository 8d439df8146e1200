/**
 * The widgets' URL parameters: one schema per playground (and per embeddable widget),
 * parsed and clamped here so a link always reproduces a valid state, and every value
 * that had to change is reported as a note the widget shows.
 */

import { DEFAULT_ROUND_SIZE, DEFAULT_SECONDS } from '../practice/speed-round';

/** A numeric parameter: integer in [min, max]. */
export interface IntParam {
  kind: 'int';
  min: number;
  max: number;
  default: number;
}

/** A choice among strings. */
export interface ChoiceParam<T extends string = string> {
  kind: 'choice';
  options: readonly T[];
  default: T;
}

/** A boolean ("1"/"0", "true"/"false"). */
export interface FlagParam {
  kind: 'flag';
  default: boolean;
}

/** Free text, such as a console script: cut at `maxLength` characters. */
export interface TextParam {
  kind: 'text';
  maxLength: number;
  default: string;
}

export type ParamSpec = IntParam | ChoiceParam | FlagParam | TextParam;
export type ParamSchema = Record<string, ParamSpec>;

/** The values a schema parses to. */
export type ParamValues<S extends ParamSchema> = {
  [K in keyof S]: S[K] extends IntParam
    ? number
    : S[K] extends ChoiceParam<infer T>
      ? T
      : S[K] extends FlagParam
        ? boolean
        : S[K] extends TextParam
          ? string
          : never;
};

/** A whole number in [min, max], `def` when absent. */
export const intParam = (min: number, max: number, def: number): IntParam => ({
  kind: 'int',
  min,
  max,
  default: def,
});
/** One of `options`, `def` when absent. */
export const choiceParam = <T extends string>(options: readonly T[], def: T): ChoiceParam<T> => ({
  kind: 'choice',
  options,
  default: def,
});
/** Text of at most `maxLength` characters, empty when absent. */
export const textParam = (maxLength: number): TextParam => ({
  kind: 'text',
  maxLength,
  default: '',
});
const int = intParam;
const choice = choiceParam;
const DISTRIBUTIONS = ['uniform', 'normal', 'long-tail'] as const;

/**
 * `<ShardingPlayground seed players shards mode distribution player />`. Each schema's
 * defaults are the state its chapter starts in, so a bare embed link shows what the
 * chapter shows (a unit test holds the chapters to them).
 */
export const SHARDING_PARAMS = {
  seed: int(0, 2 ** 31 - 1, 7),
  players: int(100, 1_000_000, 100_000),
  /** Default: the design ledger's range-shard count (content/pinned-claims.test.ts checks). */
  shards: int(1, 16, 8),
  mode: choice(['range', 'hash'] as const, 'range'),
  distribution: choice(DISTRIBUTIONS, 'long-tail'),
  /** Player number whose rank is shown. */
  player: int(0, 999_999, 0),
} satisfies ParamSchema;

/** `<ApproximatePlayground seed players buckets kind distribution scale />` */
export const APPROXIMATE_PARAMS = {
  seed: int(0, 2 ** 31 - 1, 7),
  players: int(100, 1_000_000, 100_000),
  buckets: int(1, 10_000, 100),
  kind: choice(['fixed', 'log', 'quantile'] as const, 'fixed'),
  distribution: choice(DISTRIBUTIONS, 'long-tail'),
  /** 'exact': real players; '100m': histogram-only population of 100M. */
  scale: choice(['exact', '100m'] as const, 'exact'),
  head: int(0, 10_000, 100),
} satisfies ParamSchema;

/** `<FanoutPlayground seed players celebrities rate />` */
export const FANOUT_PARAMS = {
  seed: int(0, 2 ** 31 - 1, 7),
  players: int(10, 20_000, 2_000),
  meanFollows: int(1, 200, 20),
  celebrities: { kind: 'flag', default: true } as FlagParam,
  /**
   * Updates per tick. At most 500: an update costs 2–30 ms in the worker at the largest
   * graphs, and a tick runs to its end before Pause takes effect.
   */
  rate: int(1, 500, 100),
  celebrityFollowers: int(2, 20_000, 500),
} satisfies ParamSchema;

/** `<PaginationPlayground seed players pageSize changes page />` */
export const PAGINATION_PARAMS = {
  seed: int(0, 2 ** 31 - 1, 7),
  players: int(10, 5_000, 200),
  pageSize: int(1, 100, 10),
  changes: int(0, 200, 5),
  /** The page on screen, 1-based (the widget brings one past the last page back to it). */
  page: int(1, 20_000, 1),
} satisfies ParamSchema;

/** `<SkipListPicture seed members />`: members start at 2 and stop at the listpack limit. */
export const SKIP_LIST_PARAMS = {
  seed: int(0, 2 ** 31 - 1, 3),
  members: int(2, 128, 12),
} satisfies ParamSchema;

/** `<ArchitectureDiagram stage seed />`: the design's five stages. */
export const DIAGRAM_PARAMS = {
  stage: int(1, 5, 1),
  seed: int(0, 2 ** 31 - 1, 7),
} satisfies ParamSchema;

/** `<SpeedRoundDrill seconds roundSize />`, defaulting to the drill's own. */
export const SPEED_ROUND_PARAMS = {
  seconds: int(10, 600, DEFAULT_SECONDS),
  roundSize: int(1, 50, DEFAULT_ROUND_SIZE),
} satisfies ParamSchema;

/** `<PracticeTimer />` takes nothing: the 45-minute plan is the guide's. */
export const PRACTICE_TIMER_PARAMS = {} satisfies ParamSchema;

/** Parsed values plus what had to be fixed. */
export interface ParsedParams<S extends ParamSchema> {
  values: ParamValues<S>;
  /** Human-readable notes, e.g. "players 5000000 is above 1,000,000: using 1,000,000". */
  notes: string[];
}

/**
 * Parses `input` (a URLSearchParams or plain record) against `schema`:
 * missing values take defaults silently; out-of-range numbers are clamped,
 * non-numbers and unknown choices fall back to the default, each with a
 * note. Unknown keys are ignored with a note. O(keys).
 */
export function parseParams<S extends ParamSchema>(
  schema: S,
  input: URLSearchParams | Record<string, string | undefined>,
): ParsedParams<S> {
  const get = (k: string): string | undefined =>
    input instanceof URLSearchParams ? (input.get(k) ?? undefined) : input[k];
  const keys = input instanceof URLSearchParams ? [...input.keys()] : Object.keys(input);
  const notes: string[] = [];
  const values: Record<string, unknown> = {};
  for (const [k, spec] of Object.entries(schema)) {
    const raw = get(k);
    if (spec.kind === 'int') {
      if (raw === undefined || raw === '') {
        values[k] = spec.default;
        continue;
      }
      const n = Number(raw);
      if (!Number.isFinite(n)) {
        notes.push(`${k} "${raw}" is not a number: using ${spec.default.toLocaleString('en-US')}`);
        values[k] = spec.default;
      } else {
        const v = Math.min(spec.max, Math.max(spec.min, Math.round(n)));
        if (v !== n) {
          notes.push(
            n < spec.min
              ? `${k} ${raw} is below ${spec.min.toLocaleString('en-US')}: using ${v.toLocaleString('en-US')}`
              : n > spec.max
                ? `${k} ${raw} is above ${spec.max.toLocaleString('en-US')}: using ${v.toLocaleString('en-US')}`
                : `${k} ${raw} is not a whole number: using ${v}`,
          );
        }
        values[k] = v;
      }
    } else if (spec.kind === 'choice') {
      if (raw === undefined || raw === '') values[k] = spec.default;
      else if (spec.options.includes(raw)) values[k] = raw;
      else {
        notes.push(`${k} "${raw}" is not one of ${spec.options.join(', ')}: using ${spec.default}`);
        values[k] = spec.default;
      }
    } else if (spec.kind === 'text') {
      const text = raw ?? spec.default;
      if (text.length > spec.maxLength)
        notes.push(
          `${k} is ${text.length.toLocaleString('en-US')} characters long: using the first ${spec.maxLength.toLocaleString('en-US')}`,
        );
      values[k] = text.slice(0, spec.maxLength);
    } else {
      if (raw === undefined || raw === '') values[k] = spec.default;
      else if (raw === '1' || raw === 'true') values[k] = true;
      else if (raw === '0' || raw === 'false') values[k] = false;
      else {
        notes.push(`${k} "${raw}" is not 0/1: using ${spec.default ? 1 : 0}`);
        values[k] = spec.default;
      }
    }
  }
  for (const k of keys) if (!(k in schema)) notes.push(`unknown parameter "${k}" ignored`);
  return { values: values as ParamValues<S>, notes };
}

/** Serialises values to a query string in schema order (booleans as 1/0). */
export function toQueryString<S extends ParamSchema>(schema: S, values: ParamValues<S>): string {
  const p = new URLSearchParams();
  for (const k of Object.keys(schema)) {
    const v = (values as Record<string, unknown>)[k];
    p.set(k, typeof v === 'boolean' ? (v ? '1' : '0') : String(v));
  }
  return p.toString();
}
