import type { Metadata, Viewport } from 'next';
import { getSiteSettings } from '@/db/queries/site';
import { siteUrl } from '@/lib/domain/routes';
import { feedLinks } from '@/lib/seo';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const site = await getSiteSettings();
  return {
    metadataBase: new URL(siteUrl()),
    title: {
      default: site.tagline ? `${site.siteName}: ${site.tagline}` : site.siteName,
      template: `%s | ${site.siteName}`,
    },
    description: site.tagline || site.aboutBlurb,
    applicationName: site.siteName,
    // Pages replace `alternates` with their own (lib/seo.ts); this covers the rest, e.g. 404 pages.
    alternates: { types: feedLinks(site) },
  };
}

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#121212' },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-paper focus:px-4 focus:py-2 focus:font-semibold focus:shadow"
        >
          Skip to content
        </a>
        {children}
      </body>
    </html>
  );
}
