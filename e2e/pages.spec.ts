import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { DEMO_USERS } from '@/server/seed/demo-users';
import { baseURL } from '../playwright.config';
import { demoPassword, expect, test, type DemoUser } from './fixtures/demo';
import { expectNoSidewaysScroll, expectTouchFriendly, SCREENS } from './fixtures/screens';

/**
 * Every page, in Arabic and in English: it renders its heading, axe finds no
 * serious or critical problem (colour contrast included), and a full-page
 * screenshot lands in test-results/pages/ for people to look at. Then the same
 * page on a phone (both ways up) and a tablet: nothing wider than the screen,
 * every control at least 44 px high, no text under 14 px.
 */
const LOCALES = ['ar', 'en'] as const;
type Locale = (typeof LOCALES)[number];

const FINISHED = 'Tajweed basics';
const LATER = 'Juz Amma review';

/** One sign-in per demo user for the whole file (the pages only read): its cookies, reused by every page's context. */
const signedIn = new Map<DemoUser, Promise<Awaited<ReturnType<BrowserContext['storageState']>>>>();

async function signIn(browser: Browser, who: DemoUser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.locator('input[name="email"]').fill(DEMO_USERS[who].email);
  await page.locator('input[name="password"]').fill(demoPassword());
  await page.locator('button[type="submit"]').click();
  await expect(page.getByTestId('viewer')).toContainText(DEMO_USERS[who].name);
  const state = await context.storageState();
  await context.close();
  return state;
}

/** A fresh context, signed in as `who` (if anyone), whose `halaqa-locale` cookie (which wins over the user's stored choice) is `locale`. */
async function pageIn(browser: Browser, locale: Locale, who?: DemoUser): Promise<Page> {
  if (who && !signedIn.has(who)) signedIn.set(who, signIn(browser, who));
  const context = await browser.newContext(who ? { storageState: await signedIn.get(who)! } : {});
  await context.addCookies([{ name: 'halaqa-locale', value: locale, url: baseURL }]);
  const page = await context.newPage();
  return page;
}

async function check(page: Page, locale: Locale, name: string) {
  await test.step('direction and data', async () => {
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expect(page.locator('html')).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');
    // Data has arrived: no loading line left, and the page has its one heading.
    await expect(page.locator('[data-loading]')).toHaveCount(0);
    await expect(page.locator('h1')).toHaveCount(1);
  });
  await test.step('screenshot', () => page.screenshot({ path: `test-results/pages/${name}-${locale}.png`, fullPage: true }));
  await test.step('axe', async () => {
    const { violations } = await new AxeBuilder({ page }).analyze();
    const blocking = violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
    expect(blocking, `axe on ${name} (${locale})`).toEqual([]);
  });
  for (const screen of SCREENS) {
    await test.step(screen.name, async () => {
      await page.setViewportSize({ width: screen.width, height: screen.height });
      const what = `${name} (${locale}) on ${screen.name}`;
      await expectNoSidewaysScroll(page, what);
      await expectTouchFriendly(page, what);
      if (screen.name === 'phone') await page.screenshot({ path: `test-results/pages/${name}-${locale}-phone.png`, fullPage: true });
    });
  }
}

/** Every page: who opens it (nobody for sign-in), how, and what shows the page has its data. */
const PAGES: { name: string; who?: DemoUser; open: (page: Page) => Promise<void> }[] = [
  {
    name: 'sign-in',
    open: async (p) => {
      await p.goto('/sign-in');
      await expect(p.locator('input[name="email"]')).toBeVisible();
    },
  },
  { name: 'super', who: 'superAdmin', open: visit('/super', (p) => expect(p.getByTestId('academies-table')).toContainText('itqan-academy')) },
  { name: 'admin', who: 'admin', open: visit('/admin', (p) => expect(p.getByTestId('academy-attendance')).toContainText(FINISHED)) },
  { name: 'admin-sessions', who: 'admin', open: visit('/admin/sessions', (p) => expect(p.locator('main')).toContainText(FINISHED)) },
  { name: 'admin-schedules', who: 'admin', open: visit('/admin/schedules', (p) => expect(p.getByRole('link', { name: /New weekly schedule|جدول أسبوعي جديد/ })).toBeVisible()) },
  { name: 'admin-schedule-new', who: 'admin', open: visit('/admin/schedules/new', (p) => expect(p.getByTestId('weekly-schedule-form')).toBeVisible()) },
  { name: 'admin-groups', who: 'admin', open: visit('/admin/groups', (p) => expect(p.getByTestId('groups-table')).toContainText('Al-Fajr circle')) },
  { name: 'admin-group-new', who: 'admin', open: visit('/admin/groups/new?kind=lesson', (p) => expect(p.getByTestId('create-group-form').locator('select[name="studentId"]')).toBeVisible()) },
  {
    name: 'admin-group',
    who: 'admin',
    open: async (p) => {
      await p.goto('/admin/groups');
      await p.getByTestId('groups-table').getByRole('link', { name: /Al-Fajr circle/ }).click();
      await p.waitForURL(/\/admin\/groups\/circle\/\d+$/);
      await expect(p.getByTestId('group-members')).toContainText(DEMO_USERS.student.name);
    },
  },
  { name: 'calendar-admin', who: 'admin', open: visit('/calendar', (p) => expect(p.getByTestId('week-calendar').locator('.fc-event').first()).toBeVisible()) },
  { name: 'calendar-teacher', who: 'teacher', open: visit('/calendar', (p) => expect(p.getByTestId('week-calendar').locator('.fc-event').first()).toBeVisible()) },
  { name: 'profile', who: 'parent', open: visit('/profile', (p) => expect(p.getByTestId('profile-form').locator('select[name="timezone"]')).toBeVisible()) },
  { name: 'admin-settings', who: 'admin', open: visit('/admin/settings', (p) => expect(p.getByTestId('video-settings-form')).toBeVisible()) },
  { name: 'admin-sweeps', who: 'admin', open: visit('/admin/sweeps', (p) => expect(p.getByTestId('sweep-stats')).toBeVisible()) },
  { name: 'admin-people', who: 'admin', open: visit('/admin/people', (p) => expect(p.getByTestId('people-table')).toContainText(DEMO_USERS.teacher.name)) },
  { name: 'admin-people-import', who: 'admin', open: visit('/admin/people/import', (p) => expect(p.getByTestId('roster-file')).toBeVisible()) },
  { name: 'account-password', who: 'parent', open: visit('/account/password', (p) => expect(p.getByTestId('change-password-form')).toBeVisible()) },
  { name: 'reset-password', open: visit('/reset-password', (p) => expect(p.locator('input[name="email"]')).toBeVisible()) },
  // A well-formed link that names no invitation: the page says the link is not valid.
  { name: 'invite-invalid', open: visit(`/invite/${'A'.repeat(43)}`, (p) => expect(p.getByTestId('link-state')).toHaveAttribute('data-state', 'unknown')) },
  // The inbox: whatever the notices are (notifications.spec makes some), the list or "none yet" shows once loaded.
  { name: 'notifications', who: 'parent', open: visit('/notifications', (p) => expect(p.getByTestId('inbox').locator('li').first().or(p.getByTestId('inbox-empty'))).toBeVisible()) },
  { name: 'notification-settings', who: 'parent', open: visit('/notifications/settings', (p) => expect(p.getByTestId('reminder-lead')).toBeVisible()) },
  { name: 'teacher', who: 'teacher', open: visit('/teacher', (p) => expect(p.locator('main')).toContainText(FINISHED)) },
  { name: 'teacher-settings', who: 'teacher', open: visit('/teacher/settings', (p) => expect(p.getByTestId('teacher-settings-form')).toBeVisible()) },
  { name: 'student', who: 'student', open: visit('/student', (p) => expect(p.locator('main')).toContainText(FINISHED)) },
  { name: 'parent', who: 'parent', open: visit('/parent', (p) => expect(p.locator('main section[data-testid^="child-"]')).toContainText(FINISHED)) },
  {
    // A finished session's page, reached the way an admin does.
    name: 'session',
    who: 'admin',
    open: async (p) => {
      await p.goto('/admin');
      await p.getByTestId('academy-attendance').getByRole('link', { name: new RegExp(FINISHED) }).first().click();
      await p.waitForURL(/\/sessions\/\d+$/);
      await expect(p.getByTestId('session-attendance')).toBeVisible();
    },
  },
  {
    // The room of a session the teacher has not started: the student waits there.
    name: 'room-waiting',
    who: 'student',
    open: async (p) => {
      await p.goto('/student');
      const id = (await p.locator('tr', { hasText: LATER }).first().getAttribute('data-testid'))?.replace('session-', '');
      expect(id).toMatch(/^\d+$/);
      await p.goto(`/room/${id}`);
      await expect(p.getByTestId('room-stage')).toBeVisible();
    },
  },
];

function visit(path: string, ready: (page: Page) => Promise<void>) {
  return async (page: Page) => {
    await page.goto(path);
    await ready(page);
  };
}

for (const locale of LOCALES) {
  test.describe(locale === 'ar' ? 'in Arabic' : 'in English', () => {
    for (const { name, who, open } of PAGES) {
      test(`${name} renders in its direction and passes axe`, async ({ browser }) => {
        const page = await test.step('sign in', () => pageIn(browser, locale, who));
        await test.step('open', () => open(page));
        await check(page, locale, name);
        await page.context().close();
      });
    }
  });
}
