/**
 * What a production start refuses (issue 14): secrets missing or left at a
 * generated local default, a LiveKit key pair missing or local, an APP_URL
 * that is not https (unless HALAQA_ALLOW_HTTP=1 says this is a local trial),
 * and accounts that still have the demo password. Every problem is named in
 * one message. The dev script runs these before starting Next, and Next runs
 * them again at start-up (instrumentation.ts) for deployments without it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inArray, or } from 'drizzle-orm';
import type { DbExecutor } from '@/server/db';
import { users } from '@/server/db/schema';
import { verifyPassword } from '@/server/lib/password';
import { DEMO_PASSWORD, DEMO_USERS } from '@/server/seed/demo-users';

/** The key the dev script gives its local livekit-server. */
export const LOCAL_LIVEKIT_KEY = 'halaqa-local';
export { DEMO_PASSWORD };
export const DEMO_EMAILS = Object.values(DEMO_USERS).map((u) => u.email);
const MIN_SECRET_LENGTH = 32;

type Source = Record<string, string | undefined>;

/** Secrets the dev script generated into the data folder: never good enough for production. */
export function localSecretsIn(dataDir: string): string[] {
  const file = path.join(dataDir, 'secrets.json');
  if (!existsSync(file)) return [];
  try {
    return Object.values(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>).filter((v) => typeof v === 'string');
  } catch {
    return [];
  }
}

/** Pure: the configuration problems of a production start. */
export function configurationProblems(env: Source, generated: readonly string[] = []): string[] {
  const problems: string[] = [];
  const secret = (name: string, what: string) => {
    const value = env[name];
    if (!value) problems.push(`${name} is not set (${what})`);
    else if (generated.includes(value)) problems.push(`${name} is the generated local default from .data/secrets.json; set a secret of your own`);
    else if (value.length < MIN_SECRET_LENGTH) problems.push(`${name} is shorter than ${MIN_SECRET_LENGTH} characters`);
  };
  secret('AUTH_SECRET', 'signs sign-in sessions');
  secret('CRON_SECRET', 'guards the cron routes and /api/health details');
  const key = env.LIVEKIT_API_KEY;
  if (!key) problems.push('LIVEKIT_API_KEY is not set');
  else if (key === LOCAL_LIVEKIT_KEY || generated.includes(key)) problems.push(`LIVEKIT_API_KEY is the local default "${LOCAL_LIVEKIT_KEY}"; use your LiveKit server's key`);
  secret('LIVEKIT_API_SECRET', 'signs join tokens and webhooks');
  const appUrl = env.APP_URL;
  if (!appUrl) problems.push('APP_URL is not set (the https:// address users open)');
  else if (!/^https:\/\//i.test(appUrl) && env.HALAQA_ALLOW_HTTP !== '1') {
    problems.push(`APP_URL is ${appUrl}, not https://; set HALAQA_ALLOW_HTTP=1 only for a local trial`);
  }
  return problems;
}

/** Accounts that still open with the demo password: the demo users, and every admin. */
export async function demoPasswordProblems(db: DbExecutor): Promise<string[]> {
  const rows = await db
    .select({ email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(or(inArray(users.email, DEMO_EMAILS), inArray(users.role, ['super_admin', 'academy_admin'])));
  const found: string[] = [];
  for (const row of rows) if (await verifyPassword(DEMO_PASSWORD, row.passwordHash)) found.push(row.email);
  return found.length ? [`these accounts still have the demo password "${DEMO_PASSWORD}": ${found.join(', ')}; change or remove them`] : [];
}

export function refusalMessage(problems: readonly string[]): string {
  return `Halaqa will not start in production:\n${problems.map((p) => `  - ${p}`).join('\n')}`;
}
