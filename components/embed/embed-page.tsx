import Link from 'next/link';
import { AUTOSIZE_MESSAGE, RESIZE_MESSAGE, embedQuery } from '@/lib/embed/embed-link';
import { chapterHref, widgetEntry } from '@/components/widgets/manifest';
import { EmbeddedWidget } from './embedded-widget';
import { EmbedScript } from './embed-script';
import { sectionName } from './section-name';
import './embed.css';

/**
 * A widget as an iframe shows it: the widget, the note of anything the link asked for that
 * had to change, and a line saying where it comes from (the reuse terms ask for that
 * credit). The inline script applies `?theme=` and reports the page's height to the host.
 */
export async function EmbedPage({ name }: { name: string }) {
  const w = widgetEntry(name);
  if (!w.embed) throw new Error(`${name} has no embed in the widget manifest`);
  const schema = await w.embed.params();
  const values = Object.fromEntries(Object.entries(schema).map(([k, s]) => [k, s.default]));
  // As a link writes them, for the inline script to tell a link that changes one.
  const defaults = Object.fromEntries(new URLSearchParams(embedQuery(schema, values)));
  const bound = { ...(await w.serverProps?.()), embedded: true };
  const Placeholder = await w.placeholder();
  const Render = await w.render?.();
  return (
    <>
      <EmbedScript
        config={{
          slug: w.embed.slug,
          defaults,
          resize: RESIZE_MESSAGE,
          autosize: AUTOSIZE_MESSAGE,
        }}
      />
      <main id="main" data-embed-root="" className="flex flex-col">
        <h1 className="sr-only">{w.title}</h1>
        <EmbeddedWidget
          name={w.name}
          schema={schema}
          props={bound}
          ownUrl={w.embed.ownUrl ?? false}
          live={Render ? <Render {...bound} {...values} /> : undefined}
        >
          <Placeholder {...bound} {...values} />
        </EmbeddedWidget>
        <p className="m-0 flex flex-wrap items-center gap-x-3 gap-y-1 px-1 py-2 text-xs text-zinc-600 dark:text-zinc-400">
          <span>
            From{' '}
            <Link
              href={chapterHref(w)}
              target="_blank"
              prefetch={false}
              className="font-medium text-accent-700 underline dark:text-accent-300"
            >
              Leaderboard Lab · {sectionName(w.chapter.chapter, w.chapter.section)}
            </Link>
          </span>
          <Link
            href="/instructors/#what-you-may-do"
            target="_blank"
            prefetch={false}
            className="underline hover:text-zinc-900 dark:hover:text-zinc-100"
          >
            CC BY 4.0
          </Link>
        </p>
      </main>
    </>
  );
}
