// npm run bench:engines: SQLite and PostgreSQL side by side (issue 17 §6), from the last full runs of
// `npm run bench` (bench/results.json) and `npm run bench -- --db postgres` (bench/results-postgres.json).
// Prints a Markdown table for the README. "app CPU" is the Next server's own CPU per request; on
// PostgreSQL the database server's CPU comes on top.
import fs from 'node:fs';
import path from 'node:path';
import { BENCH_DIR } from './prepare';
import { renderEngines, type EngineResults } from './report';

function load(file: string): EngineResults {
  const full = path.join(BENCH_DIR, file);
  if (!fs.existsSync(full)) {
    console.error(`[bench:engines] ${full} is missing: run ${file === 'results.json' ? 'npm run bench' : 'npm run bench -- --db postgres'} first`);
    process.exit(1);
  }
  return JSON.parse(fs.readFileSync(full, 'utf8')) as EngineResults;
}

const sqlite = load('results.json');
const postgres = load('results-postgres.json');
const when = (r: EngineResults) => `${r.mode ?? '?'} run finished ${r.finishedAt ?? '?'}`;
console.log(`SQLite: ${when(sqlite)}; PostgreSQL: ${when(postgres)}\n`);
console.log(renderEngines(sqlite, postgres));
