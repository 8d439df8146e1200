import createMDX from '@next/mdx';

// BASE_PATH publishes the export under a sub-path of its host (BASE_PATH=/lab serves the
// guide at https://host/lab/). Next prefixes its own links and chunk URLs; the same value is
// handed to client code as NEXT_PUBLIC_BASE_PATH (lib/site-config.ts) for the URLs Next does
// not write: plain <a> links in prose, Pagefind, the service worker, embed snippets.
const trimmed = (process.env.BASE_PATH ?? '').replace(/^\/+|\/+$/g, '');
const basePath = trimmed ? `/${trimmed}` : '';
if (basePath && !/^(\/[\w.~-]+)+$/.test(basePath)) {
  throw new Error(`BASE_PATH must look like /lab or /courses/lab, not "${process.env.BASE_PATH}"`);
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  output: 'export',
  basePath,
  env: { NEXT_PUBLIC_BASE_PATH: basePath },
  trailingSlash: true,
  images: { unoptimized: true },
  pageExtensions: ['ts', 'tsx', 'mdx'],
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm run check` type-checks the whole project (tests and scripts too) before the
  // build; checking again inside `next build` would only add time.
  typescript: { ignoreBuildErrors: true },
  // wasmoon, the Lua VM behind the console's EVAL, imports Node's `module` on a branch only
  // Node runs; browser bundles resolve it to an empty stub.
  turbopack: {
    resolveAlias: { module: { browser: './lib/engine/scripting/node-module-stub.ts' } },
  },
};

// Under Turbopack the MDX loader's options must be serialisable, so plugins are
// named by package rather than passed as functions.
const withMDX = createMDX({
  options: {
    remarkPlugins: ['remark-gfm'],
    rehypePlugins: [
      'rehype-slug',
      [
        'rehype-autolink-headings',
        { behavior: 'wrap', properties: { className: ['heading-anchor'] } },
      ],
      [
        '@shikijs/rehype',
        {
          themes: { light: 'github-light-default', dark: 'github-dark-default' },
          // Both themes as CSS variables; globals.css picks one with the page's theme.
          defaultColor: false,
        },
      ],
    ],
  },
});

export default withMDX(nextConfig);
