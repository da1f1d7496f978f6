// drizzle-kit for SQLite: `npm run db:generate` writes migrations for both engines (drizzle.pg.config.ts).
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema/sqlite.ts',
  out: './drizzle/sqlite',
  dbCredentials: { url: process.env.DATABASE_PATH ?? 'data/moodwire.db' },
});
