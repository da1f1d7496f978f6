import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { STATIC_PAGES } from '@/lib/domain/routes';
import { WECHAT_SLUG } from '../helpers/demo';
import { ensureStaffUsers, type StaffRole } from '../helpers/staff';
import { e2eDatabasePath, signInThroughForm } from '../helpers/staff-e2e';

/**
 * Every reader-facing page we check. Add a page here (with `prepare` to open menus or dialogs first)
 * and it gets the axe scan in light and dark mode, the heading walk and the `lang` check.
 */
type CheckedPage = {
  name: string;
  path: string;
  status?: number;
  signIn?: StaffRole;
  prepare?: (page: Page) => Promise<void>;
};

const PAGES: CheckedPage[] = [
  { name: 'home', path: '/' },
  { name: 'section', path: '/section/china-news' },
  { name: 'subsection', path: '/section/weibo-wire' },
  { name: 'article', path: `/news/${WECHAT_SLUG}` },
  { name: 'search with results', path: '/search?q=wechat+outage' },
  { name: 'search in Chinese', path: '/search?q=%E5%BE%AE%E4%BF%A1' },
  { name: 'search without results', path: '/search?q=xylophonist' },
  { name: 'search form', path: '/search' },
  { name: 'tag', path: '/tag/students' },
  { name: 'author', path: '/author/lin-yue' },
  ...STATIC_PAGES.map((p) => ({ name: p.label, path: `/${p.slug}` })),
  { name: 'not found', path: '/no-such-page', status: 404 },
  { name: 'mood ranking', path: '/moods/angry' },
  { name: 'mood ranking, 30 days, one section', path: '/moods/touched?window=month&section=china-news' },
  { name: 'sign-in', path: '/admin/login' },
  { name: 'forgot your password', path: '/admin/login/forgot' },
  { name: 'password link that does not work', path: '/admin/login/new-password?token=expired' },
  { name: 'story editor', path: '/admin/stories/new', signIn: 'editor' },
  { name: 'webhooks', path: '/admin/webhooks', signIn: 'admin' },
  { name: 'front page editor', path: '/admin/front-page', signIn: 'editor' },
  { name: 'moderation', path: '/admin/moderation', signIn: 'editor' },
  { name: 'story editor, existing story', path: '/admin/stories/1', signIn: 'editor' },
  { name: 'story revisions', path: '/admin/stories/1/revisions', signIn: 'editor' },
  { name: 'media library', path: '/admin/media', signIn: 'editor' },
  { name: 'audit log', path: '/admin/audit', signIn: 'admin' },
  { name: 'user', path: '/admin/users/1', signIn: 'admin' },
];

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const DARK_MODE_RULES = ['color-contrast', 'link-in-text-block'];

test.beforeAll(async () => {
  await ensureStaffUsers(e2eDatabasePath());
});

async function open(page: Page, p: CheckedPage) {
  if (p.signIn) {
    // One page walks every entry: a staff page signs in afresh, whoever the one before was.
    await page.context().clearCookies();
    await signInThroughForm(page, p.signIn);
  }
  const res = await page.goto(p.path);
  expect(res?.status(), p.path).toBe(p.status ?? 200);
  await p.prepare?.(page);
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`axe, ${scheme} mode`, () => {
    for (const p of PAGES) {
      test(`${p.name} (${p.path}) has no serious or critical violation`, async ({ page }) => {
        // Light mode on a phone-sized screen (where lines wrap and targets crowd), dark mode on a desktop one.
        await page.setViewportSize(scheme === 'light' ? { width: 412, height: 823 } : { width: 1280, height: 800 });
        await page.emulateMedia({ colorScheme: scheme });
        await open(page, p);
        // Light mode gets every rule; the dark pass is there for the colours, so it runs the colour rules.
        const axe = new AxeBuilder({ page });
        const { violations, passes } = await (
          scheme === 'light' ? axe.withTags(AXE_TAGS) : axe.withRules(DARK_MODE_RULES)
        ).analyze();
        const describe = (v: (typeof violations)[number]) =>
          `[${v.impact}] ${v.id}: ${v.help} — ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(', ')}`;
        const severe = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        // One line per page and mode, for the record (npm test output), with any minor finding spelled out.
        console.log(
          `axe ${scheme} ${p.name}: ${violations.length} violations (${severe.length} serious/critical), ${passes.length} rules passed`,
        );
        for (const v of violations.filter((x) => !severe.includes(x))) console.log(`  ${describe(v)}`);
        expect(severe.map(describe)).toEqual([]);
      });
    }
  });
}

test('every page has lang, one h1 first, and headings that never skip a level', async ({ page }) => {
  // Every page in the list, staff pages signing in first: longer than one page's test.
  test.setTimeout(180_000);
  for (const p of PAGES) {
    await open(page, p);
    expect(await page.getAttribute('html', 'lang'), p.path).toBe('en');
    const levels = await page.evaluate(() =>
      [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
        // Hidden headings are not read out; visually hidden (sr-only) ones are, and count.
        .filter(
          (h) =>
            !h.closest('[hidden], [aria-hidden="true"]') &&
            getComputedStyle(h).display !== 'none' &&
            getComputedStyle(h).visibility !== 'hidden',
        )
        .map((h) => `${h.tagName[1]} ${h.textContent?.trim().slice(0, 40)}`),
    );
    expect(
      levels.filter((l) => l.startsWith('1 ')),
      `${p.path}: ${levels.join(' | ')}`,
    ).toHaveLength(1);
    expect(levels[0], p.path).toMatch(/^1 /);
    for (let i = 1; i < levels.length; i++) {
      const jump = Number(levels[i]![0]) - Number(levels[i - 1]![0]);
      expect(jump, `${p.path}: "${levels[i - 1]}" → "${levels[i]}"`).toBeLessThanOrEqual(1);
    }
  }
});

test('the skip link is the first stop, shows itself on focus and moves to the content', async ({ page }) => {
  for (const path of ['/', `/news/${WECHAT_SLUG}`, '/search?q=wechat']) {
    await page.goto(path);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    const box = await skip.boundingBox();
    expect(box && box.width > 40 && box.height > 20, path).toBe(true);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#main$/);
    await expect(page.locator('main#main')).toBeFocused();
  }
});

test('every stop in the tab order shows a visible focus indicator', async ({ page }) => {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const path of ['/', `/news/${WECHAT_SLUG}`, '/search?q=wechat', '/author/lin-yue']) {
      await page.goto(path);
      const seen = new Set<string>();
      for (let i = 0; i < 120; i++) {
        await page.keyboard.press('Tab');
        const focus = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return null;
          const style = getComputedStyle(el);
          const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
          const rect = el.getBoundingClientRect();
          return {
            id: `${el.tagName} ${el.getAttribute('href') ?? el.getAttribute('name') ?? ''} ${el.textContent?.trim().slice(0, 30)} ${Math.round(rect.top + window.scrollY)}`,
            indicated: outline || style.boxShadow !== 'none',
            onScreen: rect.width > 0 && rect.height > 0,
          };
        });
        if (!focus || seen.has(focus.id)) break;
        seen.add(focus.id);
        expect(focus.indicated, `${path} (${scheme}): ${focus.id}`).toBe(true);
        expect(focus.onScreen, `${path} (${scheme}): ${focus.id}`).toBe(true);
      }
      expect(seen.size, path).toBeGreaterThan(10);
    }
  }
});

test('with prefers-reduced-motion, nothing animates or transitions', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  for (const path of ['/', `/news/${WECHAT_SLUG}`, '/search?q=wechat']) {
    await page.goto(path);
    const moving = await page.evaluate(() => {
      // A probe that would transition and animate if the reduced-motion rule were missing.
      const probe = document.createElement('div');
      probe.style.transition = 'color 400ms ease';
      probe.style.animation = 'none 2s infinite';
      document.body.append(probe);
      const seconds = (v: string) =>
        Math.max(...v.split(',').map((d) => parseFloat(d) * (d.trim().endsWith('ms') ? 0.001 : 1)));
      const found = [...document.querySelectorAll<HTMLElement>('body *')]
        .filter((el) => {
          const s = getComputedStyle(el);
          return seconds(s.transitionDuration) > 0.001 || seconds(s.animationDuration) > 0.001;
        })
        .map((el) => el.tagName);
      probe.remove();
      return { found, scroll: getComputedStyle(document.documentElement).scrollBehavior };
    });
    expect(moving.found, path).toEqual([]);
    expect(moving.scroll).toBe('auto');
  }
});

test('dark mode follows the system setting', async ({ page }) => {
  const colours = async () =>
    page.evaluate(() => {
      const luminance = (rgb: string) => {
        const [r, g, b] = rgb
          .match(/\d+/g)!
          .slice(0, 3)
          .map((n) => Number(n) / 255) as [number, number, number];
        const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
        return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
      };
      const body = getComputedStyle(document.body);
      return { background: luminance(body.backgroundColor), text: luminance(body.color) };
    });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`/news/${WECHAT_SLUG}`);
  const light = await colours();
  expect(light.background).toBeGreaterThan(0.9);
  expect(light.text).toBeLessThan(0.1);
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await colours();
  expect(dark.background).toBeLessThan(0.05);
  expect(dark.text).toBeGreaterThan(0.6);
});

test('an article prints without navigation or furniture, with its address', async ({ page, baseURL }) => {
  await page.goto(`/news/${WECHAT_SLUG}`);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('.prose-body')).toBeVisible();
  await expect(page.locator('article figure img')).toBeVisible();
  for (const hidden of [
    page.getByRole('banner'),
    page.getByRole('navigation', { name: 'Sections' }),
    page.getByRole('navigation', { name: 'Breadcrumb' }),
    page.getByRole('search', { name: 'Site search' }),
    page.getByRole('contentinfo'),
    page.getByRole('heading', { name: 'Related stories' }),
    page.getByRole('list', { name: 'Topics' }),
  ]) {
    await expect(hidden).toBeHidden();
  }
  const stillShown = await page
    .locator('.no-print')
    .evaluateAll((els) => els.filter((el) => getComputedStyle(el).display !== 'none').length);
  expect(stillShown).toBe(0);
  const printedUrl = await page.locator('article.print-url').evaluate((el) => getComputedStyle(el, '::after').content);
  expect(printedUrl).toBe(`"${baseURL}/news/${WECHAT_SLUG}"`);
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByRole('banner')).toBeVisible();
});
