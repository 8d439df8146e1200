/**
 * The clarify phase: the prompt answers a candidate's question when it matches one of the
 * variant's known facts, and afterwards lists the guide's key questions they did not ask.
 *
 * Matching is plain keyword matching, said so on screen: a question matches a fact when, for
 * every keyword group of the fact, one of its alternatives starts a word of the question
 * ("player" matches "players"; "exact" matches "exactly"). It is a rehearsal aid, not an
 * interviewer: a question it cannot match gets an honest "no answer here".
 */
import type { ClarifyFact, KeyQuestion } from './variant';

/** Lower-case words of a text, apostrophes and punctuation dropped. O(length). */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’']/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Whether every group has an alternative that starts one of the words. */
function matches(ws: readonly string[], groups: readonly (readonly string[])[]): boolean {
  return groups.every((group) =>
    group.some((stem) => {
      const parts = words(stem);
      if (parts.length <= 1) return ws.some((w) => w.startsWith(stem.toLowerCase()));
      // A multi-word alternative must appear as consecutive words.
      return ws.some((_, i) => parts.every((p, j) => (ws[i + j] ?? '').startsWith(p)));
    }),
  );
}

/**
 * The facts a question matches, in the variant's order.
 * @returns matching facts (empty when none). O(facts × keywords × words).
 */
export function answerQuestion(question: string, facts: readonly ClarifyFact[]): ClarifyFact[] {
  const ws = words(question);
  if (ws.length === 0) return [];
  return facts.filter((f) => matches(ws, f.keywords));
}

/**
 * The key questions none of the candidate's questions covered.
 * @returns key questions in the variant's order. O(questions × keys).
 */
export function missedKeyQuestions(
  asked: readonly string[],
  keys: readonly KeyQuestion[],
): KeyQuestion[] {
  const all = asked.map(words);
  return keys.filter((k) => !all.some((ws) => matches(ws, k.keywords)));
}
