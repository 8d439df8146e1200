import { visit } from 'unist-util-visit';
import { mdxTree } from './mdx-tree';

/**
 * The names of the JSX components an MDX document renders (`<SelfCheck …>` gives
 * `SelfCheck`), parsed with the same remark stack the build uses, so a name inside a code
 * block or in prose is not counted. O(length of the source).
 */
export function componentsUsed(source: string): Set<string> {
  const tree = mdxTree(source);
  const names = new Set<string>();
  visit(tree, ['mdxJsxFlowElement', 'mdxJsxTextElement'], (node) => {
    const name = (node as { name?: string | null }).name;
    if (name) names.add(name);
  });
  return names;
}
