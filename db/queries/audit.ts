import 'server-only';
import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { db, type AppDb } from '@/db/engine';
import { auditLog, users } from '@/db/schema';

export type AuditInput = {
  actorId: number | null;
  action: string;
  objectType: string;
  objectId: string | number;
  detail?: Record<string, unknown>;
};

/** Written inside the transaction of the change it records, so neither exists without the other. */
export async function recordAudit(tx: AppDb, entry: AuditInput, now = Date.now()): Promise<void> {
  await tx.insert(auditLog).values({
    userId: entry.actorId,
    action: entry.action,
    objectType: entry.objectType,
    objectId: String(entry.objectId),
    detail: JSON.stringify(entry.detail ?? {}),
    createdAt: now,
  });
}

export type AuditFilter = { userId?: number; action?: string; objectType?: string; from?: number; to?: number };

function where(f: AuditFilter): SQL | undefined {
  const parts: SQL[] = [];
  if (f.userId !== undefined) parts.push(eq(auditLog.userId, f.userId));
  if (f.action) parts.push(eq(auditLog.action, f.action));
  if (f.objectType) parts.push(eq(auditLog.objectType, f.objectType));
  if (f.from !== undefined) parts.push(gte(auditLog.createdAt, f.from));
  if (f.to !== undefined) parts.push(lt(auditLog.createdAt, f.to));
  return parts.length ? and(...parts) : undefined;
}

export async function listAuditEntries(filter: AuditFilter, { limit, offset }: { limit: number; offset: number }) {
  return db()
    .select({
      id: auditLog.id,
      action: auditLog.action,
      objectType: auditLog.objectType,
      objectId: auditLog.objectId,
      detail: auditLog.detail,
      createdAt: auditLog.createdAt,
      userName: users.name,
      userEmail: users.email,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(where(filter))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit)
    .offset(offset);
}

export async function countAuditEntries(filter: AuditFilter): Promise<number> {
  const [row] = await db()
    .select({ n: sql<number>`count(*)` })
    .from(auditLog)
    .where(where(filter));
  return row?.n ?? 0;
}

export async function listAuditFacets() {
  const [actions, objectTypes] = await Promise.all([
    db().selectDistinct({ v: auditLog.action }).from(auditLog).orderBy(auditLog.action),
    db().selectDistinct({ v: auditLog.objectType }).from(auditLog).orderBy(auditLog.objectType),
  ]);
  return { actions: actions.map((r) => r.v), objectTypes: objectTypes.map((r) => r.v) };
}
