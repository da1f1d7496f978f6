import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { ActionForm, SubmitButton } from '@/components/ui/action-form';
import { TextField } from '@/components/ui/fields';
import { currentStaff } from '@/lib/auth/staff';
import { safeNextPath } from '@/lib/proxy/admin';
import { signInAction } from './actions';

export const metadata: Metadata = { title: 'Sign in' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: Props) {
  const params = await searchParams;
  const next = safeNextPath(params.next);
  if (await currentStaff()) redirect(next);
  return (
    <div className="mx-auto mt-8 max-w-sm rounded border border-rule bg-paper p-6 shadow-sm">
      <h1 className="mb-4 text-2xl font-bold">Staff sign-in</h1>
      {params['signed-out'] !== undefined ? (
        <p role="status" className="mb-4 text-sm text-muted">
          You are signed out.
        </p>
      ) : null}
      {params['password-set'] !== undefined ? (
        <p role="status" className="mb-4 text-sm text-muted">
          Your new password is set and every session of your account has ended. Sign in with it.
        </p>
      ) : null}
      <ActionForm action={signInAction} actionName="auth.sign-in">
        <input type="hidden" name="next" value={next} />
        <TextField name="email" type="email" label="E-mail" autoComplete="username" required />
        <TextField name="password" type="password" label="Password" autoComplete="current-password" required />
        <SubmitButton>Sign in</SubmitButton>
      </ActionForm>
      <p className="mt-4 text-sm">
        <Link href="/admin/login/forgot" className="text-brand hover:underline">
          Forgot your password?
        </Link>
      </p>
    </div>
  );
}
