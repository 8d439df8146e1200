import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sectionFiles, sectionKey } from '@/content/pages';
import { componentsUsed } from '@/lib/content/components-used';
import { chapters } from '@/content/chapters';
import { chapterHref, embeddable, widgets } from './manifest';
import { nearViewportWidgets } from './near-viewport-widgets';

const read = (file: string) => readFileSync(path.join(import.meta.dirname, file), 'utf8');

/** The MDX source of the section a widget names as its chapter. */
function sectionSource(chapter: string, section: string): string {
  const entry = sectionFiles[sectionKey(chapter, section)];
  if (!entry) throw new Error(`no MDX file for ${chapter}/${section}`);
  return readFileSync(path.join(import.meta.dirname, '../../content', entry.file), 'utf8');
}

describe('widget manifest', () => {
  it('names a real section for every widget, and that section uses the widget', () => {
    for (const w of widgets) {
      const chapter = chapters.find((c) => c.slug === w.chapter.chapter);
      expect(
        chapter?.sections.some((s) => s.slug === w.chapter.section),
        w.name,
      ).toBe(true);
      const used = componentsUsed(sectionSource(w.chapter.chapter, w.chapter.section));
      expect(used.has(w.name), `${w.name} in ${chapterHref(w)}`).toBe(true);
    }
  });

  it('makes every widget embeddable', () => {
    expect(embeddable.map((w) => w.name)).toEqual(widgets.map((w) => w.name));
  });

  it('gives each widget a unique name, data-widget id and embed slug', () => {
    const unique = (xs: string[]) => new Set(xs).size === xs.length;
    expect(unique(widgets.map((w) => w.name))).toBe(true);
    expect(unique(widgets.map((w) => w.id))).toBe(true);
    expect(unique(embeddable.map((w) => w.embed.slug))).toBe(true);
  });

  it('starts every embed where its chapter starts: the chapter passes the schema defaults', async () => {
    for (const w of embeddable) {
      const source = sectionSource(w.chapter.chapter, w.chapter.section);
      const tag = source.match(new RegExp(`<${w.name}\\b([^>]*)/>`))?.[1] ?? '';
      const props: Record<string, string> = {};
      for (const m of tag.matchAll(/(\w+)=(?:\{([^}]*)\}|"([^"]*)")/g))
        props[m[1]!] = m[2] ?? m[3]!;
      expect(source, w.name).toMatch(new RegExp(`<${w.name}\\b[^>]*/>`));
      // The playgrounds' tags set most of their state: the pattern above must have read them.
      if (w.embed.ownUrl) expect(Object.keys(props).length, w.name).toBeGreaterThan(2);
      const schema = await w.embed.params();
      for (const [k, v] of Object.entries(props)) {
        expect(schema, `${w.name} ${k}`).toHaveProperty(k);
        expect(String(schema[k]!.default), `${w.name} ${k}`).toBe(v);
      }
    }
  });

  it('lists every widget that waits for the viewport, the diagram loader included', () => {
    expect(nearViewportWidgets.length).toBeGreaterThanOrEqual(5);
    expect(nearViewportWidgets).toContain('ArchitectureDiagram');
    expect(read('architecture-diagram/loader.tsx')).toContain('new IntersectionObserver');
    expect(read('lazy-widget.tsx')).toContain('useNearViewport(!entry.nearViewport)');
  });
});
