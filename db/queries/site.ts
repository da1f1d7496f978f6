import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { pages, partners, promos, settings } from '@/db/schema';

export type SiteSettings = {
  siteName: string;
  tagline: string;
  aboutBlurb: string;
  copyrightHolder: string;
};

const DEFAULTS: SiteSettings = {
  siteName: 'Moodwire',
  tagline: '',
  aboutBlurb: '',
  copyrightHolder: 'Moodwire',
};

export function getSiteSettings(): SiteSettings {
  const rows = getDb().select().from(settings).all();
  const values = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  return {
    siteName: values.siteName ?? DEFAULTS.siteName,
    tagline: values.tagline ?? DEFAULTS.tagline,
    aboutBlurb: values.aboutBlurb ?? DEFAULTS.aboutBlurb,
    copyrightHolder: values.copyrightHolder ?? DEFAULTS.copyrightHolder,
  };
}

export function listPartners() {
  return getDb()
    .select({ id: partners.id, name: partners.name, url: partners.url })
    .from(partners)
    .orderBy(asc(partners.position), asc(partners.id))
    .all();
}

export function getActivePromo() {
  return getDb()
    .select({ title: promos.title, body: promos.body, linkLabel: promos.linkLabel, linkUrl: promos.linkUrl })
    .from(promos)
    .where(eq(promos.active, true))
    .orderBy(asc(promos.position), asc(promos.id))
    .get();
}

export function getPage(slug: string) {
  return getDb()
    .select({ slug: pages.slug, title: pages.title, bodyHtml: pages.bodyHtml, updatedAt: pages.updatedAt })
    .from(pages)
    .where(eq(pages.slug, slug))
    .get();
}
