import path from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The checks that keep the layers apart, tested the way btree-typescript tests checkValid():
 * feed each one a violation and expect it to object.
 */
const root = path.resolve(import.meta.dirname, '..');

describe('layer boundaries', () => {
  it('lint refuses a component importing a file behind lib/leaderboard or lib/flow', async () => {
    const eslint = new ESLint({ cwd: root });
    const lint = async (code: string) => {
      const [result] = await eslint.lintText(code, {
        filePath: path.join(root, 'components/widgets/boundary-probe.tsx'),
      });
      return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports');
    };
    expect(await lint("export { createWorld } from '@/lib/leaderboard/world';\n")).toHaveLength(1);
    expect(await lint("export { stageGraph } from '@/lib/flow/stages';\n")).toHaveLength(1);
    expect(await lint("export { createWorld } from '@/lib/leaderboard';\n")).toEqual([]);
    // The URL schemas have an entry of their own, so a widget's chunk can leave the models out.
    expect(
      await lint("export { SHARDING_PARAMS } from '@/lib/leaderboard/playground-params';\n"),
    ).toEqual([]);
    expect(await lint("export { fnv1a } from '@/lib/leaderboard/hash-sharded';\n")).toHaveLength(1);
  });

  it('lib/ is type-checked without DOM types, so a DOM global in lib/ fails `npm run check`', () => {
    const config = ts.readConfigFile(path.join(root, 'tsconfig.lib.json'), ts.sys.readFile);
    const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
    const probe = path.join(root, 'lib/dom-probe.ts');
    const errors = (options: ts.CompilerOptions) => {
      const host = ts.createCompilerHost(options);
      const readFile = host.readFile.bind(host);
      host.readFile = (f) =>
        path.resolve(f) === probe ? 'export const title = document.title;\n' : readFile(f);
      host.fileExists = (
        (exists) => (f: string) =>
          path.resolve(f) === probe || exists(f)
      )(host.fileExists.bind(host));
      const program = ts.createProgram({ rootNames: [probe], options, host });
      return ts
        .getPreEmitDiagnostics(program)
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    };
    const found = errors(parsed.options);
    expect(found.join('\n')).toMatch(/Cannot find name 'document'/);
    // The same probe against the app's DOM-typed configuration compiles: the check is the lib.
    expect(errors({ ...parsed.options, lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'] })).toEqual([]);
  });
});
