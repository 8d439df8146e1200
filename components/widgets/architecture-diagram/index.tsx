import { DiagramLoader } from './loader';
import { DiagramPlaceholder } from './placeholder';

/**
 * `<ArchitectureDiagram stage={3} />`: the leaderboard architecture at one stage of the
 * design (1–5), live. A server component: the static picture is rendered here, so its data
 * costs no JavaScript, and the live diagram (React Flow and the simulation) loads lazily
 * when the card comes near the viewport.
 */
export function ArchitectureDiagram({ stage = 1 }: { stage?: number }) {
  const s = Math.min(5, Math.max(1, Math.round(Number(stage) || 1)));
  return <DiagramLoader stage={s} placeholder={<DiagramPlaceholder stage={s} />} />;
}
