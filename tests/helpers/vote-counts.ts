// What a reader without JavaScript sees of a story's mood votes: the counts in the cached HTML.
import type { Page } from '@playwright/test';

/** The number of votes the page's HTML shows for a mood on the story page (no script: HTML only). */
export async function shownCount(page: Page, mood: string): Promise<number> {
  const button = page.locator('#mood-vote').getByRole('button', { name: mood, exact: true });
  const id = await button.getAttribute('aria-describedby');
  const text = (await page.locator(`#${id}`).innerText()).trim();
  // A story nobody has voted on shows no figures yet, only the invitation to vote (issue 19 §6).
  if (text === '' && (await page.locator('#mood-vote form[data-empty]').count()) === 1) return 0;
  return Number(/([\d,]+) votes?$/.exec(text)?.[1]?.replace(/,/g, '') ?? NaN);
}
