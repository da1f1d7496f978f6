// The three kinds of story listing (components/listing/story-listing.tsx): what each finds from its
// URL, shows above its stories and tells search engines.
import { ServerImage } from '@/components/ui/server-image';
import { countArticles } from '@/db/queries/articles';
import { getAuthorBySlug, type AuthorProfile } from '@/db/queries/authors';
import {
  childSections,
  getSectionBySlug,
  listSections,
  sectionAndDescendantIds,
  sectionTrail,
  type SectionNode,
} from '@/db/queries/sections';
import { getTagBySlug, type TagSummary } from '@/db/queries/tags';
import { authorPath, sectionImagePath, sectionPath, siteImagePath, tagPath } from '@/lib/domain/routes';
import { SLUG_PATTERN } from '@/lib/domain/slug';
import type { ListingKind } from './story-listing';

const H1 = 'font-serif text-3xl font-bold sm:text-4xl';

type SectionSubject = SectionNode & { ids: number[]; trail: SectionNode[]; children: SectionNode[] };

/** A section's front: its subsections' stories too, newest first. */
export const sectionListing: ListingKind<SectionSubject> = {
  async load(slug) {
    const section = SLUG_PATTERN.test(slug) ? await getSectionBySlug(slug) : undefined;
    if (!section) return undefined;
    const all = await listSections();
    return {
      ...section,
      ids: sectionAndDescendantIds(all, section.id),
      trail: sectionTrail(all, section.id),
      children: childSections(all, section.id),
    };
  },
  path: (s) => sectionPath(s.slug),
  filter: (s) => ({ sectionIds: s.ids }),
  metadata: (s, siteName) => ({
    description: s.description || `The latest ${s.name} stories from ${siteName}.`,
    imagePath: sectionImagePath(s.slug),
    section: s,
  }),
  breadcrumb: (s) => s.trail.map((t) => ({ name: t.name, href: sectionPath(t.slug) })),
  header: (s, title) => (
    <header className="mt-4 border-b border-rule pb-4">
      <h1 className={H1}>{title}</h1>
      {s.description ? <p className="mt-2 max-w-2xl text-muted">{s.description}</p> : null}
      {s.children.length > 0 ? (
        <nav aria-label={`${s.name} subsections`} className="mt-3">
          <ul className="flex flex-wrap gap-2 text-sm">
            {s.children.map((c) => (
              <li key={c.id}>
                <a
                  href={sectionPath(c.slug)}
                  className="inline-block rounded-full border border-rule px-3 py-1 font-semibold hover:border-brand hover:text-brand"
                >
                  {c.name}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </header>
  ),
  empty: 'No stories in this section yet.',
  showSection: (card, s) => card.sectionSlug !== s.slug,
};

type TagSubject = TagSummary & { total: number };

/** A topic's page. A topic used only by unpublished stories has none: a draft's topics stay private. */
export const tagListing: ListingKind<TagSubject> = {
  async load(slug) {
    const tag = SLUG_PATTERN.test(slug) ? await getTagBySlug(slug) : undefined;
    if (!tag) return undefined;
    const total = await countArticles({ tagId: tag.id });
    return total > 0 ? { ...tag, total } : undefined;
  },
  path: (t) => tagPath(t.slug),
  filter: (t) => ({ tagId: t.id }),
  total: (t) => t.total,
  metadata: (t, siteName) => ({
    description: `${t.total === 1 ? 'One story' : `${t.total} stories`} about ${t.name} from ${siteName}.`,
    imagePath: siteImagePath(),
  }),
  breadcrumb: (t) => [{ name: `Topic: ${t.name}`, href: tagPath(t.slug) }],
  header: (t, title) => (
    <header className="mt-4 border-b border-rule pb-4">
      <p className="text-sm font-bold tracking-wide text-brand uppercase">Topic</p>
      <h1 className={H1}>{title}</h1>
      <p className="mt-2 text-muted">{t.total === 1 ? '1 story' : `${t.total} stories`}</p>
    </header>
  ),
  empty: 'No published stories yet.',
  showSection: () => true,
};

/** A writer's page: photo, name, short bio, then their public stories. */
export const authorListing: ListingKind<AuthorProfile> = {
  load: async (slug) => (SLUG_PATTERN.test(slug) ? await getAuthorBySlug(slug) : undefined),
  path: (a) => authorPath(a.slug),
  filter: (a) => ({ authorId: a.id }),
  metadata: (a) => ({ description: a.bio || `Stories by ${a.name}.`, imagePath: siteImagePath() }),
  breadcrumb: (a) => [{ name: a.name, href: authorPath(a.slug) }],
  header: (a, title) => (
    <header className="mt-4 flex items-start gap-4 border-b border-rule pb-4 sm:gap-6">
      {a.photoPath ? (
        <ServerImage
          src={a.photoPath}
          alt=""
          width={96}
          height={96}
          sizes="96px"
          unoptimized={a.photoPath.endsWith('.svg')}
          priority
          className="h-20 w-20 shrink-0 rounded-full bg-black/5 sm:h-24 sm:w-24"
        />
      ) : null}
      <div>
        <h1 className={H1}>{title}</h1>
        {a.bio ? <p className="mt-2 max-w-2xl text-muted">{a.bio}</p> : null}
      </div>
    </header>
  ),
  storiesHeading: (a) => `Stories by ${a.name}`,
  empty: 'No published stories yet.',
  showSection: () => true,
};
