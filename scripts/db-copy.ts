// npm run db:copy -- --to postgres://…            copy this site's SQLite file into an empty PostgreSQL database
// npm run db:copy -- --from postgres://… --to FILE copy a PostgreSQL site back into a new SQLite file
// --from defaults to the configured database (DATABASE_URL, else DATABASE_PATH). Uploaded photos come
// along: the media folder beside a SQLite file becomes media_files rows, and back (decision 055). Stop the site, or
// set DATABASE_READ_ONLY=1 on it, while copying: votes cast after the copy's snapshot are not copied.
import path from 'node:path';
import { copyDatabase, type Endpoint } from '../db/copy';
import { isPostgresUrl, redactUrl } from '../db/engine/config';
import { databasePath } from '../db/config';
import { mediaFolderOf } from '../db/media-folder';

const USAGE = 'usage: npm run db:copy -- --to postgres://user@host/db   or   --from postgres://… --to FILE.db';

function endpoint(value: string): Endpoint {
  if (isPostgresUrl(value)) return { kind: 'postgres', url: value.trim() };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) throw new Error(`Not a PostgreSQL address or a file: ${value}`);
  return { kind: 'sqlite', file: path.resolve(value) };
}

function parse(argv: string[]): { from: Endpoint; to: Endpoint } {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i]!;
    if (name !== '--from' && name !== '--to') throw new Error(`Unknown argument ${name}. ${USAGE}`);
    const value = argv[++i];
    if (!value) throw new Error(`${name} needs a value. ${USAGE}`);
    args.set(name, value);
  }
  const to = args.get('--to');
  if (!to) throw new Error(USAGE);
  const configured = isPostgresUrl(process.env.DATABASE_URL) ? process.env.DATABASE_URL! : databasePath();
  return { from: endpoint(args.get('--from') ?? configured), to: endpoint(to) };
}

const show = (e: Endpoint) => (e.kind === 'sqlite' ? `SQLite ${e.file}` : `PostgreSQL ${redactUrl(e.url)}`);

async function main(): Promise<void> {
  let plan: { from: Endpoint; to: Endpoint };
  try {
    plan = parse(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  console.log(`copying ${show(plan.from)} → ${show(plan.to)}`);
  const report = await copyDatabase(plan.from, plan.to, (line) => console.log(line));
  const rows = report.tables.reduce((n, t) => n + t.rows, 0);
  console.log(`done: ${rows} rows in ${report.tables.length} tables, ${(report.ms / 1000).toFixed(1)} s`);
  const renditions = report.tables.find((t) => t.table === 'media_files')?.rows ?? 0;
  console.log(
    plan.to.kind === 'postgres'
      ? `uploaded photos: ${renditions} renditions from the media folder beside the SQLite file are rows now (media_files)`
      : `uploaded photos: ${renditions} renditions written to ${mediaFolderOf(plan.to.file)}`,
  );
}

main().catch((error: unknown) => {
  console.error(`db:copy failed, nothing was committed to the target: ${(error as Error).message}`);
  process.exit(1);
});
