import { siteControls } from './site-controls';
import { SITE_CONTROL_IDS } from './site-ids';

const script = `(${siteControls.toString()})(${JSON.stringify(SITE_CONTROL_IDS)})`;

/**
 * The one inline script of every page, in <head>: it sets the theme before the first paint
 * and makes the header, copy buttons and navigation drawer work before React hydrates
 * (see site-controls.ts).
 */
export function SiteScript() {
  return <script dangerouslySetInnerHTML={{ __html: script }} />;
}
