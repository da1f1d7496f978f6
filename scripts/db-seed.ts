// npm run db:seed — loads the demo content into DATABASE_PATH when it has none yet.
import { migrateDatabase, openDatabase } from '../db/client';
import { isEmpty, seedDemoContent } from '../db/seed';
import { databasePath } from '../lib/data-dir';

const file = databasePath();
const db = openDatabase(file);
migrateDatabase(db);
if (isEmpty(db)) {
  const { articles } = seedDemoContent(db);
  console.log(`seeded ${articles} demo stories into ${file}`);
} else {
  console.log(`${file} already has content; nothing seeded`);
}
db.$client.close();
