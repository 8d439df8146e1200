import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { COMPILE_HINT, addCompileHints, initialScripts } from './compile-hints.mjs';

const page = (scripts: string) =>
  `<!DOCTYPE html><html><head>${scripts}</head><body><p>text</p></body></html>`;

describe('initialScripts', () => {
  it('finds the async /_next/static scripts and skips noModule and inline ones', () => {
    const html = page(
      '<script src="/_next/static/chunks/a.js" async=""></script>' +
        '<script src="/_next/static/chunks/polyfill.js" noModule=""></script>' +
        '<script>self.__next_f.push([1,"x"])</script>' +
        '<script src="https://example.com/other.js"></script>' +
        '<script src="/_next/static/chunks/b.js" async=""></script>',
    );
    expect([...initialScripts(html)]).toEqual([
      '/_next/static/chunks/a.js',
      '/_next/static/chunks/b.js',
    ]);
  });
});

describe('addCompileHints', () => {
  let root = '';
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('marks each script a page loads once, leaves widget chunks alone, and is idempotent', async () => {
    root = await mkdtemp(path.join(tmpdir(), 'compile-hints-'));
    const chunks = path.join(root, '_next/static/chunks');
    await mkdir(chunks, { recursive: true });
    await mkdir(path.join(root, 'guide'));
    await writeFile(path.join(chunks, 'a.js'), 'console.log("a")');
    await writeFile(path.join(chunks, 'b.js'), 'console.log("b")');
    await writeFile(path.join(chunks, 'widget.js'), 'console.log("widget")');
    await writeFile(
      path.join(root, 'index.html'),
      page('<script src="/_next/static/chunks/a.js" async=""></script>'),
    );
    await writeFile(
      path.join(root, 'guide/index.html'),
      page(
        '<script src="/_next/static/chunks/a.js" async=""></script>' +
          '<script src="/_next/static/chunks/b.js" async=""></script>',
      ),
    );

    const first = await addCompileHints(root);
    expect(first).toEqual({
      marked: ['/_next/static/chunks/a.js', '/_next/static/chunks/b.js'],
      already: [],
    });
    expect(await readFile(path.join(chunks, 'a.js'), 'utf8')).toBe(
      `${COMPILE_HINT}console.log("a")`,
    );
    expect(await readFile(path.join(chunks, 'widget.js'), 'utf8')).toBe('console.log("widget")');

    const second = await addCompileHints(root);
    expect(second.marked).toEqual([]);
    expect(second.already).toHaveLength(2);
    expect(await readFile(path.join(chunks, 'b.js'), 'utf8')).toBe(
      `${COMPILE_HINT}console.log("b")`,
    );
  });
});
