// The re-check of the acting staff member inside each write transaction of a staff action (issue 21
// §1, decision 029). lib/auth/staff-action.ts runs the action's body with a check of the actor; every
// write transaction the staff queries open through staffTransaction() runs that check first, on the
// transaction itself, so a role taken away or an account disabled after the action's first check
// cannot slip a write through. Outside a staff action (command line, jobs, tests) there is no check.
import 'server-only';
import { transaction, type AppDb, type TransactionOptions } from '@/db/engine';
import { ScopedStorage } from '@/db/engine/scoped-storage.cjs';

/** Runs first in the transaction; throws to refuse the write (the transaction rolls back). */
export type ActorCheck = (tx: AppDb) => Promise<void>;

// Enabled only while a staff action runs (db/engine/scoped-storage.cjs).
const actorCheck = new ScopedStorage<ActorCheck>();

/** Runs `fn` with `check` applied to every staffTransaction() it opens. */
export function runWithActorCheck<T>(check: ActorCheck, fn: () => Promise<T>): Promise<T> {
  return actorCheck.run(check, fn);
}

/** transaction() from db/engine, with the running staff action's check of its actor first. */
export function staffTransaction<T>(fn: (tx: AppDb) => Promise<T>, options?: TransactionOptions): Promise<T> {
  const check = actorCheck.getStore();
  if (!check) return transaction(fn, options);
  return transaction(async (tx) => {
    await check(tx);
    return fn(tx);
  }, options);
}
