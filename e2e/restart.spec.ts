/**
 * The app starts again on the data folder of an earlier run, as a newcomer
 * would do it: `npm run dev` (and the production start), Ctrl-C, the same
 * command again. The demo academy and what a user changed in the first run
 * are still there, and a sign-in of the first run still holds (the local
 * secrets are kept in the data folder).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { request, type APIRequestContext } from '@playwright/test';
import { freePort } from '@/scripts/infra/ports';
import { localTrialEnv } from '@/scripts/infra/trial-env';
import { DEMO_ACADEMY_SLUG, DEMO_PASSWORD, DEMO_USERS } from '@/server/seed/demo-users';
import { startAppProcess } from './fixtures/app-process';
import { expect, test } from './fixtures/demo';

/** A clean stop: 130 (128 + SIGINT) as a shell reports a Ctrl-C'd program, or 0. A crash is 1. */
const STOPPED_BY_CTRL_C = [0, 130];

/** Signs in through next-auth's credentials callback; the context keeps the session cookie. */
async function signIn(api: APIRequestContext, email: string, password: string): Promise<void> {
  const { csrfToken } = await (await api.get('/api/auth/csrf')).json();
  const answer = await api.post('/api/auth/callback/credentials', {
    form: { csrfToken, email, password, json: 'true' },
    maxRedirects: 0,
  });
  expect(answer.status(), await answer.text()).toBeLessThan(400);
  expect((await api.storageState()).cookies.map((c) => c.name)).toContain('next-auth.session-token');
}

async function trpcQuery(api: APIRequestContext, procedure: string, input?: unknown) {
  const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const answer = await api.get(`/api/trpc/${procedure}${query}`);
  expect(answer.status(), await answer.text()).toBe(200);
  return (await answer.json()).result.data.json;
}

async function trpcMutation(api: APIRequestContext, baseURL: string, procedure: string, input: unknown) {
  const answer = await api.post(`/api/trpc/${procedure}`, { data: { json: input }, headers: { origin: baseURL } });
  expect(answer.status(), await answer.text()).toBe(200);
}

for (const mode of ['production', 'dev'] as const) {
  test(`the app starts a second time on the same data (${mode})`, async () => {
    test.setTimeout(mode === 'dev' ? 600_000 : 300_000);
    const dataDir = mkdtempSync(path.join(os.tmpdir(), `halaqa-restart-${mode}-`));
    const port = await freePort();
    const baseURL = `http://127.0.0.1:${port}`;
    // Production is a local trial: secrets of its own, the demo academy seeded on request with its own password.
    // Development seeds the published password (the runner's own HALAQA_DEMO_PASSWORD must not leak in).
    const trial: Record<string, string> = mode === 'production' ? localTrialEnv() : { HALAQA_DEMO_PASSWORD: DEMO_PASSWORD };
    const password = trial.HALAQA_DEMO_PASSWORD!;
    const options = { mode, dataDir, port, pgPort: await freePort(), livekitPort: await freePort(), env: trial };
    let api: APIRequestContext | undefined;
    try {
      const first = await startAppProcess(options);
      expect(first.output()).toContain(`demo academy ${DEMO_ACADEMY_SLUG} created`);
      api = await request.newContext({ baseURL });
      await signIn(api, DEMO_USERS.teacher.email, password);
      expect((await trpcQuery(api, 'profile.me')).locale).toBeNull();
      await trpcMutation(api, baseURL, 'profile.setLocale', { locale: 'en' });
      const sessionIds = async () => {
        const ids: number[] = [];
        for (const range of ['past', 'today', 'upcoming']) {
          ids.push(...((await trpcQuery(api!, 'session.listMine', { range })) as { id: number }[]).map((s) => s.id));
        }
        return ids.sort((a, b) => a - b);
      };
      const mySessions = await sessionIds();
      expect(mySessions.length).toBeGreaterThan(0);
      expect(STOPPED_BY_CTRL_C).toContain(await first.stopLikeCtrlC());

      const second = await startAppProcess(options);
      expect(second.output()).toContain(`demo academy ${DEMO_ACADEMY_SLUG} ready`);
      expect(second.output()).not.toContain('failed to start');
      // The first run's sign-in still holds, and what the teacher changed is kept.
      expect((await trpcQuery(api, 'profile.me')).locale).toBe('en');
      expect(await sessionIds()).toEqual(mySessions);
      // Demo users still sign in.
      const admin = await request.newContext({ baseURL });
      await signIn(admin, DEMO_USERS.admin.email, password);
      await admin.dispose();
      expect(STOPPED_BY_CTRL_C).toContain(await second.stopLikeCtrlC());
    } finally {
      await api?.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
}
