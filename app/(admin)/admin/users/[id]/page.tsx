import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ActionForm, SubmitButton } from '@/components/ui/action-form';
import { SelectField, TextField } from '@/components/ui/fields';
import { PageHeader } from '@/components/admin/page-header';
import { ROLES } from '@/lib/domain/roles';
import { getUserById } from '@/db/queries/users';
import { requireStaff } from '@/lib/auth/staff';
import { ROLE_LABELS } from '@/lib/permissions';
import { PASSWORD_MIN } from '@/lib/password';
import {
  linkAuthorAction,
  resendInvitationAction,
  resetUserPasswordAction,
  setUserDisabledAction,
  updateUserAction,
} from '../actions';
import { listInvitations } from '@/db/queries/password-links';
import { emailEnabled } from '@/lib/email/mailer';
import { formatDateTime } from '@/lib/format';
import { listAuthors } from '@/db/queries/admin-stories';
import { Notice } from '@/components/ui/notice';

export const metadata: Metadata = { title: 'User' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function UserPage({ params, searchParams }: Props) {
  const actor = await requireStaff('users.manage');
  const { id } = await params;
  const user = /^\d{1,9}$/.test(id) ? await getUserById(Number(id)) : undefined;
  if (!user) notFound();
  const query = await searchParams;
  const created = query.created !== undefined;
  const invitation = (await listInvitations()).get(user.id);
  const email = emailEnabled();
  return (
    <>
      <PageHeader title={user.name} back={{ href: '/admin/users', label: 'Users' }} />
      {created ? (
        <Notice>User created. Give them their password in person; they can change it under their account.</Notice>
      ) : null}
      {query.invited === 'sent' ? (
        <Notice>User created and invited: they get an email with a link to choose their password.</Notice>
      ) : null}
      {query.invited === 'not-sent' ? (
        <Notice tone="problem">
          User created, but the mail server did not take the invitation. Send it again below, or set a password.
        </Notice>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <section aria-labelledby="details" className="admin-card">
          <h2 id="details" className="mb-3 text-lg font-bold">
            Details and role
          </h2>
          <ActionForm action={updateUserAction} actionName="user.update">
            <input type="hidden" name="id" value={user.id} />
            <TextField name="name" label="Name" defaultValue={user.name} required />
            <TextField name="email" type="email" label="E-mail" defaultValue={user.email} required />
            <SelectField
              name="role"
              label="Role"
              options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
              defaultValue={user.role}
            />
            <SubmitButton>Save</SubmitButton>
          </ActionForm>
        </section>
        <section aria-labelledby="author-page" className="admin-card">
          <h2 id="author-page" className="mb-3 text-lg font-bold">
            Author page and byline
          </h2>
          <ActionForm action={linkAuthorAction} actionName="user.link-author">
            <input type="hidden" name="id" value={user.id} />
            <SelectField
              name="authorId"
              label="Author page"
              options={[
                { value: '', label: 'None' },
                ...(await listAuthors()).map((a) => ({ value: String(a.id), label: a.name })),
              ]}
              defaultValue={user.authorId ? String(user.authorId) : ''}
              hint="Their new stories get this page as author and its name as byline."
            />
            <SubmitButton>Save author page</SubmitButton>
          </ActionForm>
        </section>
        <section aria-labelledby="password" className="admin-card">
          <h2 id="password" className="mb-3 text-lg font-bold">
            Reset password
          </h2>
          <ActionForm action={resetUserPasswordAction} actionName="user.reset-password">
            <input type="hidden" name="id" value={user.id} />
            <TextField
              name="password"
              type="password"
              label="New password"
              autoComplete="new-password"
              hint={`At least ${PASSWORD_MIN} characters. Their sessions end at once.`}
              required
            />
            <SubmitButton>Reset password</SubmitButton>
          </ActionForm>
        </section>
        {invitation && invitation.state !== 'accepted' && !user.disabled ? (
          <section aria-labelledby="invitation" className="admin-card">
            <h2 id="invitation" className="mb-3 text-lg font-bold">
              Invitation
            </h2>
            <p className="mb-3 text-sm" data-invitation={invitation.state}>
              {invitation.state === 'pending'
                ? `Sent ${formatDateTime(invitation.sentAt)}; waiting. The link works until ${formatDateTime(invitation.expiresAt)}.`
                : `Sent ${formatDateTime(invitation.sentAt)}; expired ${formatDateTime(invitation.expiresAt)} without being used.`}
            </p>
            {email ? (
              <ActionForm action={resendInvitationAction} actionName="user.resend-invitation">
                <input type="hidden" name="id" value={user.id} />
                <SubmitButton variant="secondary">Send the invitation again</SubmitButton>
              </ActionForm>
            ) : (
              <p className="text-sm text-muted" data-email="off">
                Email is off: reset their password and give it to them in person.
              </p>
            )}
          </section>
        ) : null}
        <section aria-labelledby="access" className="admin-card">
          <h2 id="access" className="mb-3 text-lg font-bold">
            Access
          </h2>
          <p className="mb-3 text-sm">
            This account is <strong>{user.disabled ? 'disabled' : 'active'}</strong>.
          </p>
          <ActionForm action={setUserDisabledAction} actionName="user.set-disabled">
            <input type="hidden" name="id" value={user.id} />
            <input type="hidden" name="disabled" value={user.disabled ? '0' : '1'} />
            {user.id === actor.id && !user.disabled ? (
              <p className="text-sm text-muted">You cannot disable your own account.</p>
            ) : (
              <SubmitButton variant={user.disabled ? 'secondary' : 'danger'}>
                {user.disabled ? 'Enable account' : 'Disable account'}
              </SubmitButton>
            )}
          </ActionForm>
        </section>
      </div>
    </>
  );
}
