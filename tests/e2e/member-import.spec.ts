import ExcelJS from 'exceljs';
import { REAL_ROSTER, ROSTER_IDS, realRosterXlsx } from '../fixtures/make-member-sheets';
import { expect, test } from './fixtures';
import { MemberImportPage } from './pages/MemberImportPage';
import { MembersPage } from './pages/MembersPage';
import { shoot } from './screens';

/** Sets up a branch with the roster's 党小组 through the contract, as the wizard and 组织建设 would. */
async function branchWithGroups(page: import('@playwright/test').Page, baseUrl: string) {
  await page.goto(baseUrl);
  const token = await page.locator('meta[name="branch-ledger-token"]').getAttribute('content');
  const rpc = async (method: string, input?: unknown) => {
    const response = await page.request.post(`${baseUrl}rpc`, { headers: { 'x-branch-ledger-token': token! }, data: { method, input } });
    const body = await response.json();
    expect(body.ok, JSON.stringify(body)).toBe(true);
    return body.value;
  };
  await rpc('branch:create', { name: '中共示例局机关第一支部委员会', kind: 'organ', termStartsOn: '2024-03-15', termEndsOn: '2027-03-14' });
  for (const name of REAL_ROSTER.groups) await rpc('groups:create', { name });
  await page.reload(); // the page asked for the branch before it existed
}

test('导入真实格式的花名册：预览、改正错误、跳过其余、确认导入、导出花名册、整批撤销', async ({ page, app }) => {
  await branchWithGroups(page, app.baseUrl);
  const importPage = new MemberImportPage(page);
  await importPage.open(app.baseUrl);
  const roster = await realRosterXlsx();
  await importPage.choose(roster.fileName, roster.bytes);
  await expect(importPage.summary).toContainText(`共 ${REAL_ROSTER.counts.total} 行`);
  await expect(page.getByText('已识别的列：')).toContainText('身份证号码→公民身份号码');

  // With errors present the preview opens on the problem rows only; show them all.
  await expect(importPage.row(4)).toHaveCount(0);
  await page.getByText('只看有问题的行').click();
  // Outcomes that do not depend on today's date.
  await expect(importPage.row(4)).toContainText('可导入');
  await expect(importPage.row(13)).toContainText('校验位');
  await expect(importPage.row(15)).toContainText('重复');
  await expect(importPage.row(17)).toContainText('第三党小组');
  await expect(importPage.importButton).toBeDisabled();
  await shoot(page, '13-import-preview');

  // Fix the mistyped check character in the cell: the row becomes importable.
  await importPage.edit(13, '公民身份号码', ROSTER_IDS.zheng);
  await expect(importPage.row(13)).toContainText('可导入');

  await importPage.skipErrorRows.click();
  await expect(importPage.importButton).toBeEnabled();
  const label = await importPage.importButton.innerText();
  const count = Number(/导入 (\d+) 名党员/.exec(label)![1]);
  expect(count).toBeGreaterThanOrEqual(7);
  await importPage.importButton.click();
  await expect(page.getByText(`已导入 ${count} 名党员`)).toBeVisible();

  const members = new MembersPage(page);
  await members.open();
  await expect(members.rows).toHaveCount(count);
  await expect(members.row('郑芳')).toBeVisible();
  await expect(members.row('李明')).toBeVisible();

  // The roster export opens as a real workbook with everyone in it and masked ID numbers.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: /导出花名册/ }).first().click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^党员花名册_\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  const sheet = workbook.getWorksheet('党员花名册')!;
  expect(String(sheet.getCell('A1').value)).toContain('中共示例局机关第一支部委员会');
  const written = JSON.stringify(sheet.getSheetValues());
  expect(written).toContain('郑芳');
  expect(written).not.toContain(ROSTER_IDS.zheng);

  // Undo the whole import from the history: the roster is empty again.
  await importPage.open(app.baseUrl);
  await page.getByRole('button', { name: '撤销' }).first().click();
  await page.getByRole('button', { name: '撤销' }).last().click();
  await expect(page.getByText('已撤销本次导入')).toBeVisible();
  await members.open();
  await expect(members.summary).toHaveText('共 0 名党员，其中正式党员 0 名、预备党员 0 名');
});

test('不是表格的文件被拒绝，并说明原因', async ({ page, app }) => {
  await branchWithGroups(page, app.baseUrl);
  const importPage = new MemberImportPage(page);
  await importPage.open(app.baseUrl);
  await importPage.fileInput.setInputFiles({ name: '花名册.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('这不是表格') });
  await expect(page.getByText('无法导入这个文件')).toBeVisible();
  await expect(importPage.summary).toHaveCount(0);
});
