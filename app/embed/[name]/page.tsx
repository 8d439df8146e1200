import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { embedBySlug, embeddable } from '@/components/widgets/manifest';
import { Widget } from '@/components/widgets/widget';

export const dynamicParams = false;

export function generateStaticParams() {
  return embeddable.map((w) => ({ name: w.embed.slug }));
}

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { name } = await params;
  return { title: embedBySlug(name)?.title ?? 'Playground', robots: { index: false } };
}

/**
 * A widget without the site's header and sidebar, for iframes. It starts from its schema's
 * defaults, which are its chapter's starting state; the query string overrides them.
 */
export default async function EmbedPage({ params }: Props) {
  const { name } = await params;
  const w = embedBySlug(name);
  if (!w) notFound();
  return (
    <main id="main" className="p-0">
      <h1 className="sr-only">{w.title}</h1>
      <Widget name={w.name} props={{ embedded: true }} />
    </main>
  );
}
