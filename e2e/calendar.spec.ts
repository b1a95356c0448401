import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { DEMO_USERS } from '@/server/seed/demo-users';
import { baseURL } from '../playwright.config';
import { expect, signedInPage, test, type DemoUser } from './fixtures/demo';

/**
 * The week calendar and the viewer's timezone, driven as people do: an admin
 * reschedules and cancels sessions from the calendar, edits a weekly
 * schedule, and a parent picks a timezone and reads every time in it.
 */

/** English dates as the app formats them (components/i18n/catalogue.ts: formattingTag('en'); the catalogue's JSON does not load here). */
const EN_TAG = 'en-GB';

/** A day `days` after today in the academy's timezone: always in the future. */
function dayInRiyadh(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Riyadh' }).format(new Date());
  const at = new Date(`${today}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

async function createSessionThroughForm(admin: Page, title: string, localDate: string, localTime: string) {
  await admin.goto('/admin/sessions');
  const form = admin.getByTestId('create-session-form');
  await form.locator('input[name="title"]').fill(title);
  await form.locator('select[name="teacherId"]').selectOption({ label: DEMO_USERS.teacher.name });
  await form.locator('select[name="audienceType"]').selectOption('circle');
  await form.locator('select[name="audienceId"]').selectOption({ index: 1 });
  await form.locator('input[name="localDate"]').fill(localDate);
  await form.locator('input[name="localTime"]').fill(localTime);
  await form.locator('input[name="durationMinutes"]').fill('30');
  await form.getByRole('button').click();
  await expect(admin.getByTestId('created-session-link')).toHaveText(title);
  return Number((await admin.getByTestId('created-session-link').getAttribute('href'))!.split('/').pop());
}

/** Signed in, reading English (the demo academy's own language is Arabic; the cookie wins over it). */
async function inEnglish(browser: Browser, who: DemoUser): Promise<Page> {
  const page = await signedInPage(browser, who);
  await page.context().addCookies([{ name: 'halaqa-locale', value: 'en', url: baseURL }]);
  return page;
}

async function expectNoSeriousAxe(page: Page, name: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(blocking, `axe on ${name}`).toEqual([]);
}

test('an admin reschedules and cancels sessions from the week calendar', async ({ browser }) => {
  // Two sessions made through the form, then five round trips through the calendar.
  test.setTimeout(300_000);
  const admin = await inEnglish(browser, 'admin');
  const day = dayInRiyadh(1);
  const stamp = Date.now();
  const moving = `نقل — Moving ${stamp}`;
  const cancelling = `إلغاء — Cancelling ${stamp}`;
  const movingId = await createSessionThroughForm(admin, moving, day, '10:00');
  const cancellingId = await createSessionThroughForm(admin, cancelling, day, '11:00');

  await admin.goto(`/calendar?date=${day}`);
  const calendar = admin.getByTestId('week-calendar');
  await calendar.getByTestId(`calendar-event-${movingId}`).click();
  const dialog = admin.getByTestId('session-dialog');
  await expect(dialog.getByRole('heading', { name: moving })).toBeVisible();
  await expectNoSeriousAxe(admin, 'calendar dialog');
  await admin.screenshot({ path: 'test-results/pages/calendar-dialog-en.png', fullPage: true });
  await dialog.getByLabel('New date').fill(day);
  await dialog.getByLabel('New time').fill('14:30');
  await dialog.getByRole('button', { name: 'Reschedule' }).click();
  await expect(dialog).toHaveCount(0);
  // The event moved to 14:30 Riyadh time, which is the admin's timezone too (the academy's).
  await expect(calendar.getByTestId(`calendar-event-${movingId}`)).toContainText('14:30');

  // Its details change in the same dialog; its time stays.
  await calendar.getByTestId(`calendar-event-${movingId}`).click();
  const edit = dialog.getByTestId('edit-session-form');
  await edit.getByLabel('Title').fill(`${moving} (edited)`);
  await edit.getByLabel('Duration (minutes)').fill('50');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(calendar.getByTestId(`calendar-event-${movingId}`)).toContainText('(edited)');

  await calendar.getByTestId(`calendar-event-${cancellingId}`).click();
  await dialog.getByLabel('Reason').fill('المعلم مسافر — teacher travelling');
  await dialog.getByRole('button', { name: 'Cancel the session' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(calendar.getByTestId(`calendar-event-${cancellingId}`)).toContainText('Cancelled');
  // A cancelled session keeps its history and reason, and cannot be moved any more.
  await calendar.getByTestId(`calendar-event-${cancellingId}`).click();
  await expect(dialog).toContainText('teacher travelling');
  await expect(dialog.getByTestId('reschedule-form')).toHaveCount(0);
  await admin.keyboard.press('Escape');

  await admin.goto(`/sessions/${cancellingId}`);
  await expect(admin.locator('main')).toContainText('Cancelled');
  await admin.context().close();
});

test('an admin creates a weekly schedule, then edits it from its page', async ({ browser }) => {
  test.setTimeout(300_000);
  const admin = await inEnglish(browser, 'admin');
  const title = `أسبوعية — Weekly ${Date.now()}`;
  await admin.goto('/admin/schedules/new');
  const form = admin.getByTestId('weekly-schedule-form');
  await form.locator('input[name="title"]').fill(title);
  await form.locator('select[name="teacherId"]').selectOption({ label: DEMO_USERS.teacher.name });
  await form.locator('select[name="audienceType"]').selectOption('circle');
  await form.locator('select[name="audienceId"]').selectOption({ index: 1 });
  await form.getByLabel('Monday').check();
  await form.getByLabel('Wednesday').check();
  await form.locator('input[name="localTime"]').fill('16:00');
  await form.getByLabel('First date').fill(dayInRiyadh(1));
  await form.getByLabel('Number of sessions', { exact: true }).fill('6');
  await form.getByRole('button', { name: /weekly schedule/i }).click();
  await expect(admin.getByRole('status')).toContainText('6');

  await admin.goto('/admin/schedules');
  const row = admin.getByTestId('schedules-table').locator('tr', { hasText: title });
  await row.getByRole('link', { name: `Edit: ${title}` }).click();
  await admin.waitForURL(/\/admin\/schedules\/\d+$/);
  const edit = admin.getByTestId('schedule-edit-form');
  await expect(edit.getByLabel('Time', { exact: true })).toHaveValue('16:00');
  await expectNoSeriousAxe(admin, 'schedule edit');
  await admin.screenshot({ path: 'test-results/pages/admin-schedule-edit-en.png', fullPage: true });
  await edit.getByLabel('Friday').check();
  await edit.getByLabel('Time', { exact: true }).fill('17:15');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(admin.getByText(/sessions? added/)).toBeVisible();

  await admin.goto('/admin/schedules');
  await expect(row).toContainText('17:15');
  await row.getByRole('button', { name: `Pause: ${title}` }).click();
  await admin.getByTestId('confirm-dialog-confirm').click();
  await expect(row.locator('span[data-state]')).toHaveAttribute('data-state', 'paused');
  await row.getByRole('button', { name: `Resume: ${title}` }).click();
  await expect(row.locator('span[data-state]')).toHaveAttribute('data-state', 'active');
  await admin.context().close();
});

test('a parent changes their timezone and sees times in it', async ({ browser }) => {
  const parent = await inEnglish(browser, 'parent');
  await parent.reload();
  const child = parent.locator('section[data-testid^="child-"]');
  await child.locator('tbody tr', { hasText: 'Tajweed basics' }).getByRole('link').click();
  await parent.waitForURL(/\/sessions\/\d+$/);
  const sessionUrl = parent.url();
  const when = parent.getByTestId('session-when');
  const instant = new Date((await when.getAttribute('datetime'))!);
  const shown = (timeZone: string) => new Intl.DateTimeFormat(EN_TAG, { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(instant);
  await expect(when).toHaveText(shown('Asia/Riyadh'));

  await parent.getByTestId('account-menu').click();
  await parent.getByTestId('profile-link').click();
  await parent.waitForURL(/\/profile$/);
  await parent.getByLabel('Timezone').selectOption('America/New_York');
  await parent.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(parent.getByTestId('profile-now')).toContainText('America/New_York');

  await parent.goto(sessionUrl);
  await expect(when).toHaveText(shown('America/New_York'));
  await expect(parent.locator('main')).toContainText('America/New_York');

  // Back to the academy's timezone, as the other tests expect.
  await parent.goto('/profile');
  await parent.getByLabel('Timezone').selectOption('');
  await parent.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(parent.getByTestId('profile-now')).toContainText('Asia/Riyadh');
  await parent.context().close();
});
