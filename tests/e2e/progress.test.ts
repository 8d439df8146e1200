import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, openPage, seriousAxe, basePath } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const PROGRESS_KEY = 'leaderboard-lab:progress';

function stored(page: Page): Promise<Record<string, unknown> | null> {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), PROGRESS_KEY);
}

async function openHome(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl()}/`);
  await page.getByText(/of 6 ready/).waitFor();
  return page;
}

/** The section's "Mark as read" button once the page has hydrated and read the store. */
async function markButton(page: Page) {
  const button = page.getByRole('button', { name: 'Mark as read' });
  await page.waitForFunction(() => {
    const b = [...document.querySelectorAll('button')].find(
      (x) => x.textContent === 'Mark as read',
    );
    return b && !b.disabled;
  });
  return button;
}

describe('two tabs never overwrite each other (issue 16, reader defect 2)', () => {
  it('keeps prerequisites ticked in both tabs, and refreshes the other tab', async () => {
    const context = await browser.newContext();
    const a = await openHome(context);
    const b = await openHome(context);
    for (const name of [/Data structures/, /Complexity/, /Databases/])
      await a.getByRole('checkbox', { name }).check();
    await a.getByText('3 of 6 ready').waitFor();
    await b.getByRole('checkbox', { name: /Message queues/ }).check();
    // B shows A's ticks without a reload, and A shows B's.
    await b.getByText('4 of 6 ready').waitFor();
    await a.getByText('4 of 6 ready').waitFor();
    await a.reload();
    await a.getByText('4 of 6 ready').waitFor();
    for (const name of [/Data structures/, /Complexity/, /Databases/, /Message queues/])
      expect(await a.getByRole('checkbox', { name }).isChecked()).toBe(true);
    await context.close();
  });

  it('keeps a round finished in one tab when an older tab acts', async () => {
    const context = await browser.newContext();
    const older = await context.newPage();
    await older.goto(`${baseUrl()}/mock-interviews/speed-round/`);
    await older.getByRole('button', { name: /Start a round/ }).waitFor();
    const newer = await context.newPage();
    await newer.goto(`${baseUrl()}/mock-interviews/speed-round/`);
    const drill = newer.locator('section.speed-round-drill');
    await drill.getByRole('button', { name: /Start a round/ }).click();
    while ((await drill.getByTestId('drill-question').count()) > 0) {
      await drill.getByRole('button', { name: /Reveal answer/ }).click();
      await drill.getByRole('button', { name: /Got it/ }).click();
    }
    await drill.getByTestId('drill-score').waitFor();
    // The older tab, opened before the round, now shows it finished too...
    await older.getByTestId('drill-score').waitFor();
    // ...and a change made there builds on it instead of replacing it.
    await older.goto(`${baseUrl()}/`);
    await older.getByRole('checkbox', { name: /Data structures/ }).check();
    const doc = await stored(older);
    expect(
      (doc?.speedRound as { state: { round: number; current: { queue: string[] } } }).state,
    ).toMatchObject({ round: 1, current: { queue: [] } });
    await newer.reload();
    await newer.locator('section.speed-round-drill').getByTestId('drill-score').waitFor();
    await context.close();
  });

  it('keeps console history typed in both tabs', async () => {
    const context = await browser.newContext();
    const a = await openConsole(context);
    const b = await openConsole(context);
    await runLine(a, 'ZADD tab-a 1 x');
    await runLine(b, 'ZADD tab-b 2 y');
    await runLine(a, 'ZCARD tab-a');
    const fresh = await openConsole(context);
    const lines = ((await stored(fresh))?.consoleHistory as { line: string }[]).map((l) => l.line);
    expect(lines).toEqual(['ZADD tab-a 1 x', 'ZADD tab-b 2 y', 'ZCARD tab-a']);
    // The arrow keys recall them in order in a new tab.
    const input = fresh
      .locator('section.redis-console')
      .getByRole('textbox', { name: 'Redis command' });
    await input.press('ArrowUp');
    await input.press('ArrowUp');
    expect(await input.inputValue()).toBe('ZADD tab-b 2 y');
    await context.close();
  });
});

/** A tab on the sorted-sets page with its console loaded and ready. */
async function openConsole(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl()}/leaderboard-design/sorted-sets/`);
  await page.locator('[data-widget="redis-console"]').first().scrollIntoViewIfNeeded();
  await page.locator('section.redis-console').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => {
    const field = document.querySelector<HTMLInputElement>('section.redis-console input');
    return field !== null && !field.disabled;
  });
  return page;
}

/** Runs one console line and waits for its reply. */
async function runLine(page: Page, line: string): Promise<void> {
  const box = page.locator('section.redis-console');
  const before = await box.locator('[role="log"] pre').count();
  const input = box.getByRole('textbox', { name: 'Redis command' });
  await input.fill(line);
  await input.press('Enter');
  await page.waitForFunction(
    (n) => document.querySelectorAll('section.redis-console [role="log"] pre').length >= n + 2,
    before,
  );
}

describe('progress', () => {
  it('marks sections read, ticks the sidebar, and shows them on /progress/', async () => {
    const context = await browser.newContext();
    const { page, problems } = await openPage(context);
    await page.goto(`${baseUrl()}/interview-skills/scoping/`);
    const button = await markButton(page);
    await button.click();
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    // The sidebar ticks the section, on this page and the next.
    // Progress keys are root-relative; the links carry the base path of a sub-path build.
    const scoping = `#site-nav a.nav-link[href="${basePath()}/interview-skills/scoping/"]`;
    const link = page.locator(scoping);
    await page.waitForFunction(
      (selector) => document.querySelector(selector)?.hasAttribute('data-read'),
      scoping,
    );
    expect(
      await link.evaluate((a) => getComputedStyle(a.firstElementChild!, '::before').content),
    ).toContain('✓');
    await page.goto(`${baseUrl()}/interview-skills/trade-offs/`);
    await page.waitForFunction(
      (selector) => document.querySelector(selector)?.hasAttribute('data-read'),
      scoping,
    );
    expect(
      await page
        .locator(`#site-nav a.nav-link[href="${basePath()}/interview-skills/trade-offs/"]`)
        .getAttribute('data-read'),
    ).toBeNull();

    // Opening a self-check answer is recorded.
    await page.goto(`${baseUrl()}/interview-skills/self-check/`);
    await markButton(page);
    const first = page.locator('details.self-check').first();
    const id = await first.getAttribute('id');
    await first.locator('summary').click();
    await page.waitForFunction(
      ([key, qid]) =>
        JSON.parse(localStorage.getItem(key!) ?? '{}').selfChecks?.[
          `/interview-skills/self-check/#${qid}`
        ]?.on === true,
      [PROGRESS_KEY, id],
    );

    await page.goto(`${baseUrl()}/progress/`);
    await page.getByTestId('sections-read').filter({ hasText: /^1/ }).waitFor();
    const paths = page.getByTestId('path-interview');
    await expect(paths.textContent()).resolves.toMatch(/1 of \d+/);
    // Where the reader left off: the section after the last one read.
    expect(await page.getByTestId('read-next').textContent()).toBe('Presenting trade-offs');
    expect(await page.getByText(/1\/\d+ self-checks/).count()).toBe(1);
    // Unmarking from the progress page.
    await page.getByRole('checkbox', { name: 'Scoping complexity: read' }).uncheck();
    await page.getByTestId('sections-read').filter({ hasText: /^0/ }).waitFor();
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.failedRequests).toEqual([]);
    await context.close();
  });

  it('counts a section read once its end is reached after a while on the page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(`${baseUrl()}/interview-skills/pushing-back/`);
    await markButton(page);
    await page.getByRole('button', { name: 'Mark as read' }).scrollIntoViewIfNeeded();
    await page.clock.runFor(4_000);
    expect((await stored(page))?.sections ?? {}).toEqual({});
    await page.clock.runFor(7_000);
    await page.waitForFunction(
      (key) =>
        JSON.parse(localStorage.getItem(key) ?? '{}').sections?.['/interview-skills/pushing-back/']
          ?.how === 'end',
      PROGRESS_KEY,
    );
    expect(
      await page.getByRole('button', { name: 'Mark as read' }).getAttribute('aria-pressed'),
    ).toBe('true');
    await context.close();
  });

  it('migrates what an older version of the site stored', async () => {
    const context = await browser.newContext();
    const fixture = JSON.parse(await readFile('lib/progress/fixtures/legacy-storage.json', 'utf8'));
    delete fixture['//'];
    await context.addInitScript((values: Record<string, string>) => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      for (const [k, v] of Object.entries(values)) localStorage.setItem(k, v);
    }, fixture);
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/`);
    await page.getByText('3 of 6 ready').waitFor();
    const doc = await stored(page);
    expect((doc?.consoleHistory as unknown[]).length).toBe(5);
    expect(
      await page.evaluate(() => localStorage.getItem('leaderboard-lab:prerequisites:v1')),
    ).toBeNull();
    expect(await page.evaluate(() => localStorage.getItem('theme'))).toBe('dark');
    await context.close();
  });

  it('exports to a file, refuses a corrupt file without changing anything, forgets and imports', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const { page, problems } = await openPage(context);
    await page.goto(`${baseUrl()}/leaderboard-design/sharding/`);
    await (await markButton(page)).click();
    await page.goto(`${baseUrl()}/progress/`);
    await page.getByTestId('sections-read').filter({ hasText: /^1/ }).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export to a file' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^leaderboard-lab-progress-\d{4}-\d\d-\d\d\.json$/,
    );
    const exported = await readFile((await download.path())!, 'utf8');
    expect(JSON.parse(exported).progress.sections['/leaderboard-design/sharding/'].on).toBe(true);

    const before = await page.evaluate((key) => localStorage.getItem(key), PROGRESS_KEY);
    const input = page.getByTestId('import-input');
    await input.setInputFiles({
      name: 'cut-short.json',
      mimeType: 'application/json',
      buffer: Buffer.from(exported.slice(0, exported.length / 2)),
    });
    await page.getByTestId('data-message').filter({ hasText: 'not valid JSON' }).waitFor();
    expect(await page.getByTestId('data-message').textContent()).toMatch(
      /cut-short\.json was not imported: .*Nothing was changed\./,
    );
    await input.setInputFiles({
      name: 'other.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"hello":"world"}'),
    });
    await page
      .getByTestId('data-message')
      .filter({ hasText: 'not a Leaderboard Lab progress file' })
      .waitFor();
    expect(await page.evaluate((key) => localStorage.getItem(key), PROGRESS_KEY)).toBe(before);

    await page.getByRole('button', { name: 'Forget everything…' }).click();
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.evaluate((key) => localStorage.getItem(key), PROGRESS_KEY)).toBe(before);
    await page.getByRole('button', { name: 'Forget everything…' }).click();
    await page.getByRole('button', { name: 'Yes, forget everything' }).click();
    await page.getByTestId('sections-read').filter({ hasText: /^0/ }).waitFor();

    await input.setInputFiles({
      name: 'mine.json',
      mimeType: 'application/json',
      buffer: Buffer.from(exported),
    });
    await page.getByTestId('data-message').filter({ hasText: 'Imported mine.json' }).waitFor();
    await page.getByTestId('sections-read').filter({ hasText: /^1/ }).waitFor();
    await page.reload();
    await page.getByTestId('sections-read').filter({ hasText: /^1/ }).waitFor();
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  });

  it('has no serious axe findings on /progress/ in either theme, empty', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ colorScheme: scheme });
      const page = await context.newPage();
      await page.goto(`${baseUrl()}/progress/`);
      await page.locator('[data-testid="progress-dashboard"][aria-busy="false"]').waitFor();
      await page.getByRole('button', { name: 'Forget everything…' }).click();
      expect(await seriousAxe(page), scheme).toEqual([]);
      await context.close();
    }
  });

  it('has no serious axe findings on /progress/ in either theme, with progress', async () => {
    // A reader some way in: sections read (one by reaching its end), prerequisites, two
    // speed rounds (the fixture's drill state), console history and a practice interview.
    const fixture = JSON.parse(await readFile('lib/progress/fixtures/legacy-storage.json', 'utf8'));
    const at = Date.now() - 3_600_000;
    const doc = {
      version: 1,
      clearedAt: 0,
      sections: {
        '/interview-skills/': { on: true, at, how: 'marked' },
        '/interview-skills/scoping/': { on: true, at, how: 'end' },
        '/leaderboard-design/sorted-sets/': { on: true, at, how: 'marked' },
      },
      selfChecks: {},
      prerequisites: { 'data-structures': { on: true, at }, complexity: { on: true, at } },
      speedRound: { at, state: JSON.parse(fixture['leaderboard-lab:speed-round:v1']) },
      consoleHistory: [{ line: 'ZADD leaderboard 3200 alice', at }],
      practiceAttempts: {
        'attempt-1': {
          at,
          summary: {
            id: 'attempt-1',
            finishedAt: at,
            variant: 'global',
            title: 'A global leaderboard for 100M players',
            timeUsedMs: 2_580_000,
            checksPassed: 5,
            checksTotal: 7,
            rubricScore: 14,
            rubricMax: 20,
          },
        },
      },
    };
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ colorScheme: scheme });
      await context.addInitScript(
        ([key, value]) => {
          if (!localStorage.getItem(key!)) localStorage.setItem(key!, value!);
        },
        [PROGRESS_KEY, JSON.stringify(doc)],
      );
      const { page, problems } = await openPage(context);
      await page.goto(`${baseUrl()}/progress/`);
      await page.locator('[data-testid="progress-dashboard"][aria-busy="false"]').waitFor();
      // The seeded progress is what the page shows, not the empty state.
      await page.getByTestId('sections-read').filter({ hasText: /^3/ }).waitFor();
      expect(await page.getByTestId('speed-round-summary').textContent()).toMatch(/^2 rounds/);
      await page.getByText('A global leaderboard for 100M players').waitFor();
      expect(await seriousAxe(page), scheme).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);
      await context.close();
    }
  });
});
