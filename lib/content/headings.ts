import GithubSlugger from 'github-slugger';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { mdxTree } from './mdx-tree';
import type { Heading as MdastHeading } from 'mdast';

export interface Heading {
  /** 2 for `##`, 3 for `###`. */
  readonly depth: 2 | 3;
  readonly text: string;
  /** The id rehype-slug gives the heading: GitHub's slug of its text content. */
  readonly id: string;
}

/**
 * Lists the `##` and `###` headings of an MDX document with the ids the MDX pipeline
 * will give them. It parses with the same remark stack the build uses and slugs with
 * github-slugger, the library rehype-slug calls, so the table of contents cannot drift
 * from the rendered anchors. O(length of the source).
 *
 * Headings of depth 1 and 4+ are omitted from the result but still counted by the
 * slugger, because rehype-slug de-duplicates ids across every heading on the page.
 */
export function extractHeadings(source: string): Heading[] {
  const tree = mdxTree(source);
  const slugger = new GithubSlugger();
  const headings: Heading[] = [];
  visit(tree, 'heading', (node: MdastHeading) => {
    const text = toString(node).trim();
    const id = slugger.slug(text);
    if (node.depth === 2 || node.depth === 3) headings.push({ depth: node.depth, text, id });
  });
  return headings;
}
