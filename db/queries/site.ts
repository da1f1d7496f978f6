import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { db } from '@/db/engine';
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

export async function getSiteSettings(): Promise<SiteSettings> {
  const rows = await db().select().from(settings);
  const values = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  return {
    siteName: values.siteName ?? DEFAULTS.siteName,
    tagline: values.tagline ?? DEFAULTS.tagline,
    aboutBlurb: values.aboutBlurb ?? DEFAULTS.aboutBlurb,
    copyrightHolder: values.copyrightHolder ?? DEFAULTS.copyrightHolder,
  };
}

export function listPartners() {
  return db()
    .select({ id: partners.id, name: partners.name, url: partners.url })
    .from(partners)
    .orderBy(asc(partners.position), asc(partners.id));
}

export async function getActivePromo() {
  const [promo] = await db()
    .select({ title: promos.title, body: promos.body, linkLabel: promos.linkLabel, linkUrl: promos.linkUrl })
    .from(promos)
    .where(eq(promos.active, true))
    .orderBy(asc(promos.position), asc(promos.id))
    .limit(1);
  return promo;
}

export async function getPage(slug: string) {
  const [page] = await db()
    .select({ slug: pages.slug, title: pages.title, bodyHtml: pages.bodyHtml, updatedAt: pages.updatedAt })
    .from(pages)
    .where(eq(pages.slug, slug))
    .limit(1);
  return page;
}
