export const COMPILE_HINT: string;
export function initialScripts(html: string): Set<string>;
export function addCompileHints(root: string): Promise<{ marked: string[]; already: string[] }>;
