import { expect, test } from './fixtures';
import { HomePage } from './pages/HomePage';
import { MembersPage } from './pages/MembersPage';
import { SetupPage } from './pages/SetupPage';
import { shoot } from './screens';

// Screenshots of each screen for a human to look over; see screens.ts.

test('截图：首次使用向导', async ({ page, app }) => {
  const setup = new SetupPage(page);
  await setup.goto(app.baseUrl);
  await shoot(page, '01-wizard-choice');
  await setup.chooseCreate();
  await expect(setup.page.getByText('一般为3年，填写开始日期后自动计算')).toBeVisible();
  await shoot(page, '02-wizard-create-form');
});

test.describe('示例数据', () => {
  test.use({ seed: 'demo' });

  test('截图：首页、花名册、党员信息抽屉', async ({ page, app }) => {
    await page.goto(app.baseUrl);
    const home = new HomePage(page);
    await expect(home.heading).toBeVisible();
    await expect(home.committeeSeat('书记')).toHaveText('陈建华');
    await expect(home.partyGroup('第二党小组（生产与管理）')).toBeVisible();
    await expect(home.shell.main.getByText(/^\d{4}年$/)).toBeVisible();
    await shoot(page, '03-home-demo');

    const members = new MembersPage(page);
    await members.open();
    await expect(members.rows).toHaveCount(25);
    await shoot(page, '04-members-demo');

    const fresh = await members.startNew();
    await expect(fresh.saveAndNextButton).toBeVisible();
    await shoot(page, '05-member-drawer-new', false);
    await fresh.cancel();

    const existing = await members.openEdit('陈建华');
    await expect(existing.idNumber).toHaveValue(/^330702/);
    await shoot(page, '06-member-drawer-edit', false);
  });
});
