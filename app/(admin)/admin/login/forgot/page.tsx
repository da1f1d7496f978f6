import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm, SubmitButton } from '@/components/ui/action-form';
import { TextField } from '@/components/ui/fields';
import { emailEnabled } from '@/lib/email/mailer';
import { requestPasswordResetAction } from '../password-actions';

export const metadata: Metadata = { title: 'Forgot your password?' };

// Whether email is on is read per request (SMTP_URL at run time), never frozen into a build.
export const dynamic = 'force-dynamic';

export default function ForgotPasswordPage() {
  return (
    <div className="mx-auto mt-8 max-w-sm rounded border border-rule bg-paper p-6 shadow-sm">
      <h1 className="mb-4 text-2xl font-bold">Forgot your password?</h1>
      {emailEnabled() ? (
        <>
          <p className="mb-4 text-sm">
            Enter the e-mail address of your staff account. If it has one, we send it a link to choose a new password;
            the link works once, for one hour.
          </p>
          <ActionForm action={requestPasswordResetAction} actionName="auth.request-reset">
            <TextField name="email" type="email" label="E-mail" autoComplete="username" required />
            <SubmitButton>Send me a link</SubmitButton>
          </ActionForm>
        </>
      ) : (
        <p className="mb-4 text-sm" data-email="off">
          Email is off on this site, so a reset link cannot be sent. Ask an administrator: they can set a new password
          for you under Users.
        </p>
      )}
      <p className="mt-4 text-sm">
        <Link href="/admin/login" className="text-brand hover:underline">
          Back to sign-in
        </Link>
      </p>
    </div>
  );
}
