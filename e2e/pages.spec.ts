import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_USERS } from '@/server/testing/demo-academy';
import { baseURL } from '../playwright.config';
import { expect, test, type DemoUser } from './fixtures/demo';

/**
 * Every page, in Arabic and in English: it renders its heading, axe finds no
 * serious or critical problem (colour contrast included), and a full-page
 * screenshot lands in test-results/pages/ for people to look at.
 */
const LOCALES = ['ar', 'en'] as const;
type Locale = (typeof LOCALES)[number];

const FINISHED = 'Tajweed basics';
const LATER = 'Juz Amma review';

/** A fresh context whose `halaqa-locale` cookie (which wins over the user's stored choice) is `locale`. */
async function pageIn(browser: Browser, locale: Locale, who?: DemoUser): Promise<Page> {
  const context = await browser.newContext();
  await context.addCookies([{ name: 'halaqa-locale', value: locale, url: baseURL }]);
  const page = await context.newPage();
  if (who) {
    await page.goto('/sign-in');
    await page.locator('input[name="email"]').fill(DEMO_USERS[who].email);
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.locator('button[type="submit"]').click();
    await expect(page.getByTestId('viewer')).toContainText(DEMO_USERS[who].name);
  }
  return page;
}

async function check(page: Page, locale: Locale, name: string) {
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  await expect(page.locator('html')).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');
  // Data has arrived: no loading line left, and the page has its one heading.
  await expect(page.locator('[data-loading]')).toHaveCount(0);
  await expect(page.locator('h1')).toHaveCount(1);
  await page.screenshot({ path: `test-results/pages/${name}-${locale}.png`, fullPage: true });
  const { violations } = await new AxeBuilder({ page }).analyze();
  const blocking = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect.soft(blocking, `axe on ${name} (${locale})`).toEqual([]);
}

/** Signed-in pages: who opens them, where, and what shows the page has its data. */
const PAGES: { name: string; who: DemoUser; path: string; ready: (page: Page) => Promise<void> }[] = [
  { name: 'super', who: 'superAdmin', path: '/super', ready: (p) => expect(p.getByTestId('academies-table')).toContainText('itqan-academy') },
  { name: 'admin', who: 'admin', path: '/admin', ready: (p) => expect(p.getByTestId('academy-attendance')).toContainText(FINISHED) },
  { name: 'admin-sessions', who: 'admin', path: '/admin/sessions', ready: (p) => expect(p.locator('main')).toContainText(FINISHED) },
  { name: 'admin-schedules', who: 'admin', path: '/admin/schedules', ready: (p) => expect(p.locator('main form').first()).toBeVisible() },
  { name: 'admin-settings', who: 'admin', path: '/admin/settings', ready: (p) => expect(p.locator('main form').first()).toBeVisible() },
  { name: 'admin-sweeps', who: 'admin', path: '/admin/sweeps', ready: (p) => expect(p.getByTestId('sweep-stats')).toBeVisible() },
  { name: 'teacher', who: 'teacher', path: '/teacher', ready: (p) => expect(p.locator('main')).toContainText(FINISHED) },
  { name: 'teacher-settings', who: 'teacher', path: '/teacher/settings', ready: (p) => expect(p.locator('main form').first()).toBeVisible() },
  { name: 'student', who: 'student', path: '/student', ready: (p) => expect(p.locator('main')).toContainText(FINISHED) },
  { name: 'parent', who: 'parent', path: '/parent', ready: (p) => expect(p.locator('main section[data-testid^="child-"]')).toContainText(FINISHED) },
];

for (const locale of LOCALES) {
  test(`every page in ${locale === 'ar' ? 'Arabic' : 'English'} renders and passes axe`, async ({ browser }) => {
    const anonymous = await pageIn(browser, locale);
    await anonymous.goto('/sign-in');
    await expect(anonymous.locator('input[name="email"]')).toBeVisible();
    await check(anonymous, locale, 'sign-in');
    await anonymous.context().close();

    for (const { name, who, path, ready } of PAGES) {
      const page = await pageIn(browser, locale, who);
      await page.goto(path);
      await ready(page);
      await check(page, locale, name);
      await page.context().close();
    }

    // A finished session's page, reached the way an admin does.
    const admin = await pageIn(browser, locale, 'admin');
    await admin.getByTestId('academy-attendance').getByRole('link', { name: new RegExp(FINISHED) }).first().click();
    await admin.waitForURL(/\/sessions\/\d+$/);
    await expect(admin.getByTestId('session-attendance')).toBeVisible();
    await check(admin, locale, 'session');
    await admin.context().close();

    // The room of a session the teacher has not started: the student waits there.
    const student = await pageIn(browser, locale, 'student');
    const row = student.locator('tr', { hasText: LATER });
    const id = (await row.first().getAttribute('data-testid'))?.replace('session-', '');
    expect(id).toMatch(/^\d+$/);
    await student.goto(`/room/${id}`);
    await expect(student.getByTestId('room-stage')).toBeVisible();
    await check(student, locale, 'room-waiting');
    await student.context().close();
  });
}
