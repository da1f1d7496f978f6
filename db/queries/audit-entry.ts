// The audit entry of a change, written in the change's own transaction, for the modules written against
// db/engine (db/queries/audit.ts keeps the synchronous one until the data layer conversion reaches it).
import 'server-only';
import type { AppDb } from '@/db/engine';
import { auditLog } from '@/db/schema';

export async function writeAudit(
  tx: AppDb,
  entry: { actorId: number | null; action: string; objectType: string; objectId: string | number; detail?: object },
  now = Date.now(),
): Promise<void> {
  await tx.insert(auditLog).values({
    userId: entry.actorId,
    action: entry.action,
    objectType: entry.objectType,
    objectId: String(entry.objectId),
    detail: JSON.stringify(entry.detail ?? {}),
    createdAt: now,
  });
}
