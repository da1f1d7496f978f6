// The part of the next-auth configuration that needs no database or Node-only module: session
// strategy, pages and the token callbacks. auth.ts adds the Credentials provider and the secret.
import type { NextAuthConfig } from 'next-auth';
import { SESSION_COOKIE, sessionLifetimeMs } from '@/lib/auth/session-policy';

export const authConfig = {
  trustHost: true,
  pages: { signIn: '/admin/login' },
  // maxAge and the cookie settings are filled in by auth.ts at request time (SESSION_LIFETIME_HOURS, SITE_URL).
  session: { strategy: 'jwt' },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      // Only at sign-in is `user` set. issuedAt (ms) outlives the token's rolling refreshes, so
      // users.sessions_valid_after can end every session that began before a reset or a disable,
      // and the lifetime is absolute: counted from sign-in, however often the cookie is refreshed.
      if (user?.id) {
        token.uid = Number(user.id);
        token.issuedAt = Date.now();
      }
      if (typeof token.issuedAt === 'number' && Date.now() - token.issuedAt > sessionLifetimeMs()) return null;
      return token;
    },
    session({ session, token }) {
      session.uid = typeof token.uid === 'number' ? token.uid : undefined;
      session.issuedAt = typeof token.issuedAt === 'number' ? token.issuedAt : 0;
      return session;
    },
  },
} satisfies NextAuthConfig;

declare module 'next-auth' {
  interface Session {
    uid?: number;
    issuedAt: number;
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    uid?: number;
    issuedAt?: number;
  }
}

/** Cookie names next-auth may use for the session (plain and Secure-prefixed; large tokens are chunked). */
export const SESSION_COOKIE_PREFIXES = [SESSION_COOKIE, `__Secure-${SESSION_COOKIE}`] as const;
