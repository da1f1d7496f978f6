// npm run db:migrate — applies the committed migrations in drizzle/ to DATABASE_PATH (default data/moodwire.db).
import { migrateDatabase, openDatabase } from '../db/client';
import { databasePath } from '../db/config';

const file = databasePath();
const db = openDatabase(file);
migrateDatabase(db);
db.$client.close();
console.log(`migrations applied to ${file}`);
