import { readFileSync } from 'node:fs';
import { readDocx, tables } from '../helpers/docx';
import { expect, test } from './fixtures';
import { pickOption } from './pages/controls';
import { MeetingsPage } from './pages/MeetingsPage';
import { shoot } from './screens';

test.use({ seed: 'demo' });

test('年度计划：按规则生成草稿（每月最后一个星期五），修改主题，保存后导出 Word 读回', async ({ page, app }) => {
  const year = new Date().getFullYear();
  await page.goto(app.baseUrl);
  const meetings = new MeetingsPage(page);
  await meetings.open();
  await meetings.shell.main.getByRole('button', { name: '年度计划' }).click();
  const main = meetings.shell.main;
  await expect(main.getByRole('heading', { name: `${year}年度组织生活计划` })).toBeVisible();
  await expect(main.getByText(`还没有 ${year} 年度计划`)).toBeVisible();
  await expect(main.getByRole('button', { name: '导出 Word' })).toBeDisabled();

  await pickOption(main.getByRole('combobox', { name: '主题党日固定方式' }), '每月第几个星期几');
  await main.getByRole('button', { name: '按规则生成草稿' }).click();
  await expect(meetings.shell.toast(/已按“全国默认（第 1 版）”生成 \d+ 项/)).toBeVisible();
  const table = main.getByTestId('plan-table');
  // Two 党小组 × 12, 12 支委会, 12 主题党日 (some with other obligations), 谈心谈话.
  await expect(table.locator('tbody tr')).toHaveCount(49);

  const first = table.locator('tbody tr').first();
  await first.getByRole('textbox', { name: '主题' }).fill('学习新修订的党支部工作条例');
  await first.getByRole('textbox', { name: '负责人' }).fill('李志强');
  await expect(main.getByText('有未保存的修改')).toBeVisible();
  await shoot(page, '42-annual-plan', false);

  await main.getByRole('button', { name: '保存计划' }).click();
  await expect(meetings.shell.toast(`已保存 ${year} 年度计划（49 项）`)).toBeVisible();
  await expect(main.getByText('已保存', { exact: true })).toBeVisible();

  const [file] = await Promise.all([page.waitForEvent('download'), main.getByRole('button', { name: '导出 Word' }).click()]);
  expect(file.suggestedFilename()).toBe(`${year}年度组织生活计划.docx`);
  const doc = await readDocx(readFileSync(await file.path()).toString('base64'));
  const [facts, rows] = tables(doc.document);
  expect(Object.fromEntries(facts)).toMatchObject({ 主题党日: '每月最后一个星期五', 计划事项: '49 项' });
  expect(rows[1].slice(3)).toEqual(['学习新修订的党支部工作条例', '李志强']);

  // Kept after a reload.
  await page.reload();
  await expect(table.locator('tbody tr').first().getByRole('textbox', { name: '主题' })).toHaveValue('学习新修订的党支部工作条例');
});
