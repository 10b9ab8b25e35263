import { addDays, todayIso } from '../../src/shared/domain/dates';
import { expect, test } from './fixtures';
import { MeetingsPage } from './pages/MeetingsPage';
import { MembersPage } from './pages/MembersPage';
import { shoot } from './screens';

test.use({ seed: 'demo' });

const FIRST_TOPIC = '学习雷锋精神主题党日';
const NEW_TOPIC = '学习雷锋精神，争做新时代先锋';

test('修改记录：改会议主题后显示“共 2 次修改”，抽屉里有旧 → 新；在设置 → 修改记录中搜索到', async ({ page, app }) => {
  await page.goto(app.baseUrl);
  const meetings = new MeetingsPage(page);
  await meetings.open();
  const editor = await meetings.startNew();
  await editor.checkType('主题党日');
  await editor.fillDate(editor.heldOn, addDays(todayIso(), -2));
  await editor.topic.fill(FIRST_TOPIC);
  await editor.save();
  await expect(editor.heading(FIRST_TOPIC)).toBeVisible();
  const line = page.getByTestId('edit-trail-line');
  await expect(line).toHaveText(/^最后修改于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}，共 1 次修改$/);

  await editor.topic.fill(NEW_TOPIC);
  await editor.save();
  await expect(editor.heading(NEW_TOPIC)).toBeVisible();
  await expect(line).toContainText('共 2 次修改');
  await shoot(page, '80-edit-trail-line');

  await line.click();
  const drawer = page.getByRole('dialog').filter({ hasText: '修改记录：' });
  await expect(drawer).toBeVisible();
  const entries = drawer.getByTestId('trail-entry');
  await expect(entries).toHaveCount(2);
  await expect(entries.first()).toContainText('修改');
  await expect(entries.first().getByTestId('trail-change')).toHaveText(`主题：${FIRST_TOPIC} → ${NEW_TOPIC}`);
  await expect(entries.nth(1)).toContainText('新增');
  await shoot(page, '81-edit-trail-drawer', false);
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  // 设置 → 修改记录: the old topic finds the edit.
  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByRole('button', { name: /查看修改记录$/ }).click();
  await expect(page.getByRole('heading', { name: '修改记录', exact: true })).toBeVisible();
  await page.getByRole('searchbox', { name: '搜索修改记录' }).fill('雷锋精神主题党日');
  await expect(page.getByTestId('trail-total')).toHaveText('共 2 条');
  const found = page.getByTestId('trail-list').getByTestId('trail-entry').first();
  await expect(found).toContainText(NEW_TOPIC);
  await expect(found.locator('mark.search-hit').first()).toHaveText('雷锋精神主题党日');
  await shoot(page, '82-edit-trail-page');
  // The record's name opens it.
  await found.getByRole('link').click();
  await expect(editor.heading(NEW_TOPIC)).toBeVisible();
});

test('修改记录：党员登记变动后详情页显示修改记录', async ({ page, app }) => {
  await page.goto(app.baseUrl);
  const members = new MembersPage(page);
  await members.open();
  const detail = await members.openDetail('韩冬');
  // Demo data is loaded, not edited: no trail yet.
  await expect(page.getByTestId('edit-trail-line')).toHaveCount(0);
  await detail.register({ kind: '外出流动', detail: '杭州' });
  const line = page.getByTestId('edit-trail-line');
  await expect(line).toContainText('共 1 次修改');
  await shoot(page, '83-member-edit-trail-line');
  await line.click();
  const drawer = page.getByRole('dialog').filter({ hasText: '修改记录：党员 韩冬' });
  await expect(drawer.getByTestId('trail-change')).toHaveText(/^党员变动：\+\d{4}-\d{2}-\d{2} 外出流动（杭州）$/);
});
