import AxeBuilder from '@axe-core/playwright';
import { DEMO_USERS } from '@/server/seed/demo-users';
import { cspViolations, expect, signedInPage, test } from './fixtures/demo';

const CURRENT_SESSION = 'Surat Al-Mulk';

test('teacher and student meet in a real room and attendance follows the webhooks', async ({ browser }) => {
  const teacher = await signedInPage(browser, 'teacher');
  const row = teacher.locator('tr', { hasText: CURRENT_SESSION }).first();
  const id = (await row.getAttribute('data-testid'))?.replace('session-', '');
  expect(id).toMatch(/^\d+$/);
  // classroom-tools.spec (which runs first) leaves the meeting started; start it here only if it is not.
  await teacher.goto(`/room/${id}`);
  const start = teacher.getByTestId('start-meeting');
  await expect(start.or(teacher.locator('.lk-prejoin'))).toBeVisible();
  if (await start.isVisible()) await start.click();
  await teacher.waitForURL(/\/room\/\d+$/);
  const sessionUrl = new URL(teacher.url()).pathname;
  // The room runs under the app's Content-Security-Policy (nonce'd scripts, LiveKit only for connections).
  const roomPage = await teacher.request.get(sessionUrl);
  expect(roomPage.headers()['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(roomPage.headers()['content-security-policy']).toContain("frame-ancestors 'none'");

  await teacher.locator('.lk-prejoin button.lk-join-button').click();
  await expect(teacher.locator('.lk-participant-tile')).toHaveCount(1);

  const student = await signedInPage(browser, 'student');
  await student.locator('tr', { hasText: CURRENT_SESSION }).getByRole('link').click();
  await student.waitForURL(new RegExp(`${sessionUrl}$`));
  await student.locator('.lk-prejoin button.lk-join-button').click();

  // Each sees the other's video tile, with a real video element playing.
  await expect(teacher.locator('.lk-participant-tile', { hasText: DEMO_USERS.student.name }).locator('video')).toBeVisible();
  await expect(student.locator('.lk-participant-tile', { hasText: DEMO_USERS.teacher.name }).locator('video')).toBeVisible();

  // The teacher's attendance table fills from LiveKit's real webhooks.
  const table = teacher.getByTestId('attendance-table');
  await expect(table.locator('tr[data-in-room="true"]')).toHaveCount(2);
  // Live records are provisional: "in class", never a final status, for the teacher too.
  await expect(table.locator('tr[data-status="in_class"]')).toHaveCount(2);
  await expect(table).toContainText(DEMO_USERS.student.name);
  await expect(table).toContainText(DEMO_USERS.teacher.name);
  await teacher.screenshot({ path: 'test-results/room-teacher.png', fullPage: true });
  // The joined room, video tiles and their buttons included, passes axe (serious and critical).
  for (const [page, who] of [[teacher, 'teacher'], [student, 'student']] as const) {
    const { violations } = await new AxeBuilder({ page }).analyze();
    const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
    expect(blocking, `axe in the ${who}’s joined room`).toEqual([]);
  }

  // The student leaves; the leave is recorded (one more than the tests before this one left in this session).
  const studentRow = table.locator('tr', { hasText: DEMO_USERS.student.name });
  const leavesBefore = Number(await studentRow.getAttribute('data-leaves'));
  await student.locator('.lk-disconnect-button').click();
  await expect(student.getByTestId('room-left')).toBeVisible();
  await expect(studentRow).toHaveAttribute('data-in-room', 'false');
  await expect(studentRow).toHaveAttribute('data-leaves', String(leavesBefore + 1));
  await expect(studentRow).toHaveAttribute('data-status', 'left');
  await expect(teacher.locator('.lk-participant-tile')).toHaveCount(1);
  await teacher.screenshot({ path: 'test-results/room-after-leave.png', fullPage: true });

  // Nothing the room needed was blocked by the policy.
  expect(await cspViolations(teacher)).toEqual([]);
  expect(await cspViolations(student)).toEqual([]);
});
