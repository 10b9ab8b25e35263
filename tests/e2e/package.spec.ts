import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { todayIso } from '../../src/shared/domain/dates';
import { expect, test } from './fixtures';
import { shoot } from './screens';

test.use({ seed: 'demo' });

const demoYear = Number(todayIso().slice(0, 4)) - 1;

test('迎检资料包：自查、忽略并继续、看进度、取消一次、再完整生成一次、下载目录和压缩包', async ({ page, app }) => {
  await page.goto(app.baseUrl);
  await page.getByRole('menuitem', { name: '报表' }).click();
  await page.getByRole('link', { name: '自查并生成' }).click();
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { name: '迎检资料包' })).toBeVisible();

  // Defaults: last year, 公文格式, every item, the data folder's 导出, .zip on in browser mode.
  await expect(main.getByRole('radio', { name: `${demoYear}年` })).toBeChecked();
  const target = main.getByLabel('保存位置');
  await expect(target).toHaveValue(join(app.dataDir, '导出'));
  await expect(main.getByRole('checkbox', { name: /党员花名册/ })).toBeChecked();
  await expect(main.getByRole('checkbox', { name: /同时生成 \.zip/ })).toBeChecked();
  await shoot(page, '70-package-settings');

  // A target Windows cannot use is refused with a Chinese message, and nothing is written.
  await target.fill(join(app.dataDir, '导出?'));
  await main.getByRole('button', { name: '自查并生成' }).click();
  await main.getByRole('button', { name: '忽略并继续' }).click();
  await expect(main.getByText(/含有 Windows 不允许的字符 \?/)).toBeVisible();
  await target.fill(join(app.dataDir, '导出'));

  // Self-check: the demo year has problems; each links to where it is fixed.
  await main.getByRole('button', { name: '自查并生成' }).click();
  const findings = main.locator('.ant-card').filter({ hasText: /自查发现 \d+ 个问题/ });
  await expect(findings).toBeVisible();
  await expect(findings.getByRole('link', { name: '去修改' }).first()).toBeVisible();
  await shoot(page, '71-package-findings');

  // First run: cancelled while writing; nothing is left in the folder.
  await findings.getByRole('button', { name: '忽略并继续' }).click();
  const progress = main.locator('.ant-card').filter({ hasText: '正在生成' });
  await expect(progress).toBeVisible();
  await expect(progress.getByText(/正在写入 .*（\d+\/\d+）/)).toBeVisible();
  await shoot(page, '72-package-progress', false);
  await progress.getByRole('button', { name: '取消' }).click();
  await expect(main.getByText('已取消，没有留下任何文件。')).toBeVisible();
  const out = join(app.dataDir, '导出');
  expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);

  // Second run: complete; the files with sizes, the 目录 and the .zip to download.
  await main.getByRole('button', { name: '自查并生成' }).click();
  await findings.getByRole('button', { name: '忽略并继续' }).click();
  await expect(main.getByText(new RegExp(`已生成 ${demoYear}年迎检资料包，共 \\d+ 项。`))).toBeVisible({ timeout: 60_000 });
  const table = main.locator('.ant-table');
  await expect(table.getByRole('cell', { name: '00_目录.docx' })).toBeVisible();
  await expect(table.getByRole('cell', { name: '01_党员花名册.xlsx' })).toBeVisible();
  await expect(table.getByRole('cell', { name: '05_会议记录' })).toBeVisible();
  await expect(main.getByText(/未包含：年度组织生活计划（\d+年度计划还没有保存）/)).toBeVisible();
  await shoot(page, '73-package-done');
  expect(readdirSync(out).sort()).toEqual([`${demoYear}年迎检资料包`, `${demoYear}年迎检资料包.zip`]);

  const [contents] = await Promise.all([page.waitForEvent('download'), main.getByRole('button', { name: '下载目录' }).click()]);
  expect(contents.suggestedFilename()).toBe('00_目录.docx');
  const docx = await JSZip.loadAsync(readFileSync(await contents.path()));
  const xml = await docx.file('word/document.xml')!.async('string');
  expect(xml).toContain(`${demoYear}年度迎检资料目录`);
  expect(xml).toContain('01_党员花名册.xlsx');

  const [zip] = await Promise.all([page.waitForEvent('download'), main.getByRole('button', { name: '下载 .zip' }).click()]);
  expect(zip.suggestedFilename()).toBe(`${demoYear}年迎检资料包.zip`);
  const zipped = await JSZip.loadAsync(readFileSync(await zip.path()));
  expect(Object.keys(zipped.files)).toContain(`${demoYear}年迎检资料包/00_目录.docx`);
});
