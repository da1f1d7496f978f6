import { Masthead } from '@/components/layout/masthead';
import { SiteFooter } from '@/components/layout/site-footer';
import { listSections, topLevelSections } from '@/db/queries/sections';
import { getSiteSettings, listPartners } from '@/db/queries/site';
import { READER_SCRIPT_PATH } from '@/lib/server/reader-script-path';

/**
 * Masthead, main landmark and footer of every reader page (also the 404 for addresses no route
 * matches), and the reader pages' one script (decision 016): the pages are sent without Next's client
 * runtime, and /reader.js enhances the vote and the share bar.
 */
export async function SiteChrome({ children }: { children: React.ReactNode }) {
  const site = await getSiteSettings();
  return (
    <>
      <Masthead siteName={site.siteName} tagline={site.tagline} sections={topLevelSections(await listSections())} />
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 pt-6 focus:outline-none">
        {children}
      </main>
      <SiteFooter
        aboutBlurb={site.aboutBlurb}
        partners={await listPartners()}
        copyrightHolder={site.copyrightHolder}
        year={new Date().getFullYear()}
      />
      <script src={READER_SCRIPT_PATH} defer />
    </>
  );
}
