import type { Metadata, Viewport } from 'next';
import localFont from 'next/font/local';
import type { ReactNode } from 'react';
import { SiteScript } from '@/components/site/site-script';
import { siteConfig } from '@/lib/site-config';
import './globals.css';

// Inter, self-hosted from @fontsource (no network at build time), with a metric-matched
// fallback. `optional`: if the font is not there within the first paint's short block
// period, the page keeps the fallback for that view instead of re-laying out text when
// it arrives (the swap repaint was what Lighthouse counted as the LCP); the next page
// finds it cached.
const inter = localFont({
  src: '../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2',
  variable: '--font-inter',
  display: 'optional',
  weight: '100 900',
});

export const metadata: Metadata = {
  metadataBase: new URL(siteConfig.url),
  title: {
    default: `${siteConfig.name}: ${siteConfig.tagline}`,
    template: `%s · ${siteConfig.name}`,
  },
  description: siteConfig.description,
  openGraph: { siteName: siteConfig.name, type: 'website', locale: 'en_US' },
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#09090b' },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" className={inter.variable} suppressHydrationWarning>
      <head>
        <SiteScript />
      </head>
      <body className="min-h-dvh bg-white font-sans text-zinc-800 antialiased dark:bg-zinc-950 dark:text-zinc-300">
        <a
          href="#main"
          className="sr-only z-50 rounded-md bg-accent-600 px-4 py-2 text-white focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
        >
          Skip to content
        </a>
        {children}
      </body>
    </html>
  );
}
