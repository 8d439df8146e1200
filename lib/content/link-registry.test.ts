import { describe, expect, it } from 'vitest';
import {
  checkRegistry,
  recordPublished,
  redirectsFrom,
  resolveTarget,
  snapshot,
  updateRegistry,
  type LinkRegistry,
} from './link-registry';

const current = snapshot(
  [
    { path: '/a/', anchors: ['intro', 'renamed-heading', 'q1'] },
    { path: '/b/', anchors: ['top'] },
  ],
  { sharding: ['seed', 'players'] },
);

const registered: LinkRegistry = {
  pages: { '/a/': ['intro', 'old-heading', 'q1'], '/b/': ['top'] },
  redirects: {},
  widgets: { sharding: ['players', 'seed'] },
};

describe('the link registry', () => {
  it('passes when every registered target exists', () => {
    const { registry } = updateRegistry({ pages: {}, redirects: {}, widgets: {} }, current);
    expect(checkRegistry(registry, current)).toEqual([]);
  });

  it('fails when an anchor disappears without a redirect', () => {
    expect(checkRegistry(registered, current)).toEqual([
      { target: '/a/#old-heading', message: 'the anchor is gone and has no redirect' },
    ]);
  });

  it('fails when a page, a widget parameter or a redirect target disappears', () => {
    const broken: LinkRegistry = {
      pages: { ...registered.pages, '/gone/': ['x'] },
      redirects: { '/a/#old-heading': '/a/#nowhere' },
      widgets: { sharding: ['players', 'seed', 'shards'], pagination: ['page'] },
    };
    expect(checkRegistry(broken, current).map((p) => p.target)).toEqual([
      '/a/#old-heading',
      '/gone/',
      '/a/#old-heading',
      'widget sharding ?shards=',
      'widget pagination',
    ]);
  });

  it('redirects a heading renamed in place, and keeps the redirect forever', () => {
    const { registry, added, problems } = updateRegistry(registered, current);
    expect(added).toEqual({ '/a/#old-heading': '/a/#renamed-heading' });
    expect(problems).toEqual([]);
    expect(registry.pages['/a/']).toEqual(['intro', 'renamed-heading', 'q1']);
    // Renamed again later: the chain still lands on the newest name.
    const later = snapshot(
      [
        { path: '/a/', anchors: ['intro', 'final', 'q1'] },
        { path: '/b/', anchors: ['top'] },
      ],
      {
        sharding: ['seed', 'players'],
      },
    );
    const again = updateRegistry(registry, later);
    expect(again.problems).toEqual([]);
    expect(resolveTarget(again.registry, later, '/a/#old-heading')).toBe('/a/#final');
    expect(redirectsFrom(again.registry, '/a/')).toEqual({
      'old-heading': '/a/#final',
      'renamed-heading': '/a/#final',
    });
  });

  it('refuses to guess when anchors vanish and appear in different numbers', () => {
    const split = snapshot(
      [
        { path: '/a/', anchors: ['intro', 'part-one', 'part-two', 'q1'] },
        { path: '/b/', anchors: ['top'] },
      ],
      { sharding: ['seed', 'players'] },
    );
    const guessed = updateRegistry(registered, split);
    expect(guessed.problems.map((p) => p.target)).toEqual(['/a/#old-heading']);
    // The reader of the failure says where it went; then the check passes.
    const told = updateRegistry(registered, split, { '/a/#old-heading': '/a/#part-one' });
    expect(told.problems).toEqual([]);
    expect(checkRegistry(told.registry, split)).toEqual([]);
  });

  it('can move an anchor to another page', () => {
    const { registry, problems } = updateRegistry(registered, current, {
      '/a/#old-heading': '/b/#top',
    });
    expect(problems).toEqual([]);
    expect(redirectsFrom(registry, '/a/')).toEqual({ 'old-heading': '/b/#top' });
  });

  it('never follows a redirect cycle forever', () => {
    const cycle = { redirects: { '/a/#x': '/a/#y', '/a/#y': '/a/#x' } };
    expect(resolveTarget(cycle, current, '/a/#x')).toBeUndefined();
  });

  it('holds the site to what an older build published, and never guesses where it went', () => {
    const older = snapshot([{ path: '/a/', anchors: ['intro', 'retired', 'q1'] }], {
      sharding: ['seed', 'mode'],
    });
    const merged = recordPublished(registered, older);
    expect(merged.pages['/a/']).toEqual(['intro', 'old-heading', 'q1', 'retired']);
    expect(merged.widgets.sharding).toEqual(['mode', 'players', 'seed']);
    // Two anchors vanished and one appeared: nothing is paired by position.
    const guessed = updateRegistry(merged, current);
    expect(guessed.problems.map((p) => p.target)).toEqual([
      '/a/#old-heading',
      '/a/#retired',
      'widget sharding ?mode=',
    ]);
    const told = updateRegistry(merged, current, {
      '/a/#old-heading': '/a/#renamed-heading',
      '/a/#retired': '/b/#top',
    });
    expect(told.problems.map((p) => p.target)).toEqual(['widget sharding ?mode=']);
  });
});
