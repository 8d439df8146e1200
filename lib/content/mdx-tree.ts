import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/**
 * The syntax tree of an MDX document, parsed with the remark stack the build uses (MDX and
 * GitHub-flavoured Markdown), so what is read from it matches what the page renders.
 */
export function mdxTree(source: string): Root {
  return unified().use(remarkParse).use(remarkMdx).use(remarkGfm).parse(source);
}
