import { addDays, formatChineseDate } from '../../src/shared/domain/dates';
import { defaultTermEnd } from '../../src/shared/domain/branch';
import { expect, test } from './fixtures';
import { fillDate, isoMonthsFromToday } from './pages/controls';
import { HomePage } from './pages/HomePage';
import { MembersPage } from './pages/MembersPage';
import { OrganizationPage } from './pages/OrganizationPage';
import { shoot } from './screens';

test.use({ seed: 'demo' });

const NEW_GROUP = '第三党小组（销售）';

test('组织建设：新建党小组、调入党员并任组长、撤销被拒、换届后首页显示新书记', async ({ page, app }) => {
  await page.goto(app.baseUrl);
  const org = new OrganizationPage(page);
  await org.open();
  await expect(org.term(3)).toContainText('本届');
  await expect(org.seat(3, '书记')).toContainText('陈建华');
  await expect(org.group('第一党小组（研发）')).toContainText('13 名');

  // A new group starts empty.
  await org.createGroup(NEW_GROUP);
  await expect(org.group(NEW_GROUP)).toContainText('0 名');

  // 孙磊 moves into it from the first of the month, through the member form.
  const today = isoMonthsFromToday(0);
  const movedOn = `${today.slice(0, 8)}01`;
  const members = new MembersPage(page);
  await members.open();
  const drawer = await members.openEdit('孙磊');
  await expect(drawer.groupChangedOn).toBeHidden();
  await drawer.moveToGroup(NEW_GROUP);
  await expect(drawer.groupChangedOn).toHaveValue(today);
  await fillDate(drawer.groupChangedOn, movedOn);
  await drawer.save('孙磊');
  await expect(await members.cell('孙磊', '所在党小组')).toHaveText(NEW_GROUP);

  // Now he can lead it.
  await org.open();
  await expect(org.group(NEW_GROUP)).toContainText('1 名');
  await expect(org.group('第一党小组（研发）')).toContainText('12 名');
  await org.setLeader(NEW_GROUP, '孙磊');
  await expect(org.group(NEW_GROUP)).toContainText('孙磊');

  // A group with members cannot be dissolved; the reason is shown at the date field.
  const dissolve = await org.dissolveGroup(NEW_GROUP);
  await expect(dissolve.getByText('本组还有 1 名党员，请先把他们调到其他党小组')).toBeVisible();
  await dissolve.getByRole('button', { name: '取消', exact: true }).click();
  await expect(dissolve).toBeHidden();
  await expect(org.group(NEW_GROUP)).not.toContainText('已撤销');

  // 换届: the next term is proposed with its usual length; the old one ends the day before.
  const election = await org.openElection();
  await expect(election.getByRole('spinbutton', { name: '届次' })).toHaveValue('4');
  await expect(election.getByRole('textbox', { name: '任期开始' })).toHaveValue(today);
  const endsOn = defaultTermEnd('twoNew', today);
  await expect(election.getByRole('textbox', { name: '任期结束' })).toHaveValue(endsOn);
  await election.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('已登记第4届支部委员会，请添加选举产生的书记和委员')).toBeVisible();
  await expect(org.term(4)).toContainText('本届');
  await expect(org.term(4)).toContainText(`任期：${formatChineseDate(today)} 至 ${formatChineseDate(endsOn)}`);
  await expect(org.term(3)).toContainText('往届');
  await expect(org.term(3)).toContainText(`至 ${formatChineseDate(addDays(today, -1))}`);

  await org.addSeat(4, '王丽萍', '书记');
  await expect(org.seat(4, '书记')).toContainText('王丽萍');
  await expect(org.seat(4, '书记')).toContainText(formatChineseDate(today));
  await expect(page.locator('.ant-message-notice')).toHaveCount(0);
  await shoot(page, '12-organization');

  const home = new HomePage(page);
  await home.open();
  await expect(home.shell.main.getByText('第4届支部委员会', { exact: true })).toBeVisible();
  await expect(home.committeeSeat('书记')).toHaveText('王丽萍');
  await expect(home.partyGroup(NEW_GROUP)).toContainText('1 名党员');
});
