import type { ComponentType } from 'react';
import { LazyWidget } from './lazy-widget';
import { widgetEntry, widgets } from './manifest';

/**
 * A widget as a chapter or an embed page renders it: the server draws its placeholder (a
 * static picture of the widget from the same props), and LazyWidget replaces it with the
 * live widget in the browser. A server component, so the placeholder costs no JavaScript.
 */
export async function Widget({ name, props }: { name: string; props: Record<string, unknown> }) {
  const entry = widgetEntry(name);
  if (entry.render) {
    const Render = await entry.render();
    return <Render {...props} />;
  }
  const bound = { ...(await entry.serverProps?.()), ...props };
  const Placeholder = await entry.placeholder();
  return (
    <LazyWidget name={name} props={bound}>
      <Placeholder {...bound} />
    </LazyWidget>
  );
}

/** Every widget under its MDX name, for mdx-components.tsx. */
export const mdxWidgets: Record<
  string,
  ComponentType<Record<string, unknown>>
> = Object.fromEntries(
  widgets.map((w) => {
    const Component = (props: Record<string, unknown>) => <Widget name={w.name} props={props} />;
    Component.displayName = w.name;
    return [w.name, Component];
  }),
);
