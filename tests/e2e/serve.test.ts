import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';

/**
 * Starting the site as the README says (`npm start`, `npm run serve`, PORT, HOST): the real
 * scripts/serve.ts in a child process. `npm run build` is replaced by a stand-in on PATH that
 * only records that it ran, so a test can see whether a build would have started, and never
 * rebuilds out/ under the other tests.
 */

let browser: Browser;
let fakeBin = '';
let buildLog = '';
beforeAll(async () => {
  browser = await launchBrowser();
  fakeBin = await mkdtemp(path.join(tmpdir(), 'serve-test-'));
  buildLog = path.join(fakeBin, 'npm-calls.txt');
  await writeFile(path.join(fakeBin, 'npm'), `#!/bin/sh\necho "$@" >> "${buildLog}"\nexit 0\n`);
  await chmod(path.join(fakeBin, 'npm'), 0o755);
});
afterAll(async () => {
  await browser?.close();
  await rm(fakeBin, { recursive: true, force: true });
});

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Runs scripts/serve.ts with `args` and `env` (PORT, HOST), one process, no shell. */
function serve(args: string[], env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', ...args], {
    env: { ...process.env, PATH: `${fakeBin}:${process.env.PATH}`, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, output: () => output, exited };
}

async function waitForOutput(started: Started, pattern: RegExp, ms = 20_000) {
  const deadline = Date.now() + ms;
  while (!pattern.test(started.output())) {
    if (Date.now() > deadline || started.child.exitCode !== null) {
      throw new Error(`no ${pattern} in:\n${started.output()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A free port on loopback. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const calls = () => readFile(buildLog, 'utf8').catch(() => '');

describe('starting the site', () => {
  it('a busy port stops `npm start` before the build, with what to do', async () => {
    const busy = net.createServer();
    const port = await new Promise<number>((resolve) =>
      busy.listen(0, '127.0.0.1', () => resolve((busy.address() as net.AddressInfo).port)),
    );
    try {
      const started = serve(['--build'], { PORT: String(port) });
      const code = await started.exited;
      expect(code).toBe(1);
      expect(started.output()).toContain(`Port ${port} is already in use`);
      expect(started.output()).toMatch(/PORT=\d+ npm start/);
      expect(started.output()).not.toMatch(/EADDRINUSE|\n\s+at /);
      expect(await calls()).toBe('');
    } finally {
      busy.close();
    }
  });

  it('builds, then serves on PORT, on loopback only unless HOST says otherwise', async () => {
    const port = await freePort();
    const started = serve(['--build'], { PORT: String(port) });
    try {
      await waitForOutput(started, /served at/);
      expect(await calls()).toContain('run build');
      expect(started.output()).toContain(`http://localhost:${port}/`);
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${port}/interview-skills/`);
      expect(await page.locator('h1').textContent()).toBeTruthy();
      await page.close();
      // Another interface of this machine, if it has one, gets no answer.
      const external = Object.values(networkInterfaces())
        .flat()
        .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
      if (external) {
        const reached = await new Promise<boolean>((resolve) => {
          const socket = net.connect(port, external, () => {
            socket.destroy();
            resolve(true);
          });
          socket.once('error', () => resolve(false));
        });
        expect(reached, `${external}:${port} answered`).toBe(false);
      }
    } finally {
      started.child.kill();
      await started.exited;
    }
  });

  it('`npm run serve` serves the last build without building', async () => {
    const before = await calls();
    const port = await freePort();
    const started = serve([], { PORT: String(port), HOST: '0.0.0.0' });
    try {
      await waitForOutput(started, /served at/);
      expect(await calls()).toBe(before);
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${port}/`);
      expect(await page.title()).toContain('Leaderboard Lab');
      await page.close();
    } finally {
      started.child.kill();
      await started.exited;
    }
  });

  it('the README says how to pick the port and interface, serve the last build, set the URL', async () => {
    const readme = await readFile('README.md', 'utf8');
    for (const phrase of ['PORT=', 'HOST=', 'npm run serve', 'NEXT_PUBLIC_SITE_URL']) {
      expect(readme).toContain(phrase);
    }
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm test');
    // What `npm start` runs: this script, building only after the port check.
    const { scripts } = JSON.parse(await readFile('package.json', 'utf8'));
    expect(scripts.start).toBe('tsx scripts/serve.ts --build');
    expect(scripts.serve).toBe('tsx scripts/serve.ts');
  });
});
