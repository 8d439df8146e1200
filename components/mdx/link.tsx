import type { ComponentPropsWithoutRef } from 'react';
import { chapters } from '@/content/chapters';
import { isUnpublishedHref } from '@/lib/content/navigation';
import { withBasePath } from '@/lib/site-config';

/**
 * Links in chapter prose. A link into a chapter that is still "coming soon" renders as
 * plain text with a note, so no published page ever links to a 404; external links
 * open as ordinary links with a safe rel.
 */
export function MdxLink({ href = '', children, ...rest }: ComponentPropsWithoutRef<'a'>) {
  if (isUnpublishedHref(chapters, href)) {
    return (
      <span className="text-zinc-700 dark:text-zinc-300" title="This chapter is coming soon">
        {children}
      </span>
    );
  }
  const external = /^https?:\/\//.test(href);
  return (
    <a href={withBasePath(href)} {...rest} {...(external ? { rel: 'noopener noreferrer' } : {})}>
      {children}
    </a>
  );
}
