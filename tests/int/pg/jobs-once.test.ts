// Issue 18 §3: periodic jobs run on one server at a time. Three processes, each with its own engine
// (its own pool, as three app servers have), run the scheduled release, then the janitor, at the same
// moment against one PostgreSQL database. Every scheduled story is released and audited exactly once,
// the janitor's work is done once, and no two runs of one job overlap in time (decision 056).
import { spawn } from 'node:child_process';
import readline from 'node:readline';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows, transaction } from '@/db/engine';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-db';

type Run = { ran: boolean; started: number; ended: number; work: unknown };

let temp: TestDatabase;
beforeAll(async () => {
  temp = await createTestDatabase({ seed: true });
});
afterAll(async () => temp?.cleanup());

/** Starts three runners of `job`, lets them all connect, then starts them at once. */
async function runOnThreeServers(job: 'release' | 'janitor'): Promise<Run[]> {
  const children = [0, 1, 2].map(() =>
    spawn(
      process.execPath,
      ['node_modules/tsx/dist/cli.mjs', '--conditions=react-server', 'tests/helpers/job-runner.ts', job],
      { env: { ...process.env, DATABASE_URL: temp.location }, stdio: ['pipe', 'pipe', 'inherit'] },
    ),
  );
  const outputs = children.map((child) => {
    const lines = readline.createInterface({ input: child.stdout });
    const iterator = lines[Symbol.asyncIterator]();
    return { next: async () => (await iterator.next()).value as string | undefined };
  });
  expect(await Promise.all(outputs.map((o) => o.next()))).toEqual(['ready', 'ready', 'ready']);
  for (const child of children) child.stdin.write('go\n');
  const results = await Promise.all(outputs.map((o) => o.next()));
  await Promise.all(
    children.map((c) => new Promise((resolve) => (c.exitCode !== null ? resolve(0) : c.on('exit', resolve)))),
  );
  return results.map((line) => JSON.parse(line!) as Run);
}

/** Runs of one job that did its work here never overlap in time: one server at a time. */
function expectOneAtATime(runs: Run[]) {
  const ran = runs.filter((r) => r.ran).sort((a, b) => a.started - b.started);
  expect(ran.length).toBeGreaterThanOrEqual(1);
  for (let i = 1; i < ran.length; i++)
    expect(ran[i]!.started, 'a second run began before the first had finished').toBeGreaterThanOrEqual(
      ran[i - 1]!.ended,
    );
  // The three were started together: at least one found the job running elsewhere and skipped it.
  expect(runs.filter((r) => !r.ran).length).toBeGreaterThanOrEqual(1);
}

describe('jobs that run once, with three servers on one database', { timeout: 120_000 }, () => {
  it('releases and audits each scheduled story exactly once', async () => {
    const now = Date.now();
    // Forty stories due a minute ago: a release long enough for the three runs to meet.
    const planted = await transaction(async (tx) => {
      const out: number[] = [];
      for (let i = 0; i < 40; i++) {
        const [row] = await rows<{ id: number }>(
          sql`insert into articles (slug, title, standfirst, section_id, byline, body, body_html, status, published_at, created_at, updated_at)
              values (${`due-on-three-servers-${i}`}, ${`Due ${i}`}, '', (select min(id) from sections), 'Desk', '', '<p>Due.</p>', 'scheduled', ${now - 60_000}, ${now}, ${now})
              returning id`,
          tx,
        );
        out.push(Number(row!.id));
      }
      return out;
    });
    const [due] = await rows<{ n: number }>(
      sql`select count(*) as n from articles where status = 'scheduled' and published_at <= ${Date.now()}`,
    );

    const runs = await runOnThreeServers('release');
    expectOneAtATime(runs);
    const released = runs.flatMap((r) => r.work as number[]);
    expect(released).toHaveLength(Number(due!.n));
    expect(new Set(released).size).toBe(released.length);
    expect(released).toEqual(expect.arrayContaining(planted));
    for (const r of runs.filter((x) => !x.ran)) expect(r.work).toEqual([]);

    const audits = await rows<{ id: string; n: number }>(
      sql`select object_id as id, count(*) as n from audit_log where action = 'story.release' group by object_id`,
    );
    const audited = new Map(audits.map((a) => [Number(a.id), Number(a.n)]));
    for (const id of planted) expect(audited.get(id), `story ${id}`).toBe(1);
    const [left] = await rows<{ n: number }>(
      sql`select count(*) as n from articles where id in ${planted} and status <> 'published'`,
    );
    expect(Number(left!.n)).toBe(0);
  });

  it('runs the janitor once: its work is done, and by one server at a time', async () => {
    const now = Date.now();
    // Finished vote-limit windows by the thousand: a janitor run long enough for the three to meet.
    await transaction((tx) =>
      rows(
        sql`insert into rate_limits (key, window_start, count)
            select 'vote:ip:jobs-once-' || g, ${now - 3_600_000}, 1 from generate_series(1, 20000) g`,
        tx,
      ),
    );
    const runs = await runOnThreeServers('janitor');
    expectOneAtATime(runs);
    const pruned = runs.filter((r) => r.ran).reduce((n, r) => n + (r.work as { voteLimits: number }).voteLimits, 0);
    expect(pruned).toBe(20000);
    const [left] = await rows<{ n: number }>(
      sql`select count(*) as n from rate_limits where key like 'vote:ip:jobs-once-%'`,
    );
    expect(Number(left!.n)).toBe(0);
  });
});
