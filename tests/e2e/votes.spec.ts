import { expect, test, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { articleIdOf, countVotes, e2eQuery } from '../helpers/e2e-db';

// Each test votes on its own story, so that they do not disturb each other.
const JS_STORY = 'beijing-summer-survival-list';
const NO_JS_STORY = 'learning-mandarin-tones-after-forty';
const KEYBOARD_STORY = 'shanghai-students-prepare-american-campuses';
const ROLLBACK_STORY = 'translators-chinese-science-fiction-english';
const SHARED_STORY = 'guizhou-data-centres-cool-hills';
const RANKED_STORY = 'american-coach-wuhan-youth-football';

const vote = (page: Page) => page.locator('#mood-vote');
const moodButton = (page: Page, name: string) => vote(page).getByRole('button', { name, exact: true });

/** The number of votes a mood button describes, e.g. "25% · 3 votes" → 3; nothing while the story has none. */
async function countOf(button: Locator): Promise<number> {
  const id = await button.getAttribute('aria-describedby');
  const text = await button.page().locator(`#${id}`).innerText();
  if (text.trim() === '') return 0;
  const m = /([\d,]+) votes?$/.exec(text.trim());
  if (!m) throw new Error(`No count in "${text}"`);
  return Number(m[1]!.replace(/,/g, ''));
}

async function pressedMoods(page: Page): Promise<string[]> {
  return vote(page)
    .locator('button[aria-pressed="true"]')
    .evaluateAll((els) =>
      els.map((e) => document.getElementById(e.getAttribute('aria-labelledby') ?? '')?.textContent ?? ''),
    );
}

test.describe('with JavaScript', () => {
  test('vote, change, take back in place; a reload keeps the choice', async ({ page }) => {
    await page.goto(`/news/${JS_STORY}`);
    await expect(page.locator('#mood-vote form[data-enhanced="true"]')).toBeVisible();
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    const touched = moodButton(page, 'Touched');
    const angry = moodButton(page, 'Angry');
    const touchedBefore = await countOf(touched);
    const angryBefore = await countOf(angry);
    await expect(touched).toHaveAttribute('aria-pressed', 'false');

    await touched.click();
    await expect(touched).toHaveAttribute('aria-pressed', 'true');
    await expect(vote(page).locator('[aria-live="polite"]')).toContainText('Vote saved: Touched');
    expect(await countOf(touched)).toBe(touchedBefore + 1);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await expect(vote(page).getByText(/You chose Touched/)).toBeVisible();

    await angry.click();
    await expect(angry).toHaveAttribute('aria-pressed', 'true');
    await expect(touched).toHaveAttribute('aria-pressed', 'false');
    await expect(vote(page).locator('[aria-live="polite"]')).toContainText('Vote saved: Angry');
    expect(await countOf(touched)).toBe(touchedBefore);
    expect(await countOf(angry)).toBe(angryBefore + 1);

    // The reader's cached copy may lag a vote made in place by up to 3 s; the script's live counts,
    // fetched on every load, show it at once.
    await page.reload();
    await expect(angry).toHaveAttribute('aria-pressed', 'true');
    expect(await pressedMoods(page)).toEqual(['Angry']);
    await expect.poll(() => countOf(angry)).toBe(angryBefore + 1);

    await expect(page.locator('#mood-vote form[data-enhanced="true"]')).toBeVisible();
    await angry.click();
    await expect(angry).toHaveAttribute('aria-pressed', 'false');
    await expect(vote(page).locator('[aria-live="polite"]')).toContainText('Your vote is taken back');
    expect(await countOf(angry)).toBe(angryBefore);

    await page.reload();
    expect(await pressedMoods(page)).toEqual([]);
    await expect.poll(() => countOf(angry)).toBe(angryBefore);
  });

  test('a failed vote rolls back and says why; the pending state shows while it is saved', async ({ page }) => {
    const id = await articleIdOf(ROLLBACK_STORY);
    // The live counts are fetched once, when the vote comes near the screen; let that happen before
    // voting is paused, or its answer ("closed") can disable the buttons just before the click.
    const liveCounts = page.waitForResponse(
      (r) => r.url().includes('/api/vote?article=') && r.request().method() === 'GET',
    );
    await page.goto(`/news/${ROLLBACK_STORY}`);
    await expect(page.locator('#mood-vote form[data-enhanced="true"]')).toBeVisible();
    const sad = moodButton(page, 'Sad');
    await sad.scrollIntoViewIfNeeded();
    await liveCounts;
    const before = await countOf(sad);

    // Hold the request for a moment to see the pending state and the optimistic count.
    await page.route('**/api/vote', async (route) => {
      await new Promise((r) => setTimeout(r, 500));
      await route.continue();
    });
    await e2eQuery('update articles set voting_paused = true where id = ?', [id]);
    try {
      await sad.click();
      await expect(page.getByTestId('mood-vote-pending')).toBeVisible();
      await expect(vote(page).locator('[aria-busy="true"]')).toHaveCount(1);
      expect(await countOf(sad)).toBe(before + 1);
      await expect(vote(page).getByRole('alert')).toHaveText('Voting is closed for this story.');
      await expect(sad).toHaveAttribute('aria-pressed', 'false');
      expect(await countOf(sad)).toBe(before);
      await expect(page.getByTestId('mood-vote-pending')).toHaveCount(0);
      await expect(sad).toBeDisabled();
      expect(await countVotes(id)).toBe(0);
    } finally {
      await e2eQuery('update articles set voting_paused = false where id = ?', [id]);
    }
  });

  test('another reader sees a new vote on the cached page at once', async ({ page, browser }) => {
    await page.goto(`/news/${SHARED_STORY}`);
    const other = await browser.newContext({ javaScriptEnabled: false });
    const otherPage = await other.newPage();
    await otherPage.goto(`/news/${SHARED_STORY}`);
    const before = await countOf(moodButton(otherPage, 'Happy'));

    await expect(page.locator('#mood-vote form[data-enhanced="true"]')).toBeVisible();
    // The button shows the choice before the server has it (optimistic); reload only once it answered.
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/vote') && r.request().method() === 'POST');
    await moodButton(page, 'Happy').click();
    expect((await saved).status()).toBe(200);
    await expect(moodButton(page, 'Happy')).toHaveAttribute('aria-pressed', 'true');

    const res = await otherPage.reload();
    expect(res?.headers()['cache-control']).toContain('s-maxage');
    expect(await countOf(moodButton(otherPage, 'Happy'))).toBe(before + 1);
    expect(await pressedMoods(otherPage)).toEqual([]);
    await other.close();
  });

  test('votes folded into one refresh still reach the cached page within seconds', async ({ browser, request }) => {
    const id = await articleIdOf(SHARED_STORY);
    // Without JavaScript the counts can only come from the cached HTML.
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/news/${SHARED_STORY}`);
    const before = await countOf(moodButton(page, 'Bored'));
    // Three readers within a second: the first expires the page, the others are folded.
    for (let i = 0; i < 3; i++) {
      const res = await request.post('/api/vote', {
        form: { article: String(id), mood: 'bored', current: '' },
        headers: { cookie: 'e2e=1' },
        maxRedirects: 0,
      });
      expect(res.status()).toBe(303);
    }
    // Bound: 3 s after the last vote (plus a render). Without the settle refresh the page would keep
    // the folded votes out until its own revalidation, five minutes later.
    await expect
      .poll(
        async () => {
          await page.reload();
          return countOf(moodButton(page, 'Bored'));
        },
        { timeout: 10_000, intervals: [500] },
      )
      .toBe(before + 3);
    await context.close();
  });

  test('the vote passes an axe accessibility check, in both states', async ({ page }) => {
    await page.goto(`/news/${JS_STORY}`);
    await expect(page.locator('#mood-vote form[data-enhanced="true"]')).toBeVisible();
    const check = async () => {
      const result = await new AxeBuilder({ page })
        .include('#mood-vote')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
        .analyze();
      expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
    };
    await check();
    await moodButton(page, 'Amused').click();
    await expect(moodButton(page, 'Amused')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('mood-vote-pending')).toHaveCount(0);
    await check();
    await moodButton(page, 'Amused').click();
    await expect(moodButton(page, 'Amused')).toHaveAttribute('aria-pressed', 'false');
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('vote, change, take back through the plain form; a reload keeps the choice', async ({ page }) => {
    await page.goto(`/news/${NO_JS_STORY}`);
    const sympathetic = moodButton(page, 'Sympathetic');
    const sad = moodButton(page, 'Sad');
    const sympBefore = await countOf(sympathetic);
    const sadBefore = await countOf(sad);

    await sympathetic.click();
    await expect(page).toHaveURL(new RegExp(`/news/${NO_JS_STORY}#mood-vote$`));
    expect(await pressedMoods(page)).toEqual(['Sympathetic']);
    expect(await countOf(sympathetic)).toBe(sympBefore + 1);
    await expect(vote(page).getByText(/You chose Sympathetic/)).toBeVisible();

    await sad.click();
    await expect(page).toHaveURL(/#mood-vote$/);
    expect(await pressedMoods(page)).toEqual(['Sad']);
    expect(await countOf(sympathetic)).toBe(sympBefore);
    expect(await countOf(sad)).toBe(sadBefore + 1);

    // The reader's own page is a cached copy too (one per mood), not a per-request render.
    const reloaded = await page.reload();
    expect(reloaded?.headers()['cache-control']).toContain('s-maxage');
    expect(await pressedMoods(page)).toEqual(['Sad']);

    await sad.click();
    expect(await pressedMoods(page)).toEqual([]);
    expect(await countOf(sad)).toBe(sadBefore);
    await page.reload();
    expect(await pressedMoods(page)).toEqual([]);
  });

  test('the per-mood copies of a story cannot be visited directly', async ({ page }) => {
    const res = await page.goto(`/news/${NO_JS_STORY}/mood/angry`);
    expect(res?.status()).toBe(200);
    await expect(page).toHaveURL(new RegExp(`/news/${NO_JS_STORY}$`));
    expect(await pressedMoods(page)).toEqual([]);
  });

  test('a form sent twice (double submit) does not take the vote back', async ({ page }) => {
    await page.goto(`/news/${NO_JS_STORY}`);
    const form = vote(page).locator('form');
    const fields = {
      article: await form.locator('input[name="article"]').inputValue(),
      current: await form.locator('input[name="current"]').inputValue(),
    };
    const id = Number(fields.article);
    const before = await countVotes(id);
    for (let i = 0; i < 2; i++) {
      const res = await page.request.post('/api/vote', { form: { ...fields, mood: 'bored' }, maxRedirects: 0 });
      expect(res.status()).toBe(303);
    }
    expect(await countVotes(id)).toBe(before + 1);
    await page.reload();
    expect(await pressedMoods(page)).toEqual(['Bored']);
    // The page now says Bored is the reader's, so the same button takes it back.
    await moodButton(page, 'Bored').click();
    expect(await pressedMoods(page)).toEqual([]);
    expect(await countVotes(id)).toBe(before);
  });
});

for (const javaScriptEnabled of [true, false]) {
  test.describe(`keyboard only, ${javaScriptEnabled ? 'with' : 'without'} JavaScript`, () => {
    test.use({ javaScriptEnabled });

    test('Tab to a mood, Enter votes, Space takes it back', async ({ page }) => {
      await page.goto(`/news/${KEYBOARD_STORY}`);
      if (javaScriptEnabled) await expect(page.locator('#mood-vote form[data-enhanced="true"]')).toBeVisible();
      const focusedName = () =>
        page.evaluate(() => document.activeElement?.getAttribute('value') ?? document.activeElement?.textContent ?? '');
      let found = false;
      for (let i = 0; i < 150 && !found; i++) {
        await page.keyboard.press('Tab');
        found = (await focusedName()) === 'touched';
      }
      expect(found).toBe(true);
      // Touched, Sympathetic, Bored, Angry, Amused, Sad, Happy: six more stops.
      for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');
      expect(await focusedName()).toBe('happy');
      await page.keyboard.press('Enter');
      await expect(moodButton(page, 'Happy')).toHaveAttribute('aria-pressed', 'true');
      if (javaScriptEnabled) await expect(page.getByTestId('mood-vote-pending')).toHaveCount(0);
      else {
        // The form post reloaded the page at #mood-vote: the next Tab starts from the vote.
        await page.keyboard.press('Tab');
        expect(await focusedName()).toBe('touched');
        for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');
        expect(await focusedName()).toBe('happy');
      }
      await page.keyboard.press('Space');
      await expect(moodButton(page, 'Happy')).toHaveAttribute('aria-pressed', 'false');
      expect(await pressedMoods(page)).toEqual([]);
    });
  });
}

test.describe('mood rankings', () => {
  test('a story appears on the mood page after it gets votes; window and section filters work without JavaScript', async ({
    browser,
    request,
  }) => {
    const id = await articleIdOf(RANKED_STORY);
    // Five readers (the e2e default minimum) find it sad.
    for (let i = 0; i < 5; i++) {
      const res = await request.post('/api/vote', {
        form: { article: String(id), mood: 'sad', current: '' },
        headers: { cookie: 'e2e=1' },
        maxRedirects: 0,
      });
      expect(res.status()).toBe(303);
    }
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const [row] = await e2eQuery<{ title: string }>('select title from articles where id = ?', [id]);
    const title = row!.title;

    await page.goto('/moods/sad');
    await expect(page.getByRole('heading', { level: 1, name: 'Saddest stories' })).toBeVisible();
    await expect(page.getByRole('link', { name: title })).toBeVisible();

    await page.getByLabel('Period', { exact: true }).selectOption('day');
    await page.getByLabel('Section', { exact: true }).selectOption({ label: 'Sports' });
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page).toHaveURL(/\/moods\/sad\?window=day&section=sports$/);
    await expect(page.getByRole('link', { name: title })).toBeVisible();

    await page.getByLabel('Section', { exact: true }).selectOption({ label: 'Culture' });
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page.getByRole('link', { name: title })).toHaveCount(0);

    // The other moods keep the filters.
    await page.getByRole('navigation', { name: 'Moods' }).getByRole('link', { name: 'No comment' }).click();
    await expect(page).toHaveURL(/\/moods\/no-comment\?window=day&section=culture$/);

    // Unknown values get a message, never an error page; an unknown mood is a 404.
    const odd = await page.goto('/moods/sad?window=fortnight&section=nowhere');
    expect(odd?.status()).toBe(200);
    await expect(page.getByRole('alert')).toContainText('no time period called “fortnight”');
    await expect(page.getByRole('alert')).toContainText('no section called “nowhere”');
    await expect(page.getByRole('link', { name: title })).toBeVisible();
    for (const path of ['/moods/furious', '/moods/no_comment', '/moods/SAD']) {
      expect((await page.request.get(path)).status(), path).toBe(404);
    }
    await context.close();
  });

  test('the home page has the “How readers feel” panel', async ({ page }) => {
    await page.goto('/');
    const panel = page.getByRole('region', { name: 'How readers feel' });
    await expect(panel).toBeVisible();
    await expect(panel.getByRole('heading', { name: /Today/ })).toBeVisible();
    await expect(panel.getByRole('heading', { name: /This week/ })).toBeVisible();
  });
});
