import Link from 'next/link';
import type { Role } from '@/lib/domain/roles';
import { can, type Permission } from '@/lib/permissions';

export const ADMIN_NAV: { href: string; label: string; permission: Permission }[] = [
  { href: '/admin', label: 'Dashboard', permission: 'admin.enter' },
  { href: '/admin/stories', label: 'Stories', permission: 'story.write' },
  { href: '/admin/front-page', label: 'Front page', permission: 'story.publish' },
  { href: '/admin/media', label: 'Media', permission: 'media.upload' },
  { href: '/admin/sections', label: 'Sections', permission: 'section.manage' },
  { href: '/admin/pages', label: 'Pages', permission: 'furniture.manage' },
  { href: '/admin/partners', label: 'Partners', permission: 'furniture.manage' },
  { href: '/admin/promos', label: 'Promo box', permission: 'furniture.manage' },
  { href: '/admin/insights', label: 'Insights', permission: 'insights.view' },
  { href: '/admin/moderation', label: 'Moderation', permission: 'votes.moderate' },
  { href: '/admin/inbox', label: 'Inbox', permission: 'inbox.read' },
  { href: '/admin/webhooks', label: 'Webhooks', permission: 'webhooks.manage' },
  { href: '/admin/users', label: 'Users', permission: 'users.manage' },
  { href: '/admin/settings', label: 'Site settings', permission: 'settings.manage' },
  { href: '/admin/audit', label: 'Audit log', permission: 'audit.read' },
];

/** Shows only what the role may open; each page still checks for itself. */
export function AdminNav({ role }: { role: Role }) {
  return (
    <nav aria-label="Staff" className="border-t border-rule">
      <ul className="mx-auto flex max-w-7xl gap-x-1 overflow-x-auto px-2 text-sm font-semibold whitespace-nowrap">
        {ADMIN_NAV.filter((item) => can(role, item.permission)).map((item) => (
          <li key={item.href}>
            <Link href={item.href} className="inline-block px-2 py-2 hover:text-brand">
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
