/**
 * The rubric the practice room's review asks a candidate to score themselves on: the signals
 * from "What interviewers listen for" (Interview Skills), each at four levels.
 */
import type { RubricSignal } from '@/lib/practice/attempt';

export const rubric: readonly RubricSignal[] = [
  {
    id: 'clarify',
    title: 'Asked the questions that fork the design',
    levels: [
      'Started drawing without asking',
      'Asked about users and features',
      'Asked exact or approximate, freshness, best or total first',
      'Also asked what will change: resets, new boards, prizes',
    ],
  },
  {
    id: 'numbers',
    title: 'Turned numbers into decisions',
    levels: [
      'No estimates',
      'Computed writes, reads and memory',
      'Drew the conclusion: what fits, what to shard, why',
      'Added cost, growth and which number breaks first',
    ],
  },
  {
    id: 'trade-offs',
    title: 'Gave every choice its cost',
    levels: [
      'Choices without reasons',
      'Named alternatives',
      'Chose, with the cost accepted ("…and I accept a second of staleness")',
      'Weighed reversibility and what would change the choice',
    ],
  },
  {
    id: 'failures',
    title: 'Found failure modes before being asked',
    levels: [
      'Only when asked',
      '"It has a replica"',
      'Failover time, what writes do meanwhile, how it is rebuilt',
      'Blast radius, the first alert, how the team rehearses it',
    ],
  },
  {
    id: 'drive',
    title: 'Drove the interview',
    levels: [
      'Waited to be told',
      'Followed the interviewer’s lead well',
      'Proposed the next step and the two deep dives',
      'Managed the time and parked topics on purpose',
    ],
  },
  {
    id: 'wrap-up',
    title: 'Closed with risks and next steps',
    levels: [
      'Ran out of time',
      'Repeated the boxes',
      'Named the top risks and what was parked',
      'Ordered the work: ship first, measure, then decide',
    ],
  },
];
