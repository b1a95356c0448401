/**
 * next-auth (v4, the stable line) with email + password. Sessions are JWTs
 * carrying the actor (id, role, academy, name) and the user's session
 * version; every request checks them against the users row
 * (session-actor.ts), so deactivation and role or academy changes end a
 * session at once. Cookies are Secure whenever APP_URL is https.
 */
import 'server-only';
import type { NextAuthOptions, Session } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getServerSession } from 'next-auth';
import { getAppDeps } from '@/server/deps';
import { getEnv } from '@/server/env';
import type { Actor } from '@/server/lib/actor';
import { authenticate } from './authenticate';
import { clientAddress } from './client-address';
import { resolveSessionActor } from './session-actor';

declare module 'next-auth' {
  interface Session {
    actor: Actor;
    sessionVersion?: number;
  }
  interface User {
    actor: Actor;
    sessionVersion: number;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    actor?: Actor;
    sessionVersion?: number;
  }
}

/** What the sign-in form shows for a throttled attempt: `TooManyAttempts:<seconds>`. */
export const THROTTLED_ERROR_PREFIX = 'TooManyAttempts:';

let options: NextAuthOptions | undefined;

export function getAuthOptions(): NextAuthOptions {
  options ??= {
    secret: getEnv().authSecret,
    useSecureCookies: getEnv().appUrl.startsWith('https://'),
    session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
    pages: { signIn: '/sign-in' },
    providers: [
      CredentialsProvider({
        name: 'Email',
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(credentials, req) {
          const deps = getAppDeps();
          const result = await authenticate(deps.db, credentials, { address: clientAddress(req?.headers ?? {}), now: deps.clock.now() });
          if (result.ok) return { id: String(result.actor.id), name: result.actor.name, actor: result.actor, sessionVersion: result.sessionVersion };
          // next-auth hands a thrown message to the form as `error`; the form words it in the user's language.
          if (result.reason === 'throttled') throw new Error(`${THROTTLED_ERROR_PREFIX}${result.retryAfterSeconds}`);
          return null;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user?.actor) {
          token.actor = user.actor;
          token.sessionVersion = user.sessionVersion;
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, actor: token.actor!, sessionVersion: token.sessionVersion } as Session;
      },
    },
  };
  return options;
}

export async function getActor(): Promise<Actor | null> {
  const session = await getServerSession(getAuthOptions());
  const actor = session?.actor;
  if (!actor || typeof actor.id !== 'number') return null;
  return resolveSessionActor(getAppDeps().db, { actor, sessionVersion: session.sessionVersion });
}
