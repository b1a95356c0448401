/**
 * next-auth (v4, the stable line) with email + password. Sessions are JWTs
 * carrying the actor (id, role, academy, name), so a request needs no session
 * lookup in the database.
 */
import 'server-only';
import type { NextAuthOptions, Session } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getServerSession } from 'next-auth';
import { getAppDeps } from '@/server/deps';
import { getEnv } from '@/server/env';
import type { Actor } from '@/server/lib/actor';
import type { UserRole } from '@/server/db/schema/enums';
import { authenticate } from './authenticate';

declare module 'next-auth' {
  interface Session {
    actor: Actor;
  }
  interface User {
    actor: Actor;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    actor?: Actor;
  }
}

let options: NextAuthOptions | undefined;

export function getAuthOptions(): NextAuthOptions {
  options ??= {
    secret: getEnv().authSecret,
    session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
    pages: { signIn: '/sign-in' },
    providers: [
      CredentialsProvider({
        name: 'Email',
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(credentials) {
          const actor = await authenticate(getAppDeps().db, credentials);
          return actor ? { id: String(actor.id), name: actor.name, actor } : null;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user?.actor) token.actor = user.actor;
        return token;
      },
      session({ session, token }) {
        return { ...session, actor: token.actor! } as Session;
      },
    },
  };
  return options;
}

export async function getActor(): Promise<Actor | null> {
  const session = await getServerSession(getAuthOptions());
  const actor = session?.actor;
  if (!actor || typeof actor.id !== 'number') return null;
  return { id: actor.id, role: actor.role as UserRole, academyId: actor.academyId, name: actor.name };
}
