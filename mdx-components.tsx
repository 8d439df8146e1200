import type { MDXComponents } from 'mdx/types';
import { DeepDive, Figure, Note, Pitfall, Recap, SayIt } from '@/components/mdx/callouts';
import { CodeBlock, Prompt } from '@/components/mdx/code-block';
import { DesignLedger } from '@/components/mdx/design-ledger';
import { Annotation, Candidate, Elapsed, Interviewer } from '@/components/mdx/dialogue';
import { H2, H3 } from '@/components/mdx/heading';
import { ChapterGrid, ReadingPath, ReadingPaths } from '@/components/mdx/home-blocks';
import { LevelBadge } from '@/components/mdx/level-badge';
import { MdxLink } from '@/components/mdx/link';
import { SelfCheck } from '@/components/mdx/self-check';
import { Table } from '@/components/mdx/table';
import { mdxWidgets } from '@/components/widgets/widget';
import { Prerequisite, Prerequisites } from '@/components/widgets/prerequisites';
import { SpeedRoundList } from '@/components/widgets/speed-round-list';
import { chapters } from '@/content/chapters';
import { designLedgerGroups } from '@/content/design-ledger-table';
import { speedRoundCards } from '@/content/mock-interviews/speed-round-cards';
import { siteConfig } from '@/lib/site-config';

/**
 * Every block a chapter may use, registered once: chapters import nothing. Blocks that
 * need data from `content/` get it bound here, so data still flows content → components.
 * The interactive widgets come from the widget manifest (components/widgets/manifest.ts).
 */
const components = {
  h2: H2,
  h3: H3,
  a: MdxLink,
  pre: CodeBlock,
  table: Table,
  Note,
  Pitfall,
  DeepDive,
  Recap,
  SayIt,
  Figure,
  SelfCheck,
  Prompt,
  Interviewer,
  Candidate,
  Annotation,
  Elapsed,
  LevelBadge,
  ReadingPath,
  ReadingPaths,
  Prerequisites,
  Prerequisite,
  ...mdxWidgets,
  ChapterGrid: () => <ChapterGrid chapters={chapters} />,
  SpeedRoundList: () => <SpeedRoundList cards={speedRoundCards} />,
  DesignLedger: () => <DesignLedger groups={designLedgerGroups} siteUrl={siteConfig.url} />,
} satisfies MDXComponents;

export function useMDXComponents(): MDXComponents {
  return components;
}
