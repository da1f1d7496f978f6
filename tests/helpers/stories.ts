// Stories written straight into a test database, for cases the demo content does not have.
import type Database from 'better-sqlite3';
import { MOODS } from '../../lib/domain/moods';

/** Chinese, an ampersand, both kinds of quotes, markup, CDATA ends, emoji (one a ZWJ sequence) and URL syntax. */
export const NASTY_TITLE = '微信故障 & "quotes" ‘curly’ \'straight\' <b>tag</b> </script> ]]> ]]> 🎉 👩‍👩‍👧 50% + #1 ?x=y';
export const NASTY_STANDFIRST = 'Standfirst with <i>markup</i>, 中文 & an emoji 😀.';

export function insertStory(
  sqlite: Database.Database,
  {
    slug,
    title = NASTY_TITLE,
    standfirst = NASTY_STANDFIRST,
    status = 'published',
    publishedAt = Date.now() - 60_000,
    sectionSlug = 'weibo-wire',
    byline = 'Test Reporter & Co',
  }: {
    slug: string;
    title?: string;
    standfirst?: string;
    status?: 'draft' | 'review' | 'scheduled' | 'published';
    publishedAt?: number | null;
    sectionSlug?: string;
    byline?: string;
  },
): number {
  const section = sqlite.prepare('select id from sections where slug = ?').get(sectionSlug) as
    { id: number } | undefined;
  if (!section) throw new Error(`No section ${sectionSlug}`);
  const now = Date.now();
  const insert = sqlite.transaction(() => {
    const { lastInsertRowid } = sqlite
      .prepare(
        `insert into articles (slug, title, standfirst, section_id, byline, dateline, body, body_html, word_count, status, published_at, created_at, updated_at)
         values (?, ?, ?, ?, ?, 'TEST', ?, ?, 12, ?, ?, ?, ?)`,
      )
      .run(
        slug,
        title,
        standfirst,
        section.id,
        byline,
        'A body with a [link](/section/weibo-wire) & more.',
        '<p>A body with a <a href="/section/weibo-wire">link</a> &amp; more.</p><p>Second paragraph ]]&gt; and 中文.</p>',
        status,
        publishedAt,
        now,
        now,
      );
    const tally = sqlite.prepare('insert into vote_tallies (article_id, mood, count) values (?, ?, 0)');
    for (const mood of MOODS) tally.run(lastInsertRowid, mood);
    return Number(lastInsertRowid);
  });
  return insert();
}
