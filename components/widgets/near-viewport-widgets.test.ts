import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nearViewportWidgets } from './near-viewport-widgets';

const read = (file: string) => readFileSync(path.join(import.meta.dirname, file), 'utf8');

describe('nearViewportWidgets', () => {
  it('names every registry widget wrapped in nearViewport()', () => {
    const wrapped = [...read('registry.tsx').matchAll(/export const (\w+) = nearViewport\b/g)].map(
      (m) => m[1],
    );
    expect(wrapped.length).toBeGreaterThanOrEqual(5);
    for (const name of wrapped) expect(nearViewportWidgets).toContain(name);
  });

  it('names the architecture diagram, whose loader waits for an IntersectionObserver', () => {
    expect(read('architecture-diagram/loader.tsx')).toContain('new IntersectionObserver');
    expect(nearViewportWidgets).toContain('ArchitectureDiagram');
  });
});
