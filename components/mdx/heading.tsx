import { isValidElement, type ReactNode } from 'react';
import { CopyLinkButton } from '@/components/site/copy-link-button';

/** The plain text of rendered heading children (the autolink wraps the text). */
function textOf(node: ReactNode): string {
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (isValidElement<{ children?: ReactNode }>(node)) return textOf(node.props.children);
  return '';
}

function makeHeading(Tag: 'h2' | 'h3') {
  function Heading({ id, children }: { id?: string; children?: ReactNode }) {
    return (
      <Tag id={id} className="group">
        {children}
        {id ? <CopyLinkButton id={id} label={textOf(children)} /> : null}
      </Tag>
    );
  }
  Heading.displayName = Tag.toUpperCase();
  return Heading;
}

export const H2 = makeHeading('h2');
export const H3 = makeHeading('h3');
