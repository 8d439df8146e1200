import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { EmbeddedPlayground } from '@/components/widgets/embedded-playground';
import { EMBEDS, isEmbedName } from '@/components/widgets/embeds';

export const dynamicParams = false;

export function generateStaticParams() {
  return Object.keys(EMBEDS).map((name) => ({ name }));
}

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { name } = await params;
  return {
    title: isEmbedName(name) ? EMBEDS[name] : 'Playground',
    robots: { index: false },
  };
}

/** A playground without the site's header and sidebar, for iframes. */
export default async function EmbedPage({ params }: Props) {
  const { name } = await params;
  if (!isEmbedName(name)) notFound();
  return (
    <main id="main" className="p-0">
      <h1 className="sr-only">{EMBEDS[name]}</h1>
      <EmbeddedPlayground name={name} />
    </main>
  );
}
