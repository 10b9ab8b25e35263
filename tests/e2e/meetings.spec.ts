import { addDays, todayIso } from '../../src/shared/domain/dates';
import { expect, test } from './fixtures';
import { AttachmentsCard } from './pages/AttachmentsCard';
import { downloadDocx } from './pages/downloads';
import { MeetingsPage } from './pages/MeetingsPage';
import { shoot } from './screens';

test.use({ seed: 'demo' });

/** A scanned, signed 签到表 (a tiny but real PDF). */
const SIGN_IN_SCAN = { name: '签到表（已签名）.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n') };
const TOPIC = '讨论接收预备党员；专题党课：学习贯彻党的二十届四中全会精神';

test('组织生活：查看上一年度记录，新建党员大会兼党课，两人请假，表决通过，列表显示应到/实到；附上签到表，搜索找到，导出会议记录', async ({ page, app }) => {
  const today = todayIso();
  const currentYear = Number(today.slice(0, 4));
  // The demo branch's records are of the year before this one.
  const demoYear = currentYear - 1;

  await page.goto(app.baseUrl);
  const meetings = new MeetingsPage(page);
  await meetings.open();
  await expect(meetings.summary).toContainText(`${currentYear}年`);
  await meetings.showYear(demoYear);
  await expect(meetings.summary).toHaveText(`${demoYear}年组织生活记录共 60 条`);
  await expect(meetings.rows).toHaveCount(60);
  await shoot(page, '20-meetings-list');

  // A 党员大会 that is also a 党课, written up three days later.
  const heldOn = addDays(today, -3);
  const editor = await meetings.startNew();
  await expect(editor.attendanceCard).toContainText('请先选择会议类型和召开日期');
  await editor.checkType('支部党员大会');
  await editor.checkType('党课');
  await editor.fillDate(editor.heldOn, heldOn);
  await editor.fillTime(editor.startsAt, '14:30');
  await editor.fillTime(editor.endsAt, '16:30');
  await editor.location.fill('公司三楼党员活动室');
  await editor.topic.fill(TOPIC);
  await editor.pickMember(editor.host, '陈建华');
  await editor.pickMember(editor.recorder, '李志强');
  await editor.lecturer.fill('陈建华');
  await editor.lectureTitle.fill('学习贯彻党的二十届四中全会精神');
  await expect(editor.recordedOn).toHaveValue(today);
  await expect(editor.main.getByText('会后 3 天补记')).toBeVisible();

  // 应到 as of the date, everyone present until marked otherwise.
  await expect(editor.attendanceSummary).toHaveText('应到 25 名（正式 22、预备 3），实到 25 名（正式 22、预备 3）');
  await editor.markLeave('韩冬', '因公外出', '出差');
  await editor.markLeave('马超', '因公外出');
  await expect(editor.attendanceSummary).toHaveText('应到 25 名（正式 22、预备 3），实到 23 名（正式 20、预备 3），请假 2 名');
  await expect(editor.attendanceCard).toContainText('实到 20 名，超过半数，会议有效。');
  await editor.addVote('接收张三为中共预备党员', { yes: 18, no: 1, abstain: 1, writtenYes: 1 });
  await expect(editor.main.getByText(/按当前出勤：赞成 19 票（含书面同意意见 1 份）.*决议通过/)).toBeVisible();
  await editor.attendanceCard.scrollIntoViewIfNeeded();
  await shoot(page, '21-meeting-editor');

  await editor.save();
  await expect(editor.heading(TOPIC)).toBeVisible();
  await expect(editor.savedVerdicts.getByText('会议有效', { exact: true })).toBeVisible();
  await expect(editor.savedVerdicts.getByText('表决“接收张三为中共预备党员”：决议通过')).toBeVisible();
  await expect(editor.person('韩冬').getByRole('radio', { name: '请假', exact: true })).toBeChecked();
  await expect(page.locator('.ant-message-notice')).toHaveCount(0);
  await shoot(page, '22-meeting-saved', false);

  // Back in the list, in the year it was held.
  await page.getByRole('button', { name: '返回列表' }).click();
  await expect(meetings.heading).toBeVisible();
  await expect(meetings.summary).toContainText(`${heldOn.slice(0, 4)}年`);
  await expect(await meetings.cell(TOPIC, '应到/实到')).toHaveText('25/23');
  await expect(await meetings.cell(TOPIC, '有效性')).toHaveText('有效');
  await expect(await meetings.cell(TOPIC, '记录日期')).toContainText('补记 3 天');
  await expect(await meetings.cell(TOPIC, '类型')).toHaveText('支部党员大会党课');

  // Attach the signed 签到表, then find the record again by a two-character word of its vote.
  await meetings.row(TOPIC).getByRole('link').click();
  await expect(editor.heading(TOPIC)).toBeVisible();
  const attachments = new AttachmentsCard(page);
  await attachments.pick(SIGN_IN_SCAN);
  await expect(attachments.tile(SIGN_IN_SCAN.name)).toBeVisible();
  await page.getByRole('button', { name: '返回列表' }).click();
  await meetings.search('张三');
  await expect(meetings.rows).toHaveCount(1);
  await expect(meetings.match(TOPIC)).toContainText('表决事项');
  await expect(await meetings.cell(TOPIC, '应到/实到')).toHaveText('25/23');

  // Print the minutes: the Word file carries the verdicts the app computed.
  await meetings.row(TOPIC).getByRole('link').click();
  await expect(editor.heading(TOPIC)).toBeVisible();
  const minutes = await downloadDocx(page, () => editor.main.getByRole('button', { name: /导出会议记录/ }).click());
  expect(minutes.name).toBe(`${heldOn}_支部党员大会暨党课会议记录.docx`);
  expect(minutes.paragraphs).toContain('应到会有表决权的党员22名，实到20名，超过半数，会议有效。');
  expect(minutes.paragraphs.some((text) => text.includes('接收张三为中共预备党员') && text.includes('决议通过'))).toBe(true);
});
