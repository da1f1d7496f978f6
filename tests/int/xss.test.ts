// Issue 8, item 5 (stored part): every payload of tests/fixtures/xss-payloads.json saved the way the
// editor's action saves it (renderedBody: Markdown → HTML → sanitiser; then saveStory → SQLite), as
// Markdown text and as a raw HTML block. What is stored carries no event-handler attribute and no
// script-capable URL, and sanitising it again changes nothing. tests/e2e/xss.spec.ts renders them in Chromium.
import fs from 'node:fs';
import path from 'node:path';
import { Parser } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempDatabase } from '../helpers/temp-db';
import { insertUser } from '@/db/accounts';
import { saveStory } from '@/db/queries/admin-stories';
import { renderedBody, sanitize } from '@/lib/markdown';

const XSS = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'tests/fixtures/xss-payloads.json'), 'utf8')) as {
  payloads: string[];
};
const asHtmlBlock = (p: string) => `<div>\n${p}\n</div>`;

let env: ReturnType<typeof createTempDatabase>;
let sectionId: number;
let editorId: number;
beforeAll(async () => {
  env = createTempDatabase();
  editorId = await insertUser(env.db, {
    email: 'xss-editor@example.com',
    name: 'XSS Editor',
    role: 'editor',
    passwordHash: 'x',
  });
  sectionId = (env.db.$client.prepare("select id from sections where slug = 'culture'").get() as { id: number }).id;
});
afterAll(() => env.cleanup());

/** Every element and attribute of the stored HTML (entities decoded, as a browser reads them). */
function dangers(html: string): string[] {
  const found: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (
          [
            'script',
            'iframe',
            'object',
            'embed',
            'style',
            'base',
            'meta',
            'link',
            'form',
            'svg',
            'math',
            'template',
          ].includes(name)
        )
          found.push(`<${name}>`);
        for (const [attr, value] of Object.entries(attribs)) {
          if (/^on/i.test(attr)) found.push(`${name}[${attr}]`);
          if (attr === 'style' || attr === 'srcset' || attr === 'formaction' || attr === 'xlink:href')
            found.push(`${name}[${attr}]`);
          // What a browser does before it looks at the scheme: drop ASCII whitespace and controls.
          const url = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
          if ((attr === 'href' || attr === 'src') && /^(?:javascript|vbscript|data|livescript):/.test(url))
            found.push(`${name}[${attr}=${value.slice(0, 40)}]`);
        }
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return found;
}

describe('XSS payloads through the editor save', () => {
  it(`has at least 500 payloads`, () => {
    expect(XSS.payloads.length).toBeGreaterThanOrEqual(500);
  });

  for (const [mode, wrap] of [
    ['Markdown', (p: string) => p],
    ['raw HTML', asHtmlBlock],
  ] as const) {
    it(`stores no on* attribute, no script-capable URL or element, and is stable under a second sanitising (${mode})`, async () => {
      const problems: string[] = [];
      let n = 0;
      for (const payload of XSS.payloads) {
        const saved = await saveStory(editorId, undefined, {
          title: `XSS ${mode} ${n}`,
          slug: `xss-${mode === 'Markdown' ? 'md' : 'html'}-${n++}`,
          standfirst: '',
          sectionId,
          authorId: null,
          byline: 'Test',
          dateline: '',
          ...renderedBody(wrap(payload)),
          tags: [],
          relatedIds: [],
          status: 'draft',
          publishedAt: null,
        });
        const { body_html: html } = env.db.$client
          .prepare('select body_html from articles where id = ?')
          .get(saved.id) as { body_html: string };
        const bad = dangers(html);
        if (bad.length) problems.push(`${JSON.stringify(payload)} → ${bad.join(', ')}: ${html}`);
        if (sanitize(html) !== html)
          problems.push(`not idempotent: ${JSON.stringify(payload)}: ${html} ≠ ${sanitize(html)}`);
      }
      expect(problems.slice(0, 5)).toEqual([]);
      expect(n).toBe(XSS.payloads.length);
    });
  }
});
