// One "server" of tests/int/pg/jobs-once.test.ts: a process of its own with its own engine (pool) on the
// DATABASE_URL it is given. It connects, says "ready", waits for "go" on its standard input (sent to
// every runner at once), runs one periodic job the way the server's timer does, and prints one JSON
// line: whether it ran the job here, when (wall-clock ms, comparable across processes), and its work.
// Run with tsx --conditions=react-server (the job modules are server-only).
import readline from 'node:readline';
import { closeEngine, rows } from '@/db/engine';
import { releaseDueScheduledStories } from '@/db/queries/scheduled';
import { runJanitorOnce } from '@/lib/votes/janitor';
import { sql } from 'drizzle-orm';

const job = process.argv[2];
const clock = () => performance.timeOrigin + performance.now();

async function run(): Promise<{ ran: boolean; work: unknown }> {
  if (job === 'release') {
    const { ran, released } = await releaseDueScheduledStories(Date.now());
    return { ran, work: released.map((r) => r.id) };
  }
  if (job === 'janitor') {
    const outcome = await runJanitorOnce(Date.now());
    return { ran: outcome.ran, work: outcome.ran ? outcome.value : null };
  }
  throw new Error(`unknown job ${job}`);
}

// Connected before the start, so that opening connections does not stagger the runs.
await Promise.all([1, 2, 3].map(() => rows(sql`select pg_sleep(0.05)`)));
const lines = readline.createInterface({ input: process.stdin });
process.stdout.write('ready\n');
for await (const line of lines) if (line.trim() === 'go') break;
const started = clock();
const { ran, work } = await run();
const ended = clock();
process.stdout.write(JSON.stringify({ ran, started, ended, work }) + '\n');
lines.close();
await closeEngine();
