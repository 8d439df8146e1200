import { embedControls, type EmbedConfig } from './embed-controls';

/** The embed page's inline script (see embed-controls.ts), first in its <body>. */
export function EmbedScript({ config }: { config: EmbedConfig }) {
  const script = `(${embedControls.toString()})(${JSON.stringify(config)})`;
  return <script dangerouslySetInnerHTML={{ __html: script }} />;
}
