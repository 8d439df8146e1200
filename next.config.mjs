import createMDX from '@next/mdx';

/** @type {import('next').NextConfig} */
const nextConfig = {
  output: 'export',
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
