import Link from 'next/link';
import type { Metadata } from 'next';
import { AdminNav } from '@/components/admin/admin-nav';
import { currentStaff } from '@/lib/auth/staff';
import { ROLE_LABELS } from '@/lib/permissions';
import { getSiteSettings } from '@/db/queries/site';
import { signOutAction } from './login/actions';

export const metadata: Metadata = {
  title: { default: 'Staff', template: '%s · Staff' },
  robots: { index: false, follow: false },
};

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await currentStaff();
  // The publication's own name, and the way back to it: staff work for a newsroom, not for the software.
  const { siteName } = await getSiteSettings();
  return (
    <div className="min-h-screen bg-black/[0.02] dark:bg-white/[0.02]">
      <header className="border-b border-rule bg-paper">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div className="flex min-w-0 flex-wrap items-baseline gap-x-3">
            <p className="font-serif text-xl font-bold break-words text-brand">
              <Link href="/admin">{siteName}</Link>
              <span className="sr-only"> staff area</span>
            </p>
            {/* A full page load: reader pages run without Next's client runtime (decision 016). */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
            <a href="/" className="text-sm font-semibold hover:underline">
              View the site ↗
            </a>
          </div>
          {user ? (
            <div className="flex flex-wrap items-center gap-3 text-sm">
              <Link href="/admin/account" className="hover:underline">
                {user.name} <span className="text-muted">· {ROLE_LABELS[user.role]}</span>
              </Link>
              <form action={signOutAction} data-action="auth.sign-out">
                <button type="submit" className="rounded border border-rule px-3 py-1 font-semibold hover:border-ink">
                  Sign out
                </button>
              </form>
            </div>
          ) : null}
        </div>
        {user ? <AdminNav role={user.role} /> : null}
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-6 focus:outline-none">
        {children}
      </main>
    </div>
  );
}
