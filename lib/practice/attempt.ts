/**
 * A practice attempt as stored in the browser and exported to a file: the prompt, the clock,
 * the questions asked, the estimates, the notes, the drawn design, the last run and the
 * self-scored rubric. Parsing an import is strict: a corrupt or foreign file is refused with a
 * reason, before anything is written.
 */
import * as v from 'valibot';
import { topologySchema } from '@/lib/flow/topology-schema';
import { componentSpecs, type ComponentKind } from '@/lib/flow/topology';
import type { PracticeAttemptSummary } from '@/lib/progress/schema';
import type { Design } from './design-edit';
import { interviewPlan, timerView, totalMs, type TimerState } from './interview-plan';
import { describeTopology } from './review';
import type { RunResult } from './run';
import type { EstimateId, Variant } from './variant';

export interface AskedQuestion {
  readonly text: string;
  /** The interviewer's answers (matched facts), empty when nothing matched. */
  readonly answers: readonly string[];
}

export interface EstimateEntry {
  readonly text: string;
  readonly value: number | null;
}

/** What a run found, kept with the attempt (the full result is recomputed on demand). */
export interface RunSummary {
  readonly at: number;
  readonly bottleneck: string | null;
  readonly requirements: readonly {
    readonly id: string;
    readonly title: string;
    readonly passed: boolean;
    readonly reason: string;
  }[];
  readonly drills: readonly {
    readonly id: string;
    readonly title: string;
    readonly passed: boolean;
    readonly skipped: string | null;
    readonly details: string;
  }[];
}

export interface Attempt {
  readonly id: string;
  readonly variantId: string;
  /** Wall-clock times, ms since the epoch. */
  readonly startedAt: number;
  readonly updatedAt: number;
  readonly status: 'in-progress' | 'complete';
  readonly timer: TimerState;
  readonly changeAnnounced: boolean;
  readonly questions: readonly AskedQuestion[];
  readonly estimates: Readonly<Partial<Record<EstimateId, EstimateEntry>>>;
  readonly estimatesSubmitted: boolean;
  readonly notes: { readonly api: string; readonly deepDive: string; readonly wrapUp: string };
  readonly design: Design;
  readonly run: RunSummary | null;
  /** Rubric signal id → level 0–3 (not yet, mid-level, senior, staff), or absent. */
  readonly rubric: Readonly<Record<string, number>>;
  /** Minutes of the 45 used when the attempt was completed. */
  readonly minutesUsed: number | null;
  /** Answers from a connected interviewer, if any. */
  readonly interviewer: readonly { readonly question: string; readonly at: number }[];
}

/** The export file's marker and version. */
export const ATTEMPTS_FORMAT = 'leaderboard-lab/practice-attempts';
export const ATTEMPTS_VERSION = 1;

/**
 * A new attempt at a variant, its clock not started.
 * @returns the attempt. O(1).
 */
export function newAttempt(variant: Variant, id: string, now: number): Attempt {
  return {
    id,
    variantId: variant.id,
    startedAt: now,
    updatedAt: now,
    status: 'in-progress',
    timer: { accumulatedMs: 0, runningSince: null },
    changeAnnounced: false,
    questions: [],
    estimates: {},
    estimatesSubmitted: false,
    notes: { api: '', deepDive: '', wrapUp: '' },
    design: { topology: { nodes: [], edges: [] }, positions: {} },
    run: null,
    rubric: {},
    minutesUsed: null,
    interviewer: [],
  };
}

/**
 * What an attempt keeps of a run: the bottleneck, each check and each drill's verdict (the
 * full result, with its narration and per-component load, is recomputed on demand).
 * @returns the summary, stamped `at`. O(checks + drills).
 */
export function summariseRun(result: RunResult, at: number): RunSummary {
  return {
    at,
    bottleneck: result.capacity?.bottleneck ?? null,
    requirements: result.requirements.map(({ id, title, passed, reason }) => ({
      id,
      title,
      passed,
      reason,
    })),
    drills: result.drills.map(({ id, title, passed, skipped, details }) => ({
      id,
      title,
      passed,
      skipped,
      details,
    })),
  };
}

/** A run in one line: "4/5 checks, 3/4 drills survived", or "not run". O(checks + drills). */
export function runTally(run: RunSummary | null): string {
  if (!run) return 'not run';
  const ran = run.drills.filter((d) => !d.skipped);
  return `${run.requirements.filter((r) => r.passed).length}/${run.requirements.length} checks, ${ran.filter((d) => d.passed).length}/${ran.length} drills survived`;
}

/**
 * What the reader's progress records of an attempt finished at `now`: the prompt, the time
 * used (at most the 45 minutes), the checks its last run passed, and the rubric total when
 * the candidate scored themselves (`rubricSignals` signals of 0–3 each).
 * @returns the summary. O(checks + signals).
 */
export function progressSummary(
  attempt: Attempt,
  variant: Variant,
  now: number,
  rubricSignals: number,
): PracticeAttemptSummary {
  const scores = Object.values(attempt.rubric);
  return {
    id: attempt.id,
    finishedAt: now,
    variant: variant.id,
    title: variant.title,
    timeUsedMs: Math.min(totalMs(interviewPlan), timerView(attempt.timer, now).elapsedMs),
    checksPassed: attempt.run?.requirements.filter((r) => r.passed).length ?? 0,
    checksTotal: attempt.run?.requirements.length ?? 0,
    ...(scores.length
      ? {
          rubricScore: scores.reduce((x, y) => x + y, 0),
          rubricMax: rubricSignals * (RUBRIC_LEVELS.length - 1),
        }
      : {}),
  };
}

/** The export file for some attempts. */
export function exportAttempts(attempts: readonly Attempt[], now: number): string {
  return JSON.stringify(
    {
      format: ATTEMPTS_FORMAT,
      version: ATTEMPTS_VERSION,
      exportedAt: new Date(now).toISOString(),
      attempts,
    },
    null,
    2,
  );
}

export type ParsedAttempts =
  | { readonly ok: true; readonly attempts: readonly Attempt[] }
  | { readonly ok: false; readonly reason: string };

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
const isString = (x: unknown): x is string => typeof x === 'string';
const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

const pathWords: Readonly<Record<string, string>> = {
  nodes: 'component',
  edges: 'arrow',
  params: 'parameter',
};

/** The first thing wrong with a design, in words: "component 3: unknown kind (mainframe)". */
function topologyProblem(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  if (!issue) return 'unreadable';
  const path = (issue.path ?? []).map((p) => p.key);
  const isKind = path[path.length - 1] === 'kind';
  const where = (isKind ? path.slice(0, -1) : path)
    .map((k) => (typeof k === 'number' ? String(k + 1) : (pathWords[String(k)] ?? String(k))))
    .join(' ');
  const what = isKind ? `unknown kind (${String(issue.input)})` : issue.message;
  return path.length > 1 ? `${where}: ${what}` : what;
}

/** Why an attempt is malformed, or null. */
function attemptProblem(a: unknown, i: number, variantIds: ReadonlySet<string>): string | null {
  const at = `attempt ${i + 1}`;
  if (!isObject(a)) return `${at} is not an object`;
  if (!isString(a.id) || a.id.length === 0 || a.id.length > 100) return `${at} has no valid id`;
  if (!isString(a.variantId) || !variantIds.has(a.variantId)) {
    return `${at} is for an unknown prompt (${String(a.variantId)})`;
  }
  for (const key of ['startedAt', 'updatedAt'] as const) {
    if (!isNumber(a[key])) return `${at} has no valid ${key}`;
  }
  if (a.status !== 'in-progress' && a.status !== 'complete') return `${at} has an unknown status`;
  const timer = a.timer;
  if (!isObject(timer) || !isNumber(timer.accumulatedMs) || timer.accumulatedMs < 0) {
    return `${at} has no valid clock`;
  }
  if (timer.runningSince !== null && !isNumber(timer.runningSince))
    return `${at} has no valid clock`;
  if (typeof a.changeAnnounced !== 'boolean' || typeof a.estimatesSubmitted !== 'boolean') {
    return `${at} is missing a flag`;
  }
  if (
    !Array.isArray(a.questions) ||
    !a.questions.every(
      (q) =>
        isObject(q) && isString(q.text) && Array.isArray(q.answers) && q.answers.every(isString),
    )
  ) {
    return `${at} has malformed questions`;
  }
  if (
    !isObject(a.estimates) ||
    !Object.values(a.estimates).every(
      (e) => isObject(e) && isString(e.text) && (e.value === null || isNumber(e.value)),
    )
  ) {
    return `${at} has malformed estimates`;
  }
  const notes = a.notes;
  if (
    !isObject(notes) ||
    !isString(notes.api) ||
    !isString(notes.deepDive) ||
    !isString(notes.wrapUp)
  ) {
    return `${at} has malformed notes`;
  }
  const design = a.design;
  if (!isObject(design) || !isObject(design.topology) || !isObject(design.positions)) {
    return `${at} has no design`;
  }
  const topology = v.safeParse(topologySchema, design.topology);
  if (!topology.success) return `${at} has a malformed design: ${topologyProblem(topology.issues)}`;
  for (const p of Object.values(design.positions)) {
    if (!isObject(p) || !isNumber(p.x) || !isNumber(p.y)) return `${at} has a malformed position`;
  }
  if (a.run !== null && !isObject(a.run)) return `${at} has a malformed run`;
  if (
    !isObject(a.rubric) ||
    !Object.values(a.rubric).every((v) => isNumber(v) && v >= 0 && v <= 3)
  ) {
    return `${at} has a malformed rubric`;
  }
  if (a.minutesUsed !== null && !isNumber(a.minutesUsed)) return `${at} has a malformed time`;
  if (!Array.isArray(a.interviewer)) return `${at} has malformed interviewer notes`;
  return null;
}

/**
 * Reads an export file. Refuses, with the first reason found, anything that is not JSON, not
 * this site's attempts format, a newer version, or has one malformed attempt: an import
 * either takes the whole file or nothing.
 * @returns the attempts, or the reason. O(size).
 */
export function parseAttempts(text: string, variantIds: ReadonlySet<string>): ParsedAttempts {
  if (text.length > 5_000_000) return { ok: false, reason: 'the file is larger than 5 MB' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'the file is not JSON (is it the file the room exported?)' };
  }
  if (!isObject(data) || data.format !== ATTEMPTS_FORMAT) {
    return { ok: false, reason: 'the file is not a Leaderboard Lab practice export' };
  }
  if (!isNumber(data.version) || data.version > ATTEMPTS_VERSION) {
    return {
      ok: false,
      reason: `the file is version ${String(data.version)}; this room reads version ${ATTEMPTS_VERSION}`,
    };
  }
  if (!Array.isArray(data.attempts)) return { ok: false, reason: 'the file lists no attempts' };
  const ids = new Set<string>();
  for (let i = 0; i < data.attempts.length; i++) {
    const problem = attemptProblem(data.attempts[i], i, variantIds);
    if (problem) return { ok: false, reason: problem };
    const id = (data.attempts[i] as { id: string }).id;
    if (ids.has(id)) return { ok: false, reason: `two attempts share the id ${id}` };
    ids.add(id);
  }
  return { ok: true, attempts: data.attempts as Attempt[] };
}

const fmtMinutes = (ms: number) =>
  `${Math.floor(ms / 60_000)} min ${Math.floor((ms % 60_000) / 1000)} s`;

/** Signal of the rubric, as the Markdown and the prompt need it. */
export interface RubricSignal {
  readonly id: string;
  readonly title: string;
  readonly levels: readonly [string, string, string, string];
}

export const RUBRIC_LEVELS = ['Not yet', 'Mid-level', 'Senior', 'Staff'] as const;

/**
 * An attempt as a Markdown document: prompt, questions, estimates, notes, design, run, rubric.
 * @returns Markdown text. O(size of the attempt).
 */
export function attemptMarkdown(
  attempt: Attempt,
  variant: Variant,
  rubric: readonly RubricSignal[],
): string {
  const lines: string[] = [];
  lines.push(`# Practice attempt: ${variant.title}`, '');
  lines.push(
    `Started ${new Date(attempt.startedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC; ${attempt.status === 'complete' ? `completed in ${attempt.minutesUsed ?? '?'} of 45 minutes` : `in progress, ${fmtMinutes(attempt.timer.accumulatedMs)} on the clock`}.`,
    '',
  );
  lines.push('## Prompt', '', `> ${variant.prompt}`, '');
  if (attempt.changeAnnounced)
    lines.push(
      `**Minute ${variant.change.minute}: ${variant.change.title}.** ${variant.change.text}`,
      '',
    );
  lines.push('## Clarifying questions', '');
  if (attempt.questions.length === 0) lines.push('None asked.');
  for (const q of attempt.questions) {
    lines.push(`- ${q.text}`);
    for (const a of q.answers) lines.push(`  - Interviewer: ${a}`);
    if (q.answers.length === 0) lines.push('  - (no matching fact)');
  }
  lines.push('', '## Estimates', '', '| Figure | Yours | Worked |', '| --- | --- | --- |');
  for (const e of variant.estimates) {
    const mine = attempt.estimates[e.id];
    lines.push(
      `| ${e.label} (${e.unit}) | ${mine?.text || '—'} | ${e.worked.toLocaleString('en-US')} |`,
    );
  }
  const notes: [string, string][] = [
    ['API and data model', attempt.notes.api],
    ['Deep dives', attempt.notes.deepDive],
    ['Wrap-up', attempt.notes.wrapUp],
  ];
  for (const [title, text] of notes) {
    if (text.trim()) lines.push('', `## ${title}`, '', text.trim());
  }
  lines.push('', '## Design', '', describeTopology(attempt.design.topology));
  if (attempt.run) {
    lines.push('', '## Run', '');
    for (const r of attempt.run.requirements)
      lines.push(`- ${r.passed ? 'PASS' : 'FAIL'} ${r.title}: ${r.reason}`);
    for (const d of attempt.run.drills) {
      lines.push(
        `- Drill "${d.title}": ${d.skipped ? `not applicable (${d.skipped})` : `${d.passed ? 'passed' : 'FAILED'}: ${d.details}`}`,
      );
    }
  }
  const scored = rubric.filter((s) => attempt.rubric[s.id] !== undefined);
  if (scored.length) {
    lines.push('', '## Rubric (self-scored)', '');
    for (const s of scored) lines.push(`- ${s.title}: ${RUBRIC_LEVELS[attempt.rubric[s.id] ?? 0]}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The "Review with an AI" prompt: the attempt in Markdown, the rubric with its levels, and the
 * guide's figures to check numbers against, with instructions in the AI Prep chapter's style
 * (one design, numbers checked, questions before verdicts).
 * @returns prompt text. O(size).
 */
export function reviewPrompt(
  attempt: Attempt,
  variant: Variant,
  rubric: readonly RubricSignal[],
  ledgerFacts: readonly string[],
): string {
  const rubricText = rubric
    .map((s) => `- ${s.title}: ${s.levels.map((l, i) => `${RUBRIC_LEVELS[i]}: ${l}`).join(' / ')}`)
    .join('\n');
  return [
    'You are a senior engineer who runs system design interviews. Review my practice attempt below as an interviewer would write it up.',
    '',
    'Do this in order:',
    '1. Score me on each rubric signal (Not yet, Mid-level, Senior, Staff) with one sentence of evidence quoted from the attempt. Where my self-score differs from yours, say why.',
    '2. Check every number I used against the reference figures. Name each number that is off and show the arithmetic.',
    '3. Name the two weakest points of my design, what an interviewer would ask next about each, and what a senior answer sounds like.',
    '4. End with three things to practise before my next attempt.',
    'Mark anything you are unsure of as uncertain. Do not invent requirements the prompt did not state.',
    '',
    '## Rubric',
    rubricText,
    '',
    '## Reference figures (the design guide I study from)',
    ...ledgerFacts.map((f) => `- ${f}`),
    '',
    '## My attempt',
    attemptMarkdown(attempt, variant, rubric),
  ].join('\n');
}

/** Minutes of the plan used: the clock's elapsed time, whole minutes rounded up. */
export function minutesUsed(timer: TimerState, now: number): number {
  const total = interviewPlan.reduce((s, p) => s + p.minutes, 0) * 60_000;
  const running = timer.runningSince === null ? 0 : Math.max(0, now - timer.runningSince);
  return Math.ceil(Math.min(total, timer.accumulatedMs + running) / 60_000);
}

/** A kind's label for lists. */
export const kindLabel = (kind: ComponentKind): string => componentSpecs[kind].label;
