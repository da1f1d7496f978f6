// The one permission table: which staff role may do what. Every admin page, server action and route
// handler asks `can()` (through requireStaff in lib/auth/staff.ts); the e2e matrix test is generated
// from this table, so changing a role here changes what the tests expect.
import type { Role } from '@/lib/domain/roles';

export const PERMISSIONS = [
  'admin.enter', // the dashboard and one's own account
  'story.write', // create stories and edit one's own drafts, submit them for review
  'story.edit-any', // edit any story, whatever its author or status
  'story.publish', // publish, schedule and unpublish
  'media.upload', // hero images (on stories one may edit)
  'section.manage',
  'furniture.manage', // static pages, partners, promo box
  'inbox.read', // contact messages
  'insights.view', // the insights dashboard and every story's insights
  'insights.own', // insights of the stories one wrote (createdBy)
  'votes.moderate', // vote bursts: void them; pause and resume voting on a story
  'webhooks.manage', // webhook addresses and their delivery log
  'settings.manage', // site name and tagline; whether webhooks may post to private addresses
  'users.manage',
  'audit.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const WRITER: Permission[] = ['admin.enter', 'story.write', 'media.upload', 'insights.own'];
const EDITOR: Permission[] = [
  ...WRITER,
  'story.edit-any',
  'story.publish',
  'section.manage',
  'furniture.manage',
  'inbox.read',
  'insights.view',
  'votes.moderate',
  'webhooks.manage',
];
const ADMIN: Permission[] = [...PERMISSIONS];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  writer: new Set(WRITER),
  editor: new Set(EDITOR),
  admin: new Set(ADMIN),
};

export const ROLE_LABELS: Record<Role, string> = { writer: 'Writer', editor: 'Editor', admin: 'Administrator' };

export function can(role: Role | null | undefined, permission: Permission): boolean {
  return role ? ROLE_PERMISSIONS[role].has(permission) : false;
}

/** Writers may touch only their own stories, and only before an editor has published or scheduled them. */
export function canEditStory(
  user: { id: number; role: Role },
  story: { createdBy: number | null; status: string },
): boolean {
  if (can(user.role, 'story.edit-any')) return true;
  return (
    can(user.role, 'story.write') &&
    story.createdBy === user.id &&
    (story.status === 'draft' || story.status === 'review')
  );
}

/** Previews follow edit rights, except that a writer may still preview their own published story. */
export function canPreviewStory(
  user: { id: number; role: Role },
  story: { createdBy: number | null; status: string },
): boolean {
  return can(user.role, 'story.edit-any') || (can(user.role, 'story.write') && story.createdBy === user.id);
}

/** A story's insights: editors and admins see every story's, writers those of the stories they wrote. */
export function canViewStoryInsights(user: { id: number; role: Role }, story: { createdBy: number | null }): boolean {
  return can(user.role, 'insights.view') || (can(user.role, 'insights.own') && story.createdBy === user.id);
}
