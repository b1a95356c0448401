import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DEMO_USERS } from '@/server/seed/demo-users';
import { expect, signedInPage, test, type DemoUser } from './fixtures/demo';

/** The demo's finished session, attended at seed time: teacher and يوسف whole, مريم 25 of 60 minutes. */
const FINISHED = 'Tajweed basics';
const EXPECTED = [
  { who: DEMO_USERS.teacher.name, type: 'teacher', status: 'present' },
  { who: DEMO_USERS.student.name, type: 'student', status: 'present' },
  { who: DEMO_USERS.student2.name, type: 'student', status: 'partial' },
] as const;

async function expectAccessible(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const blocking = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(blocking, `axe on ${what}`).toEqual([]);
}

/** What shows that each role's home has loaded its data. */
const READY: Record<DemoUser, (page: Page) => Promise<void>> = {
  superAdmin: (page) => expect(page.getByTestId('academies-table')).toContainText('itqan-academy'),
  admin: (page) => expect(page.getByTestId('academy-attendance')).toContainText(FINISHED),
  supervisor: (page) => expect(page.getByTestId('academy-attendance')).toContainText(FINISHED),
  teacher: (page) => expect(page.locator('main')).toContainText(FINISHED),
  student: (page) => expect(page.locator('main')).toContainText(FINISHED),
  student2: (page) => expect(page.locator('main')).toContainText(FINISHED),
  parent: (page) => expect(page.locator('main section[data-testid^="child-"]')).toContainText(FINISHED),
};

// Every page's axe run, in both languages, is pages.spec.ts's; here: each role lands on its own home
// after signing in (and the supervisor's, which no page of pages.spec.ts opens as, passes axe).
test('every role lands on its home after signing in', async ({ browser }) => {
  const homes: [DemoUser, RegExp][] = [
    ['superAdmin', /\/super$/],
    ['admin', /\/admin$/],
    ['supervisor', /\/admin$/],
    ['teacher', /\/teacher$/],
    ['student', /\/student$/],
    ['parent', /\/parent$/],
  ];
  for (const [who, path] of homes) {
    const page = await signedInPage(browser, who);
    await expect(page).toHaveURL(path);
    await READY[who](page);
    await expect(page.locator('h1')).toHaveCount(1);
    if (who === 'supervisor') await expectAccessible(page, `${who}'s home`);
    await page.context().close();
  }
});

test('the admin dashboard shows the finished session’s attendance and downloads it as CSV', async ({ browser }) => {
  const page = await signedInPage(browser, 'admin');
  await expect(page.getByTestId('live-meetings')).toBeVisible();
  const rows = page.getByTestId('academy-attendance').locator('tbody tr', { hasText: FINISHED });
  await expect(rows).toHaveCount(EXPECTED.length);
  for (const { who, status } of EXPECTED) {
    await expect(rows.filter({ has: page.getByTestId('participant').filter({ hasText: who }) })).toHaveAttribute('data-status', status);
  }
  await expect(page.getByTestId('chart-by-day')).toBeVisible();
  await expect(page.getByTestId('chart-by-teacher')).toContainText(DEMO_USERS.teacher.name);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  expect(download.suggestedFilename()).toMatch(/^attendance-itqan-academy-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
  // The header is in the admin's language; the same export with `header=keys` names the same columns stably.
  const href = (await page.getByTestId('export-csv').getAttribute('href'))!;
  const keys = (await (await page.request.get(`${href}${href.includes('?') ? '&' : '?'}header=keys`)).text()).replace(/^\uFEFF/, '').split('\r\n')[0]!.split(',');
  expect(lines[0]!.split(',')).toHaveLength(keys.length);
  expect(lines[0]).not.toContain('session_title');
  const column = (name: string) => keys.indexOf(name);
  const records = lines
    .slice(1)
    .map((line) => line.split(','))
    .filter((cells) => cells[column('session_title')]!.includes(FINISHED));
  const sorted = (rows: (string | undefined)[][]) => rows.map((row) => row.join(' | ')).sort();
  expect(sorted(records.map((cells) => [cells[column('participant')], cells[column('user_type')], cells[column('status')]]))).toEqual(
    sorted(EXPECTED.map(({ who, type, status }) => [who, type, status])),
  );
  await page.context().close();
});

test('the admin dashboard in Arabic (right to left) and in English', async ({ browser }) => {
  const page = await signedInPage(browser, 'admin');
  const html = page.locator('html');
  // The academy's default language is Arabic.
  await expect(html).toHaveAttribute('dir', 'rtl');
  await expect(html).toHaveAttribute('lang', 'ar');
  await READY.admin(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('لوحة تحكم الأكاديمية');
  await expect(page.getByTestId('academy-attendance')).toContainText(DEMO_USERS.student2.name);
  await page.screenshot({ path: 'test-results/admin-dashboard-ar.png', fullPage: true });

  await page.getByTestId('language-switcher').click();
  await expect(html).toHaveAttribute('dir', 'ltr');
  await expect(html).toHaveAttribute('lang', 'en');
  await READY.admin(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Academy dashboard');
  await expect(page.getByTestId('academy-attendance')).toContainText('Partial');
  await expectAccessible(page, 'the admin dashboard in English');
  await page.screenshot({ path: 'test-results/admin-dashboard-en.png', fullPage: true });

  // The choice is the user's, not only this browser's: a fresh sign-in keeps it.
  const again = await signedInPage(browser, 'admin');
  await expect(again.locator('html')).toHaveAttribute('lang', 'en');
  await again.context().close();

  await page.getByTestId('language-switcher').click();
  await expect(html).toHaveAttribute('dir', 'rtl');
  await READY.admin(page);
  await page.context().close();
});

test('the session page shows its attendance, reconciles, and takes an override with a reason', async ({ browser }) => {
  const page = await signedInPage(browser, 'admin');
  await page.getByTestId('academy-attendance').getByRole('link', { name: new RegExp(FINISHED) }).first().click();
  await page.waitForURL(/\/sessions\/\d+$/);
  const sessionPath = new URL(page.url()).pathname;
  const table = page.getByTestId('session-attendance');
  for (const { who, status } of EXPECTED) {
    await expect(table.locator('tbody tr', { hasText: who })).toHaveAttribute('data-status', status);
  }
  await expect(page.getByTestId('count-present')).toHaveText('1');
  await expect(page.getByTestId('count-partial')).toHaveText('1');
  await expectAccessible(page, 'the session page');

  await page.getByTestId('reconcile').click();
  await expect(page.getByTestId('reconcile-result')).toBeVisible();

  const maryam = table.locator('tbody tr', { hasText: DEMO_USERS.student2.name });
  const form = page.getByTestId('override-form');
  const override = async (status: string, reason: string) => {
    const person = form.locator('select').first();
    await person.selectOption((await person.locator('option', { hasText: DEMO_USERS.student2.name }).getAttribute('value'))!);
    await form.locator('select').nth(1).selectOption(status);
    await form.locator('input').fill(reason);
    await form.getByRole('button').click();
    await expect(maryam).toHaveAttribute('data-status', status);
    await expect(maryam.getByTestId('override-note')).toContainText(reason);
  };
  await override('late', 'انقطع الاتصال — connection trouble');
  await expect(page.getByTestId('count-late')).toHaveText('1');
  // Back to what the engine computed, so later specs see the seeded statuses.
  await override('partial', 'restored after the check');
  await page.context().close();

  // The session's own teacher sees the attendance but may not override it.
  const teacher = await signedInPage(browser, 'teacher');
  await teacher.goto(sessionPath);
  await expect(teacher.getByTestId('session-attendance').locator('tbody tr')).toHaveCount(EXPECTED.length);
  await expect(teacher.getByTestId('override-form')).toHaveCount(0);
  await teacher.context().close();
});
