import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

/**
 * The names of the JSX components an MDX document renders (`<SelfCheck …>` gives
 * `SelfCheck`), parsed with the same remark stack the build uses, so a name inside a code
 * block or in prose is not counted. O(length of the source).
 */
export function componentsUsed(source: string): Set<string> {
  const tree = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).parse(source);
  const names = new Set<string>();
  visit(tree, ['mdxJsxFlowElement', 'mdxJsxTextElement'], (node) => {
    const name = (node as { name?: string | null }).name;
    if (name) names.add(name);
  });
  return names;
}
