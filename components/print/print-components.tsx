import type { MDXComponents } from 'mdx/types';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { SelfCheck } from '@/components/mdx/self-check';
import { MdxLink } from '@/components/mdx/link';
import { interactiveBlocks } from '@/lib/content/markdown';
import { PrintWidget } from './print-widget';

/**
 * The blocks of one section when several sections share a page (the printable chapter
 * and whole guide): ids are prefixed with the section's key so they stay unique on the
 * page, widgets become their printed form, and internal links are made absolute so a
 * printed link names a real address. Everything else is the chapters' own registry.
 */
export function printComponents({
  prefix,
  pageUrl,
  siteUrl,
}: {
  prefix: string;
  pageUrl: string;
  siteUrl: string;
}): MDXComponents {
  const id = (value?: string) => (value ? `${prefix}-${value}` : undefined);
  const heading =
    (Tag: 'h2' | 'h3') =>
    ({ id: value, children }: { id?: string; children?: ReactNode }) => (
      <Tag id={id(value)}>{children}</Tag>
    );
  const widgets = Object.fromEntries(
    [...interactiveBlocks].map((name) => [
      name,
      (props: Record<string, unknown>) => (
        <PrintWidget name={name} props={props} url={pageUrl} idPrefix={`${prefix}-${name}`} />
      ),
    ]),
  );
  return {
    h2: heading('h2'),
    h3: heading('h3'),
    a: ({ href = '', ...rest }: ComponentPropsWithoutRef<'a'>) => (
      <MdxLink
        href={
          href.startsWith('#')
            ? `#${prefix}-${href.slice(1)}`
            : href.startsWith('/')
              ? `${siteUrl}${href}`
              : href
        }
        {...rest}
      />
    ),
    SelfCheck: (props: ComponentPropsWithoutRef<typeof SelfCheck>) => (
      <SelfCheck {...props} id={id(props.id)!} />
    ),
    ...widgets,
  };
}
