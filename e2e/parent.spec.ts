import { DEMO_USERS } from '@/server/seed/demo-users';
import { expect, signedInPage, test } from './fixtures/demo';

const FINISHED = 'Tajweed basics';

/** Tomorrow in the academy's timezone: always in the future, whatever the hour. */
function tomorrowInRiyadh(): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Riyadh' }).format(new Date());
  const at = new Date(`${today}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + 1);
  return at.toISOString().slice(0, 10);
}

test("a parent sees their child's attendance, and only their child's", async ({ browser }) => {
  const parent = await signedInPage(browser, 'parent');
  await expect(parent).toHaveURL(/\/parent$/);
  const child = parent.locator('section[data-testid^="child-"]');
  await expect(child).toHaveCount(1);
  await expect(child.getByRole('heading')).toContainText(DEMO_USERS.student.name);
  const row = child.locator('tbody tr', { hasText: FINISHED });
  await expect(row.locator('[data-status]')).toHaveAttribute('data-status', 'present');

  await row.getByRole('link').click();
  await parent.waitForURL(/\/sessions\/\d+$/);
  const records = parent.getByTestId('session-attendance').locator('tbody tr');
  await expect(records).toHaveCount(1);
  await expect(records.first()).toContainText(DEMO_USERS.student.name);
  await expect(records.first()).toHaveAttribute('data-status', 'present');
  await expect(parent.getByTestId('session-attendance')).not.toContainText(DEMO_USERS.student2.name);
  await expect(parent.getByTestId('override-form')).toHaveCount(0);
  await parent.context().close();
});

test('a parent cannot open a session their child is not in', async ({ browser }) => {
  // The admin schedules a private lesson for the other student through the dashboard's form.
  const admin = await signedInPage(browser, 'admin');
  await admin.goto('/admin/sessions');
  const form = admin.getByTestId('create-session-form');
  const title = `درس خاص — Private lesson ${Date.now()}`;
  await form.locator('input[name="title"]').fill(title);
  await form.locator('select[name="kind"]').selectOption('quran');
  await form.locator('select[name="teacherId"]').selectOption({ label: DEMO_USERS.teacher.name });
  await form.locator('select[name="audienceType"]').selectOption('student');
  await form.locator('select[name="audienceId"]').selectOption({ label: DEMO_USERS.student2.name });
  await form.locator('input[name="localDate"]').fill(tomorrowInRiyadh());
  await form.locator('input[name="localTime"]').fill('10:00');
  await form.locator('input[name="durationMinutes"]').fill('30');
  await form.getByRole('button').click();
  const link = admin.getByTestId('created-session-link');
  await expect(link).toHaveText(title);
  const sessionPath = (await link.getAttribute('href'))!;
  expect(sessionPath).toMatch(/^\/sessions\/\d+$/);
  const sessionId = sessionPath.split('/').pop();
  await admin.context().close();

  const parent = await signedInPage(browser, 'parent');
  await expect(parent.locator('main')).not.toContainText(title);
  await parent.goto(`/room/${sessionId}`);
  await expect(parent.getByTestId('room-not-allowed')).toBeVisible();
  await parent.goto(sessionPath);
  await expect(parent.getByTestId('session-not-allowed')).toBeVisible();
  await expect(parent.locator('main')).not.toContainText(title);
  await parent.context().close();

  // The lesson's own student may open it.
  const maryam = await signedInPage(browser, 'student2');
  await maryam.goto(sessionPath);
  await expect(maryam.getByRole('heading', { level: 1 })).toHaveText(title);
  await maryam.context().close();
});
