// Screenshots of the built site, for looking at pages the way a reader does:
//   node scripts/screenshot.mjs /interview-skills/ /ai-prep/prompts/   → shots/*.png
// Each path at 1440 px and 390 px wide, light and dark. Serves out/ itself.
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium.mjs';
import { startStaticServer } from './static-server.mjs';

const paths = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const full = process.argv.includes('--full');
const outDir = process.env.SHOTS_DIR ?? '/tmp/shots';
mkdirSync(outDir, { recursive: true });
const server = await startStaticServer();
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: chromiumArgs,
});
for (const path of paths.length ? paths : ['/']) {
  for (const [name, width, height] of [
    ['desktop', 1440, 900],
    ['phone', 390, 844],
  ]) {
    for (const scheme of ['light', 'dark']) {
      const context = await browser.newContext({
        viewport: { width, height },
        colorScheme: scheme,
        deviceScaleFactor: 1,
      });
      const page = await context.newPage();
      await page.goto(server.url + path, { waitUntil: 'networkidle' });
      await page.waitForTimeout(300);
      const file = `${outDir}/${path.replace(/[^a-z0-9]+/gi, '_') || 'home'}-${name}-${scheme}.png`;
      await page.screenshot({ path: file, fullPage: full });
      console.log(file);
      await context.close();
    }
  }
}
await browser.close();
await server.close();
