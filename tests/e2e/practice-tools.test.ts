import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { speedRoundCards } from '@/content/mock-interviews/speed-round-cards';
import { basePath, baseUrl, launchBrowser, openPage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const DRILL_PAGE = '/mock-interviews/speed-round/';

async function seriousAxeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The drill once its lazy code has loaded and read localStorage. */
async function openDrill(page: Page): Promise<Locator> {
  await page.goto(baseUrl() + DRILL_PAGE);
  const drill = page.locator('section.speed-round-drill');
  await drill
    .getByRole('button', { name: /Start|Reveal|Got it/ })
    .first()
    .waitFor();
  return drill;
}

function question(drill: Locator) {
  return drill.getByTestId('drill-question').textContent();
}

describe('speed-round drill', () => {
  it('reveals, grades, scores, reschedules and persists across a reload', async () => {
    const context = await browser.newContext();
    const { page, problems } = await openPage(context);
    const drill = await openDrill(page);
    const cards = speedRoundCards;
    await expect(drill.getByTestId('drill-preview').textContent()).resolves.toContain(
      '10 cards (0 due, 10 new)',
    );

    await drill.getByRole('button', { name: /Start a round/ }).click();
    expect(await question(drill)).toBe(cards[0]?.question);
    expect(await drill.getByTestId('drill-answer').count()).toBe(0);
    // The countdown runs while the question is open.
    await page.waitForFunction(
      () =>
        !/1:00/.test(document.querySelector('[data-testid="drill-countdown"]')?.textContent ?? ''),
    );

    // Focus follows the card, so the documented keys work without reaching for the mouse.
    await page.keyboard.press('Space');
    expect(await drill.getByTestId('drill-answer').textContent()).toBe(cards[0]?.answer);
    await page.keyboard.press('3');

    // Three other cards, by mouse, then the missed card comes back.
    for (let i = 1; i <= 3; i++) {
      expect(await question(drill)).toBe(cards[i]?.question);
      await drill.getByRole('button', { name: /Reveal answer/ }).click();
      await drill.getByRole('button', { name: /Got it/ }).click();
    }
    expect(await question(drill)).toBe(cards[0]?.question);
    await expect(drill.textContent()).resolves.toContain('card 5 of 11 · again');

    // A reload in the middle of a round resumes on the same card.
    await page.reload();
    const resumed = await openDrill(page);
    expect(await question(resumed)).toBe(cards[0]?.question);
    await resumed.getByRole('button', { name: /Reveal answer/ }).click();
    await page.keyboard.press('1');
    // Shaky on the next card, got it on the rest.
    await page.keyboard.press('Space');
    await page.keyboard.press('2');
    while ((await resumed.getByTestId('drill-question').count()) > 0) {
      await page.keyboard.press('Space');
      await page.keyboard.press('1');
    }
    const score = resumed.getByTestId('drill-score');
    await expect(score.textContent()).resolves.toMatch(
      /8 of 10 got it.*1 shaky · 1 missed · 1 asked again/,
    );

    // The schedule lives in the reader's progress store (issue 15), as the drill's state.
    const stored = await page.evaluate(
      () => JSON.parse(localStorage.getItem('leaderboard-lab:progress') ?? 'null').speedRound.state,
    );
    expect(stored.round).toBe(1);
    expect(stored.progress[cards[0]!.id]).toEqual({ box: 1, due: 2 });
    expect(stored.progress[cards[4]!.id]).toEqual({ box: 1, due: 2 });
    expect(stored.progress[cards[1]!.id]).toEqual({ box: 2, due: 3 });

    // The finished round survives a reload, and the missed and shaky cards lead the next.
    await page.reload();
    const after = await openDrill(page);
    await expect(after.getByTestId('drill-score').textContent()).resolves.toContain(
      '8 of 10 got it',
    );
    await expect(after.getByTestId('drill-preview').textContent()).resolves.toContain(
      '10 cards (2 due, 8 new)',
    );
    await after.getByRole('button', { name: /Start the next round/ }).click();
    expect(await question(after)).toBe(cards[0]?.question);
    await after.getByRole('button', { name: /Reveal answer/ }).click();
    await after.getByRole('button', { name: /Got it/ }).click();
    expect(await question(after)).toBe(cards[4]?.question);

    // Reset asks for a second click, then every card is new again.
    await after.getByRole('button', { name: 'Reset progress' }).click();
    await after.getByRole('button', { name: 'Confirm reset' }).click();
    await expect(after.getByTestId('drill-preview').textContent()).resolves.toContain('10 new');
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.failedRequests).toEqual([]);
    await context.close();
  });

  it('announces once, politely, when a question runs out of time', async () => {
    const context = await browser.newContext();
    const { page, problems } = await openPage(context);
    await page.clock.install();
    const drill = await openDrill(page);
    await drill.getByRole('button', { name: /Start a round/ }).click();
    const status = drill.locator('[role="status"][aria-live="polite"]');
    expect(await status.textContent()).toBe('');
    await page.clock.runFor(61_000);
    await expect(drill.getByTestId('drill-countdown').textContent()).resolves.toContain('0:00');
    await expect(status.textContent()).resolves.toMatch(/Time is up/);
    // The answer stays hidden: running out of time does not act for the reader.
    expect(await drill.getByTestId('drill-answer').count()).toBe(0);
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  });

  it('names the section that argues the answer once it is revealed, and the link lands there', async () => {
    const context = await browser.newContext();
    const { page, problems } = await openPage(context);
    const drill = await openDrill(page);
    const card = speedRoundCards[0]!;
    const link = card.link!;
    await drill.getByRole('button', { name: /Start a round/ }).click();
    // Before the reveal the link would give the answer away.
    expect(await drill.getByTestId('card-link').count()).toBe(0);
    await drill.getByRole('button', { name: /Reveal answer/ }).click();
    const read = drill.getByRole('link', { name: `Read: ${link.title}` });
    expect(await read.getAttribute('href')).toBe(basePath() + link.href);
    await read.click();
    const [pathname, anchor] = link.href.split('#') as [string, string];
    await page.waitForURL(
      (url) => url.pathname === basePath() + pathname && url.hash === `#${anchor}`,
    );
    await page.locator(`[id="${anchor}"]`).waitFor();
    // Back on the drill, the round and the revealed card are still there.
    await page.goBack();
    const again = await openDrill(page);
    expect(await question(again)).toBe(card.question);
    expect(await again.getByTestId('card-link').textContent()).toContain(link.title);
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  });

  it('exports the deck for Anki: headers, then one line per card', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const { page, problems } = await openPage(context);
    const drill = await openDrill(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      drill.getByRole('button', { name: 'Export for Anki' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('leaderboard-lab-speed-round.txt');
    const text = await readFile(await download.path(), 'utf8');
    const lines = text.split('\n');
    expect(lines.at(-1)).toBe('');
    const header = lines.filter((l) => l.startsWith('#'));
    expect(header).toContain('#separator:tab');
    expect(header).toContain('#tags column:3');
    const body = lines.filter((l) => l !== '' && !l.startsWith('#'));
    expect(body).toHaveLength(speedRoundCards.length);
    // The back ends with the section that argues the answer, as an absolute URL on this site.
    body.forEach((line, i) => {
      const card = speedRoundCards[i]!;
      const read = card.link ? ` Read: ${card.link.title} ${baseUrl()}${card.link.href}` : '';
      expect(line.split('\t')).toEqual([card.question, card.answer + read, card.tags.join(' ')]);
    });
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no serious axe violation while asking, revealed and finished (${scheme})`, async () => {
      const context = await browser.newContext({ colorScheme: scheme });
      const { page, problems } = await openPage(context);
      const drill = await openDrill(page);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await drill.getByRole('button', { name: /Start a round/ }).click();
      await page.keyboard.press('Space');
      expect(await seriousAxeViolations(page)).toEqual([]);
      for (let i = 0; i < 12 && (await drill.getByTestId('drill-question').count()) > 0; i++) {
        await page.keyboard.press('Space');
        await page.keyboard.press(i === 0 ? '3' : '1');
      }
      await drill.getByTestId('drill-score').waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);
      await context.close();
    });
  }

  it('keeps the same size through every state, so the page never jumps', async () => {
    const viewport = { width: 360, height: 800 };
    // Without script the page shows the placeholder the static HTML carries.
    const still = await browser.newContext({ viewport, javaScriptEnabled: false });
    const stillPage = await still.newPage();
    await stillPage.goto(baseUrl() + DRILL_PAGE);
    const placeholder = stillPage.locator('[data-widget="speed-round-drill"]');
    const heights = [(await placeholder.boundingBox())?.height];
    await still.close();

    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const drill = await openDrill(page);
    heights.push((await drill.boundingBox())?.height);
    await drill.getByRole('button', { name: /Start a round/ }).click();
    heights.push((await drill.boundingBox())?.height);
    await page.keyboard.press('Space');
    heights.push((await drill.boundingBox())?.height);
    expect(new Set(heights).size).toBe(1);

    // The card with the longest model answer fits its panel without scrolling.
    const longest = [...speedRoundCards].sort((a, b) => b.answer.length - a.answer.length)[0]!;
    await page.evaluate((id) => {
      const now = Date.now();
      const current = { queue: [id], shownAt: now, revealedAt: now, graded: [], tag: null };
      const doc = JSON.parse(localStorage.getItem('leaderboard-lab:progress') ?? '{"version":1}');
      doc.speedRound = { at: now + 1000, state: { version: 1, round: 1, progress: {}, current } };
      localStorage.setItem('leaderboard-lab:progress', JSON.stringify(doc));
    }, longest.id);
    await page.reload();
    await drill.getByTestId('drill-answer').waitFor();
    expect(await drill.getByTestId('drill-answer').textContent()).toBe(longest.answer);
    const [scrollHeight, clientHeight] = await drill
      .getByTestId('drill-panel')
      .evaluate((panel) => [panel.scrollHeight, panel.clientHeight]);
    expect(scrollHeight).toBeLessThanOrEqual(clientHeight!);
    await context.close();
  });
});

describe('prompt templates', () => {
  it('every copy button copies its prompt exactly as written in the chapter', async () => {
    const context = await browser.newContext({
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const { page, problems } = await openPage(context);
    await page.goto(`${baseUrl()}/ai-prep/prompts/`);
    await page.waitForSelector('html[data-copy-ready]', { state: 'attached' });
    const source = await readFile('content/ai-prep/prompts.mdx', 'utf8');
    const written = [...source.matchAll(/<Prompt title="[^"]*">\s*```text\n([\s\S]*?)\n```/g)].map(
      (m) => m[1],
    );
    expect(written.length).toBeGreaterThanOrEqual(6);

    const prompts = page.locator('section.prompt');
    expect(await prompts.count()).toBe(written.length);
    // Exactly one visible copy button per block: a prompt's title bar, or a code block's corner.
    // Buttons are found through their block, not by name: a clicked button is renamed
    // "Copied" for two seconds, which would shift a name-based index.
    // A prompt's inner code block hides its own button, so only scopes with a visible one count.
    const scopes = page
      .locator('[data-copy-scope]')
      .filter({ has: page.getByRole('button', { name: /^Copy( prompt)?$/ }) });
    const count = await scopes.count();
    expect(count).toBe(await page.locator('main pre').count());
    // Pin each block now: a filter by button name would move once a button says "Copied".
    await scopes.evaluateAll((els) =>
      els.forEach((el, i) => el.setAttribute('data-test-block', String(i))),
    );
    for (let i = 0; i < count; i++) {
      const scope = page.locator(`[data-test-block="${i}"]`);
      const buttons = scope.getByRole('button', { name: /^Copy( prompt)?$/ });
      expect(await buttons.count()).toBe(1);
      const expected = await scope.evaluate((s) => s.querySelector('pre')?.textContent);
      await scope.scrollIntoViewIfNeeded();
      await scope.hover();
      await buttons.click();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
      await scope.getByRole('button', { name: 'Copied' }).waitFor();
      await page.getByText('Copied to the clipboard').waitFor({ state: 'attached' });
    }
    for (let i = 0; i < written.length; i++) {
      await prompts.nth(i).getByRole('button', { name: 'Copy prompt' }).click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(written[i]);
    }
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  });
});

describe('self-check quizzes', () => {
  for (const path of [
    '/interview-skills/self-check/',
    '/mock-interviews/self-check/',
    '/ai-prep/self-check/',
  ]) {
    it(`${path} reveals answers on click and opens one from the URL hash`, async () => {
      const context = await browser.newContext();
      const { page, problems } = await openPage(context);
      await page.goto(baseUrl() + path);
      const questions = page.locator('details.self-check');
      const count = await questions.count();
      expect(count).toBeGreaterThanOrEqual(5);
      expect(count).toBeLessThanOrEqual(10);
      const ids = await questions.evaluateAll((all) => all.map((d) => d.id));
      expect(new Set(ids).size).toBe(count);

      const first = questions.first();
      expect(await first.evaluate((d: HTMLDetailsElement) => d.open)).toBe(false);
      await first.locator('summary').click();
      expect(await first.evaluate((d: HTMLDetailsElement) => d.open)).toBe(true);
      expect((await first.locator('summary + div').innerText()).length).toBeGreaterThan(40);

      // Keyboard: Enter on a focused summary opens it too.
      const second = questions.nth(1);
      await second.locator('summary').focus();
      await page.keyboard.press('Enter');
      expect(await second.evaluate((d: HTMLDetailsElement) => d.open)).toBe(true);

      // A link to a question opens it on arrival...
      const last = ids.at(-1)!;
      await page.goto(`${baseUrl()}${path}#${last}`);
      await page.waitForFunction(
        (id) => (document.getElementById(id) as HTMLDetailsElement | null)?.open === true,
        last,
      );
      // ...and so does following one on the same page.
      const third = ids[2]!;
      await page.locator(`a[href="#${third}"]`).click();
      await page.waitForFunction(
        (id) => (document.getElementById(id) as HTMLDetailsElement | null)?.open === true,
        third,
      );
      expect(problems.consoleErrors).toEqual([]);
      expect(problems.failedRequests).toEqual([]);
      await context.close();
    });
  }
});
