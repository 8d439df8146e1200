import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkRegistry, type LinkRegistry } from '@/lib/content/link-registry';
import { LINK_REGISTRY_FILE, currentLinkTargets } from './link-targets';

describe('published link targets', () => {
  const registry = JSON.parse(readFileSync(LINK_REGISTRY_FILE, 'utf8')) as LinkRegistry;
  const { pages, snapshot } = currentLinkTargets();

  it('keeps every registered anchor, self-check id and widget parameter reachable', () => {
    // On failure: restore the target, or record a redirect with `npm run links:update`.
    expect(checkRegistry(registry, snapshot)).toEqual([]);
  });

  it('gives every anchor on a page its own id (headings and self-checks never clash)', () => {
    for (const page of pages) {
      const seen = new Set<string>();
      const clashes = page.anchors.filter((a) => seen.has(a) || !seen.add(a));
      expect(clashes, page.path).toEqual([]);
    }
  });
});
