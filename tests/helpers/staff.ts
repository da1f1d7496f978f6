// Staff accounts for tests: one per role, with known passwords, written straight into a database file.
import { eq } from 'drizzle-orm';
import { openDatabase } from '../../db/client';
import { insertUser } from '../../db/accounts';
import { users, type Role } from '../../db/schema';
import { hashPassword } from '../../lib/password';

export const STAFF = {
  writer: {
    email: 'writer@e2e.moodwire.test',
    password: 'writer-Kettle-Orbit-41',
    name: 'Wren Writer',
    role: 'writer',
  },
  editor: { email: 'editor@e2e.moodwire.test', password: 'editor-Lantern-Quay-52', name: 'Eda Editor', role: 'editor' },
  admin: { email: 'admin@e2e.moodwire.test', password: 'admin-Harbour-Vane-63', name: 'Ada Admin', role: 'admin' },
} as const satisfies Record<string, { email: string; password: string; name: string; role: Role }>;

export type StaffRole = keyof typeof STAFF;

/** Creates the three accounts, or puts them back as they should be (enabled, right role, known password). */
export async function ensureStaffUsers(databaseFile: string): Promise<Record<StaffRole, number>> {
  const db = openDatabase(databaseFile);
  try {
    const ids = {} as Record<StaffRole, number>;
    for (const [key, s] of Object.entries(STAFF) as [StaffRole, (typeof STAFF)[StaffRole]][]) {
      const passwordHash = await hashPassword(s.password);
      const existing = db.select({ id: users.id }).from(users).where(eq(users.email, s.email)).get();
      if (existing) {
        db.update(users)
          .set({ passwordHash, role: s.role, disabled: false, name: s.name })
          .where(eq(users.id, existing.id))
          .run();
        ids[key] = existing.id;
      } else {
        ids[key] = await insertUser(db, {
          email: s.email,
          name: s.name,
          role: s.role,
          passwordHash,
          now: Date.now() - 60_000,
        });
      }
    }
    return ids;
  } finally {
    db.$client.close();
  }
}
