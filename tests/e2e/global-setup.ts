import { existsSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startStaticServer } from '../../scripts/static-server';

/** Serves the built export on a free loopback port for the whole browser-test run. */
export default async function setup(project: TestProject) {
  const root = path.resolve('out');
  if (!existsSync(path.join(root, 'index.html'))) {
    throw new Error(
      'out/ is missing: the browser tests run against the built export (`npm run build`).',
    );
  }
  const server = await startStaticServer({ root });
  project.provide('baseUrl', server.url);
  return () => server.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
