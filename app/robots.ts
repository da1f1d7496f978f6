import type { MetadataRoute } from 'next';
import { absoluteUrl, newsSitemapPath } from '@/lib/domain/routes';

export const revalidate = 300;

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [
      {
        userAgent: '*',
        allow: '/',
        // Share links count a click and leave the site; crawlers following them would inflate counts.
        disallow: ['/share/', '/api/', '/admin'],
      },
    ],
    sitemap: [absoluteUrl('/sitemap.xml'), absoluteUrl(newsSitemapPath())],
  };
}
