import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { normaliseBasePath, startStaticServer } from '../../scripts/static-server';

/**
 * Serves the built export on a free loopback port for the whole browser-test run. With
 * E2E_BASE_PATH=/lab it serves the build made with BASE_PATH=/lab (`npm run build:lab`,
 * written to out-lab/) under /lab/, the way a static host publishing at a sub-path does.
 */
export default async function setup(project: TestProject) {
  const basePath = normaliseBasePath(process.env.E2E_BASE_PATH);
  const root = path.resolve(basePath ? 'out-lab' : 'out');
  const rebuild = basePath ? '`npm run build:lab`' : '`npm run build`';
  if (!existsSync(path.join(root, 'index.html'))) {
    throw new Error(
      `${path.basename(root)}/ is missing: the browser tests run against the built export (${rebuild}).`,
    );
  }
  // A build for another base path would fail every test with 404s; say so once instead.
  const home = readFileSync(path.join(root, 'index.html'), 'utf8');
  if (!home.includes(`"${basePath}/_next/static/`)) {
    throw new Error(
      `${path.basename(root)}/ was not built for the base path "${basePath || '/'}": run ${rebuild}.`,
    );
  }
  const server = await startStaticServer({ root, basePath });
  project.provide('baseUrl', server.siteUrl);
  project.provide('origin', server.url);
  project.provide('basePath', basePath);
  return () => server.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the site's home page is, without a trailing slash: origin + base path. */
    baseUrl: string;
    origin: string;
    /** '' for the root build, '/lab' for the base-path build. */
    basePath: string;
  }
}
