import { StagePicture } from '@/components/widgets/architecture-diagram/picture';
import { guideLayout } from '@/content/flow-stages';
import { viewBoxOf } from '@/lib/flow';

/** "ShardingPlayground" → "Sharding playground". */
function widgetLabel(name: string): string {
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A widget on paper: its static picture where it has one (the architecture diagrams),
 * and a caption naming it, its settings, and the address of the live version.
 */
export function PrintWidget({
  name,
  props,
  url,
  idPrefix,
}: {
  name: string;
  props: Record<string, unknown>;
  url: string;
  idPrefix: string;
}) {
  const settings = Object.entries(props)
    .filter(([, v]) => ['string', 'number', 'boolean'].includes(typeof v))
    .map(([k, v]) => `${k} ${String(v)}`);
  const stage = name === 'ArchitectureDiagram' ? Number(props.stage ?? 1) : null;
  const [, , width = 1, height = 1] = viewBoxOf(guideLayout).split(' ').map(Number);
  return (
    <figure className="print-widget not-prose my-6 rounded-xl border border-zinc-300 p-4 dark:border-zinc-700">
      {stage !== null ? (
        <div className="relative w-full" style={{ aspectRatio: `${width} / ${height}` }}>
          <StagePicture stage={stage} idPrefix={`${idPrefix}-print`} />
        </div>
      ) : null}
      <figcaption className="text-sm text-zinc-700 dark:text-zinc-300">
        <strong>Interactive: {widgetLabel(name)}</strong>
        {settings.length ? ` (${settings.join(', ')})` : ''}. Use it live at{' '}
        <a href={url} className="break-all text-accent-700 underline dark:text-accent-400">
          {url}
        </a>
        .
      </figcaption>
    </figure>
  );
}
