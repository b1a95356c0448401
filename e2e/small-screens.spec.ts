/**
 * Phones and tablets (issue 17): the classroom and the parent's pages at
 * 360 × 780, 780 × 360 (landscape), 412 × 915 (Pixel 7) and 820 × 1180 (iPad
 * portrait), in Arabic and English. Every control of the room's bar is
 * wholly on screen, the student's hand and Leave included; the chat opens as
 * a sheet that leaves the teacher's video in view; no page scrolls sideways;
 * axe finds nothing serious in the room, before and after joining and once it
 * has ended. The class is one of its own, created through the admin's form,
 * so it does not depend on the order of the other specs.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { DEMO_USERS } from '@/server/seed/demo-users';
import { expect, signedInPage, test, type DemoUser } from './fixtures/demo';
import { expectInsideViewport, expectNoSidewaysScroll, expectTouchFriendly, SCREENS } from './fixtures/screens';
import { onClock } from './fixtures/clock';

type Locale = 'ar' | 'en';
/** The demo's finished session, which the parent's child attended. */
const FINISHED = 'Tajweed basics';

async function signedInIn(browser: Browser, who: DemoUser, locale: Locale): Promise<Page> {
  const page = await signedInPage(browser, who);
  await page.context().addCookies([{ name: 'halaqa-locale', value: locale, url: new URL(page.url()).origin }]);
  return page;
}

async function expectAccessible(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const blocking = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(blocking, `axe on ${what}`).toEqual([]);
}

/** A few minutes from now on the academy's clock (Asia/Riyadh), as the admin's form takes it. */
const soonInRiyadh = () => onClock(new Date(Date.now() + 3 * 60_000), 'Asia/Riyadh');

/** The admin schedules a class for يوسف with the demo teacher, starting in a few minutes: its room's path. */
async function scheduleClass(browser: Browser): Promise<string> {
  const admin = await signedInPage(browser, 'admin');
  await admin.goto('/admin/sessions');
  const form = admin.getByTestId('create-session-form');
  const { date, time } = soonInRiyadh();
  await form.locator('input[name="title"]').fill(`حلقة الهاتف — Phone class ${Date.now()}`);
  await form.locator('select[name="kind"]').selectOption('quran');
  await form.locator('select[name="teacherId"]').selectOption({ label: DEMO_USERS.teacher.name });
  await form.locator('select[name="audienceType"]').selectOption('student');
  await form.locator('select[name="audienceId"]').selectOption({ label: DEMO_USERS.student.name });
  await form.locator('input[name="localDate"]').fill(date);
  await form.locator('input[name="localTime"]').fill(time);
  await form.locator('input[name="durationMinutes"]').fill('60');
  await form.getByRole('button').click();
  const href = await admin.getByTestId('created-session-link').getAttribute('href');
  expect(href).toMatch(/^\/sessions\/\d+$/);
  await admin.context().close();
  return href!.replace('/sessions/', '/room/');
}

async function join(page: Page) {
  await page.locator('.lk-prejoin button.lk-join-button').click();
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected');
}

/** The bar's controls a student must always reach, by test id. */
const STUDENT_BAR = ['bar-microphone', 'bar-camera', 'hand-toggle', 'chat-toggle', 'bar-more', 'bar-leave'];
const TEACHER_BAR = ['bar-microphone', 'bar-camera', 'chat-toggle', 'bar-more', 'bar-leave'];

for (const [studentLocale, teacherLocale] of [
  ['ar', 'en'],
  ['en', 'ar'],
] as const) {
  test(`the classroom on phones and tablets (student in ${studentLocale}, teacher in ${teacherLocale})`, async ({ browser }) => {
    // Two people in a real room, measured on four screens, axe six times: more than the default two minutes.
    test.setTimeout(420_000);
    const roomPath = await scheduleClass(browser);
    // Both sign in before any video runs: a room's media is most of a small machine's work.
    const student = await signedInIn(browser, 'student', studentLocale);
    const teacher = await signedInIn(browser, 'teacher', teacherLocale);
    await teacher.goto(roomPath);
    await teacher.getByTestId('start-meeting').click();
    await join(teacher);

    await student.setViewportSize({ width: 360, height: 780 });
    await student.goto(roomPath);
    // The device check fits the phone and speaks the student's language; axe finds nothing serious in it.
    const joinButton = student.locator('.lk-prejoin button.lk-join-button');
    await expectInsideViewport(joinButton, 'Join on a phone');
    await expect(joinButton).toHaveText(studentLocale === 'ar' ? 'انضم' : 'Join');
    await expectAccessible(student, `the device check (${studentLocale})`);
    await join(student);
    const teacherTile = student.locator('.lk-participant-tile', { hasText: DEMO_USERS.teacher.name });
    await expect(teacherTile.locator('video')).toBeVisible();
    await expect(teacher.locator('.lk-participant-tile', { hasText: DEMO_USERS.student.name }).locator('video')).toBeVisible();

    // Every screen: each control wholly on screen, the teacher's video too, nothing to scroll sideways.
    for (const screen of SCREENS) {
      for (const [page, controls, who] of [
        [student, STUDENT_BAR, 'student'],
        [teacher, TEACHER_BAR, 'teacher'],
      ] as const) {
        await page.setViewportSize({ width: screen.width, height: screen.height });
        const what = `${who} on ${screen.name} (${screen.width}×${screen.height})`;
        // Landscape: the stage is the whole screen and is brought into view (turning the phone does it).
        for (const id of controls) await expectInsideViewport(page.getByTestId(id), `${id}, ${what}`);
        await expectNoSidewaysScroll(page, what);
        const tile = page.locator('.lk-participant-tile').first();
        const box = await tile.boundingBox();
        expect(box!.height, `the video, ${what}`).toBeGreaterThanOrEqual(screen.height > screen.width ? 250 : 150);
      }
      await student.screenshot({ path: `test-results/screens/room-student-${studentLocale}-${screen.name}.png` });
    }
    await expectAccessible(student, `the room (${studentLocale})`);
    await expectAccessible(teacher, `the room (${teacherLocale})`);

    // On a phone the chat is a sheet: the teacher's video stays in view above it.
    await student.setViewportSize({ width: 360, height: 780 });
    await student.getByTestId('chat-toggle').click();
    await expectInsideViewport(student.getByTestId('chat-input'), 'the chat box');
    await expectInsideViewport(teacherTile, "the teacher's video with the chat open");
    await expectInsideViewport(student.getByTestId('bar-leave'), 'Leave with the chat open');
    await student.getByTestId('chat-input').fill('السلام عليكم');
    await student.getByTestId('chat-send').click();
    await expect(student.getByTestId('chat-message')).toContainText('السلام عليكم');
    await expect(teacher.getByTestId('chat-unread')).toBeVisible();
    await expectAccessible(student, `the room with the chat open (${studentLocale})`);
    await student.screenshot({ path: `test-results/screens/room-chat-${studentLocale}-phone.png` });
    await student.getByTestId('chat-close').click();

    // The hand is in the bar on a phone, and the teacher sees it.
    await student.getByTestId('hand-toggle').click();
    await expect(student.getByTestId('hand-toggle')).toHaveAttribute('aria-pressed', 'true');
    await expect(teacher.getByTestId('raised-hands')).toContainText(DEMO_USERS.student.name);

    // "More" opens on the phone's screen with the devices to choose from.
    await student.getByTestId('bar-more').click();
    const menu = student.getByTestId('more-menu');
    await expectInsideViewport(menu, 'the More menu on a phone');
    await expect(menu.getByRole('menuitemradio').first()).toBeVisible();
    await student.keyboard.press('Escape');
    await expect(menu).toHaveCount(0);

    // Leaving on a phone: the notice reads well (axe's colour contrast), and so does "ended".
    await student.getByTestId('bar-leave').click();
    await expect(student.getByTestId('room-left')).toBeVisible();
    await expectNoSidewaysScroll(student, 'the student after leaving');
    await expectAccessible(student, `the room after leaving (${studentLocale})`);
    const sessionId = Number(roomPath.split('/').pop());
    const ended = await teacher.evaluate(async (id) => {
      const res = await fetch('/api/trpc/room.end', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ json: { sessionId: id } }) });
      return res.status;
    }, sessionId);
    expect(ended).toBe(200);
    await student.reload();
    await expect(student.getByTestId('room-ended')).toBeVisible();
    await expectAccessible(student, `the ended room (${studentLocale})`);
    await expect(teacher.getByTestId('room-ended')).toBeVisible();
    await expectAccessible(teacher, `the ended room (${teacherLocale})`);
    await student.context().close();
    await teacher.context().close();
  });
}

for (const locale of ['ar', 'en'] as const) {
  test(`a parent on a phone and a tablet (${locale})`, async ({ browser }) => {
    test.setTimeout(300_000);
    const parent = await signedInIn(browser, 'parent', locale);
    for (const screen of SCREENS) {
      await parent.setViewportSize({ width: screen.width, height: screen.height });
      await parent.goto('/parent');
      const child = parent.locator('section[data-testid^="child-"]');
      const row = child.locator('tbody tr', { hasText: FINISHED });
      await expect(row).toBeVisible();
      const what = `the parent's home, ${screen.name} (${locale})`;
      await expectNoSidewaysScroll(parent, what);
      await expectTouchFriendly(parent, what);
      // Every column of the attendance table is on screen (stacked on a phone), the link to the details too.
      for (const cell of await row.locator('td').all()) {
        const box = await cell.boundingBox();
        expect(box!.x, what).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width, what).toBeLessThanOrEqual(screen.width + 0.5);
      }
      await parent.screenshot({ path: `test-results/screens/parent-${locale}-${screen.name}.png`, fullPage: true });
      await row.getByRole('link').click();
      await parent.waitForURL(/\/sessions\/\d+$/);
      await expect(parent.getByTestId('session-attendance')).toBeVisible();
      await expectNoSidewaysScroll(parent, `a session's page, ${screen.name} (${locale})`);
      await expectTouchFriendly(parent, `a session's page, ${screen.name} (${locale})`);
    }
    await parent.context().close();
  });
}
