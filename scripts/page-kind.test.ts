import { describe, expect, it } from 'vitest';
import { isWidgetPage, performanceTarget } from './page-kind';

const siteScript = '<script>document.querySelector(`[data-widget="${widget}"]`)</script>';

describe('page kinds', () => {
  it('holds a Leaderboard Design section with a widget to the widget bar', () => {
    const html = `<main><section data-widget="redis-console" data-placeholder=""></section></main>${siteScript}`;
    expect(isWidgetPage('/leaderboard-design/sorted-sets/', html)).toBe(true);
    expect(performanceTarget('/leaderboard-design/sorted-sets/', html)).toBe(95);
  });

  it('does not count the site script that mentions data-widget in a template', () => {
    const html = `<main><p>Prose.</p></main>${siteScript}`;
    expect(isWidgetPage('/leaderboard-design/estimates/', html)).toBe(false);
    expect(performanceTarget('/interview-skills/', `<section data-widget="practice-timer">`)).toBe(
      98,
    );
  });

  it('holds the practice room, an app page, to the widget bar', () => {
    expect(performanceTarget('/practice/', `<main>${siteScript}</main>`)).toBe(95);
    expect(performanceTarget('/instructors/', `<main>${siteScript}</main>`)).toBe(98);
  });
});
