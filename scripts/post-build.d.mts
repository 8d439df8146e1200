export const COMPILE_HINT: string;
export function initialScripts(html: string): string[];
export function hydrateAfterPaint(html: string): { html: string; scripts: string[] };
export function addCompileHints(root: string, scripts: Iterable<string>): Promise<string[]>;
export function postBuild(
  root: string,
): Promise<{ pages: number; scripts: string[]; marked: string[] }>;
