// Shapes of the demo content that `npm run db:seed` loads into an empty database.
// All demo text is written for Moodwire; none of it is copied from anywhere.

export type SeedSection = {
  slug: string;
  name: string;
  description: string;
  /** slug of the parent section; omitted for a top-level section */
  parent?: string;
};

export type SeedAuthor = {
  slug: string;
  name: string;
  /** one or two sentences */
  bio: string;
  /** file under public/images/authors/ */
  photo: string;
};

export type SeedArticle = {
  slug: string;
  title: string;
  /** one or two sentences under the headline */
  standfirst: string;
  /** slug of a section in sections.ts */
  section: string;
  /** slug of an author in authors.ts */
  author: string;
  /** place line shown before the body, e.g. "BEIJING" */
  dateline: string;
  tags: string[];
  /** ISO 8601 with offset; omitted for drafts; for `scheduled` use `scheduledInDays` */
  publishedAt?: string;
  /** ISO 8601 with offset, later than publishedAt, when the story was revised */
  updatedAt?: string;
  status: 'published' | 'draft' | 'scheduled';
  /** for scheduled stories: days after the seeding moment */
  scheduledInDays?: number;
  hero: {
    /** file under public/images/stories/ */
    file: string;
    alt: string;
    caption: string;
    credit: string;
  };
  /** Markdown, 200–900 words */
  body: string;
};
