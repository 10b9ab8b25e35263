import { expect, test } from './fixtures';
import { HomePage } from './pages/HomePage';
import { MembersPage } from './pages/MembersPage';
import { isoMonthsFromToday, pickRadio } from './pages/controls';
import { SetupPage } from './pages/SetupPage';

const DEMO_BRANCH = '中共浙江金帆智能科技有限公司支部委员会';

test('示例数据：首页概况、花名册筛选与搜索、修改联系电话', async ({ page, app }) => {
  const setup = new SetupPage(page);
  await setup.goto(app.baseUrl);
  await setup.chooseDemo();

  const home = new HomePage(page);
  await expect(home.shell.branchName(DEMO_BRANCH)).toBeVisible();
  await expect(home.heading).toBeVisible();
  await expect(home.overview('支部类型')).toContainText('两新组织');
  await expect(home.statistic('党员总数')).toHaveText(/党员总数\s*25\s*名/);
  await expect(home.statistic('正式党员')).toHaveText(/正式党员\s*22\s*名/);
  await expect(home.statistic('预备党员')).toHaveText(/预备党员\s*3\s*名/);
  const committee = { 书记: '陈建华', 副书记: '王丽萍', 组织委员: '李志强', 宣传委员: '张晓燕', 纪检委员: '刘国平' };
  for (const [role, name] of Object.entries(committee)) await expect(home.committeeSeat(role)).toHaveText(name);
  await expect(home.partyGroup('第一党小组（研发）')).toContainText('13 名党员');
  await expect(home.partyGroup('第二党小组（生产与管理）')).toContainText('12 名党员');
  await expect(home.shell.main.getByText(/^\d{4}年$/)).toHaveCount(1);
  const lastYear = Number(isoMonthsFromToday(0).slice(0, 4)) - 1;
  await expect(home.statistic(`${lastYear}年`)).toHaveText(/60\s*条/);

  const members = new MembersPage(page);
  await members.open();
  await expect(members.summary).toHaveText('共 25 名党员，其中正式党员 22 名、预备党员 3 名');
  await expect(members.rows).toHaveCount(25);
  // The roster never shows a full ID number.
  await expect(members.table.getByText(/\d{17}[\dX]/)).toHaveCount(0);

  await pickRadio(members.filter('预备党员'));
  await expect(members.rows).toHaveCount(3);
  await expect(members.rows.getByText('预备党员', { exact: true })).toHaveCount(3);
  await pickRadio(members.filter('全部'));
  await expect(members.rows).toHaveCount(25);

  await members.search.fill('陈');
  await expect(members.row('陈建华')).toBeVisible();
  await expect(members.summary).toHaveText(/^符合条件 \d+ 名$/);
  const found = await members.rows.count();
  expect(found).toBeGreaterThanOrEqual(1);
  await expect(members.summary).toHaveText(`符合条件 ${found} 名`);
  for (let i = 0; i < found; i += 1) await expect(members.rows.nth(i).getByRole('cell').nth(1)).toContainText('陈');
  // Pinyin initials find the same person without switching the input method.
  await members.search.fill('cjh');
  await expect(members.rows).toHaveCount(1);
  await expect(members.row('陈建华')).toBeVisible();
  await members.search.fill('');
  await expect(members.rows).toHaveCount(25);

  // Edit 王丽萍's phone number and see it saved (also after a reload); the list shows it masked.
  await expect(await members.cell('王丽萍', '联系电话')).toHaveText('139****1037');
  const drawer = await members.openEdit('王丽萍');
  await expect(drawer.masked('联系电话')).toHaveValue('139****1037');
  await drawer.reveal('联系电话');
  await expect(drawer.phone).toHaveValue('13905791037');
  await drawer.phone.fill('13588886666');
  await drawer.save('王丽萍');
  await expect(await members.cell('王丽萍', '联系电话')).toHaveText('135****6666');
  await page.reload();
  await expect(await members.cell('王丽萍', '联系电话')).toHaveText('135****6666');
  await expect(members.summary).toHaveText('共 25 名党员，其中正式党员 22 名、预备党员 3 名');
});
