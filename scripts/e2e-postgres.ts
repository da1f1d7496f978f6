// The PostgreSQL half of the browser suite (scripts/test.sh): a database of its own on the server at
// TEST_DATABASE_URL (default the local one), dropped if an earlier run left it, created, migrated
// and seeded with the demo publication, as `npm start` does on PostgreSQL. Prints its address.
import { createPgEngine } from '../db/engine/pg';
import { adminQuery, databaseUrl } from '../tests/helpers/pg-admin';
import { seedDemoPostgres } from './lib/seed-demo';

const name = process.argv[2] || 'moodwire_e2e';
if (!/^[a-z][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Not a database name: ${name}`);

try {
  await adminQuery(`drop database if exists "${name}" with (force)`);
} catch (error) {
  // scripts/test.sh reads this as "no PostgreSQL here" and says so in one line.
  console.error(`[e2e] PostgreSQL not usable at TEST_DATABASE_URL: ${(error as Error).message}`);
  process.exit(1);
}
await adminQuery(`create database "${name}"`);
const url = databaseUrl(name);
const engine = createPgEngine({ url, poolSize: 1 });
try {
  await engine.migrate();
} finally {
  await engine.close();
}
const stories = await seedDemoPostgres(url);
console.error(`[e2e] ${name}: migrated, ${stories} demo stories`);
console.log(url);
