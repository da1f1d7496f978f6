// next-auth v5: Credentials sign-in with JWT sessions in an HttpOnly cookie. No /api/auth route is
// mounted: sign-in and sign-out are server actions, so the only way in is the /admin/login form.
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { authConfig } from '@/auth.config';
import { checkCredentials } from '@/lib/auth/credentials';
import { authSecret } from '@/lib/data-dir';

// The config is a function so the secret is read at the first request, not while `next build` runs.
export const { auth, signIn, signOut } = NextAuth(() => ({
  ...authConfig,
  secret: authSecret(),
  // A wrong password is an everyday event, not a server error worth a stack trace in the log.
  logger: { error: (error: Error) => (error instanceof CredentialsSignin ? undefined : console.error('[auth]', error)) },
  providers: [
    Credentials({
      credentials: { email: { type: 'email' }, password: { type: 'password' } },
      authorize: (credentials, request) => checkCredentials(credentials, request),
    }),
  ],
}));
