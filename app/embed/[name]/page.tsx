import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { EmbedPage } from '@/components/embed/embed-page';
import { embedBySlug, embeddable } from '@/components/widgets/manifest';

export const dynamicParams = false;

export function generateStaticParams() {
  return embeddable.map((w) => ({ name: w.embed.slug }));
}

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { name } = await params;
  return { title: embedBySlug(name)?.title ?? 'Widget', robots: { index: false } };
}

/** A widget without the site's header and sidebar, for iframes (components/embed). */
export default async function Embed({ params }: Props) {
  const { name } = await params;
  const w = embedBySlug(name);
  if (!w) notFound();
  return <EmbedPage name={w.name} />;
}
