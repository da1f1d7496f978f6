// The feed responses: the whole site, or one section with its subsections. Route handlers stay thin.
import 'server-only';
import { getSectionBySlug, listSections, sectionAndDescendantIds } from '@/db/queries/sections';
import { getSiteSettings } from '@/db/queries/site';
import { listArticlesWithBody } from '@/db/queries/articles';
import { buildFeed, FEED_CONTENT_TYPES, FEED_SIZE, type FeedFormat } from '@/lib/feeds';
import { atomPath, rssPath, sectionAtomPath, sectionPath, sectionRssPath } from '@/lib/domain/routes';

function copyright(holder: string) {
  return `Copyright © ${new Date().getFullYear()} ${holder}. All rights reserved.`;
}

function xmlResponse(format: FeedFormat, xml: string) {
  return new Response(xml, { headers: { 'Content-Type': FEED_CONTENT_TYPES[format] } });
}

export async function siteFeedResponse(format: FeedFormat): Promise<Response> {
  const site = await getSiteSettings();
  const xml = buildFeed(
    format,
    {
      title: site.siteName,
      description: site.tagline || site.aboutBlurb,
      pagePath: '/',
      rssPath: rssPath(),
      atomPath: atomPath(),
      copyright: copyright(site.copyrightHolder),
    },
    await listArticlesWithBody({}, { limit: FEED_SIZE }),
  );
  return xmlResponse(format, xml);
}

export async function sectionFeedResponse(format: FeedFormat, slug: string): Promise<Response> {
  const section = await getSectionBySlug(slug);
  if (!section)
    return new Response('No such section.\n', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  const site = await getSiteSettings();
  const xml = buildFeed(
    format,
    {
      title: `${site.siteName}: ${section.name}`,
      description: section.description || `The latest ${section.name} stories from ${site.siteName}.`,
      pagePath: sectionPath(section.slug),
      rssPath: sectionRssPath(section.slug),
      atomPath: sectionAtomPath(section.slug),
      copyright: copyright(site.copyrightHolder),
    },
    await listArticlesWithBody(
      { sectionIds: sectionAndDescendantIds(await listSections(), section.id) },
      { limit: FEED_SIZE },
    ),
  );
  return xmlResponse(format, xml);
}
