/**
 * The teacher's own meeting settings (the teacher layer of docs/rules.md#meetings), reached
 * from the teacher's home: a choice survives a reload, and "academy default"
 * gives the decision back to the academy. Leaves the demo as it found it.
 */
import { expect, signedInPage, test } from './fixtures/demo';

test('a teacher turns recording on for their sessions and back to the academy’s default', async ({ browser }) => {
  const page = await signedInPage(browser, 'teacher');
  await page.getByTestId('my-settings-link').click();
  const recording = page.getByTestId('teacher-setting-recordingEnabled');
  await expect(recording).toHaveValue('');

  await recording.selectOption('on');
  await page.getByTestId('teacher-settings-save').click();
  await expect(page.getByTestId('teacher-settings-saved')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('teacher-setting-recordingEnabled')).toHaveValue('on');

  await page.getByTestId('teacher-setting-recordingEnabled').selectOption('');
  await page.getByTestId('teacher-settings-save').click();
  await expect(page.getByTestId('teacher-settings-saved')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('teacher-setting-recordingEnabled')).toHaveValue('');
  await page.context().close();
});
