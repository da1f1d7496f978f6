// next-auth v5: Credentials sign-in with JWT sessions in an HttpOnly cookie. No /api/auth route is
// mounted: sign-in and sign-out are server actions, so the only way in is the /admin/login form.
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { authConfig } from '@/auth.config';
import { checkCredentials } from '@/lib/auth/credentials';
import { sessionCookieSettings, sessionLifetimeMs } from '@/lib/auth/session-policy';
import { authSecret } from '@/lib/data-dir';
import { siteUrl } from '@/lib/domain/routes';

// The config is a function so the secret is read at the first request, not while `next build` runs.
export const { auth, signIn, signOut } = NextAuth(() => {
  const cookie = sessionCookieSettings(siteUrl());
  return {
    ...authConfig,
    secret: authSecret(),
    session: { strategy: 'jwt', maxAge: Math.ceil(sessionLifetimeMs() / 1000), updateAge: 60 * 60 },
    useSecureCookies: cookie.useSecureCookies,
    cookies: { sessionToken: { name: cookie.name, options: cookie.options } },
    // A wrong password or a stale/forged session cookie is an everyday event, not a server error
    // worth a stack trace in the log.
    logger: {
      error: (error: Error) => {
        if (error instanceof CredentialsSignin) return;
        if ((error as { type?: string }).type === 'JWTSessionError')
          return console.warn('[auth] ignored an unreadable session cookie');
        console.error('[auth]', error);
      },
    },
    providers: [
      Credentials({
        credentials: { email: { type: 'email' }, password: { type: 'password' } },
        authorize: (credentials, request) => checkCredentials(credentials, request),
      }),
    ],
  };
});
