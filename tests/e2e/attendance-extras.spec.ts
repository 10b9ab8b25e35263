import { addDays, todayIso } from '../../src/shared/domain/dates';
import { expect, test } from './fixtures';
import { MeetingsPage } from './pages/MeetingsPage';
import { shoot } from './screens';

test.use({ seed: 'demo' });

test('出席情况：请假党员登记补学，经批准不计入应到的党员从应到中减去，保存后仍在', async ({ page, app }) => {
  const heldOn = addDays(todayIso(), -2);
  await page.goto(app.baseUrl);
  const meetings = new MeetingsPage(page);
  await meetings.open();
  const editor = await meetings.startNew();
  await editor.checkType('支部党员大会');
  await editor.fillDate(editor.heldOn, heldOn);
  await editor.topic.fill('学习贯彻全会精神');
  await expect(editor.attendanceSummary).toContainText('应到 25 名（正式 22、预备 3）');

  await editor.markLeave('韩冬', '因公外出', '出差');
  await editor.recordMakeup('韩冬', { on: todayIso(), method: '个别传达', by: '陈建华' });
  await expect(editor.person('韩冬').getByText('已补学')).toBeVisible();

  await editor.exclude('马超', '出国（境）半年以上');
  await expect(editor.attendanceSummary).toContainText('应到 24 名（正式 21、预备 3），实到 23 名');
  await expect(editor.person('马超')).toHaveCount(0);
  await expect(editor.attendanceCard).toContainText('马超（出国（境）半年以上）');
  await editor.attendanceCard.scrollIntoViewIfNeeded();
  await shoot(page, '30-attendance-makeup-exclusion', false);

  await editor.save();
  await expect(editor.heading('学习贯彻全会精神')).toBeVisible();
  await page.reload();
  await expect(editor.attendanceSummary).toContainText('应到 24 名');
  await expect(editor.person('韩冬').getByText('已补学')).toBeVisible();
  await expect(editor.attendanceCard).toContainText('马超（出国（境）半年以上）');

  // Counted again: back in 应到, present by default.
  await editor.attendanceCard.getByRole('button', { name: '恢复计入马超' }).click();
  await expect(editor.attendanceSummary).toContainText('应到 25 名');
  await expect(editor.person('马超')).toBeVisible();
});
