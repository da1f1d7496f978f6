import 'server-only';
import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import type { DB } from '@/db/client';
import { engineKind, type AppDb } from '@/db/engine';
import { auditLog, users } from '@/db/schema';

type Tx = Pick<DB, 'insert'>;

export type AuditInput = {
  actorId: number | null;
  action: string;
  objectType: string;
  objectId: string | number;
  detail?: Record<string, unknown>;
};

/**
 * Written inside the transaction of the change it records, so neither exists without the other.
 * Converted callers await it in a transaction() of db/engine; on SQLite it also runs at once, for the
 * callers still inside a synchronous getDb() transaction (until audit.ts is converted).
 */
export function recordAudit(tx: Tx | AppDb, entry: AuditInput, now = Date.now()): Promise<void> {
  const insert = tx.insert(auditLog).values({
    userId: entry.actorId,
    action: entry.action,
    objectType: entry.objectType,
    objectId: String(entry.objectId),
    detail: JSON.stringify(entry.detail ?? {}),
    createdAt: now,
  });
  if (engineKind() === 'sqlite') {
    insert.run();
    return Promise.resolve();
  }
  return insert.then(() => undefined);
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

export function listAuditEntries(filter: AuditFilter, { limit, offset }: { limit: number; offset: number }) {
  return getDb()
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
    .offset(offset)
    .all();
}

export function countAuditEntries(filter: AuditFilter): number {
  return (
    getDb()
      .select({ n: sql<number>`count(*)` })
      .from(auditLog)
      .where(where(filter))
      .get()?.n ?? 0
  );
}

export function listAuditFacets() {
  const db = getDb();
  return {
    actions: db
      .selectDistinct({ v: auditLog.action })
      .from(auditLog)
      .orderBy(auditLog.action)
      .all()
      .map((r) => r.v),
    objectTypes: db
      .selectDistinct({ v: auditLog.objectType })
      .from(auditLog)
      .orderBy(auditLog.objectType)
      .all()
      .map((r) => r.v),
  };
}
