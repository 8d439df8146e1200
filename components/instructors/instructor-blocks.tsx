import Link from 'next/link';
import { consolePresets } from '@/content/console-presets';
import linkRegistry from '@/content/link-registry.json';
import { HOST_SCRIPT } from '@/lib/embed/embed-link';
import type { ParamSpec } from '@/lib/embed/embed-link';
import { chapterHref, embeddable } from '@/components/widgets/manifest';
import { siteConfig } from '@/lib/site-config';
import { sectionName } from '@/components/embed/section-name';
import type { BuilderWidget } from './builder-form';

/**
 * The blocks content/instructors.mdx uses, bound by app/instructors/page.tsx: each reads its
 * facts from where they live (the widget manifest, the link registry, the console presets).
 */

/** Every embeddable widget with its parameter schema, for the builder and the table. */
export async function builderWidgets(): Promise<BuilderWidget[]> {
  return Promise.all(
    embeddable.map(async (w) => ({
      slug: w.embed.slug,
      title: w.title,
      height: w.embed.height,
      schema: await w.embed.params(),
      href: chapterHref(w),
      section: sectionName(w.chapter.chapter, w.chapter.section),
    })),
  );
}

/** An absolute link of the guide, as a link. */
export function LinkExample({ path }: { path: string }) {
  return (
    <Link href={path} prefetch={false} className="break-all">
      <code>{`${siteConfig.url}${path}`}</code>
    </Link>
  );
}

/** How many link targets the registry holds. */
export function RegistryCounts() {
  const pages = Object.values(linkRegistry.pages);
  const anchors = pages.reduce((n, a) => n + a.length, 0);
  const redirects = Object.keys(linkRegistry.redirects ?? {}).length;
  const params = Object.values(linkRegistry.widgets).reduce((n, p) => n + p.length, 0);
  return (
    <p>
      Today the registry holds {pages.length} pages with {anchors.toLocaleString('en-US')} anchors,{' '}
      {redirects} redirects from anchors that moved, and {params} widget parameters.
    </p>
  );
}

function describe(spec: ParamSpec): string {
  switch (spec.kind) {
    case 'int':
      return `${spec.min.toLocaleString('en-US')} to ${spec.max.toLocaleString('en-US')}; default ${spec.default.toLocaleString('en-US')}`;
    case 'choice':
      return `${spec.options
        .filter(Boolean)
        .map((o) => `\`${o}\``)
        .join(', ')}${spec.default ? `; default ${spec.default}` : '; none by default'}`;
    case 'flag':
      return `1 or 0; default ${spec.default ? 1 : 0}`;
    case 'text':
      return `text, up to ${spec.maxLength.toLocaleString('en-US')} characters`;
  }
}

/** Every embed with its address and parameters. */
export async function WidgetParameters() {
  const widgets = await builderWidgets();
  return (
    <div
      className="table-scroll -mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0"
      tabIndex={0}
      role="region"
      aria-label="Embeddable widgets (scrolls sideways)"
    >
      <table>
        <thead>
          <tr>
            <th>Widget</th>
            <th>Address</th>
            <th>Parameters</th>
          </tr>
        </thead>
        <tbody>
          {widgets.map((w) => (
            <tr key={w.slug}>
              <td>
                <Link href={w.href} prefetch={false}>
                  {w.title}
                </Link>
              </td>
              <td>
                <code>{`/embed/${w.slug}/`}</code>
              </td>
              <td>
                {Object.keys(w.schema).length === 0 ? (
                  'none'
                ) : (
                  <ul className="my-0 pl-4">
                    {Object.entries(w.schema).map(([key, spec]) => (
                      <li key={key} className="my-0">
                        <code>{key}</code>: {describe(spec).replace(/`/g, '')}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The named console sessions, with a link that opens each. */
export function ConsolePresets() {
  return (
    <ul>
      {consolePresets.map((p) => (
        <li key={p.name}>
          <Link href={`/embed/console/?preset=${p.name}`} prefetch={false}>
            <code>preset={p.name}</code>
          </Link>
          : {p.title} ({p.commands.length} commands, from{' '}
          <Link href={p.page} prefetch={false}>
            {sectionName(...(p.page.split('/').slice(1, 3) as [string, string]))}
          </Link>
          )
        </li>
      ))}
    </ul>
  );
}

/** The host script of the snippet, exactly as the builder writes it. */
export function HostScript() {
  return (
    <pre className="overflow-x-auto text-xs">
      <code>{HOST_SCRIPT}</code>
    </pre>
  );
}
