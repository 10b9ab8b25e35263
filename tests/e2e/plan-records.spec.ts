import { expect, test } from './fixtures';
import { MeetingEditor, MeetingsPage } from './pages/MeetingsPage';
import { fillDate } from './pages/controls';
import { shoot } from './screens';

test.use({ seed: 'demo' });

/** Today in the app's timezone (Asia/Shanghai, see playwright.config.ts). */
const todayIso = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

test('年度计划：保存后首页列出近期事项，点登记带出类型、日期和主题，保存后计划显示已开展', async ({ page, app }) => {
  const today = todayIso();
  const [year, month] = today.split('-').map(Number);
  const TOPIC = '研究年终党建工作总结和组织生活会准备';
  await page.goto(app.baseUrl);
  const meetings = new MeetingsPage(page);
  const main = meetings.shell.main;
  const openPlan = async () => {
    await meetings.open();
    await main.getByRole('button', { name: '年度计划' }).click();
    await expect(main.getByRole('heading', { name: `${year}年度组织生活计划` })).toBeVisible();
  };
  await openPlan();
  await main.getByRole('button', { name: '按规则生成草稿' }).click();
  const table = main.getByTestId('plan-table');
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(49);
  // Not saved yet: no status.
  await expect(rows.first().getByTestId('plan-item-status')).toHaveCount(0);
  await expect(rows.first().getByTitle('保存计划后显示开展情况')).toBeVisible();

  // This month's 支委会 moved to today, with the topic the secretary wants.
  const index = await rows.evaluateAll(
    (elements, topic) => elements.findIndex((row) => row.querySelector('textarea')?.value === topic),
    `研究${month}月工作，通报议定事项落实情况`,
  );
  expect(index).toBeGreaterThanOrEqual(0);
  const row = rows.nth(index);
  await fillDate(row.getByRole('textbox', { name: '日期' }), today);
  await row.getByRole('textbox', { name: '主题' }).fill(TOPIC);
  await main.getByRole('button', { name: '保存计划' }).click();
  await expect(meetings.shell.toast(`已保存 ${year} 年度计划（49 项）`)).toBeVisible();
  // The demo's records are last year's: January's items of this year are not held (past or ahead, by the date).
  await expect(rows.first().getByTestId('plan-item-status').getByRole('link', { name: /^登记/ })).toBeVisible();
  if (month > 1) await expect(rows.first().getByTestId('plan-item-status')).toContainText('已过期未开展');
  await expect(row.getByTestId('plan-item-status')).toContainText('待开展');

  // 首页: the item is listed for today, with 登记.
  await meetings.shell.menuItem('首页').click();
  const card = main.getByTestId('attention-plan');
  await expect(card).toBeVisible();
  const planned = card.getByTestId('attention-planned').filter({ hasText: TOPIC });
  await expect(planned).toContainText('今天');
  await expect(planned).toContainText('支部委员会会议');
  await shoot(page, '46-home-plan');
  await planned.click();

  const editor = new MeetingEditor(page);
  await expect(editor.heading('新建会议记录')).toBeVisible();
  await expect(page).toHaveURL(/#\/meetings\/new\?type=committeeMeeting&date=\d{4}-\d\d-\d\d&topic=/);
  await expect(editor.main.getByRole('checkbox', { name: '支部委员会会议', exact: true })).toBeChecked();
  await expect(editor.heldOn).toHaveValue(today);
  await expect(editor.topic).toHaveValue(TOPIC);
  await editor.fillTime(editor.startsAt, '15:00');
  await editor.fillTime(editor.endsAt, '16:00');
  await editor.location.fill('公司三楼党员活动室');
  await editor.pickMember(editor.host, '陈建华');
  await editor.pickMember(editor.recorder, '李志强');
  await editor.save();
  await expect(editor.heading(TOPIC)).toBeVisible();

  // Back in the plan: 已开展 with a link to the record; 首页 no longer lists it.
  await openPlan();
  const status = rows.filter({ has: page.getByText('已开展', { exact: true }) }).getByTestId('plan-item-status');
  await expect(status).toHaveCount(1);
  const recordLink = status.getByRole('link', { name: /记录 ›/ });
  await expect(recordLink).toBeVisible();
  await status.scrollIntoViewIfNeeded();
  await shoot(page, '45-plan-status', false);
  await recordLink.click();
  await expect(editor.heading(TOPIC)).toBeVisible();

  await meetings.shell.menuItem('首页').click();
  await expect(main.getByTestId('attention-plan')).toBeVisible();
  await expect(main.getByTestId('attention-planned').filter({ hasText: TOPIC })).toHaveCount(0);
});
