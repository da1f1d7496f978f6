import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm, SubmitButton } from '@/components/ui/action-form';
import { SelectField, TextField } from '@/components/ui/fields';
import { AdminTable } from '@/components/admin/admin-table';
import { PageHeader } from '@/components/admin/page-header';
import { ROLES } from '@/lib/domain/roles';
import { listUsers } from '@/db/queries/users';
import { listInvitations } from '@/db/queries/password-links';
import { emailEnabled } from '@/lib/email/mailer';
import { requireStaff } from '@/lib/auth/staff';
import { formatDateTime } from '@/lib/format';
import { ROLE_LABELS } from '@/lib/permissions';
import { PASSWORD_MIN } from '@/lib/password';
import { createUserAction } from './actions';

export const metadata: Metadata = { title: 'Users' };

const roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

export default async function UsersPage() {
  await requireStaff('users.manage');
  const [users, invitations] = await Promise.all([listUsers(), listInvitations()]);
  const email = emailEnabled();
  return (
    <>
      <PageHeader title="Users" />
      <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
        <AdminTable
          className="stack-on-phone"
          rows={users}
          rowKey={(u) => u.id}
          columns={[
            {
              header: 'Name',
              cell: (u) => (
                <Link href={`/admin/users/${u.id}`} className="font-semibold text-brand hover:underline">
                  {u.name}
                </Link>
              ),
            },
            { header: 'E-mail', cell: (u) => u.email },
            { header: 'Role', cell: (u) => ROLE_LABELS[u.role] },
            {
              header: 'State',
              cell: (u) => {
                if (u.disabled) return <span className="font-semibold text-red-700">Disabled</span>;
                const invitation = invitations.get(u.id)?.state;
                if (invitation === 'pending') return 'Invited, waiting';
                if (invitation === 'expired') return <span className="font-semibold">Invitation expired</span>;
                return 'Active';
              },
            },
            { header: 'Changed', className: 'text-muted', cell: (u) => formatDateTime(u.updatedAt) },
          ]}
        />
        <section aria-labelledby="new-user" className="admin-card">
          <h2 id="new-user" className="mb-3 text-lg font-bold">
            New user
          </h2>
          <ActionForm action={createUserAction} actionName="user.create">
            <TextField name="name" label="Name" required />
            <TextField name="email" type="email" label="E-mail" autoComplete="off" required />
            <SelectField name="role" label="Role" options={roleOptions} defaultValue="writer" />
            {email ? (
              <SelectField
                name="access"
                label="How they get in"
                options={[
                  { value: 'password', label: 'Set a password now and give it to them' },
                  { value: 'invite', label: 'Email them an invitation to choose a password' },
                ]}
                defaultValue="password"
                hint="An invitation is a link, valid for 7 days, to choose their own password."
              />
            ) : (
              <p className="mb-4 text-xs text-muted" data-email="off">
                Email is off (SMTP_URL is not set), so you set their first password and give it to them in person.
              </p>
            )}
            <TextField
              name="password"
              type="password"
              label="Initial password"
              autoComplete="new-password"
              hint={
                email
                  ? `When you set a password now: at least ${PASSWORD_MIN} characters, not a common password. Empty for an invitation.`
                  : `At least ${PASSWORD_MIN} characters, not a common password.`
              }
              required={!email}
            />
            <SubmitButton>Create user</SubmitButton>
          </ActionForm>
        </section>
      </div>
    </>
  );
}
