/**
 * `npm run bench:flow`: what one tick of the event-flow simulation costs, so the diagrams
 * can animate it on the main thread. Prints a table and one JSON line. Medians of
 * several rounds; the machine is shared, so compare figures from one run only.
 */
import { createFlowState, FlowController, tickFlow } from '../lib/flow';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function time(rounds: number, body: () => number): number[] {
  const out: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    const n = body();
    out.push(((performance.now() - t0) * 1000) / n);
  }
  return out;
}

const rows: Record<string, number> = {};
for (const rate of [100, 1_000, 10_000]) {
  const state = createFlowState({ seed: 51 }, { eventRate: rate, readRate: rate / 2 });
  for (let i = 0; i < 200; i++) tickFlow(state);
  rows[`tick µs @ ${rate.toLocaleString('en-US')} events/s`] = median(
    time(7, () => {
      for (let i = 0; i < 500; i++) tickFlow(state);
      return 500;
    }),
  );
}
const controller = new FlowController({ settings: { eventRate: 1_000, readRate: 500 } });
for (let i = 0; i < 300; i++) controller.step();
rows['controller step µs (with checkpoints) @ 1,000/s'] = median(
  time(7, () => {
    for (let i = 0; i < 500; i++) controller.step();
    return 500;
  }),
);
rows['view() µs'] = median(
  time(7, () => {
    for (let i = 0; i < 300; i++) controller.view();
    return 300;
  }),
);
for (const [name, value] of Object.entries(rows))
  console.log(`${name.padEnd(50)} ${value.toFixed(1).padStart(8)}`);
console.log(JSON.stringify({ bench: 'flow', medians: rows }));
