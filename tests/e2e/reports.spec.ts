import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { todayIso } from '../../src/shared/domain/dates';
import { expect, test } from './fixtures';
import { ReportsPage } from './pages/ReportsPage';
import { shoot } from './screens';

test.use({ seed: 'demo' });

const demoYear = Number(todayIso().slice(0, 4)) - 1;

test('报表：菜单进入，列出全部 Excel 和 Word 输出，导出示例年度的三会一课登记台账并读回，空年度给出提示', async ({ page, app }) => {
  await page.goto(app.baseUrl);
  const reports = new ReportsPage(page);

  // 报表 sits just above 设置 in the menu (read once the menu is there).
  await expect(reports.menuItem).toBeVisible();
  const menu = (await page.getByRole('menuitem').allTextContents()).map((text) => text.trim());
  expect(menu.slice(-2)).toEqual(['报表', '设置']);
  await reports.menuItem.click();
  await expect(reports.heading).toBeVisible();

  // Every output has a line: the new 台账 and those made elsewhere.
  for (const key of ['meetingLedger', 'compliance', 'roster', 'participation', 'democraticReview', 'talks', 'rectifications', 'assessmentSheet', 'complianceDocx', 'plan', 'assessmentReport', 'minutes']) {
    await expect(reports.row(key)).toBeVisible();
  }
  await reports.year(demoYear).click();
  await expect(reports.row('meetingLedger')).toContainText(`${demoYear}年度三会一课登记台账`);
  await expect(reports.row('roster')).toContainText('党员花名册');
  await expect(reports.row('compliance')).toContainText(`${demoYear}年度落实情况表`);
  await expect(reports.row('participation')).toContainText(`${demoYear}年党员参加组织生活情况`);
  await expect(reports.shell.main).not.toContainText('年度年度');
  await expect(reports.row('minutes').getByRole('link', { name: '到组织生活中逐条导出' })).toHaveAttribute('href', new RegExp(`/meetings\\?year=${demoYear}$`));
  await shoot(page, '86-reports');

  const [download] = await Promise.all([page.waitForEvent('download'), reports.exportButton('meetingLedger').click()]);
  expect(download.suggestedFilename()).toBe(`${demoYear}年度三会一课登记台账.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('三会一课登记台账')!;
  expect(String(sheet.getCell('A1').value)).toBe(`中共浙江金帆智能科技有限公司支部委员会${demoYear}年度三会一课登记台账`);
  expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, printTitlesRow: '1:4' });
  const rows = sheet.getRows(5, 49)!.filter((row) => typeof row.getCell(1).value === 'number');
  expect(rows).toHaveLength(49);
  expect(String(rows[0].getCell(2).value)).toMatch(new RegExp(`^${demoYear}-01-`));
  await expect(reports.shell.toast(`已导出：${demoYear}年度三会一课登记台账.xlsx（49 行）`)).toBeVisible();

  // The demo's 组织生活会 has no 整改清单: the notice says so and what to do, and nothing is saved.
  let saved = false;
  page.on('download', () => {
    saved = true;
  });
  await reports.exportButton('rectifications').click();
  await expect(reports.shell.toast(`${demoYear}年度的组织生活会没有整改事项，没有可导出的整改清单。`)).toBeVisible();
  await shoot(page, '86-reports-empty', false);
  expect(saved).toBe(false);
});
