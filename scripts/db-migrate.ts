// npm run db:migrate — applies the committed migrations of the configured engine: drizzle/pg to
// DATABASE_URL (PostgreSQL), else drizzle/sqlite to DATABASE_PATH (default data/moodwire.db).
import { closeEngine, engineKind, getEngine } from '../db/engine';
import { redactUrl } from '../db/engine/config';
import { databasePath } from '../db/config';

async function main(): Promise<void> {
  const where = engineKind() === 'postgres' ? redactUrl(process.env.DATABASE_URL!) : databasePath();
  const engine = getEngine();
  await engine.migrate();
  const state = await engine.migrationState();
  await closeEngine();
  console.log(`migrations applied to ${where} (${state.applied} of ${state.expected})`);
}

main().catch((error: unknown) => {
  console.error(`db:migrate failed: ${(error as Error).message}`);
  process.exit(1);
});
