import { STATIC_PAGES, staticPagePath } from '@/lib/domain/routes';

type Partner = { id: number; name: string; url: string };

export function SiteFooter({
  aboutBlurb,
  partners,
  copyrightHolder,
  year,
}: {
  aboutBlurb: string;
  partners: Partner[];
  copyrightHolder: string;
  year: number;
}) {
  return (
    <footer className="no-print mt-16 border-t-4 border-brand bg-black/[0.03] dark:bg-white/[0.04]">
      <div className="mx-auto grid max-w-6xl gap-8 px-4 py-10 md:grid-cols-2">
        <section aria-labelledby="footer-about">
          <h2 id="footer-about" className="text-lg font-bold">
            About us
          </h2>
          <p className="mt-2 text-sm leading-6 text-muted">{aboutBlurb}</p>
        </section>
        <section aria-labelledby="footer-partners">
          <h2 id="footer-partners" className="text-lg font-bold">
            Our partners
          </h2>
          <ul className="mt-2 grid grid-cols-1 gap-1 text-sm sm:grid-cols-2">
            {partners.map((p) => (
              <li key={p.id}>
                <a href={p.url} rel="noopener noreferrer" className="underline-offset-2 hover:underline">
                  {p.name}
                </a>
              </li>
            ))}
          </ul>
        </section>
      </div>
      <div className="border-t border-rule">
        <div className="mx-auto flex max-w-6xl flex-col gap-3 px-4 py-5 text-sm sm:flex-row sm:items-center sm:justify-between">
          <nav aria-label="Site information">
            <ul className="flex flex-wrap gap-x-4 gap-y-1">
              {STATIC_PAGES.map((p) => (
                <li key={p.slug}>
                  <a href={staticPagePath(p.slug)} className="underline-offset-2 hover:underline">
                    {p.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <p className="text-muted">
            Copyright © {year} {copyrightHolder}. All rights reserved.
          </p>
        </div>
      </div>
    </footer>
  );
}
