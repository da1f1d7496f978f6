import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Breadcrumb } from '@/components/article/breadcrumb';
import { ContactForm } from '@/components/contact/contact-form';
import { getPage, getSiteSettings } from '@/db/queries/site';
import { formatDate } from '@/lib/format';
import { siteImagePath, STATIC_PAGES, staticPagePath, type StaticPageSlug } from '@/lib/domain/routes';
import { pageMetadata, plainExcerpt } from '@/lib/seo';
import { sendContactMessageAction } from './actions';

// About us, Contact us, Copyright, Terms of use, Privacy policy. Any other top-level name is a 404.
export const dynamicParams = false;
export const revalidate = 300;
export const generateStaticParams = async () => STATIC_PAGES.map((p) => ({ page: p.slug }));

type Props = { params: Promise<{ page: string }> };

async function load(slug: string) {
  return STATIC_PAGES.some((p) => p.slug === slug) ? await getPage(slug) : undefined;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await load((await params).page);
  if (!page) return {};
  return pageMetadata({
    site: await getSiteSettings(),
    title: page.title,
    description: plainExcerpt(page.bodyHtml, 160),
    path: staticPagePath(page.slug as StaticPageSlug),
    imagePath: siteImagePath(),
  });
}

export default async function StaticPage({ params }: Props) {
  const page = await load((await params).page);
  if (!page) notFound();
  const site = await getSiteSettings();
  return (
    <article className="mx-auto max-w-3xl">
      <Breadcrumb
        items={[
          { name: site.siteName, href: '/' },
          { name: page.title, href: staticPagePath(page.slug as StaticPageSlug) },
        ]}
      />
      <h1 className="mt-4 font-serif text-3xl font-bold sm:text-4xl">{page.title}</h1>
      <p className="mt-2 text-sm text-muted">Last updated {formatDate(page.updatedAt)}</p>
      <div className="prose-body mt-6" dangerouslySetInnerHTML={{ __html: page.bodyHtml }} />
      {page.slug === 'contact' ? <ContactForm action={sendContactMessageAction} /> : null}
    </article>
  );
}
