/**
 * Recording's browser side (issue 7). The e2e app has LiveKit but no S3
 * bucket, so the session page must say that recording is not set up instead
 * of offering a button that cannot work (the variables it lacks for super
 * admins only, issue 14); students (the demo academy does not
 * share recordings) see no recording controls at all. Runs before
 * room-controls.spec.ts, which ends the current session's meeting.
 */
import type { Page } from '@playwright/test';
import { expect, signedInPage, test } from './fixtures/demo';

const CURRENT_SESSION = 'Surat Al-Mulk';

/** A tRPC call from the page (same origin, the user's cookie): the result's data. */
async function trpc<T>(page: Page, path: string, input: unknown, method: 'GET' | 'POST' = 'GET'): Promise<T> {
  const body = await page.evaluate(
    async ({ path, input, method }) => {
      const res =
        method === 'GET'
          ? await fetch(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`)
          : await fetch(`/api/trpc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ json: input }) });
      return { status: res.status, body: await res.json() };
    },
    { path, input, method },
  );
  expect(body.status, `${path}: ${JSON.stringify(body.body)}`).toBe(200);
  return body.body.result.data.json as T;
}

test('the session page says why recording cannot start; students get no recording controls', async ({ browser }) => {
  const admin = await signedInPage(browser, 'admin');
  // The academy's recordings card, empty: nothing has been recorded in this run.
  await expect(admin.getByTestId('academy-recordings-empty')).toBeVisible();

  const sessions = await trpc<{ id: number; title: string }[]>(admin, 'session.listMine', { range: 'today' });
  const session = sessions.find((s) => s.title.includes(CURRENT_SESSION));
  expect(session, 'the demo academy’s current session').toBeTruthy();
  // Open its room the way the room page's "Start the meeting" does (returns the room when classroom.spec opened it).
  await trpc(admin, 'meeting.create', { sessionId: session!.id }, 'POST');

  await admin.goto(`/sessions/${session!.id}`);
  const panel = admin.getByTestId('recordings-panel');
  await expect(panel.getByTestId('recording-state')).toHaveAttribute('data-state', 'idle');
  await expect(panel.getByTestId('recording-start')).toBeDisabled();
  // Worded for the academy's admin in their language; the variables it lacks only a super admin sees (issue 14).
  await expect(panel.getByTestId('recording-unavailable')).toContainText(/Recording is not set up on this installation yet|التسجيل غير مُعدّ في هذا النظام بعد/);
  await expect(panel.getByTestId('recording-unavailable')).not.toContainText('LIVEKIT_RECORDING_S3');
  await expect(panel.getByTestId('recording-stop')).toHaveCount(0);
  await admin.context().close();

  const superAdmin = await signedInPage(browser, 'superAdmin');
  await superAdmin.goto(`/sessions/${session!.id}`);
  await expect(superAdmin.getByTestId('recordings-panel').getByTestId('recording-unavailable')).toContainText('LIVEKIT_RECORDING_S3_BUCKET');
  await superAdmin.context().close();

  const student = await signedInPage(browser, 'student');
  const listed = student.waitForResponse((res) => res.url().includes('recording.list'));
  await student.goto(`/sessions/${session!.id}`);
  await expect(student.locator('h1')).toContainText(CURRENT_SESSION);
  // Refused (the academy does not share recordings), and the page shows nothing of it.
  expect(await (await listed).text()).toContain('FORBIDDEN');
  await expect(student.getByTestId('recordings-panel')).toHaveCount(0);
  await expect(student.getByTestId('recording-start')).toHaveCount(0);
  await expect(student.getByTestId('session-not-allowed')).toHaveCount(0);
  await student.context().close();
});
