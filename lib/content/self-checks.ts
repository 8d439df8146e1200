import { visit } from 'unist-util-visit';
import { mdxTree } from './mdx-tree';

interface JsxAttribute {
  readonly type: string;
  readonly name?: string;
  readonly value?: unknown;
}

/**
 * The ids of the `<SelfCheck id="…">` questions of an MDX document, in page order: each
 * is the question's anchor on the page. Parsed with the build's remark stack, so an
 * example inside a code block is not counted. O(length of the source).
 */
export function selfCheckIds(source: string): string[] {
  return componentIds(source, 'SelfCheck');
}

/** The `id` attributes of every `<name id="…">` element of an MDX document, in order. */
export function componentIds(source: string, name: string): string[] {
  const ids: string[] = [];
  visit(mdxTree(source), ['mdxJsxFlowElement', 'mdxJsxTextElement'], (node) => {
    const element = node as { name?: string | null; attributes?: readonly JsxAttribute[] };
    if (element.name !== name) return;
    const id = element.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'id');
    if (typeof id?.value === 'string') ids.push(id.value);
  });
  return ids;
}
