import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { baseURL } from '../playwright.config';
import { expect, signedInPage, test } from './fixtures/demo';
import { linkIn, mailpit } from './fixtures/mail';
import { onClock } from './fixtures/clock';

/**
 * An academy from zero, in the browser, the way its people would do it: the
 * super admin creates the academy and invites its admin; the admin accepts
 * the emailed invitation (read from the app's Mailpit), adds a teacher,
 * creates a circle, imports 30 students with their parents from a CSV file
 * (BOM, Arabic names) into it, and makes a weekly schedule starting in a few
 * minutes; the teacher and a student accept their emailed invitations; the
 * create sweep (its cron route) opens the room; the teacher and the student
 * join and see each other. Screenshots land in test-results/academy-from-zero/.
 */
const SHOTS = 'test-results/academy-from-zero';
const PASSWORD = 'كلمة سر الأكاديمية الجديدة';
const TIMEZONE = 'Africa/Cairo';
const run = Date.now().toString(36);
const CIRCLE = `حلقة الفجر ${run}`;
const TITLE = `حفظ جزء عم — ${run}`;

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** The invitation mailed to `address`: its link, which must be the one the admin could copy. */
async function invitationLink(address: string): Promise<string> {
  return linkIn((await mailpit.waitFor(address)).Text, `${baseURL}/invite/`);
}

/** Opens a one-time link in a fresh context, sets the password, and lands signed in. */
async function acceptInvitation(browser: Browser, link: string, name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(link);
  await expect(page.getByTestId('link-password-form')).toContainText(name);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.locator('input[name="confirm"]').fill(PASSWORD);
  await page.getByTestId('link-password-form').locator('button[type="submit"]').click();
  await expect(page.getByTestId('viewer')).toContainText(name);
  return page;
}

function rosterFile(): string {
  const lines = ['name,email,role,parent email,circle'];
  for (let i = 1; i <= 30; i++) lines.push(`وليّ أمر الطالب ${i},parent${i}-${run}@zero.test,parent,,`);
  for (let i = 1; i <= 30; i++) lines.push(`"الطالب ${i}, الصف الأول",student${i}-${run}@zero.test,student,parent${i}-${run}@zero.test,${CIRCLE}`);
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'roster-')), 'roster.csv');
  writeFileSync(file, `\uFEFF${lines.join('\r\n')}\r\n`);
  return file;
}

/** Today's date, a time a few minutes ahead and today's weekday, in the academy's time zone. */
const soonInAcademy = (minutes: number) => onClock(new Date(Date.now() + minutes * 60_000), TIMEZONE);

test('an academy from zero: created, invited, people imported, a circle and its weekly schedule, and its first class held', async ({ browser }) => {
  test.setTimeout(300_000);
  const slug = `zero-${run}`;
  const superAdmin = await signedInPage(browser, 'superAdmin');
  await superAdmin.goto('/super');
  const form = superAdmin.getByTestId('create-academy-form');
  await form.locator('input[name="slug"]').fill(slug);
  await form.locator('input[name="nameAr"]').fill('أكاديمية من الصفر');
  await form.locator('input[name="nameEn"]').fill('Academy from zero');
  await form.locator('input[name="timezone"]').fill(TIMEZONE);
  await form.locator('select[name="defaultLocale"]').selectOption('ar');
  await form.locator('button[type="submit"]').click();
  await expect(superAdmin.getByTestId('academy-created')).toBeVisible();
  const row = superAdmin.getByTestId('academies-table').locator('tr', { hasText: slug });
  await row.getByRole('button', { name: /Invite an admin|دعوة مدير/ }).click();
  const invite = superAdmin.getByTestId('invite-admin-form');
  await invite.locator('input[name="name"]').fill('مدير الأكاديمية');
  await invite.locator('input[name="email"]').fill(`admin-${run}@zero.test`);
  await invite.locator('button[type="submit"]').click();
  const copied = await superAdmin.getByTestId('invitation-url').inputValue();
  expect(copied).toMatch(/\/invite\/[\w-]{43}$/);
  await shot(superAdmin, 'super-invited-admin');
  // The same link arrives by mail, in the academy's language.
  const mail = await mailpit.waitFor(`admin-${run}@zero.test`);
  expect(mail.Subject).toContain('أكاديمية من الصفر');
  const adminLink = linkIn(mail.Text, `${baseURL}/invite/`);
  expect(adminLink).toBe(copied);

  const admin = await acceptInvitation(browser, adminLink, 'مدير الأكاديمية');
  await expect(admin).toHaveURL(/\/admin$/);
  // The link worked once: opening it again says so.
  const again = await (await browser.newContext()).newPage();
  await again.goto(adminLink);
  await expect(again.getByTestId('link-state')).toHaveAttribute('data-state', 'used');
  await again.context().close();
  // The rest of the admin's work in English (the cookie wins over the academy's Arabic), so labels are stable.
  await admin.context().addCookies([{ name: 'halaqa-locale', value: 'en', url: baseURL }]);

  await admin.goto('/admin/people');
  const add = admin.getByTestId('add-person-form');
  await add.locator('input[name="name"]').fill('الأستاذ عمر');
  await add.locator('input[name="email"]').fill(`teacher-${run}@zero.test`);
  await add.locator('select[name="role"]').selectOption('teacher');
  await add.locator('button[type="submit"]').click();
  await expect(admin.getByTestId('invitation-url')).toHaveValue(/\/invite\//);

  await admin.goto('/admin/groups/new?kind=circle');
  const group = admin.getByTestId('create-group-form');
  await group.locator('input[name="name"]').fill(CIRCLE);
  await group.locator('select[name="teacherId"]').selectOption({ label: 'الأستاذ عمر' });
  await group.locator('button[type="submit"]').click();
  await admin.waitForURL(/\/admin\/groups\/circle\/\d+/);

  await admin.goto('/admin/people/import');
  await admin.getByTestId('roster-file').setInputFiles(rosterFile());
  await expect(admin.getByTestId('import-counts')).toContainText('60 to create');
  await expect(admin.getByTestId('import-preview').locator('tr[data-action="create"]')).toHaveCount(60);
  await shot(admin, 'import-preview');
  await admin.getByTestId('import-apply').click();
  await expect(admin.getByTestId('import-done')).toContainText('60 created');
  await shot(admin, 'import-done');
  await admin.goto('/admin/people');
  await expect(admin.getByTestId('people-total')).toContainText('62 people');
  await admin.getByTestId('people-search').fill(`student7-${run}`);
  await expect(admin.getByTestId('people-table')).toContainText('وليّ أمر الطالب 7');
  await shot(admin, 'people');

  const soon = soonInAcademy(6);
  await admin.goto('/admin/schedules/new');
  const weekly = admin.getByTestId('weekly-schedule-form');
  await weekly.locator('input[name="title"]').fill(TITLE);
  await weekly.locator('select[name="teacherId"]').selectOption({ label: 'الأستاذ عمر' });
  await weekly.locator('select[name="audienceType"]').selectOption('circle');
  await weekly.locator('select[name="audienceId"]').selectOption({ label: CIRCLE });
  await weekly.getByLabel(soon.weekday, { exact: true }).check();
  await weekly.locator('input[name="localTime"]').fill(soon.time);
  await weekly.getByLabel('First date', { exact: true }).fill(soon.date);
  await weekly.getByLabel('Number of sessions', { exact: true }).fill('2');
  await weekly.getByRole('button', { name: /weekly schedule/i }).click();
  await expect(admin.getByRole('status').filter({ hasText: '2' }).first()).toBeVisible();

  // The teacher and a student accept their mailed invitations.
  const teacher = await acceptInvitation(browser, await invitationLink(`teacher-${run}@zero.test`), 'الأستاذ عمر');
  await expect(teacher).toHaveURL(/\/teacher$/);
  const student = await acceptInvitation(browser, await invitationLink(`student1-${run}@zero.test`), 'الطالب 1, الصف الأول');
  await expect(student).toHaveURL(/\/student$/);

  // The create sweep (what the scheduler's cron calls) opens the room of the class starting in a few minutes.
  const cron = JSON.parse(process.env.HALAQA_E2E_TRIAL!) as { CRON_SECRET: string };
  const sweep = await teacher.request.get('/api/cron/create-scheduled', { headers: { authorization: `Bearer ${cron.CRON_SECRET}` } });
  expect(sweep.status()).toBe(200);

  await teacher.reload();
  const sessionRow = teacher.locator('tr', { hasText: TITLE }).first();
  const sessionId = (await sessionRow.getAttribute('data-testid'))!.replace('session-', '');
  await teacher.goto(`/room/${sessionId}`);
  await teacher.locator('.lk-prejoin button.lk-join-button').click();
  await expect(teacher.locator('.lk-participant-tile')).toHaveCount(1);
  await student.goto(`/room/${sessionId}`);
  await student.locator('.lk-prejoin button.lk-join-button').click();
  await expect(teacher.locator('.lk-participant-tile', { hasText: 'الطالب 1' }).locator('video')).toBeVisible();
  await expect(student.locator('.lk-participant-tile', { hasText: 'الأستاذ عمر' }).locator('video')).toBeVisible();
  await shot(teacher, 'room-teacher');
  await shot(student, 'room-student');
});
