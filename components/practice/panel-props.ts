import type { Attempt } from '@/lib/practice/attempt';
import type { Variant } from '@/lib/practice/variant';

/** What a phase panel is given: the prompt, the open attempt, and the way to change it. */
export interface AttemptPanelProps {
  readonly variant: Variant;
  readonly attempt: Attempt;
  /** Changes the open attempt; the room saves it. */
  readonly update: (f: (a: Attempt) => Attempt) => void;
}
