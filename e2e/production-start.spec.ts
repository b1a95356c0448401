/**
 * `npm start` as a new operator would run it, probed from outside: a
 * production start (a local trial: its own secrets, http on loopback allowed
 * explicitly, nothing seeded) on a fresh data folder. No demo user exists;
 * every answer carries the security headers; /api/health says only up or
 * down to strangers; the benchmarks' routes are not there; sign-in is
 * throttled and says so; a chunked oversize body is cut off with 413; a
 * deactivated user's session ends on their next request. The first account
 * is made the way the README tells an operator to (npm run accounts).
 */
import { spawnSync } from 'node:child_process';
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, request } from '@playwright/test';
import postgres from 'postgres';
import { freePort } from '@/scripts/infra/ports';
import { PG_PASSWORD, PG_USER } from '@/scripts/infra/postgres';
import { localTrialEnv } from '@/scripts/infra/trial-env';
import { startAppProcess, type AppProcess } from './fixtures/app-process';
import { expect, test } from './fixtures/demo';

test('a fresh production start: no demo data, safe headers, quiet health, no bench routes, throttled sign-in, bounded bodies, revocable sessions', async () => {
  test.setTimeout(300_000);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'halaqa-prodprobe-'));
  const port = await freePort();
  const pgPort = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const trial: Record<string, string> = { ...localTrialEnv(), HALAQA_SEED: '0' };
  let app: AppProcess | undefined;
  const sql = postgres(`postgres://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${pgPort}/halaqa`, { max: 1, onnotice: () => {} });
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { connection: 'close' } });
  const contexts = [api];
  try {
    app = await startAppProcess({ mode: 'production', dataDir, port, pgPort, livekitPort: await freePort(), env: trial });
    expect(app.output()).not.toContain('demo academy');
    expect(await sql`SELECT email FROM users`).toHaveLength(0);

    // Headers on a page (the nonce'd policy) and on an API answer (a policy that allows nothing).
    const page = (await api.get('/sign-in')).headers();
    expect(page['content-security-policy']).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect((await api.get('/api/health')).headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    for (const url of ['/sign-in', '/api/health', '/api/trpc/profile.me']) {
      const res = await api.get(url);
      const h = res.headers();
      expect(h['content-security-policy'], url).toContain("frame-ancestors 'none'");
      expect(h['x-content-type-options']).toBe('nosniff');
      expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(h['permissions-policy']).toContain('camera=(self)');
      expect(h['strict-transport-security'], 'no HSTS over http').toBeUndefined();
    }

    // Health: up or down for strangers; details for the cron secret.
    expect(await (await api.get('/api/health')).json()).toEqual({ ok: true });
    const detailed = await (await api.get('/api/health', { headers: { authorization: `Bearer ${trial.CRON_SECRET}` } })).json();
    expect(detailed).toMatchObject({ ok: true, database: true, video: true });

    // The benchmarks' ceilings are not part of this build.
    expect((await api.get('/api/bench/constant')).status()).toBe(404);
    expect((await api.post('/api/bench/webhook-verify', { data: '{}' })).status()).toBe(404);

    // Sign-in through the real form: five wrong passwords, then "too many attempts" with the wait in minutes.
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage({ baseURL });
      await page.goto('/sign-in');
      for (let i = 1; i <= 6; i++) {
        await page.locator('input[name="email"]').fill('someone@example.test');
        await page.locator('input[name="password"]').fill(`guess-${i}`);
        await page.locator('button[type="submit"]').click();
        const alert = page.locator('form [role="alert"]');
        if (i <= 5) await expect(alert).toHaveText(/Wrong email or password|غير صحيحة/);
        else await expect(alert).toHaveText(/Too many attempts\. Try again in 1 minute\.|محاولات كثيرة/);
      }
      await page.screenshot({ path: 'test-results/sign-in-throttled.png' });
    } finally {
      await browser.close();
    }
    const [failures] = await sql`SELECT failures, locked_until IS NOT NULL AS locked FROM sign_in_failures WHERE key = 'account:someone@example.test'`;
    expect(failures).toEqual({ failures: 5, locked: true });

    // A chunked body past the limit: 413 while the client is still sending, long before it is done.
    const answer = await new Promise<{ status: number; sentBytes: number }>((resolve, reject) => {
      let sentBytes = 0;
      const req = http.request(`${baseURL}/api/trpc/meeting.leave`, { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } });
      req.on('response', (res) => {
        resolve({ status: res.statusCode ?? 0, sentBytes });
        res.resume();
        req.destroy();
      });
      req.on('error', (error) => (sentBytes > 0 ? undefined : reject(error)));
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const pump = () => {
        while (sentBytes < 64 * 1024 * 1024) {
          sentBytes += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });
    expect(answer.status).toBe(413);
    expect(answer.sentBytes).toBeLessThan(64 * 1024 * 1024);

    // The operator makes the first account with the accounts CLI; it signs in; deactivated with the
    // same CLI, its session is refused on the very next request.
    const databaseUrl = `postgres://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${pgPort}/halaqa`;
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/accounts-cli.ts', ...args], { env: { ...process.env, DATABASE_URL: databaseUrl }, input: 'a long probe password\n', encoding: 'utf8' });
    const created = cli('create-super-admin', 'probe@example.test', '--name', 'Probe');
    expect(created.status, created.stderr).toBe(0);
    // A fresh context: the first one's kept-alive sockets idled out while the browser and the CLI ran.
    const session = await request.newContext({ baseURL, extraHTTPHeaders: { connection: 'close' } });
    contexts.push(session);
    const { csrfToken } = await (await session.get('/api/auth/csrf')).json();
    const signIn = await session.post('/api/auth/callback/credentials', { form: { csrfToken, email: 'probe@example.test', password: 'a long probe password', json: 'true' }, maxRedirects: 0 });
    expect(signIn.status()).toBeLessThan(400);
    const cookie = (await session.storageState()).cookies.find((c) => c.name === 'next-auth.session-token');
    expect(cookie, 'a session cookie').toBeDefined();
    expect(cookie!.secure, 'not Secure on an http trial').toBe(false);
    expect((await session.get('/api/trpc/profile.me')).status()).toBe(200);
    // The super admin sees the health details too.
    expect(await (await session.get('/api/health')).json()).toMatchObject({ ok: true, database: true, video: true });
    const deactivated = cli('deactivate', 'probe@example.test');
    expect(deactivated.status, deactivated.stderr).toBe(0);
    expect((await session.get('/api/trpc/profile.me')).status()).toBe(401);
    expect(await (await session.get('/api/health')).json()).toEqual({ ok: true });
  } finally {
    for (const c of contexts) await c.dispose();
    await sql.end();
    if (app) await app.stopLikeCtrlC();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
