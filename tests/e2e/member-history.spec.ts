import { formatChineseDate } from '../../src/shared/domain/dates';
import { expect, test } from './fixtures';
import { isoMonthsFromToday } from './pages/controls';
import { MembersPage } from './pages/MembersPage';
import { shoot } from './screens';

test.use({ seed: 'demo' });

test('党员详情：登记外出流动和组织关系转出，删除误登的转出后恢复', async ({ page, app }) => {
  await page.goto(app.baseUrl);
  const members = new MembersPage(page);
  await members.open();
  await expect(members.rows).toHaveCount(25);

  // The name in the roster opens the member's page, which shows every field.
  const detail = await members.openDetail('韩冬');
  await expect(detail.shell.menuItem('党员花名册')).toHaveClass(/ant-menu-item-selected/);
  await expect(detail.fact('性别')).toHaveText('男');
  await expect(detail.fact('入党时间')).toHaveText('2000年6月30日');
  await expect(detail.fact('转正时间')).toHaveText('2001年6月30日');
  await expect(detail.fact('所在党小组')).toHaveText('第一党小组（研发）');
  await expect(detail.fact('备注')).toHaveText('长期在外地项目部驻场');
  await expect(detail.tag('正式党员')).toBeVisible();
  await expect(detail.tag('有表决权')).toBeVisible();
  // The ID number is masked until asked for.
  const idNumber = detail.fact('公民身份号码');
  await expect(idNumber).toContainText(/^\d{6}\*{8}[\dX]{4}/);
  await idNumber.getByRole('button', { name: '显示' }).click();
  await expect(idNumber).toContainText(/^\d{17}[\dX]/);
  await expect(detail.history).toHaveCount(2);
  await expect(detail.history.nth(0)).toContainText('入党（接收为预备党员）');
  await expect(detail.history.nth(1)).toContainText('转为正式党员');

  // 留党察看 offers one or two years from the decision date; nothing is saved on cancel.
  const today = isoMonthsFromToday(0);
  const dialog = await detail.openRegister();
  await dialog.fill({ kind: '留党察看' });
  await dialog.quickButton('一年').click();
  await expect(dialog.untilOn('察看期至')).toHaveValue(isoMonthsFromToday(12));
  await dialog.cancel();

  // 外出流动 to 上海: the history shows it and he is tagged 流动党员.
  await detail.openRegister();
  await expect(dialog.recordedBy).toHaveValue('陈建华');
  await dialog.fill({ kind: '外出流动', detail: '上海', note: '公司上海项目部驻场' });
  await expect(dialog.occurredOn).toHaveValue(today);
  await shoot(page, '11-register-event', false);
  await dialog.submit('外出流动');
  const flow = detail.historyItem('外出流动');
  await expect(flow).toContainText('流向：上海');
  await expect(flow).toContainText('公司上海项目部驻场');
  await expect(flow).toContainText('登记人：陈建华');
  await expect(detail.history).toHaveCount(3);
  await expect(detail.tag('流动党员（上海）')).toBeVisible();
  await expect(page.locator('.ant-message-notice')).toHaveCount(0);
  await shoot(page, '10-member-detail');

  // 组织关系转出: he leaves the current roster.
  await detail.register({ kind: '组织关系转出', detail: '中共上海浦江科技有限公司支部委员会' });
  await expect(detail.historyItem('组织关系转出')).toContainText('转往：中共上海浦江科技有限公司支部委员会');
  await expect(detail.tag('已转出')).toBeVisible();
  await expect(detail.tag('流动党员（上海）')).toBeHidden();
  await expect(detail.fact('所在党小组')).toHaveText('—');
  await members.open();
  await expect(members.rows).toHaveCount(24);
  await expect(members.row('韩冬')).toHaveCount(0);

  // The 转出 was a mistake: deleting it brings him back, in his old 党小组.
  await page.goBack();
  await expect(detail.heading('韩冬')).toBeVisible();
  await detail.deleteEvent('组织关系转出');
  await expect(page.getByText(`已删除：${formatChineseDate(today)} 组织关系转出`)).toBeVisible();
  await expect(detail.tag('已转出')).toBeHidden();
  await expect(detail.tag('流动党员（上海）')).toBeVisible();
  await expect(detail.fact('所在党小组')).toHaveText('第一党小组（研发）');
  await members.open();
  await expect(members.rows).toHaveCount(25);
  await expect(members.row('韩冬')).toBeVisible();
});

test('党员详情：删除后面的记录所依赖的变动被拒绝，并说明原因', async ({ page, app }) => {
  await page.goto(app.baseUrl);
  const members = new MembersPage(page);
  await members.open();
  const detail = await members.openDetail('韩冬');
  await detail.register({ kind: '外出流动', detail: '杭州' });
  await detail.register({ kind: '流动返回' });
  await detail.deleteEvent('外出流动');
  await expect(page.getByText(/删除这条“外出流动”后.*“流动返回”会前后矛盾/)).toBeVisible();
  await expect(detail.history).toHaveCount(4);
});
