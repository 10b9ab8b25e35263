import { addDays, todayIso } from '../../src/shared/domain/dates';
import { expect, test } from './fixtures';
import { downloadDocx } from './pages/downloads';
import { MeetingsPage } from './pages/MeetingsPage';

test.use({ seed: 'demo' });

test('会议文书：会前打印签到表（应到名单和职务），保存记录后导出会议记录', async ({ page, app }) => {
  await page.goto(app.baseUrl);
  const meetings = new MeetingsPage(page);
  await meetings.open();
  const editor = await meetings.startNew();
  const button = editor.main.getByRole('button', { name: /打印签到表/ });

  // Without a type and date there is no 应到 list yet: a warning, no file.
  await button.click();
  await expect(page.locator('.ant-message-notice').filter({ hasText: '请先选择会议类型和召开日期' })).toBeVisible();

  const heldOn = addDays(todayIso(), 7);
  await editor.checkType('支部党员大会');
  await editor.fillDate(editor.heldOn, heldOn);
  await editor.location.fill('党员活动室');
  await editor.topic.fill('学习贯彻全会精神');
  await expect(editor.attendanceSummary).toContainText('应到 25 名');
  const sheet = await downloadDocx(page, () => button.click());
  expect(sheet.name).toBe(`${heldOn}_支部党员大会会议签到表.docx`);
  expect(sheet.paragraphs).toContain('支部党员大会会议签到表');
  const attendees = sheet.tables[1];
  expect(attendees[0]).toEqual(['序号', '姓名', '职务', '签名', '请假事由']);
  expect(attendees).toHaveLength(26);
  expect(attendees.find((row) => row[1] === '陈建华')?.[2]).toBe('书记');

  // A planned meeting is not saved as held; once it has taken place the record is written up.
  const held = addDays(todayIso(), -1);
  await editor.fillDate(editor.heldOn, held);
  await editor.save();
  await expect(editor.heading('学习贯彻全会精神')).toBeVisible();
  const minutes = await downloadDocx(page, () => editor.main.getByRole('button', { name: /导出会议记录/ }).click());
  expect(minutes.name).toBe(`${held}_支部党员大会会议记录.docx`);
  expect(minutes.paragraphs).toContain('支部党员大会会议记录');

  // The other layout and the sheet are in the button's menu.
  await editor.main.getByRole('button', { name: /导出会议记录/ }).locator('xpath=following-sibling::button').click();
  const unitSheet = await downloadDocx(page, () => page.getByRole('menuitem', { name: '签到表（单位常用格式）' }).click());
  expect(unitSheet.name).toBe(`${held}_支部党员大会会议签到表.docx`);
});
