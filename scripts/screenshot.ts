// Screenshots of the built site, for looking at pages the way a reader does:
//   npm run shots -- /interview-skills/ /ai-prep/prompts/ [--full] [--out DIR]
// Each path at 1440 px and 390 px wide, light and dark, into DIR (default /tmp/shots, or
// SHOTS_DIR). Serves out/ itself.
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium';
import { startStaticServer } from './static-server';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    full: { type: 'boolean', default: false },
    out: { type: 'string', default: process.env.SHOTS_DIR ?? '/tmp/shots' },
  },
});
mkdirSync(values.out, { recursive: true });
const server = await startStaticServer();
const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...chromiumArgs] });
try {
  for (const path of positionals.length ? positionals : ['/']) {
    for (const [name, width, height] of [
      ['desktop', 1440, 900],
      ['phone', 390, 844],
    ] as const) {
      for (const scheme of ['light', 'dark'] as const) {
        const context = await browser.newContext({
          viewport: { width, height },
          colorScheme: scheme,
          deviceScaleFactor: 1,
        });
        const page = await context.newPage();
        await page.goto(server.url + path, { waitUntil: 'networkidle' });
        await page.waitForTimeout(300);
        const file = `${values.out}/${path.replace(/[^a-z0-9]+/gi, '_') || 'home'}-${name}-${scheme}.png`;
        await page.screenshot({ path: file, fullPage: values.full });
        console.log(file);
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
