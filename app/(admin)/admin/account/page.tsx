import type { Metadata } from 'next';
import { ActionForm, SubmitButton } from '@/components/ui/action-form';
import { TextField } from '@/components/ui/fields';
import { PageHeader } from '@/components/admin/page-header';
import { Notice } from '@/components/ui/notice';
import { requireStaff } from '@/lib/auth/staff';
import { ROLE_LABELS } from '@/lib/permissions';
import { PASSWORD_MIN } from '@/lib/password';
import { changeOwnPasswordAction } from './actions';

export const metadata: Metadata = { title: 'Your account' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AccountPage({ searchParams }: Props) {
  const user = await requireStaff('admin.enter');
  const passwordSet = (await searchParams)['password-set'] !== undefined;
  return (
    <>
      <PageHeader title="Your account" />
      {passwordSet ? (
        <Notice>Your password is set and you are signed in. Any other session of your account has ended.</Notice>
      ) : null}
      <p className="mb-6 text-sm">
        {user.name} · {user.email} · {ROLE_LABELS[user.role]}
      </p>
      <section aria-labelledby="change-password" className="admin-card max-w-md">
        <h2 id="change-password" className="mb-3 text-lg font-bold">
          Change your password
        </h2>
        <ActionForm action={changeOwnPasswordAction} actionName="account.change-password">
          <TextField name="current" type="password" label="Current password" autoComplete="current-password" required />
          <TextField
            name="password"
            type="password"
            label="New password"
            autoComplete="new-password"
            hint={`At least ${PASSWORD_MIN} characters, not a common password.`}
            required
          />
          <TextField name="confirm" type="password" label="New password again" autoComplete="new-password" required />
          <SubmitButton>Change password</SubmitButton>
        </ActionForm>
      </section>
    </>
  );
}
