/**
 * The classroom's controls end to end (issue 6): a teacher and two students
 * in a real LiveKit room. Runs after classroom.spec.ts on the same seeded
 * "Surat Al-Mulk" session and starts the meeting itself when that spec did
 * not; it ends the meeting, so it must stay the last spec to use it.
 */
import type { Page } from '@playwright/test';
import { DEMO_USERS } from '@/server/seed/demo-users';
import { expect, signedInPage, test } from './fixtures/demo';

const CURRENT_SESSION = 'Surat Al-Mulk';
const MIC_BUTTON = '.lk-control-bar .lk-button[data-lk-source="microphone"]';

async function setLocale(page: Page, locale: 'en' | 'ar') {
  await page.context().addCookies([{ name: 'halaqa-locale', value: locale, url: new URL(page.url()).origin }]);
}

async function currentSessionId(page: Page): Promise<number> {
  const input = encodeURIComponent(JSON.stringify({ json: { range: 'today' } }));
  const body = await page.evaluate(async (q) => (await fetch(`/api/trpc/session.listMine?input=${q}`)).json(), input);
  const sessions = body.result.data.json as { id: number; title: string }[];
  const session = sessions.find((s) => s.title.includes(CURRENT_SESSION));
  expect(session, 'the demo academy’s current session').toBeTruthy();
  return session!.id;
}

/** meeting.token through the app's own endpoint, from the page (same origin): the HTTP status. */
function tokenStatus(page: Page, sessionId: number): Promise<number> {
  return page.evaluate(async (id) => {
    const res = await fetch('/api/trpc/meeting.token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ json: { sessionId: id } }) });
    return res.status;
  }, sessionId);
}

async function join(page: Page) {
  await page.locator('.lk-prejoin button.lk-join-button').click();
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected');
}

test('teacher controls reach two students: hands, mute all, announcement, reload, remove, end', async ({ browser }) => {
  const teacher = await signedInPage(browser, 'teacher');
  await setLocale(teacher, 'en');
  const sessionId = await currentSessionId(teacher);
  await teacher.goto(`/room/${sessionId}`);
  const start = teacher.getByTestId('start-meeting');
  const prejoin = teacher.locator('.lk-prejoin');
  await expect(start.or(prejoin)).toBeVisible();
  if (await start.isVisible()) await start.click();
  await join(teacher);

  // Both students at once: signing in and connecting are most of this test's time.
  const studentInRoom = async (who: 'student' | 'student2') => {
    const page = await signedInPage(browser, who);
    await setLocale(page, 'en');
    await page.goto(`/room/${sessionId}`);
    await join(page);
    return page;
  };
  const [s1, s2] = await Promise.all([studentInRoom('student'), studentInRoom('student2')]);
  const name1 = DEMO_USERS.student.name;
  const name2 = DEMO_USERS.student2.name;
  await expect(teacher.locator('.lk-participant-tile', { hasText: name1 })).toBeVisible();
  await expect(teacher.locator('.lk-participant-tile', { hasText: name2 })).toBeVisible();
  await expect(s1.locator(MIC_BUTTON)).toHaveCount(1);

  // A student raises a hand; the teacher sees it with the name, the other student sees it too.
  await s1.getByTestId('hand-toggle').click();
  await expect(s1.getByTestId('my-hand-raised')).toBeVisible();
  await expect(teacher.getByTestId('raised-hands')).toContainText(name1);
  await expect(s2.getByTestId('raised-hands')).toContainText(name1);

  // Mute all: both students' microphones go and cannot be turned back on.
  await teacher.getByTestId('mute-all').click();
  await expect(teacher.getByTestId('students-muted')).toBeVisible();
  for (const s of [s1, s2]) {
    await expect(s.getByTestId('mic-locked')).toBeVisible();
    await expect(s.locator(MIC_BUTTON)).toHaveCount(0);
  }
  // The teacher's view of each student's tile shows the microphone muted.
  for (const name of [name1, name2]) {
    await expect(teacher.locator('.lk-participant-tile', { hasText: name }).locator('.lk-track-muted-indicator-microphone')).toHaveAttribute('data-lk-muted', 'true');
  }

  // The event stream (server-sent events through the production server) carries the same commands.
  await s2.evaluate((id) => {
    const w = window as unknown as { roomEvents: string[] };
    w.roomEvents = [];
    const input = encodeURIComponent(JSON.stringify({ json: { sessionId: id } }));
    new EventSource(`/api/trpc/room.events?input=${input}`).onmessage = (e) => w.roomEvents.push(String(e.data));
  }, sessionId);
  const streamed = () => s2.evaluate(() => (window as unknown as { roomEvents: string[] }).roomEvents.join('\n'));
  await expect.poll(streamed).toContain('"kind":"state"');

  // An announcement reaches both.
  await teacher.getByTestId('announcement-input').fill('Open the mushaf at page 562');
  await teacher.getByTestId('announcement-input').press('Enter');
  for (const s of [s1, s2]) await expect(s.getByTestId('announcement-text')).toHaveText('Open the mushaf at page 562');
  await expect.poll(streamed).toContain('announcement_set');
  await teacher.screenshot({ path: 'test-results/room-controls-teacher-en.png', fullPage: true });
  await s1.screenshot({ path: 'test-results/room-controls-student-en.png', fullPage: true });

  // The second student reloads (in Arabic): the announcement and the raised hand are still there.
  await setLocale(s2, 'ar');
  await s2.reload();
  await expect(s2.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(s2.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(s2.getByTestId('announcement-text')).toHaveText('Open the mushaf at page 562');
  await expect(s2.getByTestId('raised-hands')).toContainText(name1);
  await join(s2);
  await expect(s2.getByTestId('mic-locked')).toBeVisible();
  await expect(s2.locator(MIC_BUTTON)).toHaveCount(0);
  await expect(s2.locator('.lk-participant-tile', { hasText: DEMO_USERS.teacher.name })).toBeVisible();
  await s2.screenshot({ path: 'test-results/room-controls-student-ar.png', fullPage: true });

  // The teacher removes the first student, who cannot come back: the dialog asks first, and Cancel keeps them.
  const removeButton = teacher.getByTestId('student-list').locator('li', { hasText: name1 }).getByRole('button', { name: /Remove/ });
  const dialog = teacher.getByRole('alertdialog');
  await removeButton.click();
  await expect(dialog).toContainText(name1);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(teacher.getByTestId('removed-list')).toHaveCount(0);
  await removeButton.click();
  await dialog.getByRole('button', { name: 'Remove' }).click();
  await expect(s1.getByTestId('room-removed')).toBeVisible();
  await expect(teacher.locator('.lk-participant-tile', { hasText: name1 })).toHaveCount(0);
  await expect(teacher.getByTestId('removed-list')).toContainText(name1);
  await expect(teacher.getByTestId('raised-hands')).toHaveCount(0);
  await s1.reload();
  await expect(s1.getByTestId('room-removed')).toBeVisible();
  await expect(s1.locator('.lk-prejoin')).toHaveCount(0);
  expect(await tokenStatus(s1, sessionId)).toBe(403);

  // The teacher ends the meeting; the remaining student sees it ended.
  await teacher.getByTestId('end-for-everyone').click();
  await teacher.getByRole('alertdialog').getByRole('button', { name: 'End for everyone' }).click();
  await expect(s2.getByTestId('room-ended')).toBeVisible();
  await expect(teacher.getByTestId('room-ended')).toBeVisible();
  await s2.screenshot({ path: 'test-results/room-controls-ended-ar.png', fullPage: true });
});
