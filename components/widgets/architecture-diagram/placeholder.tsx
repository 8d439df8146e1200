import {
  CanvasBox,
  Controls,
  DiagramCard,
  DiagramHeader,
  DrillButtons,
  Legend,
  StatsLine,
} from './frame';
import { StagePicture } from './picture';

/**
 * The diagram before its JavaScript arrives (and without JavaScript, and in print): the same
 * card as the live one, with a static SVG of the stage and inert controls, so nothing moves
 * when the live diagram replaces it. Its stage buttons keep a tap for the live diagram.
 */
export function DiagramPlaceholder({ stage }: { stage: number }) {
  const id = `architecture-${stage}-static`;
  return (
    <DiagramCard
      titleId={`${id}-title`}
      descriptionId={`${id}-description`}
      stage={stage}
      placeholder
    >
      <DiagramHeader stage={stage} titleId={`${id}-title`} />
      <CanvasBox label={`Diagram of stage ${stage}`} focusable>
        <StagePicture stage={stage} idPrefix={id} />
      </CanvasBox>
      <Legend stage={stage} />
      <Controls paused={false} canStepBack={false} speed={1} eventRate={500} idPrefix={id} />
      <StatsLine />
      <DrillButtons stage={stage} idPrefix={id} rebuild="kafka" />
    </DiagramCard>
  );
}
