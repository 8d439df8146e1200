// The Chromium every script and browser test drives: where to find it and how to start it.
// One place, so Lighthouse, the screenshots, the benchmarks and the tests run the same
// browser with the same flags.
import { existsSync } from 'node:fs';

/**
 * CHROMIUM_PATH (or CHROME_PATH, the name chrome-launcher reads), else Debian's
 * /usr/bin/chromium, else /usr/bin/chromium-browser; undefined when none exists (Playwright
 * then tries its own download, which this project cannot fetch but a developer may have).
 */
export function chromiumPath(): string | undefined {
  const candidates = [
    process.env.CHROMIUM_PATH,
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
  ];
  return candidates.find((p): p is string => Boolean(p && existsSync(p)));
}

// Without the background-networking flags Chromium's own connection attempts fail noisily
// on a closed network.
export const chromiumArgs: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The flags for chrome-launcher (Lighthouse), which starts the browser itself. */
export const lighthouseChromeFlags: string[] = ['--headless=new', ...chromiumArgs];
