import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { todayIso } from '../../src/shared/domain/dates';
import { readDocx, tables } from '../helpers/docx';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { CompliancePage } from './pages/CompliancePage';
import { MeetingEditor } from './pages/MeetingsPage';
import { shoot } from './screens';

test.use({ seed: 'demo' });

/** Calls the app's own interface with the page's token, to set up data quickly. */
async function rpc<T>(page: Page, baseUrl: string, method: string, input: unknown): Promise<T> {
  const token = await page.locator('meta[name="branch-ledger-token"]').getAttribute('content');
  const response = await page.request.post(`${baseUrl}rpc`, { headers: { 'x-branch-ledger-token': token ?? '' }, data: { method, input } });
  const envelope = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error!.message}`);
  return envelope.value;
}

const TOPIC = '研究第三季度党建工作和下半年发展党员计划';

test('落实情况：打开示例年度矩阵，点未完成的格子补录支委会，格子变为已完成；导出 Excel 和 Word 读回', async ({ page, app }) => {
  const currentYear = Number(todayIso().slice(0, 4));
  // The demo branch's records are of the year before this one; its known gaps: no 支委会 in August,
  // no 党员大会 in Q3, the second 党小组 missed February and October.
  const demoYear = currentYear - 1;

  await page.goto(app.baseUrl);
  const compliance = new CompliancePage(page);
  await compliance.open();
  await expect(compliance.heading(currentYear)).toBeVisible();
  await compliance.showYear(demoYear);

  await expect(compliance.summary).toContainText('完成 51/55');
  await expect(compliance.summary).toContainText('未完成 4');
  await expect(compliance.cellsWithStatus('overdue')).toHaveCount(4);
  const august = compliance.cell('支部委员会会议', `${demoYear}年8月`);
  await expect(august).toHaveAttribute('data-status', 'overdue');
  await expect(august).toHaveText('未开展');
  const q3 = compliance.cell('支部党员大会', `${demoYear}年第3季度`);
  await expect(q3).toHaveAttribute('colspan', '3');
  await expect(q3).toHaveAttribute('data-status', 'overdue');
  await expect(compliance.cell('党小组会 · 第二党小组（生产与管理）', `${demoYear}年2月`)).toHaveAttribute('data-status', 'overdue');
  await expect(compliance.cell('组织生活会', `${demoYear}年`)).toHaveAttribute('colspan', '12');

  // The tooltip explains a cell; it shows on keyboard focus too.
  await august.focus();
  await expect(page.getByRole('tooltip')).toContainText(`${demoYear}年8月未召开支部委员会会议`);
  await shoot(page, '41-compliance-matrix');

  // Keyboard: from August, ← moves to July (done, one record) and Enter opens that record.
  await august.press('ArrowLeft');
  const july = compliance.cell('支部委员会会议', `${demoYear}年7月`);
  await expect(july).toBeFocused();
  await expect(july).toHaveAttribute('data-status', 'done');
  await july.press('Enter');
  await expect(page).toHaveURL(/#\/meetings\/\d+$/);
  await page.goBack();
  await expect(compliance.heading(demoYear)).toBeVisible();

  // Click the overdue cell: a new 支委会 record, dated the last day of August.
  await august.click();
  const editor = new MeetingEditor(page);
  await expect(editor.heading('新建会议记录')).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#/meetings/new\\?type=committeeMeeting&date=${demoYear}-08-31$`));
  await expect(editor.main.getByRole('checkbox', { name: '支部委员会会议', exact: true })).toBeChecked();
  await expect(editor.heldOn).toHaveValue(`${demoYear}-08-31`);
  await editor.fillTime(editor.startsAt, '15:00');
  await editor.fillTime(editor.endsAt, '16:30');
  await editor.location.fill('公司三楼党员活动室');
  await editor.topic.fill(TOPIC);
  await editor.pickMember(editor.host, '陈建华');
  await editor.pickMember(editor.recorder, '李志强');
  await shoot(page, '42-compliance-prefilled-record');
  await editor.save();
  await expect(editor.heading(TOPIC)).toBeVisible();

  // Back in 落实情况 (the menu remembers the year): August is done with its date.
  await compliance.open();
  await expect(compliance.heading(demoYear)).toBeVisible();
  await expect(august).toHaveAttribute('data-status', 'done');
  await expect(august).toHaveText('8/31');
  await expect(compliance.summary).toContainText('完成 52/55');
  await expect(compliance.cellsWithStatus('overdue')).toHaveCount(3);

  // Excel: the same cell, read back.
  const [excel] = await Promise.all([page.waitForEvent('download'), compliance.shell.main.getByRole('button', { name: /导出 Excel/ }).click()]);
  expect(excel.suggestedFilename()).toBe(`${demoYear}年度落实情况表.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await excel.path())!);
  const sheet = workbook.getWorksheet('年度落实情况表')!;
  expect(String(sheet.getCell('A1').value)).toContain(`${demoYear}年度组织生活落实情况表`);
  expect(sheet.getCell('A4').value).toBe('支部委员会会议');
  expect(sheet.getCell('J4').value).toBe('8/31');
  expect(sheet.getCell('O4').value).toBe('12/12');
  expect(sheet.getCell('I5').value).toBe('未开展');
  expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '1:3' });

  // Word: the printable table.
  const [word] = await Promise.all([page.waitForEvent('download'), compliance.shell.main.getByRole('button', { name: /导出 Word/ }).click()]);
  expect(word.suggestedFilename()).toBe(`${demoYear}年度落实情况表.docx`);
  const doc = await readDocx(readFileSync((await word.path())!).toString('base64'));
  const committee = tables(doc.document)[0].find((row) => row[0] === '支部委员会会议')!;
  expect(committee[9]).toBe('8/31');
  expect(committee[14]).toBe('12/12');
});

test('落实情况：有几条记录的格子列出记录，今年未到期的格子显示剩余天数', async ({ page, app }) => {
  const currentYear = Number(todayIso().slice(0, 4));
  const demoYear = currentYear - 1;
  await page.goto(`${app.baseUrl}#/compliance?year=${demoYear}`);
  const compliance = new CompliancePage(page);
  await expect(compliance.heading(demoYear)).toBeVisible();

  // 书记讲党课 was given twice in the demo year: the cell lists both records.
  const lectures = compliance.cell('书记讲党课', `${demoYear}年`);
  await expect(lectures).toHaveAttribute('data-status', 'done');
  await lectures.click();
  const popover = page.locator('.ant-popover:not(.ant-popover-hidden)');
  await expect(popover.getByRole('listitem')).toHaveCount(2);
  await popover.getByRole('link').first().click();
  await expect(page).toHaveURL(/#\/meetings\/\d+$/);

  // A 党小组 month without a meeting: the new record is a 党小组会 of that group.
  await page.goBack();
  await compliance.cell('党小组会 · 第二党小组（生产与管理）', `${demoYear}年10月`).click();
  const editor = new MeetingEditor(page);
  await expect(editor.heading('新建会议记录')).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`type=groupMeeting&date=${demoYear}-10-31&group=\\d+$`));
  await expect(editor.main.getByRole('checkbox', { name: '党小组会', exact: true })).toBeChecked();
  await expect(editor.main.getByRole('combobox', { name: '党小组' }).locator('xpath=ancestor::div[contains(@class, "ant-select ")][1]')).toContainText('第二党小组（生产与管理）');
  await expect(editor.heldOn).toHaveValue(`${demoYear}-10-31`);

  // This year: the open month says how many days are left.
  await page.goto(`${app.baseUrl}#/compliance?year=${currentYear}`);
  await expect(compliance.heading(currentYear)).toBeVisible();
  const month = Number(todayIso().slice(5, 7));
  const open = compliance.cell('支部委员会会议', `${currentYear}年${month}月`);
  await expect(open).toHaveAttribute('data-status', 'due');
  await expect(open).toContainText(/剩余 \d+ 天|今天是最后一天/);
  await shoot(page, '43-compliance-current-year');

  // A 支委会 that missed its quorum is counted but marked; a 党小组 founded in September is not
  // expected to have met before.
  const heldOn = `${demoYear}-08-20`;
  const check = await rpc<{ expected: { memberId: number }[] }>(page, app.baseUrl, 'meetings:check', { types: ['committeeMeeting'], partyGroupId: null, heldOn, exclusions: [] });
  const [present, ...away] = check.expected;
  await rpc(page, app.baseUrl, 'meetings:create', {
    types: ['committeeMeeting'],
    heldOn,
    topic: '研究第三季度党建工作',
    hostMemberId: present.memberId,
    recorderMemberId: present.memberId,
    attendance: [{ memberId: present.memberId, status: 'present' }, ...away.map((person) => ({ memberId: person.memberId, status: 'absent' }))],
  });
  await rpc(page, app.baseUrl, 'groups:create', { name: '第三党小组（销售）', foundedOn: `${demoYear}-09-01` });
  // Written behind the page's back: load it afresh.
  await page.goto(`${app.baseUrl}#/compliance?year=${demoYear}`);
  await page.reload();
  await expect(compliance.heading(demoYear)).toBeVisible();
  const august = compliance.cell('支部委员会会议', `${demoYear}年8月`);
  await expect(august).toHaveAttribute('data-status', 'done');
  await expect(august.getByLabel('未达到规定人数')).toBeVisible();
  const third = compliance.cell('党小组会 · 第三党小组（销售）', `${demoYear}年3月`);
  await expect(third).toHaveAttribute('data-status', 'notApplicable');
  await expect(third).toHaveText('不适用');
  await third.hover();
  await expect(page.getByRole('tooltip')).toContainText(`第三党小组（销售）${demoYear}年9月1日成立，此前不作要求`);
  await shoot(page, '44-compliance-marks');
});
