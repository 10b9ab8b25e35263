import { expect, test } from './fixtures';
import { pickRadio } from './pages/controls';
import { SettingsPage } from './pages/SettingsPage';
import { shoot } from './screens';

test.use({ seed: 'demo' });

test('设置：改用浙江机关规则包，党课改为每半年（已调整，显示原规定），刷新后仍在，恢复默认', async ({ page, app }) => {
  await page.goto(app.baseUrl);
  const settings = new SettingsPage(page);
  await settings.open();
  await expect(settings.packRadio('全国默认')).toBeChecked();
  // The national pack sets no branch 党课 cadence; only 书记讲党课.
  await expect(settings.rule('党课')).toHaveCount(0);

  await settings.choosePack('浙江机关');
  await expect(settings.shell.toast('已改用“浙江机关”')).toBeVisible();
  const lecture = settings.rule('党课');
  await expect(lecture).toContainText('每季度');
  await expect(lecture).toContainText('至少 1 次');

  // An adjustment the pack cannot hold is refused before saving: 组织生活会 every half-year with its Q4 window.
  const orgLife = await settings.editRule('组织生活会');
  await pickRadio(orgLife.getByRole('radio', { name: '每半年' }));
  await expect(orgLife.getByRole('alert')).toContainText('时间窗口（10—12月）不适用于每半年，请同时调整或清除时间窗口');
  await expect(orgLife.getByRole('button', { name: '保存调整' })).toBeDisabled();
  await orgLife.getByRole('button', { name: '取消' }).click();
  await expect(orgLife).toBeHidden();

  // 党课 per half-year.
  const dialog = await settings.editRule('党课');
  await pickRadio(dialog.getByRole('radio', { name: '每半年' }));
  await expect(dialog.getByTestId('override-preview')).toHaveText('党课：每季度至少 1 次 → 每半年至少 1 次（本支部调整）');
  await shoot(page, '41-settings-override', false);
  await dialog.getByRole('button', { name: '保存调整' }).click();
  await expect(dialog).toBeHidden();
  await expect(settings.shell.toast('已调整：党课')).toBeVisible();
  await expect(lecture).toContainText('已调整');
  await expect(lecture).toContainText('每半年');
  await expect(lecture.locator('.rule-was')).toHaveText('每季度');
  await expect(settings.shell.toast('已调整：党课')).toBeHidden();
  await shoot(page, '40-settings-rules');

  // Kept in the data file.
  await page.reload();
  await expect(settings.ruleTable).toBeVisible();
  await expect(settings.packRadio('浙江机关')).toBeChecked();
  await expect(settings.rule('党课')).toContainText('已调整');

  await settings.ruleTable.getByRole('button', { name: '恢复默认党课' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: '恢复默认' }).click();
  await expect(settings.shell.toast('已恢复默认：党课')).toBeVisible();
  await expect(settings.rule('党课')).not.toContainText('已调整');
  await expect(settings.rule('党课')).toContainText('每季度');
});
