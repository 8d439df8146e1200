import { widgetEntry } from './manifest';
import { WidgetPlaceholder } from './widget-placeholder';

/**
 * Placeholders of the practice widgets, which load right after the page (they hold no
 * worker): a quiet box of the final size until then.
 */
export function PracticeTimerPlaceholder() {
  return (
    <WidgetPlaceholder
      name="practice-timer"
      label="45-minute practice timer"
      className={widgetEntry('PracticeTimer').height}
    />
  );
}

export function SpeedRoundPlaceholder() {
  return (
    <WidgetPlaceholder
      name="speed-round-drill"
      label="Speed-round drill"
      className={widgetEntry('SpeedRoundDrill').height}
    />
  );
}
