// Who receives the staff notices sent by email (lib/email/notices.ts), on both engines.
import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { db } from '@/db/engine';
import { users } from '@/db/schema';
import type { Role } from '@/lib/domain/roles';

/** Addresses of the active accounts with one of these roles, once each. */
export async function staffEmails(roles: Role[]): Promise<string[]> {
  const rows = await db()
    .select({ email: users.email })
    .from(users)
    .where(and(inArray(users.role, roles), eq(users.disabled, false)))
    .orderBy(asc(users.id));
  return [...new Set(rows.map((r) => r.email))];
}
