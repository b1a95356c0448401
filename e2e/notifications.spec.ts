/**
 * Notifications in the browser (issue 18), produced the way a deployment
 * produces them: the scheduler calls /api/cron/notify with the cron secret
 * (vercel.json: every minute), and the app's own mail worker sends the mail
 * to its Mailpit. Each test makes sessions of its own in the demo academy
 * (its Al-Fajr circle: يوسف, whose parent is خالد, and مريم), so no other
 * spec's session is touched; the one preference it changes is set back.
 */
import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { DEMO_USERS } from '@/server/seed/demo-users';
import { expect, signedInPage, test, type DemoUser } from './fixtures/demo';
import { mailpit } from './fixtures/mail';
import { onClock } from './fixtures/clock';

const TIMEZONE = 'Asia/Riyadh';
const CIRCLE = 'حلقة الفجر — Al-Fajr circle';
const run = Date.now().toString(36);

/** The admin schedules a class of the Al-Fajr circle with the demo teacher through the sessions page: its id. */
async function scheduleCircleClass(browser: Browser, title: string, startsAt: Date): Promise<number> {
  const admin = await signedInPage(browser, 'admin');
  await admin.goto('/admin/sessions');
  const form = admin.getByTestId('create-session-form');
  const { date, time } = onClock(startsAt, TIMEZONE);
  await form.locator('input[name="title"]').fill(title);
  await form.locator('select[name="kind"]').selectOption('quran');
  await form.locator('select[name="teacherId"]').selectOption({ label: DEMO_USERS.teacher.name });
  await form.locator('select[name="audienceType"]').selectOption('circle');
  await form.locator('select[name="audienceId"]').selectOption({ label: CIRCLE });
  await form.locator('input[name="localDate"]').fill(date);
  await form.locator('input[name="localTime"]').fill(time);
  await form.locator('input[name="durationMinutes"]').fill('30');
  await form.getByRole('button').click();
  const link = admin.getByTestId('created-session-link');
  await expect(link).toHaveText(title);
  const href = (await link.getAttribute('href'))!;
  expect(href).toMatch(/^\/sessions\/\d+$/);
  await admin.context().close();
  return Number(href.split('/').pop());
}

/** What the scheduler does every minute: the notify sweep through its cron route. */
async function runNotifySweep(request: APIRequestContext) {
  const { CRON_SECRET } = JSON.parse(process.env.HALAQA_E2E_TRIAL!) as { CRON_SECRET: string };
  const answer = await request.get('/api/cron/notify', { headers: { authorization: `Bearer ${CRON_SECRET}` } });
  expect(answer.status(), await answer.text()).toBe(200);
  const report = (await answer.json()) as { ok: boolean; totals: Record<string, number> };
  expect(report.ok, JSON.stringify(report)).toBe(true);
  return report.totals;
}

async function signedInIn(browser: Browser, who: DemoUser, locale: 'ar' | 'en'): Promise<Page> {
  const page = await signedInPage(browser, who);
  await page.context().addCookies([{ name: 'halaqa-locale', value: locale, url: new URL(page.url()).origin }]);
  await page.reload();
  return page;
}

test('a parent sees the absence notice in the inbox and in Mailpit after a class their child missed', async ({ browser, request }) => {
  test.setTimeout(420_000);
  const title = `حفظ سورة النبأ — Surat An-Naba ${run}`;
  // The next whole minute: the earliest time the form accepts.
  const startsAt = new Date(Math.ceil((Date.now() + 5_000) / 60_000) * 60_000);
  const sessionId = await scheduleCircleClass(browser, title, startsAt);

  // The parent, in Arabic (the academy's language, theirs too), reads everything so far: the bell shows none unread.
  const parent = await signedInIn(browser, 'parent', 'ar');
  const bell = parent.getByTestId('notification-bell');
  await bell.click();
  await parent.waitForURL(/\/notifications$/);
  await expect(parent.locator('h1')).toHaveText('الإشعارات');
  await expect(parent.locator('[data-loading]')).toHaveCount(0);
  const markAll = parent.getByRole('button', { name: 'تعليم الكل كمقروء' });
  if (await markAll.isEnabled()) await markAll.click();
  await expect(bell).toHaveAttribute('data-unread', '0');

  // The teacher starts the class and teaches it alone; يوسف never comes; the teacher ends it for everyone.
  const teacher = await signedInIn(browser, 'teacher', 'en');
  await teacher.goto(`/room/${sessionId}`);
  await teacher.getByTestId('start-meeting').click();
  await teacher.locator('.lk-prejoin button.lk-join-button').click();
  await expect(teacher.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected', { timeout: 60_000 });
  await teacher.getByTestId('end-for-everyone').click();
  await teacher.getByRole('alertdialog').getByRole('button', { name: 'End for everyone' }).click();
  await expect(teacher.getByTestId('room-ended')).toBeVisible();
  await teacher.context().close();

  // The minute's sweep makes the absence notices (يوسف's parent; مريم has none linked).
  const totals = await runNotifySweep(request);
  expect(totals.attendance).toBeGreaterThanOrEqual(1);

  // The bell counts it at once (no reload); the list shows it, unread, in Arabic, once the page is opened again
  // (the inbox's list does not refresh by itself: only the bell is live).
  await expect(bell).toHaveAttribute('data-unread', '1');
  await expect(bell).toHaveAccessibleName('الإشعارات: إشعار واحد غير مقروء');
  await parent.reload();
  const notice = parent.getByTestId('notice-absent').filter({ hasText: title });
  await expect(notice).toHaveCount(1);
  await expect(notice.getByRole('heading')).toContainText(`غياب ${DEMO_USERS.student.name} عن ${title}`);
  await expect(notice).toContainText(`سُجِّل غياب ${DEMO_USERS.student.name} عن درس ${title}`);
  await expect(notice).toHaveAttribute('data-read', 'false');
  await expect(parent.locator('html')).toHaveAttribute('dir', 'rtl');
  await parent.screenshot({ path: 'test-results/pages/notifications-absence-ar.png', fullPage: true });

  // In English the same notice reads in English, with the class's time in the parent's (the academy's) time zone.
  await parent.context().addCookies([{ name: 'halaqa-locale', value: 'en', url: new URL(parent.url()).origin }]);
  await parent.reload();
  await expect(parent.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(bell).toHaveAttribute('data-unread', '1');
  await expect(bell).toHaveAccessibleName('Notifications: 1 unread notification');
  await expect(notice.getByRole('heading')).toContainText(`${DEMO_USERS.student.name} was absent from ${title}`);
  const localTime = new Intl.DateTimeFormat('en-GB', { timeZone: TIMEZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(startsAt);
  await expect(notice).toContainText(`did not attend ${title} on`);
  await expect(notice).toContainText(localTime);
  await parent.screenshot({ path: 'test-results/pages/notifications-absence-en.png', fullPage: true });

  // Its link opens the session, where يوسف is marked absent.
  await notice.getByRole('link', { name: new RegExp(`absent from`) }).click();
  await parent.waitForURL(new RegExp(`/sessions/${sessionId}$`));
  await expect(parent.getByTestId('session-attendance').locator('tbody tr').first()).toHaveAttribute('data-status', 'absent');

  // Read: the bell goes back to none.
  await parent.goto('/notifications');
  await notice.getByRole('button', { name: 'Mark read' }).click();
  await expect(notice).toHaveAttribute('data-read', 'true');
  // Marking read sends no NOTIFY (only new notices do), so the bell shows it on the next page.
  await parent.reload();
  await expect(bell).toHaveAttribute('data-unread', '0');
  await parent.context().close();

  // The mail: to the parent only, in Arabic (right to left), with a plain-text part linking to the session and a way to stop such mail.
  const mail = await mailpit.waitFor(DEMO_USERS.parent.email, { subject: title, timeoutMs: 30_000 });
  expect(mail.Subject).toBe(`غياب ${DEMO_USERS.student.name} عن ${title}`);
  expect(mail.To.map((t) => t.Address)).toEqual([DEMO_USERS.parent.email]);
  expect(mail.HTML).toMatch(/dir="rtl"/);
  expect(mail.Text).toContain(`سُجِّل غياب ${DEMO_USERS.student.name} عن درس ${title}`);
  expect(mail.Text).toContain(`/sessions/${sessionId}`);
  expect(mail.Text).toContain('/unsubscribe');
  // Exactly once: the sweep again makes no second notice or mail.
  await runNotifySweep(request);
  expect((await mailpit.to(DEMO_USERS.parent.email)).filter((m) => m.Subject.includes(title))).toHaveLength(1);
});

test('a user turns reminders off and gets none', async ({ browser, request }) => {
  test.setTimeout(360_000);
  // مريم turns class reminders off in her notification settings, reached from the bell.
  const maryam = await signedInIn(browser, 'student2', 'en');
  await maryam.getByTestId('notification-bell').click();
  await maryam.getByRole('link', { name: 'Notification settings' }).click();
  await maryam.waitForURL(/\/notifications\/settings$/);
  const lead = maryam.getByTestId('reminder-lead');
  await expect(lead).toHaveValue('default');
  await lead.selectOption({ label: 'No reminders' });
  await maryam.getByTestId('save-preferences').click();
  await expect(maryam.getByText('Settings saved')).toBeVisible();
  await maryam.reload();
  await expect(maryam.getByTestId('reminder-lead')).toHaveValue('0');

  // A class of her circle starting in 20 minutes: inside the academy's 30-minute reminder time, which يوسف kept.
  const title = `مراجعة سورة الملك — Al-Mulk revision ${run}`;
  const startsAt = new Date(Math.ceil((Date.now() + 20 * 60_000) / 60_000) * 60_000);
  const sessionId = await scheduleCircleClass(browser, title, startsAt);
  const totals = await runNotifySweep(request);
  expect(totals.reminders).toBeGreaterThanOrEqual(2);

  // يوسف gets his reminder, in the inbox and by mail (in Arabic, his academy's language), with the room's link.
  const yusuf = await signedInIn(browser, 'student', 'en');
  await yusuf.goto('/notifications');
  const reminder = yusuf.getByTestId('notice-reminder').filter({ hasText: title });
  await expect(reminder).toHaveCount(1);
  await expect(reminder.getByRole('heading')).toContainText(`Reminder: ${title} at`);
  await expect(reminder.getByRole('link')).toHaveAttribute('href', `/room/${sessionId}`);
  await yusuf.context().close();
  const mail = await mailpit.waitFor(DEMO_USERS.student.email, { subject: title, timeoutMs: 30_000 });
  expect(mail.Subject).toMatch(new RegExp(`^تذكير: ${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} في `));
  expect(mail.Text).toContain(`/room/${sessionId}`);

  // مريم gets none: nothing in her inbox, no mail (both were made in the same sweep as يوسف's).
  await maryam.goto('/notifications');
  await expect(maryam.locator('h1')).toHaveText('Notifications');
  await expect(maryam.locator('[data-loading]')).toHaveCount(0);
  await expect(maryam.getByTestId('inbox').locator('li', { hasText: title })).toHaveCount(0);
  expect((await mailpit.to(DEMO_USERS.student2.email)).filter((m) => m.Subject.includes(title))).toEqual([]);

  // Back to the academy's default, as the other specs expect.
  await maryam.goto('/notifications/settings');
  await maryam.getByTestId('reminder-lead').selectOption('default');
  await maryam.getByTestId('save-preferences').click();
  await expect(maryam.getByText('Settings saved')).toBeVisible();
  await maryam.reload();
  await expect(maryam.getByTestId('reminder-lead')).toHaveValue('default');
  await maryam.context().close();
});
