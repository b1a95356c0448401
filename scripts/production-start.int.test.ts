/**
 * `npm start` (scripts/dev.ts --production) refuses to start, naming each
 * problem in one message and exiting 1, on every unsafe configuration; it
 * never seeds the demo academy by itself. Runs the real script against the
 * integration database and LiveKit, so nothing else is started.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '@/server/db/schema';
import { freePort } from '@/scripts/infra/ports';
import { createDatabase } from '@/scripts/infra/postgres';
import { DEMO_EMAILS, DEMO_PASSWORD } from '@/server/startup/production-checks';
import { createUser } from '@/server/seed/factories';
import { closeTestDb, integrationConfig } from '@/server/testing/integration';
import { createDb } from '@/server/db';
import { runMigrations } from '@/server/db/migrate';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'halaqa-prodstart-'));
/** A database of its own: other test files leave users (with the test password) in the shared one. */
let own: string;
beforeAll(async () => {
  own = await createDatabase(integrationConfig().databaseUrl, `halaqa_prodstart_${Date.now()}`);
  await runMigrations(own);
});
afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  await closeTestDb();
});

const GOOD = {
  AUTH_SECRET: 'a'.repeat(43),
  CRON_SECRET: 'c'.repeat(43),
  LIVEKIT_API_KEY: 'APIprodkey',
  LIVEKIT_API_SECRET: 's'.repeat(43),
  APP_URL: 'https://halaqa.example',
};

/** Runs the production start; resolves with its exit code and output (a start that passes the checks is stopped once it says so). */
async function start(env: Record<string, string | undefined>, databaseUrl = own): Promise<{ code: number | null; output: string }> {
  const port = String(await freePort());
  const childEnv: Record<string, string | undefined> = {
    ...process.env,
    HALAQA_DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    LIVEKIT_URL: integrationConfig().livekit.wsUrl,
    PORT: port,
    ...env,
  };
  if (childEnv.APP_URL === 'http://127.0.0.1:PORT') childEnv.APP_URL = `http://127.0.0.1:${port}`;
  delete childEnv.NODE_ENV;
  for (const [k, v] of Object.entries(childEnv)) if (v === undefined) delete childEnv[k];
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/dev.ts', '--production'], { env: childEnv as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (d: Buffer) => {
    output += d.toString();
    // Past the checks the script starts Next: that is as far as this test needs it to go.
    if (output.includes('[halaqa] app:')) child.kill('SIGTERM');
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

describe('npm start refuses an unsafe configuration', () => {
  it.each([
    ['AUTH_SECRET missing', { AUTH_SECRET: undefined }, 'AUTH_SECRET is not set'],
    ['CRON_SECRET missing', { CRON_SECRET: undefined }, 'CRON_SECRET is not set'],
    ['the LiveKit key pair missing', { LIVEKIT_API_KEY: undefined, LIVEKIT_API_SECRET: undefined }, 'LIVEKIT_API_KEY is not set'],
    ['the local LiveKit key', { LIVEKIT_API_KEY: 'halaqa-local' }, 'LIVEKIT_API_KEY is the local default'],
    ['an http APP_URL', { APP_URL: 'http://halaqa.example' }, 'APP_URL is http://halaqa.example, not https://'],
  ])('%s', async (_name, change, message) => {
    const { code, output } = await start({ ...GOOD, ...change });
    expect(code).toBe(1);
    expect(output).toContain('Halaqa will not start in production');
    expect(output).toContain(message);
    expect(output).not.toContain('schema is current');
  });

  it('a secret generated for local use', async () => {
    writeFileSync(path.join(dataDir, 'secrets.json'), JSON.stringify({ authSecret: 'g'.repeat(43), cronSecret: 'h'.repeat(43), livekitKey: 'halaqa-local', livekitSecret: 'k'.repeat(43) }));
    try {
      const { code, output } = await start({ ...GOOD, AUTH_SECRET: 'g'.repeat(43) });
      expect(code).toBe(1);
      expect(output).toContain('AUTH_SECRET is the generated local default');
    } finally {
      rmSync(path.join(dataDir, 'secrets.json'));
    }
  });

  it('names every problem at once', async () => {
    const { code, output } = await start({ AUTH_SECRET: undefined, CRON_SECRET: undefined, LIVEKIT_API_KEY: undefined, LIVEKIT_API_SECRET: undefined, APP_URL: 'http://x.example' });
    expect(code).toBe(1);
    for (const name of ['AUTH_SECRET', 'CRON_SECRET', 'LIVEKIT_API_KEY', 'LIVEKIT_API_SECRET', 'APP_URL']) expect(output).toContain(`- ${name}`);
  });

  it('an account that still has the demo password', async () => {
    const handle = createDb(own, { max: 1 });
    const admin = await createUser(handle.db, { academyId: null, role: 'super_admin', password: DEMO_PASSWORD });
    try {
      const { code, output } = await start(GOOD);
      expect(code).toBe(1);
      expect(output).toContain(`still have the demo password "${DEMO_PASSWORD}": ${admin.email}`);
    } finally {
      await handle.db.delete(users).where(eq(users.id, admin.id));
      await handle.close();
    }
  });

  it('accepts http on a local trial only when HALAQA_ALLOW_HTTP=1 says so', async () => {
    const { output } = await start({ ...GOOD, APP_URL: 'http://127.0.0.1:PORT', HALAQA_ALLOW_HTTP: '1' });
    expect(output).not.toContain('will not start');
    expect(output).toMatch(/\[halaqa\] app: http:\/\/127\.0\.0\.1:\d+/);
  });
});

describe('npm start on a database its code is newer than', () => {
  it('refuses, naming the migrate step; after `npm run db:migrate` it starts and seeds nothing', async () => {
    const fresh = await createDatabase(integrationConfig().databaseUrl, `halaqa_prodstart_${Date.now()}`);
    const refused = await start(GOOD, fresh);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('Halaqa will not start in production');
    expect(refused.output).toContain('the database schema is older than this code');
    expect(refused.output).toContain('npm run db:migrate');

    const migrate = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/migrate.ts'], {
      env: { ...process.env, DATABASE_URL: fresh },
      encoding: 'utf8',
    });
    expect(migrate.status, migrate.stderr).toBe(0);
    expect(migrate.stdout).toMatch(/\[migrate\] \d+ migration\(s\) applied/);

    const { output } = await start(GOOD, fresh);
    expect(output).toContain('database schema is current');
    expect(output).toMatch(/\[halaqa\] app: /);
    expect(output).not.toContain('demo academy');
    const handle = createDb(fresh, { max: 1 });
    try {
      expect(await handle.db.select({ email: users.email }).from(users).where(inArray(users.email, [...DEMO_EMAILS]))).toEqual([]);
      expect(await handle.db.select({ email: users.email }).from(users)).toEqual([]);
    } finally {
      await handle.close();
    }
    // Three starts of tsx (refused, migrate, started): slow on a busy machine.
  }, 180_000);
});
