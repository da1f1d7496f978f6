// drizzle-kit for PostgreSQL: `npm run db:generate` writes migrations for both engines (drizzle.sqlite.config.ts).
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/pg.ts',
  out: './drizzle/pg',
  dbCredentials: { url: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/moodwire' },
});
