import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm, SubmitButton } from '@/components/ui/action-form';
import { TextField } from '@/components/ui/fields';
import { Notice } from '@/components/ui/notice';
import { describePasswordLink } from '@/db/queries/password-links';
import { hashLinkToken, LINK_PROBLEMS, LINK_TOKEN_PATTERN } from '@/lib/auth/password-links';
import { PASSWORD_MIN } from '@/lib/password';
import { setPasswordWithLinkAction } from '../password-actions';

// No stricter Referrer-Policy here: "no-referrer" makes a browser send "Origin: null" with the form
// post, which the origin check refuses. The site's policy (strict-origin-when-cross-origin) never
// sends the address, with its token, to another site.
export const metadata: Metadata = { title: 'Choose your password' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The page a reset link or an invitation opens. Opening it changes nothing (mail scanners follow
 * links too): only posting the form uses the link.
 */
export default async function NewPasswordPage({ searchParams }: Props) {
  const token = (await searchParams).token;
  const valid = typeof token === 'string' && LINK_TOKEN_PATTERN.test(token);
  const link = valid ? await describePasswordLink(hashLinkToken(token)) : ({ ok: false, problem: 'unknown' } as const);
  const invite = link.ok && link.purpose === 'invite';
  return (
    <div className="mx-auto mt-8 max-w-sm rounded border border-rule bg-paper p-6 shadow-sm">
      <h1 className="mb-4 text-2xl font-bold">{invite ? 'Welcome: choose your password' : 'Choose a new password'}</h1>
      {link.ok ? (
        <>
          <p className="mb-4 text-sm">
            For {link.name} · {link.email}.{' '}
            {invite
              ? 'You sign in with this address and the password you choose.'
              : 'Every session of this account ends when you save, and this browser is signed in.'}
          </p>
          <ActionForm action={setPasswordWithLinkAction} actionName="auth.set-password">
            <input type="hidden" name="token" value={token} />
            <TextField
              name="password"
              type="password"
              label={invite ? 'Password' : 'New password'}
              autoComplete="new-password"
              hint={`At least ${PASSWORD_MIN} characters, not a common password.`}
              required
            />
            <TextField
              name="confirm"
              type="password"
              label="The same password again"
              autoComplete="new-password"
              required
            />
            <SubmitButton>{invite ? 'Set password and sign in' : 'Save new password'}</SubmitButton>
          </ActionForm>
        </>
      ) : (
        <Notice tone="problem">{LINK_PROBLEMS[link.problem]}</Notice>
      )}
      <p className="mt-4 flex flex-wrap gap-4 text-sm">
        <Link href="/admin/login/forgot" className="text-brand hover:underline">
          Ask for a new link
        </Link>
        <Link href="/admin/login" className="text-brand hover:underline">
          Sign in
        </Link>
      </p>
    </div>
  );
}
