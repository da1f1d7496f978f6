// npm run db:seed — loads the demo content into DATABASE_PATH when it has none yet.
import { migrateDatabase, openDatabase } from '../db/client';
import { isEmpty } from '../db/seed';
import { seedDemo } from './lib/seed-demo';
import { databasePath } from '../db/config';

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
