// Issue 15 §9a: the slug check and the related-stories lookup never tell a writer that another
// writer's unpublished story exists. Their answer for such a slug is their answer for a slug nobody
// uses; the story claims its address when an editor publishes or schedules it. Real SQLite file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUser } from '@/db/accounts';
import { isSlugClaimed, resolveStorySlugs, saveStory, slugTaken } from '@/db/queries/admin-stories';
import { getPublicArticleBySlug } from '@/db/queries/articles';
import { createTempDatabase } from '../helpers/temp-db';

let env: ReturnType<typeof createTempDatabase>;
let sectionId: number;
const ids = { writerA: 0, writerB: 0, editor: 0 };
const DAY = 24 * 3600_000;

const story = (slug: string, status: 'draft' | 'review' | 'scheduled' | 'published', publishedAt: number | null) => ({
  title: `Story ${slug}`,
  slug,
  standfirst: '',
  sectionId,
  authorId: null,
  byline: 'T',
  dateline: '',
  body: 'Text.',
  bodyHtml: '<p>Text.</p>',
  wordCount: 1,
  tags: [],
  relatedIds: [],
  status,
  publishedAt,
});

beforeAll(async () => {
  env = createTempDatabase();
  sectionId = (env.db.$client.prepare('select id from sections limit 1').get() as { id: number }).id;
  for (const [key, role] of [
    ['writerA', 'writer'],
    ['writerB', 'writer'],
    ['editor', 'editor'],
  ] as const)
    ids[key] = await insertUser(env.db, { email: `${key}@example.com`, name: key, role, passwordHash: 'x' });
  // Writer B's secrets: a draft, a story in review, and (by an editor) a story scheduled for tomorrow.
  await saveStory(ids.writerB, undefined, story('ceo-resigns-draft', 'draft', null));
  await saveStory(ids.writerB, undefined, story('merger-in-review', 'review', null));
  await saveStory(ids.editor, undefined, story('embargoed-results', 'scheduled', Date.now() + DAY));
  await saveStory(ids.writerA, undefined, story('my-own-draft', 'draft', null));
});
afterAll(() => env.cleanup());

const writerA = () => ({ id: ids.writerA, seesAll: false });
const editor = () => ({ id: ids.editor, seesAll: true });
const published = () =>
  (env.db.$client.prepare("select slug from articles where status = 'published' limit 1").get() as { slug: string })
    .slug;

describe('what a writer learns from a slug', () => {
  it('the slug of another writer’s unpublished story gets the answer of a slug nobody uses', async () => {
    for (const hidden of ['ceo-resigns-draft', 'merger-in-review', 'embargoed-results'])
      expect(await slugTaken(hidden, undefined, writerA()), hidden).toBe(
        await slugTaken('no-story-here', undefined, writerA()),
      );
    expect(await slugTaken('no-story-here', undefined, writerA())).toBe(false);
    // What the writer may see is still refused: a published story's address, and their own other story's.
    expect(await slugTaken(published(), undefined, writerA())).toBe(true);
    expect(await slugTaken('my-own-draft', undefined, writerA())).toBe(true);
  });

  it('saving a draft at a hidden story’s address succeeds, as it would at a free one', async () => {
    const saved = await saveStory(ids.writerA, undefined, story('ceo-resigns-draft', 'draft', null));
    expect(saved.slug).toBe('ceo-resigns-draft');
    const again = await saveStory(ids.writerA, undefined, story('embargoed-results', 'review', null));
    expect(again.slug).toBe('embargoed-results');
  });

  it('related stories: a hidden story is as missing as one that does not exist', async () => {
    const asked = ['merger-in-review', 'no-story-here', published()];
    const { ids: found, missing } = await resolveStorySlugs(asked, writerA());
    expect(missing).toEqual(['merger-in-review', 'no-story-here']);
    expect([...found.keys()]).toEqual([published()]);
    // An editor sees every story, so nothing is hidden from them.
    expect((await resolveStorySlugs(['merger-in-review'], editor())).missing).toEqual([]);
  });
});

describe('the editor who publishes is the one told', () => {
  it('a scheduled story’s address is taken for an editor; the database refuses a second claim', async () => {
    expect(await slugTaken('embargoed-results', undefined, editor())).toBe(true);
    const draft = env.db.$client
      .prepare("select id from articles where slug = 'embargoed-results' and status = 'review'")
      .get() as { id: number };
    // A race the check cannot see (two editors at once): the unique index still holds one claim.
    let error: unknown;
    try {
      await saveStory(ids.editor, draft.id, story('embargoed-results', 'published', Date.now() - 1000));
    } catch (e) {
      error = e;
    }
    expect(isSlugClaimed(error)).toBe(true);
    // Readers see the one story that holds the address.
    expect(await getPublicArticleBySlug('embargoed-results')).toBeUndefined();
    const scheduled = env.db.$client
      .prepare("select status from articles where slug = 'embargoed-results' order by id")
      .all() as { status: string }[];
    expect(scheduled.map((r) => r.status).sort()).toEqual(['review', 'scheduled']);
  });
});
