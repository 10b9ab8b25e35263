import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { todayIso } from '../../src/shared/domain/dates';
import { expect, test } from './fixtures';
import { ParticipationPage } from './pages/ParticipationPage';
import { shoot } from './screens';

test.use({ seed: 'demo' });

const thisYear = Number(todayIso().slice(0, 4));
const demoYear = thisYear - 1;

test('参加组织生活情况：首页提醒，花名册进入，逐月表格显示缺席，导出 Excel，党员详情显示本年各月', async ({ page, app }) => {
  await page.goto(app.baseUrl);
  const participation = new ParticipationPage(page);
  const shell = participation.shell;

  // 首页: 何俊 has missed October–December of the demo year, with nothing since.
  const card = page.getByTestId('participation-warnings');
  await expect(card).toContainText('提醒');
  await expect(card).toContainText(`何俊连续 3 个月未参加组织生活（${demoYear}年10月—${demoYear}年12月）`);
  await expect(card).toContainText('党费记录尚未接入，仅按组织生活计算');
  await card.scrollIntoViewIfNeeded();
  await shoot(page, '43-participation-home', false);

  // From 党员花名册: this year has no records yet, and the page says so with a way to last year.
  await shell.menuItem('党员花名册').click();
  await shell.main.getByRole('button', { name: '参加组织生活情况' }).click();
  await expect(participation.heading(thisYear)).toBeVisible();
  await expect(shell.main.getByText(`${thisYear}年还没有组织生活记录`)).toBeVisible();
  await shell.main.getByRole('button', { name: `查看${demoYear}年` }).click();
  await expect(participation.heading(demoYear)).toBeVisible();

  await expect(participation.grid.locator('tbody tr.ant-table-row')).toHaveCount(25);
  await expect(participation.month('何俊', demoYear, 10)).toHaveText('✗');
  await expect(participation.month('何俊', demoYear, 10)).toHaveAttribute('aria-label', /缺席（应参加 2 次，出席 0 次，缺席 2 次）/);
  await expect(participation.month('何俊', demoYear, 9)).toHaveText('✓');
  await expect(participation.month('韩冬', demoYear, 2)).toHaveText('假');
  // 谢雨萱 was admitted in December: blank before.
  await expect(participation.month('谢雨萱', demoYear, 11)).toHaveText('');
  await expect(participation.month('谢雨萱', demoYear, 12)).toHaveText('✓');
  await expect(participation.row('何俊')).toContainText('64.3%');
  await shoot(page, '43-participation');

  const [download] = await Promise.all([page.waitForEvent('download'), participation.exportButton.click()]);
  expect(download.suggestedFilename()).toBe(`党员年度参加组织生活情况_${demoYear}年.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  expect(String(sheet.getCell('A1').value)).toContain(`${demoYear}年度党员参加组织生活情况`);
  const heJun = sheet.getRows(5, 25)!.find((row) => row.getCell(2).value === '何俊')!;
  expect([14, 15, 16].map((column) => heJun.getCell(column).value)).toEqual(['✗', '✗', '✗']);
  await expect(shell.toast(/已导出 25 名党员/)).toBeVisible();

  // The member's page: this year's months, and the run that is still open.
  await participation.row('何俊').getByRole('link', { name: '何俊' }).click();
  const section = page.getByTestId('member-participation');
  await expect(section).toContainText(`${thisYear}年参加组织生活`);
  await expect(section).toContainText(`已连续 3 个月未参加组织生活（${demoYear}年10月—${demoYear}年12月）`);
  await section.scrollIntoViewIfNeeded();
  await shoot(page, '43-participation-member', false);

  // From 组织生活 too.
  await shell.menuItem('组织生活').click();
  await shell.main.getByRole('button', { name: '党员参加情况' }).click();
  await expect(participation.grid).toBeVisible();
});
