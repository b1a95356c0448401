/**
 * Issue 17 in the browser, on real LiveKit rooms of fresh one-to-one lessons.
 * A student waits for the teacher (their own camera as a mirror) and the
 * class opens when the teacher joins; a parent observes without camera and
 * without a tile; a supervisor observes hidden; the teacher lets the student
 * speak after mute all and takes it back, and ends the class after
 * confirming. A five-minute lesson shows its countdown as soon as it starts,
 * and the teacher extends it.
 */
import type { Browser, Page } from '@playwright/test';
import { DEMO_USERS } from '@/server/seed/demo-users';
import { expect, signedInPage, test, type DemoUser } from './fixtures/demo';
import { onClock } from './fixtures/clock';

const TIMEZONE = 'Asia/Riyadh';

async function trpc<T>(page: Page, path: string, input: unknown, method: 'GET' | 'POST' = 'GET'): Promise<T> {
  const body = await page.evaluate(
    async ({ path, input, method }) => {
      const res =
        method === 'GET'
          ? await fetch(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`)
          : await fetch(`/api/trpc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ json: input }) });
      return { status: res.status, json: await res.json() };
    },
    { path, input, method },
  );
  expect(body.status, JSON.stringify(body.json).slice(0, 300)).toBe(200);
  return body.json.result.data.json as T;
}

/** The academy's date and time of an instant, as scheduling.createSession takes them. */
function academyClock(at: Date): { localDate: string; localTime: string } {
  const { date, time } = onClock(at, TIMEZONE);
  return { localDate: date, localTime: time };
}

async function inRoom(browser: Browser, who: DemoUser, sessionId: number): Promise<Page> {
  const page = await signedInPage(browser, who);
  await page.context().addCookies([{ name: 'halaqa-locale', value: 'en', url: new URL(page.url()).origin }]);
  await page.goto(`/room/${sessionId}`);
  return page;
}

// The machine running these is shared: connecting may take a while.
const connected = (page: Page) => expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected', { timeout: 60_000 });

/** A fresh one-to-one lesson of the demo teacher and student, scheduled by the admin to start at the next whole minute. */
async function scheduleLesson(browser: Browser, durationMinutes: number): Promise<number> {
  const admin = await signedInPage(browser, 'admin');
  const directory = await trpc<{ teachers: { id: number; name: string }[]; students: { id: number; name: string }[] }>(admin, 'academies.directory', {});
  const teacherId = directory.teachers.find((t) => t.name === DEMO_USERS.teacher.name)!.id;
  const studentId = directory.students.find((s) => s.name === DEMO_USERS.student.name)!.id;
  const start = new Date(Math.ceil((Date.now() + 5_000) / 60_000) * 60_000);
  const title = `Running over ${Date.now()}`;
  const created = await trpc<{ id: number }>(admin, 'scheduling.createSession', { kind: 'quran', title, teacherId, studentId, ...academyClock(start), durationMinutes }, 'POST');
  await admin.context().close();
  return created.id;
}

test('the waiting room opens with the teacher; observers without camera or tile; one speaker after mute all; confirmation before ending', async ({ browser }) => {
  test.setTimeout(300_000);
  const sessionId = await scheduleLesson(browser, 30);

  // The teacher opens the room but does not join yet.
  const teacher = await inRoom(browser, 'teacher', sessionId);
  await teacher.getByTestId('start-meeting').click();
  await expect(teacher.locator('.lk-prejoin')).toBeVisible();

  // The student joins first: a waiting screen with the start time and their own camera, no class.
  const student = await inRoom(browser, 'student', sessionId);
  await student.locator('.lk-prejoin button.lk-join-button').click();
  await expect(student.getByTestId('waiting-screen')).toContainText('The teacher has not arrived yet');
  await expect(student.getByTestId('waiting-camera')).toBeVisible();
  await expect(student.locator('.lk-participant-tile')).toHaveCount(0);
  await student.screenshot({ path: 'test-results/running-over-waiting.png', fullPage: true });

  // The teacher arrives: the class opens for the student by itself.
  await teacher.locator('.lk-prejoin button.lk-join-button').click();
  await connected(teacher);
  await expect(student.getByTestId('waiting-screen')).toHaveCount(0);
  await expect(student.locator('.lk-participant-tile', { hasText: DEMO_USERS.teacher.name })).toBeVisible();
  await expect(teacher.locator('.lk-participant-tile', { hasText: DEMO_USERS.student.name }).locator('video')).toBeVisible();

  // A parent observes: no device check, no camera or microphone offered, no tile; the teacher sees one observer.
  const parent = await inRoom(browser, 'parent', sessionId);
  await expect(parent.getByTestId('observer-join')).toBeVisible();
  await expect(parent.locator('.lk-prejoin')).toHaveCount(0);
  await parent.getByTestId('join-as-observer').click();
  await connected(parent);
  await expect(parent.locator('.lk-control-bar [data-lk-source="camera"], .lk-control-bar [data-lk-source="microphone"]')).toHaveCount(0);
  await expect(teacher.getByTestId('observers-badge')).toHaveText('Observers: 1');
  await expect(teacher.locator('.lk-participant-tile')).toHaveCount(2);
  await expect(student.locator('.lk-participant-tile')).toHaveCount(2);
  await expect(parent.locator('.lk-participant-tile', { hasText: DEMO_USERS.teacher.name })).toBeVisible();
  await expect(parent.locator('.lk-participant-tile', { hasText: DEMO_USERS.parent.name })).toHaveCount(0);
  await parent.context().close();

  // A supervisor observes hidden: sees the class, nobody sees them, no attendance row.
  const supervisor = await inRoom(browser, 'supervisor', sessionId);
  await supervisor.getByTestId('observe-hidden').click();
  await connected(supervisor);
  await expect(supervisor.locator('.lk-participant-tile', { hasText: DEMO_USERS.teacher.name })).toBeVisible();
  await expect(teacher.locator('.lk-participant-tile')).toHaveCount(2);
  await expect(teacher.locator('.lk-participant-tile', { hasText: DEMO_USERS.supervisor.name })).toHaveCount(0);
  const table = teacher.getByTestId('attendance-table');
  await expect(table).toContainText(DEMO_USERS.parent.name);
  await expect(table).not.toContainText(DEMO_USERS.supervisor.name);
  await supervisor.context().close();

  // Mute all; the student raises a hand, shown on their tile; the teacher lets them speak, then takes it back.
  await teacher.getByTestId('mute-all').click();
  await expect(student.getByTestId('mic-locked')).toBeVisible();
  await student.getByTestId('hand-toggle').click();
  await expect(teacher.locator('.classroom-tile', { hasText: DEMO_USERS.student.name }).getByTestId('tile-hand')).toBeVisible();
  await teacher.getByTestId('raised-hands').locator('[data-testid^="let-speak-"]').click();
  await expect(student.getByTestId('mic-locked')).toHaveCount(0);
  await expect(student.locator('.lk-control-bar .lk-button[data-lk-source="microphone"]')).toHaveCount(1);
  // Called on, the hand is lowered.
  await expect(teacher.getByTestId('raised-hands')).toHaveCount(0);
  await teacher.screenshot({ path: 'test-results/running-over-speaker.png', fullPage: true });
  await teacher.getByTestId('student-list').locator('[data-testid^="take-back-"]').click();
  await expect(student.getByTestId('mic-locked')).toBeVisible();
  await expect(student.locator('.lk-control-bar .lk-button[data-lk-source="microphone"]')).toHaveCount(0);

  // End for everyone asks first; Cancel keeps the class.
  await teacher.getByTestId('end-for-everyone').click();
  const dialog = teacher.getByRole('alertdialog');
  await expect(dialog).toContainText('End the class for everyone?');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(student.getByTestId('room-ended')).toHaveCount(0);
  await teacher.getByTestId('end-for-everyone').click();
  await dialog.getByRole('button', { name: 'End for everyone' }).click();
  await expect(student.getByTestId('room-ended')).toBeVisible();
  await expect(teacher.getByTestId('room-ended')).toBeVisible();
  for (const page of [teacher, student]) await page.context().close();
});

test('five minutes before the end everyone sees the countdown; the teacher extends and the session page shows it', async ({ browser }) => {
  test.setTimeout(300_000);
  const sessionId = await scheduleLesson(browser, 5);
  const teacher = await inRoom(browser, 'teacher', sessionId);
  await teacher.getByTestId('start-meeting').click();
  await teacher.locator('.lk-prejoin button.lk-join-button').click();
  await connected(teacher);
  const student = await inRoom(browser, 'student', sessionId);
  await student.locator('.lk-prejoin button.lk-join-button').click();
  await connected(student);

  // From its start the five-minute class is within five minutes of its end.
  await expect(student.getByTestId('class-countdown')).toContainText('The class ends in', { timeout: 90_000 });
  await expect(teacher.getByTestId('class-countdown')).toContainText('The class ends in');
  await expect(student.getByTestId('extend-5')).toHaveCount(0);
  await teacher.screenshot({ path: 'test-results/running-over-countdown.png', fullPage: true });
  // +15: the planned end moves past the countdown's five minutes, for the student too.
  await teacher.getByTestId('extend-15').click();
  await expect(teacher.getByTestId('class-clock')).toHaveCount(0);
  await expect(student.getByTestId('class-clock')).toHaveCount(0);

  await teacher.goto(`/sessions/${sessionId}`);
  await expect(teacher.getByTestId('session-extensions')).toContainText('+15 min');
  for (const page of [teacher, student]) await page.context().close();
});
