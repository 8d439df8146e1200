// The last post-build step (scripts/post-build.ts): writes out/sw.js, the service worker
// that keeps the guide working offline (components/offline/service-worker.ts says what it
// does). It runs after every step that changes the export, because the precache manifest
// records each file's revision: a page edited after this step would be served stale.
//
// Two libraries do the work: esbuild bundles the worker with Serwist, and @serwist/build's
// injectManifest lists the export's files with their revisions into it. The worker is
// written at the export's root, so its scope is the whole site under BASE_PATH, and the
// manifest's URLs are relative to it: the same worker runs under any base path.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { injectManifest } from '@serwist/build';
import { build } from 'esbuild';
import type { PostBuildStep } from './post-build';

export const SERVICE_WORKER_FILE = 'sw.js';
const SOURCE = path.resolve(import.meta.dirname, '../components/offline/service-worker.ts');

/**
 * What the worker precaches, relative to the export: every page and its Markdown, the
 * search index, every chunk, the Lua VM's wasm, styles, fonts and pictures. Left out: Next's
 * RSC payloads (`*.txt`, 18 MB; offline, Next falls back to loading the cached page), the
 * Pagefind UI bundles the site does not use, and the worker itself.
 */
export const PRECACHE_GLOBS = [
  '**/*.{html,md,xml,svg,png,ico,webmanifest}',
  'llms.txt',
  'llms-full.txt',
  'robots.txt',
  '_next/static/**/*',
  'pagefind/pagefind.js',
  'pagefind/pagefind-worker.js',
  'pagefind/pagefind-entry.json',
  'pagefind/*.pf_meta',
  'pagefind/wasm.*.pagefind',
  'pagefind/fragment/*',
  'pagefind/index/*',
];

export const serviceWorkerStep: PostBuildStep = {
  name: 'service-worker',
  async run(root) {
    const scratch = await mkdtemp(path.join(os.tmpdir(), 'sw-'));
    try {
      const bundled = path.join(scratch, SERVICE_WORKER_FILE);
      await build({
        entryPoints: [SOURCE],
        outfile: bundled,
        bundle: true,
        format: 'iife',
        minify: true,
        target: 'es2020',
        define: { 'process.env.NODE_ENV': '"production"' },
        logLevel: 'warning',
      });
      const { count, size, warnings } = await injectManifest({
        swSrc: bundled,
        swDest: path.join(root, SERVICE_WORKER_FILE),
        globDirectory: root,
        globPatterns: PRECACHE_GLOBS,
        globIgnores: [SERVICE_WORKER_FILE],
        // Chunk names carry a content hash already: no revision parameter needed.
        dontCacheBustURLsMatching: /^_next\/static\//,
        // The printable whole guide is one 2.2 MB page.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      });
      if (warnings.length > 0) throw new Error(warnings.join('; '));
      if (count === 0) throw new Error(`no file of ${root} matched the precache globs`);
      return `${SERVICE_WORKER_FILE} precaches ${count} files (${(size / 1024 / 1024).toFixed(1)} MB before compression)`;
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  },
};
