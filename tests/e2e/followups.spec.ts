import { addDays, addMonths, formatChineseDate, todayIso } from '../../src/shared/domain/dates';
import { expect, test } from './fixtures';
import { pickOption } from './pages/controls';
import { FollowUpsCard } from './pages/FollowUpsCard';
import { HomePage } from './pages/HomePage';
import { MeetingEditor, MeetingsPage } from './pages/MeetingsPage';
import { shoot } from './screens';

test.use({ seed: 'demo' });

const DECISION = '整理本年度党费收缴台账并报上级党委';
const FIRST_TOPIC = '研究党费收缴和发展党员工作';
const SECOND_TOPIC = '通报议定事项落实情况，研究下月工作';

test('支委会从模板开始，议定事项逾期显示在首页，办结时关联之后的会议', async ({ page, app }) => {
  const today = todayIso();
  const heldOn = addDays(today, -40);
  const dueOn = addDays(today, -20);
  const nextHeldOn = addMonths(heldOn, 1);

  await page.goto(app.baseUrl);
  const meetings = new MeetingsPage(page);
  await meetings.open();

  // 新建记录 ▾ ▸ 支委会模板: the agenda, the 书记 as host, recorder and place from the last 支委会.
  await meetings.shell.main.getByRole('button', { name: '按模板或复制上次新建' }).click();
  await page.getByRole('menuitem', { name: '支委会模板' }).click();
  const editor = new MeetingEditor(page);
  await expect(editor.heading('新建会议记录')).toBeVisible();
  await expect(page.getByTestId('start-notice')).toContainText('已按支部委员会会议模板填入 4 个议题');
  await expect(editor.main.getByRole('checkbox', { name: '支部委员会会议', exact: true })).toBeChecked();
  await expect(editor.main.getByRole('textbox', { name: '议题1', exact: true })).toHaveValue('传达学习上级精神');
  await expect(editor.main.getByRole('textbox', { name: '议题4', exact: true })).toHaveValue('议定事项');
  await expect(selectShown(editor.host)).toContainText('陈建华');
  await expect(selectShown(editor.recorder)).not.toBeEmpty();
  await expect(editor.location).not.toHaveValue('');

  await editor.fillDate(editor.heldOn, heldOn);
  await editor.topic.fill(FIRST_TOPIC);
  await expect(editor.attendanceSummary).toHaveText('应到 5 名（正式 5、预备 0），实到 5 名（正式 5、预备 0）');
  await expect(editor.attendanceCard).toContainText('支委会委员 5 名，到会 5 名，超过半数，会议有效。');

  // A decision with an owner and a due date already past (the record is written up late).
  await editor.main.getByRole('button', { name: /添加决议事项$/ }).click();
  const decision = editor.main.getByTestId('decision-row').last();
  await decision.getByRole('textbox', { name: '决议内容' }).fill(DECISION);
  await pickOption(decision.getByRole('combobox', { name: '负责人' }), '李志强', '李志强');
  await editor.fillDate(decision.getByRole('textbox', { name: '完成期限' }), dueOn);
  await shoot(page, '25-committee-from-template');

  // 保存并新建下一条: the next 支委会 a month later, with the same place, host, recorder and agenda.
  const location = await editor.location.inputValue();
  await editor.main.getByRole('button', { name: '保存并新建下一条' }).first().click();
  await expect(page.getByTestId('start-notice')).toContainText(`上一条已保存：${formatChineseDate(heldOn)} ${FIRST_TOPIC}`);
  const next = new MeetingEditor(page);
  await expect(next.heldOn).toHaveValue(nextHeldOn);
  await expect(next.location).toHaveValue(location);
  await expect(next.topic).toHaveValue('');
  await expect(next.main.getByRole('textbox', { name: '议题1', exact: true })).toHaveValue('传达学习上级精神');
  await expect(next.main.getByTestId('decision-row')).toHaveCount(0);
  await next.topic.fill(SECOND_TOPIC);
  await next.topic.press('Control+Enter');
  await expect(next.heading(SECOND_TOPIC)).toBeVisible();

  // 首页: the decision is overdue.
  const home = new HomePage(page);
  await home.open();
  const followUps = new FollowUpsCard(page);
  const item = followUps.item(DECISION);
  await expect(item).toContainText('已逾期 20 天');
  await expect(item).toContainText('负责人：李志强');
  await expect(item.getByRole('link')).toHaveText(`${formatChineseDate(heldOn)} 支部委员会会议`);
  await shoot(page, '26-home-followups');

  // 办结 with a note, reported at the later 支委会.
  await item.getByRole('button', { name: `办结：${DECISION}` }).click();
  await expect(followUps.modal.getByRole('textbox', { name: '办结日期' })).toHaveValue(today);
  await followUps.modal.getByRole('textbox', { name: '办结情况' }).fill('台账已整理完毕，报上级党委备案');
  await pickOption(followUps.modal.getByRole('combobox', { name: '汇报会议' }), `${formatChineseDate(nextHeldOn)} 支部委员会会议：${SECOND_TOPIC}`);
  await shoot(page, '26b-close-follow-up', false);
  await followUps.modal.getByRole('button', { name: /办\s?结/ }).click();
  await expect(followUps.modal).toBeHidden();
  await expect(item).toHaveCount(0);
  await expect(followUps.card).toContainText('没有未办结的事项');

  // The source record shows it closed, with the link to the later meeting.
  await meetings.open();
  await meetings.row(FIRST_TOPIC).getByRole('link', { name: FIRST_TOPIC }).click();
  const source = new MeetingEditor(page);
  await expect(source.heading(FIRST_TOPIC)).toBeVisible();
  const state = source.main.getByTestId('decision-row').filter({ has: page.getByText('已办结', { exact: true }) });
  await expect(state).toContainText(`${formatChineseDate(today)}办结：台账已整理完毕，报上级党委备案`);
  await expect(state.getByRole('link')).toHaveText(`${formatChineseDate(nextHeldOn)} ${SECOND_TOPIC}`);
  await state.scrollIntoViewIfNeeded();
  await shoot(page, '26c-decision-closed', false);
});

/** The text an antd Select shows for its value. */
function selectShown(select: import('@playwright/test').Locator) {
  return select.locator('xpath=ancestor::div[contains(@class, "ant-select ")][1]');
}
