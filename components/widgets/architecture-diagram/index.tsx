import { DiagramLoader } from './loader';
import { DiagramPlaceholder } from './placeholder';

/**
 * `<ArchitectureDiagram stage={3} seed={7} />`: the leaderboard architecture at one stage of
 * the design (1–5), live; `seed` fixes the simulated traffic, so a reader's run can be
 * reproduced. A server component: the static picture is rendered here, so its data
 * costs no JavaScript, and the live diagram (React Flow and the simulation) loads lazily
 * when the card comes near the viewport.
 */
export function ArchitectureDiagram({ stage = 1, seed = 7 }: { stage?: number; seed?: number }) {
  const s = Math.min(5, Math.max(1, Math.round(Number(stage) || 1)));
  return <DiagramLoader stage={s} seed={seed} placeholder={<DiagramPlaceholder stage={s} />} />;
}
