// The staff roles. What each may do is lib/permissions.ts; the users table CHECKs the list.
export const ROLES = ['writer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];
