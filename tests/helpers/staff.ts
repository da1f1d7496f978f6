// Staff accounts for tests: one per role, with known passwords, written straight into the database.
import type { Role } from '../../db/schema';
import { e2eQuery } from './e2e-db';
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

/**
 * Creates the three accounts, or puts them back as they should be (enabled, right role, known
 * password), in a SQLite file of a test's own server, or without one in the main e2e server's
 * database on either engine (tests/helpers/e2e-db.ts).
 */
export async function ensureStaffUsers(databaseFile?: string): Promise<Record<StaffRole, number>> {
  const ids = {} as Record<StaffRole, number>;
  const now = Date.now() - 60_000;
  for (const [key, s] of Object.entries(STAFF) as [StaffRole, (typeof STAFF)[StaffRole]][]) {
    const passwordHash = await hashPassword(s.password);
    const [existing] = await e2eQuery<{ id: number }>('select id from users where email = ?', [s.email], databaseFile);
    if (existing) {
      await e2eQuery(
        'update users set password_hash = ?, role = ?, disabled = false, name = ? where id = ?',
        [passwordHash, s.role, s.name, existing.id],
        databaseFile,
      );
      ids[key] = Number(existing.id);
    } else {
      const [row] = await e2eQuery<{ id: number }>(
        `insert into users (email, name, role, password_hash, sessions_valid_after, created_at, updated_at)
         values (?, ?, ?, ?, ?, ?, ?) returning id`,
        [s.email, s.name, s.role, passwordHash, now, now, now],
        databaseFile,
      );
      ids[key] = Number(row!.id);
    }
  }
  return ids;
}
