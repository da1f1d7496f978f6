'use server';

// The two public forms of password links (decision 059): asking for a reset, and choosing a password
// through a link (a reset or an invitation). Not staff actions: nobody is signed in. Both check the
// origin like every public write, and answer bad input with a message that changes nothing.
import { after } from 'next/server';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { AuthError } from 'next-auth';
import { z } from 'zod';
import { signIn } from '@/auth';
import { describePasswordLink, redeemPasswordLink } from '@/db/queries/password-links';
import { assertForm, fieldErrors, type ActionState } from '@/lib/action-state';
import { hashLinkToken, LINK_PROBLEMS, LINK_TOKEN_PATTERN, requestPasswordReset } from '@/lib/auth/password-links';
import { requireSameOrigin } from '@/lib/auth/staff';
import { clientIpFrom } from '@/lib/client-ip';
import { hashPassword, passwordProblem } from '@/lib/password';
import { normalizeAddress } from '@/lib/votes/ip-hash';

const forgotSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, 'Enter the e-mail address of your staff account.')
    .max(254, 'That e-mail address is too long.')
    .email('Enter a valid e-mail address.'),
});

/** "Forgot your password?": the same answer for every address; the lookup and the email come after it. */
export async function requestPasswordResetAction(_state: ActionState, form: FormData): Promise<ActionState> {
  await requireSameOrigin();
  assertForm(form);
  const email = String(form.get('email') ?? '');
  const parsed = forgotSchema.safeParse({ email });
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error.issues), values: { email } };
  const address = normalizeAddress(clientIpFrom(await headers()));
  const { answer, work } = await requestPasswordReset(parsed.data.email, address);
  after(work);
  return answer;
}

const newPasswordSchema = z.object({
  token: z.string().regex(LINK_TOKEN_PATTERN, LINK_PROBLEMS.unknown),
  password: z.string().max(512, 'That password is too long.'),
  confirm: z.string().max(512),
});

/** Sets the password through a link, ends the account's sessions, then signs this browser in with it. */
export async function setPasswordWithLinkAction(_state: ActionState, form: FormData): Promise<ActionState> {
  await requireSameOrigin();
  assertForm(form);
  const parsed = newPasswordSchema.safeParse({
    token: form.get('token') ?? '',
    password: form.get('password') ?? '',
    confirm: form.get('confirm') ?? '',
  });
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error.issues);
    return errors.token ? { ok: false, message: LINK_PROBLEMS.unknown } : { ok: false, errors };
  }
  const { token, password, confirm } = parsed.data;
  const tokenHash = hashLinkToken(token);
  const link = await describePasswordLink(tokenHash);
  if (!link.ok) return { ok: false, message: LINK_PROBLEMS[link.problem] };
  const problem = passwordProblem(password, { email: link.email });
  if (problem) return { ok: false, errors: { password: [problem] } };
  if (password !== confirm) return { ok: false, errors: { confirm: ['The two passwords differ.'] } };
  const redeemed = await redeemPasswordLink(tokenHash, await hashPassword(password));
  if (!redeemed.ok) return { ok: false, message: LINK_PROBLEMS[redeemed.problem] };
  try {
    await signIn('credentials', { email: redeemed.email, password, redirectTo: '/admin/account?password-set=1' });
  } catch (error) {
    // signIn redirects by throwing; a refused sign-in (a throttled address) sends them to the form.
    if (!(error instanceof AuthError)) throw error;
  }
  redirect('/admin/login?password-set=1');
}
