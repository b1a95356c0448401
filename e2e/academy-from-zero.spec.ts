import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { baseURL } from '../playwright.config';
import { expect, signedInPage, test } from './fixtures/demo';
import { linkIn, mailpit } from './fixtures/mail';

/**
 * An academy from zero, in the browser, the way its people would do it: the
 * super admin creates the academy and invites its admin; the admin accepts
 * the emailed invitation (read from the app's Mailpit) and sets a password, imports 30 students with their
 * parents from a CSV file (BOM, Arabic names), adds a teacher; the teacher
 * accepts theirs. Screenshots land in test-results/academy-from-zero/.
 */
const SHOTS = 'test-results/academy-from-zero';
const PASSWORD = 'كلمة سر الأكاديمية الجديدة';
const run = Date.now().toString(36);

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** Opens a one-time link in a fresh context, sets the password, and lands signed in. */
async function acceptInvitation(browser: Browser, link: string, name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(link);
  await expect(page.getByTestId('link-password-form')).toContainText(name);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.locator('input[name="confirm"]').fill(PASSWORD);
  await page.getByRole('button', { name: /Set my password|عيّن كلمة المرور/ }).click();
  await expect(page.getByTestId('viewer')).toContainText(name);
  return page;
}

function rosterFile(): string {
  const lines = ['name,email,role,parent email'];
  for (let i = 1; i <= 30; i++) lines.push(`وليّ أمر الطالب ${i},parent${i}-${run}@zero.test,parent,`);
  for (let i = 1; i <= 30; i++) lines.push(`"الطالب ${i}, الصف الأول",student${i}-${run}@zero.test,student,parent${i}-${run}@zero.test`);
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'roster-')), 'roster.csv');
  writeFileSync(file, `\uFEFF${lines.join('\r\n')}\r\n`);
  return file;
}

test('an academy from zero: created, its admin invited, 30 students and their parents imported, a teacher invited', async ({ browser }) => {
  const slug = `zero-${run}`;
  const superAdmin = await signedInPage(browser, 'superAdmin');
  await superAdmin.goto('/super');
  const form = superAdmin.getByTestId('create-academy-form');
  await form.locator('input[name="slug"]').fill(slug);
  await form.locator('input[name="nameAr"]').fill('أكاديمية من الصفر');
  await form.locator('input[name="nameEn"]').fill('Academy from zero');
  await form.locator('input[name="timezone"]').fill('Africa/Cairo');
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

  await admin.goto('/admin/people/import');
  await admin.getByTestId('roster-file').setInputFiles(rosterFile());
  await expect(admin.getByTestId('import-counts')).toContainText(/60/);
  await expect(admin.getByTestId('import-preview').locator('tr[data-action="create"]')).toHaveCount(60);
  await shot(admin, 'import-preview');
  await admin.getByTestId('import-apply').click();
  await expect(admin.getByTestId('import-done')).toBeVisible();
  await shot(admin, 'import-done');

  await admin.goto('/admin/people');
  await expect(admin.getByTestId('people-total')).toContainText('61');
  const add = admin.getByTestId('add-person-form');
  await add.locator('input[name="name"]').fill('الأستاذ عمر');
  await add.locator('input[name="email"]').fill(`teacher-${run}@zero.test`);
  await add.locator('select[name="role"]').selectOption('teacher');
  await add.locator('button[type="submit"]').click();
  await expect(admin.getByTestId('invitation-url')).toHaveValue(/\/invite\//);
  const teacherLink = linkIn((await mailpit.waitFor(`teacher-${run}@zero.test`)).Text, `${baseURL}/invite/`);
  await admin.getByTestId('people-search').fill('student7-');
  await expect(admin.getByTestId('people-table')).toContainText('وليّ أمر الطالب 7');
  await shot(admin, 'people');

  const teacher = await acceptInvitation(browser, teacherLink, 'الأستاذ عمر');
  await expect(teacher).toHaveURL(/\/teacher$/);
});
