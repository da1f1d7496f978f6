import { Masthead } from '@/components/layout/masthead';
import { SiteFooter } from '@/components/layout/site-footer';
import { listSections, topLevelSections } from '@/db/queries/sections';
import { getSiteSettings, listPartners } from '@/db/queries/site';

/** Masthead, main landmark and footer of every reader page (also the 404 for addresses no route matches). */
export function SiteChrome({ children }: { children: React.ReactNode }) {
  const site = getSiteSettings();
  return (
    <>
      <Masthead siteName={site.siteName} tagline={site.tagline} sections={topLevelSections(listSections())} />
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 pt-6 focus:outline-none">
        {children}
      </main>
      <SiteFooter aboutBlurb={site.aboutBlurb} partners={listPartners()} copyrightHolder={site.copyrightHolder} year={new Date().getFullYear()} />
    </>
  );
}
