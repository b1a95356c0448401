/**
 * Recording in the browser on the real stack (issue 20): the teacher starts
 * it in the room, everyone there is told, the teacher stops it, and the
 * session page plays the file egress filmed from Halaqa's own layout page
 * (app/recording-layout) and uploaded to the local S3 store. Students of the
 * demo academy (which does not share recordings) get no recording controls.
 * Runs before room-controls.spec.ts, which ends the current session's meeting.
 */
import { AccessToken } from 'livekit-server-sdk';
import { expect, signedInPage, test } from './fixtures/demo';
import { DEMO_USERS } from '@/server/seed/demo-users';

/** A token like the one LiveKit's egress makes for itself (hidden, recorder, subscribe only), with this run's keys. */
async function egressLikeToken(roomName: string): Promise<string> {
  const trial = JSON.parse(process.env.HALAQA_E2E_TRIAL!) as Record<string, string>;
  const token = new AccessToken(trial.LIVEKIT_API_KEY, trial.LIVEKIT_API_SECRET, { identity: 'EG_e2elayout', ttl: 600 });
  token.addGrant({ roomJoin: true, room: roomName, canSubscribe: true, canPublish: false, canPublishData: false, hidden: true, recorder: true });
  return token.toJwt();
}

const CURRENT_SESSION = 'Surat Al-Mulk';

test('the teacher records the class from the room; everyone sees the notice; the session page plays the video', async ({ browser }) => {
  test.setTimeout(240_000);
  const teacher = await signedInPage(browser, 'teacher');
  const row = teacher.locator('tr', { hasText: CURRENT_SESSION }).first();
  const sessionId = Number((await row.getAttribute('data-testid'))?.replace('session-', ''));
  expect(sessionId).toBeGreaterThan(0);
  // The tests before it (classroom-tools, classroom) leave the meeting started; start it here only if it is not.
  await teacher.goto(`/room/${sessionId}`);
  const start = teacher.getByTestId('start-meeting');
  await expect(start.or(teacher.locator('.lk-prejoin'))).toBeVisible();
  if (await start.isVisible()) await start.click();
  await teacher.locator('.lk-prejoin button.lk-join-button').click();
  await expect(teacher.locator('.lk-participant-tile')).toHaveCount(1);

  const student = await signedInPage(browser, 'student');
  await student.goto(`/room/${sessionId}`);
  await student.locator('.lk-prejoin button.lk-join-button').click();
  await expect(student.locator('.lk-participant-tile', { hasText: DEMO_USERS.teacher.name }).locator('video')).toBeVisible();
  // Students have no recording button.
  await expect(student.getByTestId('room-start-recording')).toHaveCount(0);

  // The page egress films, opened as egress opens it: the teacher large, the student in the strip,
  // the session and academy, right to left in the academy's Arabic. Without the egress's token: 404.
  const layout = await teacher.context().newPage();
  await layout.setViewportSize({ width: 640, height: 360 });
  expect((await layout.goto('/recording-layout'))!.status()).toBe(404);
  expect((await layout.goto('/recording-layout?token=not-a-token'))!.status()).toBe(404);
  const roomName = `itqan-academy-quran-session-${sessionId}`;
  await layout.goto(`/recording-layout?token=${await egressLikeToken(roomName)}&url=ignored&layout=grid`);
  const picture = layout.getByTestId('recording-layout');
  await expect(picture).toHaveAttribute('dir', 'rtl');
  await expect(picture.locator('h1')).toContainText(CURRENT_SESSION);
  await expect(picture.getByTestId('recording-main').locator('video')).toBeVisible();
  await expect(picture.locator('.recording-strip li video')).toHaveCount(1);
  await expect(picture.locator('.recording-strip li')).toContainText(DEMO_USERS.student.name);
  await expect(picture.getByTestId('recording-main')).toContainText(DEMO_USERS.teacher.name);
  await layout.screenshot({ path: 'test-results/recording-layout.png' });
  await layout.close();

  const asked = Date.now();
  await teacher.getByTestId('room-start-recording').click();
  // Everyone in the room is told, from the room state the egress webhooks move.
  await expect(teacher.getByTestId('recording-notice')).toBeVisible({ timeout: 60_000 });
  await expect(student.getByTestId('recording-notice')).toBeVisible({ timeout: 30_000 });
  console.log(`[recording] start clicked → notice in ${Date.now() - asked} ms`);
  await teacher.screenshot({ path: 'test-results/recording-room-teacher.png' });
  // Some class on video.
  await teacher.waitForTimeout(10_000);
  await teacher.getByTestId('room-stop-recording').click();
  await expect(teacher.getByTestId('recording-notice')).toHaveCount(0, { timeout: 30_000 });
  await expect(student.getByTestId('recording-notice')).toHaveCount(0, { timeout: 30_000 });

  // The session page: the finished recording plays from its signed link.
  const page = await teacher.context().newPage();
  await page.goto(`/sessions/${sessionId}`);
  const panel = page.getByTestId('recordings-panel');
  await expect(panel.locator('tr[data-status="complete"]')).toHaveCount(1, { timeout: 120_000 });
  const player = panel.getByTestId('recording-player');
  await expect(player).toBeVisible();
  await expect
    .poll(() => player.evaluate((v: HTMLVideoElement) => ({ ready: v.readyState >= 2, width: v.videoWidth })), { timeout: 30_000 })
    .toEqual({ ready: true, width: 640 });
  await player.evaluate((v: HTMLVideoElement) => v.play());
  await expect.poll(() => player.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 15_000 }).toBeGreaterThan(0.5);
  // Seconds of class, not a blank file (egress's page needs a moment to subscribe after it reports active).
  expect(await player.evaluate((v: HTMLVideoElement) => v.duration)).toBeGreaterThan(2);
  await page.screenshot({ path: 'test-results/recording-session-page.png', fullPage: true });

  // The demo academy does not share recordings with students: their session page shows nothing of them.
  const listed = student.waitForResponse((res) => res.url().includes('recording.list'));
  await student.goto(`/sessions/${sessionId}`);
  expect(await (await listed).text()).toContain('FORBIDDEN');
  await expect(student.getByTestId('recordings-panel')).toHaveCount(0);
  await expect(student.getByTestId('recording-start')).toHaveCount(0);

  await student.context().close();
  await teacher.context().close();
});
