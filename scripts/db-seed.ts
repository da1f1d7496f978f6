// npm run db:seed — loads the demo content into the configured database when it has none yet:
// DATABASE_URL (postgres://…) when set, else the SQLite file at DATABASE_PATH.
import { migrateDatabase, openDatabase } from '../db/client';
import { isEmpty } from '../db/seed';
import { isPostgresEmpty } from '../db/seed/postgres';
import { seedDemo, seedDemoPostgres } from './lib/seed-demo';
import { closeEngine, engineKind, getEngine } from '../db/engine';
import { redactUrl } from '../db/engine/config';
import { databasePath } from '../db/config';

async function main(): Promise<void> {
  if (engineKind() === 'postgres') {
    const url = process.env.DATABASE_URL!.trim();
    await getEngine().migrate();
    await closeEngine();
    if (await isPostgresEmpty(url))
      console.log(`seeded ${await seedDemoPostgres(url)} demo stories into ${redactUrl(url)}`);
    else console.log(`${redactUrl(url)} already has content; nothing seeded`);
    return;
  }
  const file = databasePath();
  const db = openDatabase(file);
  migrateDatabase(db);
  if (isEmpty(db)) {
    const { articles } = seedDemo(db);
    console.log(`seeded ${articles} demo stories into ${file}`);
  } else {
    console.log(`${file} already has content; nothing seeded`);
  }
  db.$client.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
