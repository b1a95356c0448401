/**
 * The teaching tools end to end (issue 21), in the seeded "Surat Al-Mulk"
 * session: the teacher opens Al-Mulk 1–5 and highlights ayah 3, the
 * student's room shows the same ayah highlighted (and again after a reload,
 * as a late joiner); axe finds nothing serious in the tools in Arabic and
 * English; a whiteboard stroke by the teacher reaches the student, a
 * student draws when allowed, and the closed board is saved for the
 * session page. Runs before room-controls.spec.ts, which ends that meeting; it
 * starts the meeting when no spec before it did, and leaves it running.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DEMO_USERS } from '@/server/seed/demo-users';
import { cspViolations, expect, signedInPage, test } from './fixtures/demo';

const CURRENT_SESSION = 'Surat Al-Mulk';

async function setLocale(page: Page, locale: 'en' | 'ar') {
  await page.context().addCookies([{ name: 'halaqa-locale', value: locale, url: new URL(page.url()).origin }]);
}

async function currentSessionId(page: Page): Promise<number> {
  const input = encodeURIComponent(JSON.stringify({ json: { range: 'today' } }));
  const body = await page.evaluate(async (q) => (await fetch(`/api/trpc/session.listMine?input=${q}`)).json(), input);
  const session = (body.result.data.json as { id: number; title: string }[]).find((s) => s.title.includes(CURRENT_SESSION));
  expect(session, 'the demo academy’s current session').toBeTruthy();
  return session!.id;
}

async function join(page: Page) {
  await page.locator('.lk-prejoin button.lk-join-button').click();
  // A busy machine may take a while to connect (LiveKit reconnects the signal on its own).
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected', { timeout: 60_000 });
}

/** An ayah wraps over lines, so its centre may be another ayah's text: tap its number mark, as a person would. */
const tapAyah = (scope: Page | ReturnType<Page['getByTestId']>, ayah: number) => scope.getByTestId(`ayah-${ayah}`).locator('.ayah-mark').click();

async function expectToolsAccessible(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).include('[data-testid="classroom-tools"]').analyze();
  const blocking = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(blocking, `axe on ${what}`).toEqual([]);
}

// Two people in a real room, a reload each and axe four times: longer than the default on a busy two-core machine.
test.describe.configure({ timeout: 360_000 });

test('the shared Mushaf: the teacher opens Al-Mulk 1–5 and highlights ayah 3; the student follows, also after a reload', async ({ browser }) => {
  const teacher = await signedInPage(browser, 'teacher');
  await setLocale(teacher, 'en');
  const sessionId = await currentSessionId(teacher);
  await teacher.goto(`/room/${sessionId}`);
  const start = teacher.getByTestId('start-meeting');
  await expect(start.or(teacher.locator('.lk-prejoin'))).toBeVisible();
  if (await start.isVisible()) await start.click();
  await join(teacher);

  const student = await signedInPage(browser, 'student');
  await setLocale(student, 'ar');
  await student.goto(`/room/${sessionId}`);
  await join(student);

  // A Quran session: the teacher's Mushaf picker is at hand.
  const picker = teacher.getByTestId('mushaf-picker');
  await picker.getByTestId('mushaf-surah').selectOption('67');
  await picker.getByTestId('mushaf-from').fill('1');
  await picker.getByTestId('mushaf-to').fill('5');
  await picker.getByTestId('mushaf-show').click();
  await expect(teacher.getByTestId('mushaf-verses').locator('[data-ayah]')).toHaveCount(5);
  await tapAyah(teacher, 3);
  await expect(teacher.getByTestId('ayah-3')).toHaveAttribute('aria-current', 'true');

  const verses = student.getByTestId('mushaf-verses');
  await expect(verses).toContainText('سورة');
  await expect(verses.locator('[data-ayah]')).toHaveCount(5);
  await expect(student.getByTestId('ayah-3')).toHaveAttribute('aria-current', 'true');
  await expect(student.getByTestId('ayah-3')).toContainText('طِبَاقٗا');
  await student.screenshot({ path: 'test-results/tools/mushaf-student-ar.png' });
  await expectToolsAccessible(student, 'the student’s Mushaf (ar)');
  await expectToolsAccessible(teacher, 'the teacher’s Mushaf (en)');

  // The teacher moves on; the student follows without doing anything.
  await teacher.getByTestId('mushaf-next').click();
  await expect(student.getByTestId('ayah-4')).toHaveAttribute('aria-current', 'true');

  // The student browses elsewhere, then follows the teacher again.
  const browse = student.getByTestId('mushaf-browse');
  await browse.getByTestId('mushaf-surah').selectOption('1');
  await browse.getByTestId('mushaf-browse-go').click();
  await expect(student.getByTestId('mushaf-verses').locator('[data-ayah]')).toHaveCount(7);
  await student.getByTestId('mushaf-follow').click();
  await expect(student.getByTestId('ayah-4')).toHaveAttribute('aria-current', 'true');

  // A late joiner (here: the same student after a reload, in English) starts from the stored view.
  await setLocale(student, 'en');
  await student.reload();
  await join(student);
  await expect(student.getByTestId('ayah-4')).toHaveAttribute('aria-current', 'true');
  await expectToolsAccessible(student, 'the student’s Mushaf (en)');
  await setLocale(teacher, 'ar');
  await teacher.reload();
  await join(teacher);
  await expect(teacher.getByTestId('ayah-4')).toHaveAttribute('aria-current', 'true');
  await teacher.screenshot({ path: 'test-results/tools/mushaf-teacher-ar.png' });
  await expectToolsAccessible(teacher, 'the teacher’s Mushaf (ar)');

  await student.context().close();
  await teacher.context().close();
});

test('the recitation log: the teacher logs a recitation with two mistakes from the Mushaf; the parent sees it', async ({ browser }) => {
  const teacher = await signedInPage(browser, 'teacher');
  await setLocale(teacher, 'en');
  const sessionId = await currentSessionId(teacher);
  await teacher.goto(`/room/${sessionId}`);
  await join(teacher);

  await teacher.getByTestId('tools-entry').click();
  await teacher.getByTestId('tool-recitation').click();
  const form = teacher.getByTestId('recitation-panel').getByTestId('recitation-form');
  // Prefilled from the shared Mushaf (Al-Mulk 1–5, the previous test's view).
  await expect(form.getByTestId('recitation-fromSurah')).toHaveValue('67');
  await expect(form.getByTestId('recitation-toAyah')).toHaveValue('5');
  await form.getByTestId('recitation-student').selectOption({ label: DEMO_USERS.student.name });
  // Two mistakes tapped on the ayahs: memorisation on ayah 3, tajweed on ayah 4.
  const verses = form.getByTestId('recitation-verses');
  await tapAyah(verses, 3);
  await form.getByLabel('Tajweed', { exact: true }).check();
  await tapAyah(verses, 4);
  await expect(form.getByTestId('mistake-count-memorisation')).toHaveText('1');
  await expect(form.getByTestId('mistake-count-tajweed')).toHaveText('1');
  await form.getByTestId('recitation-grade').selectOption('very_good');
  await form.getByTestId('recitation-note').fill('Review ayah 4 with the madd');
  await form.getByTestId('recitation-save').click();
  const list = teacher.getByTestId('recitation-panel').getByTestId('recitation-list');
  await expect(list).toContainText(DEMO_USERS.student.name);
  await expect(list).toContainText('Memorisation 1 · Tajweed 1 · Pronunciation 0');
  await teacher.screenshot({ path: 'test-results/tools/recitation-teacher-en.png' });
  await expectToolsAccessible(teacher, 'the recitation form (en)');
  await teacher.context().close();

  // The parent, afterwards: on the session page and in the child's progress view.
  const parent = await signedInPage(browser, 'parent');
  await setLocale(parent, 'ar');
  await parent.goto(`/sessions/${sessionId}`);
  const log = parent.getByTestId('session-recitations');
  await expect(log).toContainText(DEMO_USERS.student.name);
  await expect(log).toContainText('حفظ 1 · تجويد 1 · نطق 0');
  await parent.goto('/parent');
  await parent.locator('[data-testid^="child-progress-"]').first().click();
  await expect(parent.getByTestId('memorised-ayahs')).toContainText('5');
  await expect(parent.getByTestId('memorised-surahs')).toContainText('5 / 30');
  await expect(parent.getByTestId('mistakes-chart')).toBeVisible();
  await expect(parent.getByTestId('recitation-list')).toContainText('Review ayah 4 with the madd');
  await parent.screenshot({ path: 'test-results/tools/progress-parent-ar.png', fullPage: true });
  const { violations } = await new AxeBuilder({ page: parent }).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  await parent.context().close();
});

test('a poll: asked by the teacher, answered by the student (and changed), results shown to students', async ({ browser }) => {
  const teacher = await signedInPage(browser, 'teacher');
  await setLocale(teacher, 'en');
  const sessionId = await currentSessionId(teacher);
  await teacher.goto(`/room/${sessionId}`);
  await join(teacher);
  const student = await signedInPage(browser, 'student');
  await setLocale(student, 'en');
  await student.goto(`/room/${sessionId}`);
  await join(student);

  await teacher.getByTestId('tools-entry').click();
  await teacher.getByTestId('tool-poll').click();
  const form = teacher.getByTestId('poll-form');
  await form.getByTestId('poll-question-input').fill('Did you memorise ayah 5?');
  await form.getByTestId('poll-yes-no').click();
  await form.getByTestId('poll-ask').click();

  const panel = student.getByTestId('poll-panel');
  await expect(panel.getByTestId('poll-question')).toHaveText('Did you memorise ayah 5?');
  await panel.getByLabel('No', { exact: true }).check();
  await expect(panel.getByTestId('poll-my-answer')).toContainText('No');
  await panel.getByLabel('Yes', { exact: true }).check();
  await expect(panel.getByTestId('poll-my-answer')).toContainText('Yes');
  // The teacher sees the live count (one answer, the changed one) and who answered what.
  const results = teacher.getByTestId('poll-panel');
  await expect(results.getByTestId('poll-count-0')).toHaveText('1');
  await expect(results.getByTestId('poll-count-1')).toHaveText('0');
  await results.getByText('Who answered what').click();
  await expect(results).toContainText(`${DEMO_USERS.student.name}: Yes`);
  // Students see no counts until the teacher shows them.
  await expect(panel.getByTestId('poll-count-0')).toHaveCount(0);
  await results.getByTestId('poll-close').click();
  await results.getByTestId('poll-show').click();
  await expect(panel.getByTestId('poll-count-0')).toHaveText('1');
  await expect(panel).toContainText('The poll is closed.');
  await expectToolsAccessible(student, 'the student’s poll (en)');
  await student.screenshot({ path: 'test-results/tools/poll-student-en.png' });
  // Stored with the session: its page lists it.
  await student.goto(`/sessions/${sessionId}`);
  await expect(student.getByTestId('session-polls')).toContainText('Did you memorise ayah 5?');
  await student.context().close();
  await teacher.context().close();
});

/** Draws a short zigzag with the pointer, as a person would, on the board's canvas. */
async function drawStroke(page: Page, tool: 'freedraw' | 'rectangle', from: { x: number; y: number }) {
  // Excalidraw's tool is a radio input under its icon: click its label, as a finger would.
  await page.getByTestId(`toolbar-${tool}`).locator('xpath=..').click();
  const box = await page.getByTestId('board-canvas').boundingBox();
  expect(box, 'the board is on screen').toBeTruthy();
  const x0 = box!.x + box!.width * from.x;
  const y0 = box!.y + box!.height * from.y;
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(x0 + i * 12, y0 + (i % 2 ? 20 : 0) + i * 4, { steps: 2 });
  await page.mouse.up();
}

/** The board's own controls (Excalidraw's toolbar is its own) are at least 44 px high. */
async function expectBoardBarTouchFriendly(page: Page) {
  const heights = await page
    .getByTestId('board-panel')
    .locator('.mushaf-bar')
    .locator('button, select')
    .evaluateAll((xs) => xs.map((x) => [x.textContent?.trim() ?? x.tagName, Math.round(x.getBoundingClientRect().height)] as const));
  expect(heights.length).toBeGreaterThan(0);
  expect(heights.filter(([, h]) => h < 44)).toEqual([]);
}

test('the whiteboard: a stroke by the teacher appears on the student’s screen; a student draws when allowed; the saved board is on the session page', async ({ browser }) => {
  const teacher = await signedInPage(browser, 'teacher');
  await setLocale(teacher, 'en');
  const sessionId = await currentSessionId(teacher);
  await teacher.goto(`/room/${sessionId}`);
  // Runs alone too (-g whiteboard): starts the meeting when no test before it did.
  const start = teacher.getByTestId('start-meeting');
  await expect(start.or(teacher.locator('.lk-prejoin'))).toBeVisible();
  if (await start.isVisible()) await start.click();
  await join(teacher);
  const student = await signedInPage(browser, 'student');
  await setLocale(student, 'ar');
  await student.goto(`/room/${sessionId}`);
  await join(student);
  // A Mushaf left open by the tests before takes room; the board is the subject here.
  if (await teacher.getByTestId('mushaf-close').isVisible()) await teacher.getByTestId('mushaf-close').click();

  await teacher.getByTestId('tools-entry').click();
  await teacher.getByTestId('tool-board').click();
  await teacher.getByTestId('board-open').click();
  const teacherBoard = teacher.getByTestId('board-canvas');
  await expect(teacherBoard.locator('canvas').first()).toBeVisible({ timeout: 30_000 });
  await drawStroke(teacher, 'freedraw', { x: 0.3, y: 0.3 });
  await expect(teacherBoard).toHaveAttribute('data-element-count', '1');

  // The student's screen shows the teacher's stroke; the student only watches.
  const studentBoard = student.getByTestId('board-canvas');
  await expect(studentBoard).toHaveAttribute('data-element-count', '1', { timeout: 30_000 });
  await expect(student.getByTestId('board-may-draw')).toHaveAttribute('data-may-draw', 'false');
  await expect(student.getByTestId('toolbar-rectangle')).toHaveCount(0);
  await student.screenshot({ path: 'test-results/tools/board-student-ar.png' });
  await expectToolsAccessible(student, 'the student’s whiteboard (ar)');
  await expectBoardBarTouchFriendly(teacher);
  await teacher.screenshot({ path: 'test-results/tools/board-teacher-en.png' });
  await expectToolsAccessible(teacher, 'the teacher’s whiteboard (en)');

  // The teacher lets every student draw: the student's rectangle reaches the teacher.
  await teacher.getByTestId('board-drawers').selectOption('all');
  await expect(student.getByTestId('board-may-draw')).toHaveAttribute('data-may-draw', 'true');
  await drawStroke(student, 'rectangle', { x: 0.55, y: 0.35 });
  await expect(teacherBoard).toHaveAttribute('data-element-count', '2', { timeout: 30_000 });

  // A late joiner (the student after a reload, in English) starts from the stored board.
  await setLocale(student, 'en');
  await student.reload();
  await join(student);
  await expect(student.getByTestId('board-canvas')).toHaveAttribute('data-element-count', '2', { timeout: 30_000 });
  await expectToolsAccessible(student, 'the student’s whiteboard (en)');
  await setLocale(teacher, 'ar');
  await teacher.reload();
  await join(teacher);
  await expect(teacher.getByTestId('board-canvas')).toHaveAttribute('data-element-count', '2', { timeout: 30_000 });
  await expectBoardBarTouchFriendly(teacher);
  await teacher.screenshot({ path: 'test-results/tools/board-teacher-ar.png' });
  await expectToolsAccessible(teacher, 'the teacher’s whiteboard (ar)');
  // Excalidraw runs under the page's Content-Security-Policy as it is. Each of its fonts lists the app's
  // copy first and its CDN (esm.sh) last; Chromium reports every listed source the policy refuses when the
  // font is declared, so the CDN candidates are the only refusals, and the font itself comes from the app.
  for (const page of [teacher, student]) {
    const refused = (await cspViolations(page)).filter((v) => !/esm\.sh\/@excalidraw\/excalidraw@[^/]+\/dist\/prod\/fonts\//.test(v));
    expect(refused).toEqual([]);
  }
  const fontResponse = teacher.waitForResponse((r) => r.url().includes('/excalidraw-assets/fonts/Excalifont/'));
  const loaded = await teacher.evaluate(async () => (await document.fonts.load('20px Excalifont', 'A')).map((f) => f.status));
  expect(loaded, 'Excalidraw’s hand-drawn font loads').toContain('loaded');
  const font = await fontResponse;
  expect(new URL(font.url()).origin, 'the font comes from the app, not a CDN').toBe(new URL(teacher.url()).origin);
  expect(font.status()).toBe(200);

  // While it is open, the teacher's browser keeps the saved image current: a meeting that ends by itself still leaves it.
  const imageInput = encodeURIComponent(JSON.stringify({ json: { sessionId } }));
  await expect
    .poll(async () => student.evaluate(async (q) => (await (await fetch(`/api/trpc/whiteboard.image?input=${q}`)).json()).result?.data?.json?.svg ?? '', imageInput), {
      message: 'the open board is saved as an image',
      timeout: 45_000,
    })
    .toContain('<svg');
  // Closing saves the board as an image: the board leaves everyone's screen, the session page shows it.
  await teacher.getByTestId('board-close').click();
  await expect(student.getByTestId('board-panel')).toHaveCount(0);
  await student.goto(`/sessions/${sessionId}`);
  const saved = student.getByTestId('session-whiteboard-image');
  await expect(saved).toBeVisible();
  expect(await saved.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), 'the saved board is a picture').toBe(true);
  await student.screenshot({ path: 'test-results/tools/board-session-page-en.png', fullPage: true });
  await student.context().close();
  await teacher.context().close();
});
