import type {
  BlockContent,
  Blockquote,
  Heading,
  Link,
  List,
  ListItem,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
} from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { rowFigure, type LedgerTableGroup } from './ledger-table';
import { mdxTree } from './mdx-tree';

/** A chapter as the home page's chapter grid lists it. */
export interface MarkdownChapter {
  readonly title: string;
  readonly summary: string;
  /** Absolute URL, or undefined for a chapter not published yet. */
  readonly url?: string;
}

export interface MarkdownOptions {
  /** The page's title (the site renders it as the H1). */
  readonly title: string;
  /** One-sentence description shown under the title. */
  readonly description?: string;
  /** A line of context under the title, e.g. "Chapter 2 · Leaderboard Design · section 4 of 11". */
  readonly context?: string;
  /** The page's own absolute URL: widgets point readers there to use them live. */
  readonly pageUrl: string;
  /** The site's absolute root URL with its base path and no trailing slash. */
  readonly siteUrl: string;
  /** Data that data-bound blocks print: the chapter list and the speed-round cards. */
  readonly chapters?: readonly MarkdownChapter[];
  readonly cards?: readonly {
    readonly question: string;
    readonly answer: string;
    /** The section that argues the answer: a root-relative href and the heading's text. */
    readonly link?: { readonly href: string; readonly title: string };
  }[];
  /** The design ledger's groups, for `<DesignLedger />`. */
  readonly ledger?: readonly LedgerTableGroup[];
}

type Node = RootContent;
type Jsx = {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: { type: string; name?: string; value?: unknown }[];
  children: Node[];
};

/** Callouts and their label in plain text. */
const callouts: Record<string, string> = {
  Note: 'Note',
  Pitfall: 'Pitfall',
  DeepDive: 'Deep dive',
  Recap: 'Recap',
  SayIt: 'Say it in the interview',
  Annotation: 'Annotation',
};

/** Interactive widgets: in text (and on paper) they become a pointer to the live version. */
export const interactiveBlocks: ReadonlySet<string> = new Set([
  'RedisConsole',
  'SkipListPicture',
  'ArchitectureDiagram',
  'ShardingPlayground',
  'ApproximateRankingPlayground',
  'PaginationPlayground',
  'FanOutPlayground',
  'PracticeTimer',
  'SpeedRoundDrill',
]);

/** Every block a chapter may use has a text form; a test keeps this list complete. */
export const markdownBlocks: ReadonlySet<string> = new Set([
  ...Object.keys(callouts),
  ...interactiveBlocks,
  'Figure',
  'SelfCheck',
  'Prompt',
  'Interviewer',
  'Candidate',
  'Elapsed',
  'LevelBadge',
  'ReadingPath',
  'ReadingPaths',
  'Prerequisites',
  'Prerequisite',
  'ChapterGrid',
  'SpeedRoundList',
  'DesignLedger',
]);

function attr(node: Jsx, name: string): string | undefined {
  const found = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  if (!found) return undefined;
  if (typeof found.value === 'string') return found.value;
  const expression = (found.value as { value?: unknown } | null | undefined)?.value;
  return typeof expression === 'string' ? expression : undefined;
}

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] });
const paragraph = (...children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });

/** "ShardingPlayground" → "Sharding playground". */
function widgetLabel(name: string): string {
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Puts `lead` at the start of the first paragraph of `blocks`, or in a paragraph of its own. */
function lead(leading: PhrasingContent[], blocks: Node[]): Node[] {
  const [first, ...rest] = blocks;
  if (first?.type === 'paragraph')
    return [{ ...first, children: [...leading, text(' '), ...first.children] }, ...rest];
  return [paragraph(...leading), ...blocks];
}

const phrasingTypes = new Set([
  'text',
  'emphasis',
  'strong',
  'delete',
  'inlineCode',
  'link',
  'linkReference',
  'image',
  'imageReference',
  'break',
  'html',
  'footnoteReference',
]);

/** Runs of inline nodes wrapped into paragraphs, so a block's children are all blocks. */
function asBlocks(nodes: Node[]): Node[] {
  const out: Node[] = [];
  let run: PhrasingContent[] = [];
  const flush = () => {
    if (run.some((p) => p.type !== 'text' || p.value.trim())) out.push(paragraph(...run));
    run = [];
  };
  for (const n of nodes) {
    if (phrasingTypes.has(n.type)) run.push(n as PhrasingContent);
    else {
      flush();
      out.push(n);
    }
  }
  flush();
  return out;
}

/** A root-relative link gets the site's root; a same-page `#anchor` gets the page's URL. */
function absolute(url: string, siteUrl: string, pageUrl: string): string {
  if (url.startsWith('#')) return `${pageUrl}${url}`;
  return url.startsWith('/') ? `${siteUrl}${url}` : url;
}

/**
 * The Markdown text of one page of the guide, from its MDX source: prose as written, each
 * block in a plain-text form (callouts as quotes, dialogue with speaker names, self-checks
 * as question and answer), each widget as a link to its live version, internal links
 * made absolute. For reading by people and AI assistants; derived from the same MDX
 * tree the build renders. Throws on a block it has no text form for. O(length).
 */
export function pageMarkdown(source: string, options: MarkdownOptions): string {
  const convert = (nodes: Node[]): Node[] => nodes.flatMap(node);

  function node(n: Node): Node[] {
    switch (n.type) {
      case 'mdxjsEsm':
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        return [];
      case 'link':
        return [
          {
            ...n,
            url: absolute(n.url, options.siteUrl, options.pageUrl),
            children: convert(n.children) as Link['children'],
          },
        ];
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        return element(n as unknown as Jsx);
      case 'paragraph': {
        // `<Note>One line.</Note>` on a line of its own parses as a paragraph holding an
        // inline element: it is still a block.
        const only = n.children.filter((c) => c.type !== 'text' || c.value.trim());
        const [first] = only;
        if (only.length === 1 && first?.type === 'mdxJsxTextElement' && first.name !== 'LevelBadge')
          return element({ ...(first as unknown as Jsx), type: 'mdxJsxFlowElement' });
        break;
      }
    }
    if ('children' in n && Array.isArray(n.children))
      return [{ ...n, children: convert(n.children as Node[]) } as Node];
    return [n];
  }

  function element(n: Jsx): Node[] {
    const name = n.name ?? '';
    const converted = convert(n.children);
    // A one-line `<Note>text</Note>` holds phrasing directly: wrap it as a paragraph.
    const children = n.type === 'mdxJsxFlowElement' ? asBlocks(converted) : converted;
    if (name in callouts) {
      const title = attr(n, 'title');
      const label = `${callouts[name]}${title ? `: ${title}` : ''}.`;
      return [
        {
          type: 'blockquote',
          children: lead([strong(label)], children) as BlockContent[],
        } satisfies Blockquote,
      ];
    }
    if (interactiveBlocks.has(name)) {
      const props = n.attributes
        .filter((a) => a.type === 'mdxJsxAttribute' && a.name)
        .map((a) => `${a.name}=${attr(n, a.name!) ?? 'true'}`);
      return [
        paragraph({
          type: 'emphasis',
          children: [
            text(
              `Interactive: ${widgetLabel(name)}${props.length ? ` (${props.join(', ')})` : ''}. Use it live at `,
            ),
            { type: 'link', url: options.pageUrl, children: [text(options.pageUrl)] },
            text('.'),
          ],
        }),
      ];
    }
    switch (name) {
      case 'Figure': {
        const caption = attr(n, 'caption');
        return caption
          ? [...children, paragraph({ type: 'emphasis', children: [text(`Figure: ${caption}`)] })]
          : children;
      }
      case 'SelfCheck': {
        const id = attr(n, 'id');
        const question = attr(n, 'question') ?? '';
        const heading = paragraph(
          strong('Question:'),
          text(` ${question}`),
          ...(id
            ? [
                text(' '),
                {
                  type: 'link',
                  url: `${options.pageUrl}#${id}`,
                  children: [text(`#${id}`)],
                } satisfies Link,
              ]
            : []),
        );
        return [heading, ...lead([strong('Answer:')], children)];
      }
      case 'Prompt':
        return [paragraph(strong(`Prompt: ${attr(n, 'title') ?? ''}`)), ...children];
      case 'Interviewer':
      case 'Candidate':
        return lead([strong(`${name}:`)], children);
      case 'Elapsed':
        return [
          paragraph({
            type: 'emphasis',
            children: [text(`Clock: ${attr(n, 'from') ?? ''}–${attr(n, 'to') ?? ''}`)],
          }),
        ];
      case 'LevelBadge': {
        const level = attr(n, 'level') ?? '';
        return n.type === 'mdxJsxTextElement'
          ? [text(`(${level})`)]
          : [paragraph(text(`(${level})`))];
      }
      case 'ReadingPaths':
        return children;
      case 'ReadingPath':
        return [paragraph(strong(attr(n, 'title') ?? '')), ...children];
      case 'Prerequisites': {
        const items = children.filter((c): c is ListItem => c.type === 'listItem');
        return [{ type: 'list', ordered: false, spread: false, children: items } satisfies List];
      }
      case 'Prerequisite': {
        const item: ListItem = {
          type: 'listItem',
          spread: false,
          children: lead([strong(`${attr(n, 'title') ?? ''}.`)], children) as BlockContent[],
        };
        return [item];
      }
      case 'ChapterGrid':
        return [
          {
            type: 'list',
            ordered: true,
            spread: false,
            children: (options.chapters ?? []).map((c): ListItem => ({
              type: 'listItem',
              spread: false,
              children: [
                paragraph(
                  c.url
                    ? { type: 'link', url: c.url, children: [strong(c.title)] }
                    : strong(`${c.title} (coming soon)`),
                  text(`: ${c.summary}`),
                ),
              ],
            })),
          },
        ];
      case 'SpeedRoundList':
        return (options.cards ?? []).flatMap((card, i) => [
          paragraph(strong(`${i + 1}. ${card.question}`)),
          paragraph(text(card.answer)),
          ...(card.link
            ? [
                paragraph(text('Read: '), {
                  type: 'link' as const,
                  url: `${options.siteUrl}${card.link.href}`,
                  children: [text(card.link.title)],
                }),
              ]
            : []),
        ]);
      case 'DesignLedger':
        return (options.ledger ?? []).flatMap((group): Node[] => {
          const row = (...cells: PhrasingContent[]) => ({
            type: 'tableRow' as const,
            children: cells.map((cell) => ({ type: 'tableCell' as const, children: [cell] })),
          });
          return [
            paragraph(strong(group.title)),
            {
              type: 'table',
              align: [null, null, null],
              children: [
                row(text('figure'), text('value'), text('argued in')),
                ...group.rows.map((r) => {
                  const url = `${options.siteUrl}${r.where}`;
                  return row(
                    text(r.label),
                    text(r.note ? `${rowFigure(r)} (${r.note})` : rowFigure(r)),
                    { type: 'link', url, children: [text(r.source ?? url)] },
                  );
                }),
              ],
            },
          ];
        });
    }
    throw new Error(`pageMarkdown: no text form for <${name}>; add one to lib/content/markdown.ts`);
  }

  const body = convert(mdxTree(source).children);
  const head: Node[] = [
    { type: 'heading', depth: 1, children: [text(options.title)] } satisfies Heading,
  ];
  if (options.context)
    head.push(paragraph({ type: 'emphasis', children: [text(options.context)] }));
  if (options.description) head.push(paragraph(text(options.description)));
  head.push(
    paragraph(text('Web page: '), {
      type: 'link',
      url: options.pageUrl,
      children: [text(options.pageUrl)],
    }),
  );
  const root: Root = { type: 'root', children: [...head, { type: 'thematicBreak' }, ...body] };
  return toMarkdown(root, { extensions: [gfmToMarkdown()], bullet: '-', emphasis: '_', rule: '-' });
}
