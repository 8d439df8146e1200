import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chapters } from './chapters';
import { sectionFiles, sectionKey } from './pages';

const contentDir = path.dirname(new URL(import.meta.url).pathname);

describe('content map', () => {
  it('registers a file for every section of every chapter', () => {
    for (const chapter of chapters) {
      for (const section of chapter.sections) {
        const entry = sectionFiles[sectionKey(chapter.slug, section.slug)];
        expect(entry, `${chapter.slug}/${section.slug}`).toBeDefined();
        expect(existsSync(path.join(contentDir, entry?.file ?? '')), entry?.file).toBe(true);
      }
    }
  });

  it('has no MDX file that no section points to', () => {
    const registered = new Set(Object.values(sectionFiles).map((e) => e.file));
    for (const chapter of chapters) {
      for (const name of readdirSync(path.join(contentDir, chapter.slug))) {
        if (name.endsWith('.mdx'))
          expect(registered.has(`${chapter.slug}/${name}`), name).toBe(true);
      }
    }
  });

  it('keeps slugs unique and kebab-case', () => {
    const chapterSlugs = chapters.map((c) => c.slug);
    expect(new Set(chapterSlugs).size).toBe(chapterSlugs.length);
    for (const chapter of chapters) {
      const slugs = chapter.sections.map((s) => s.slug);
      expect(new Set(slugs).size).toBe(slugs.length);
      expect(slugs[0]).toBe('');
      for (const slug of [chapter.slug, ...slugs.filter(Boolean)])
        expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  it('keeps chapter files free of imports and of a top-level title', () => {
    for (const entry of Object.values(sectionFiles)) {
      const source = readFileSync(path.join(contentDir, entry.file), 'utf8');
      expect(source, entry.file).not.toMatch(/^import\s/m);
      expect(source, entry.file).not.toMatch(/^#\s/m);
    }
  });
});
