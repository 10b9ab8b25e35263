import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RUBRIC_FIXTURE_ROWS as ROWS, rubricSheetXlsx, type RubricSheetOptions } from '../fixtures/make-rubric-sheet';
import { expect, test } from './fixtures';
import { RubricTemplatesPage } from './pages/RubricTemplatesPage';
import { shoot } from './screens';

test.use({ seed: 'demo' });

/** The official-looking 评分细则 (built with exceljs) written to a temp file, as the secretary would pick it. */
async function sheetFile(dir: string, options: RubricSheetOptions = {}): Promise<string> {
  const sheet = await rubricSheetXlsx(options);
  const path = join(dir, sheet.fileName);
  writeFileSync(path, sheet.bytes);
  return path;
}

test('评分模板：导入官方评分细则（先看到错误，再导入正确的表），修改分值并保存为新版本', async ({ page, app }) => {
  const dir = mkdtempSync(join(tmpdir(), 'rubric-sheet-'));
  try {
    const templates = new RubricTemplatesPage(page);
    await templates.openFromMenu(app.baseUrl);
    await expect(templates.template('五星三强（参考模板）')).toContainText('参考');
    await expect(templates.template('星级党支部（百分制参考）')).toContainText('第 1 版');
    await templates.template('五星三强（参考模板）').getByRole('button', { name: /展开行|Expand row/ }).click();
    await expect(page.getByText('软件自带')).toBeVisible();
    await shoot(page, '6b-01-rubric-templates');

    // A sheet with 十分 in 分值: the row is named, nothing can be imported.
    await page.getByRole('button', { name: '导入评分细则' }).click();
    await templates.choose(await sheetFile(dir, { textPoints: true }));
    await expect(templates.errors).toContainText(`第 ${ROWS.threeOne} 行：分值“十分”不是数字`);
    await expect(templates.previewRow(ROWS.threeOne)).toHaveClass(/rubric-row-error/);
    await expect(templates.importButton).toBeDisabled();
    await shoot(page, '6b-02-rubric-import-errors');

    // The correct sheet: preview with the guesses to check, then 导入.
    await page.getByRole('button', { name: '重新选择文件' }).click();
    await templates.choose(await sheetFile(dir));
    await expect(page.getByText('可以导入：3 个一级指标，8 个指标，总分 50 分')).toBeVisible();
    await expect(templates.previewRow(ROWS.orgLifeMeetingMore)).toContainText('续行');
    await expect(templates.previewRow(ROWS.committee)).toContainText('按次扣分（每次扣 1 分，扣完为止）');
    await expect(templates.warnings).toContainText('等级按点亮的星数评定（二星一强、二星、一星、未评星）');
    await expect(page.getByLabel('模板名称')).toHaveValue('两新党组织“五星三强”');
    await page.getByLabel('制定单位').fill('金华市两新工委');
    await shoot(page, '6b-03-rubric-import-preview');
    await templates.importButton.click();
    await expect(page.getByText('已导入“两新党组织“五星三强””第 1 版')).toBeVisible();
    await shoot(page, '6b-04-rubric-imported');

    // Edit: a graded indicator raised above its top level is refused inline; a plain one is saved as 第 2 版.
    await page.getByRole('button', { name: '查看并核对模板' }).click();
    await expect(page.getByRole('heading', { name: '两新党组织“五星三强”' })).toBeVisible();
    await templates.points(3).fill('8');
    await expect(templates.indicatorRow('书记抓党建述职')).toContainText('最高档得分 7 与分值（maxPoints）8 不一致');
    await expect(page.getByRole('button', { name: '保存为第 2 版' })).toBeDisabled();
    await shoot(page, '6b-05-rubric-edit-error');
    await templates.points(3).fill('7');
    await templates.points(1).fill('6');
    await expect(page.getByTestId('rubric-total')).toHaveText('51');
    await expect(page.getByText('原为 50 分')).toBeVisible();
    await page.getByRole('button', { name: '保存为第 2 版' }).click();
    await expect(page.getByText('已保存为第 2 版；按第 1 版打分的自评不受影响')).toBeVisible();
    await expect(page.getByText('第 2 版', { exact: true })).toBeVisible();
    await shoot(page, '6b-06-rubric-saved');

    await page.getByRole('button', { name: '返回评分模板' }).click();
    await expect(templates.template('两新党组织“五星三强”')).toContainText('第 2 版');
    await expect(templates.template('两新党组织“五星三强”')).toContainText('官方');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
