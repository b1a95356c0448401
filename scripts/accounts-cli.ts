/**
 * npm run accounts -- <command> EMAIL
 *
 *   create-super-admin EMAIL [--name NAME]   the first account of a fresh installation;
 *                                            the password is read from standard input
 *   deactivate EMAIL                         signs the user out everywhere at once, refuses
 *                                            their next sign-in and removes them from live rooms
 *   activate EMAIL                           lets them sign in again
 *
 * A production start seeds nothing, so this is how an operator gets in.
 * Configuration as the app's: DATABASE_URL (default: the embedded server the
 * dev script runs, on HALAQA_PG_PORT) and, to remove a user from live rooms,
 * LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET.
 */
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { hashPassword } from '@/server/lib/password';
import { createDb } from '@/server/db';
import { users } from '@/server/db/schema';
import { createLivekitGateway } from '@/server/livekit/gateway';
import { setUserActive } from '@/server/modules/accounts';
import { MIN_PASSWORD_LENGTH } from '@/shared/people/password-rule';
import { PG_PASSWORD, PG_USER } from './infra/postgres';


async function readPassword(): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
  process.stderr.write(`Password (at least ${MIN_PASSWORD_LENGTH} characters): `);
  const line = (await rl[Symbol.asyncIterator]().next()).value ?? '';
  rl.close();
  return String(line).replace(/\r?\n$/, '');
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { name: { type: 'string' } } });
  const [command, rawEmail] = positionals;
  const email = z.string().email().safeParse(rawEmail?.trim().toLowerCase());
  if (!command || !['create-super-admin', 'deactivate', 'activate'].includes(command) || !email.success) {
    console.error('usage: npm run accounts -- create-super-admin|deactivate|activate EMAIL [--name NAME]');
    return 2;
  }
  const env = process.env;
  const handle = createDb(env.DATABASE_URL ?? `postgres://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${env.HALAQA_PG_PORT ?? 54329}/halaqa`, { max: 2 });
  try {
    if (command === 'create-super-admin') {
      const password = await readPassword();
      if (password.length < MIN_PASSWORD_LENGTH) {
        console.error(`The password must have at least ${MIN_PASSWORD_LENGTH} characters.`);
        return 2;
      }
      const [created] = await handle.db
        .insert(users)
        .values({ academyId: null, role: 'super_admin', email: email.data, name: values.name ?? 'Administrator', passwordHash: await hashPassword(password), passwordSetAt: new Date() })
        .onConflictDoNothing({ target: users.email })
        .returning({ id: users.id });
      if (!created) {
        console.error(`${email.data} already has an account.`);
        return 1;
      }
      console.log(`super admin ${email.data} created`);
      return 0;
    }
    const [user] = await handle.db.select({ id: users.id }).from(users).where(eq(users.email, email.data));
    if (!user) {
      console.error(`No account for ${email.data}.`);
      return 1;
    }
    const livekit =
      env.LIVEKIT_URL && env.LIVEKIT_API_KEY && env.LIVEKIT_API_SECRET
        ? createLivekitGateway({ wsUrl: env.LIVEKIT_URL, apiUrl: env.LIVEKIT_API_URL ?? env.LIVEKIT_URL.replace(/^ws/, 'http'), apiKey: env.LIVEKIT_API_KEY, apiSecret: env.LIVEKIT_API_SECRET })
        : null;
    const { removedFromRooms } = await setUserActive({ db: handle.db, livekit }, { userId: user.id, active: command === 'activate' });
    console.log(`${email.data} ${command === 'activate' ? 'activated' : 'deactivated: signed out everywhere'}`);
    if (removedFromRooms.length) console.log(`removed from live rooms: ${removedFromRooms.join(', ')}`);
    if (command === 'deactivate' && !livekit) console.log('LIVEKIT_* not set: live rooms were not asked (the server removes them if they connect again)');
    return 0;
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
