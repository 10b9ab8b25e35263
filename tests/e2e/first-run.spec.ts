import { expect, test } from './fixtures';
import { HomePage } from './pages/HomePage';
import { MembersPage } from './pages/MembersPage';
import { pickRadio } from './pages/controls';
import { SetupPage } from './pages/SetupPage';

const BRANCH = '中共杭州市西湖区文新街道办事处机关支部委员会';
const CHECK_DIGIT_MESSAGE = '校验位（最后一位）不正确，请核对是否有数字录错';

test('首次使用：创建支部、录入党员、拒绝错误身份号码，重启后数据仍在', async ({ page, app }) => {
  const setup = new SetupPage(page);
  await setup.goto(app.baseUrl);
  await setup.chooseCreate();

  // Defaults the wizard offers.
  await expect(setup.kind('机关')).toBeChecked();
  await expect(setup.termSeq).toHaveValue('1');

  await setup.fill({
    name: BRANCH,
    kind: '村（社区）',
    parentOrg: '中共杭州市西湖区文新街道工作委员会',
    foundedOn: '2015-06-26',
    termSeq: 2,
    termStartsOn: '2023-04-18',
  });
  // 村（社区）支委会任期五年; switching back to 机关 proposes three years again.
  await expect(setup.termEndsOn).toHaveValue('2028-04-17');
  await pickRadio(setup.kind('机关'));
  await expect(setup.termEndsOn).toHaveValue('2026-04-17');
  await expect(setup.page.getByText('一般为3年，填写开始日期后自动计算')).toBeVisible();
  await setup.create();

  const home = new HomePage(page);
  await expect(home.shell.branchName(BRANCH)).toBeVisible();
  await expect(home.shell.modeTag).toBeVisible();
  await expect(home.heading).toBeVisible();
  await expect(home.overview('支部类型')).toContainText('机关');
  await expect(home.overview('成立日期')).toContainText('2015年6月26日');
  await expect(home.shell.main.getByText('第2届支部委员会')).toBeVisible();
  await expect(home.statistic('党员总数')).toHaveText(/党员总数\s*0\s*名/);

  // 花名册: the first member, with birth date and sex taken from the ID number.
  const members = new MembersPage(page);
  await members.open();
  await expect(members.summary).toHaveText('共 0 名党员，其中正式党员 0 名、预备党员 0 名');
  await expect(members.shell.main.getByText('还没有党员，点击右上角“新增党员”开始录入。')).toBeVisible();

  const drawer = await members.startNew();
  // No sex is assumed before the ID number or the user says so.
  await expect(drawer.gender('男')).not.toBeChecked();
  await expect(drawer.gender('女')).not.toBeChecked();
  await drawer.fill({ name: '李秀英', idNumber: '11010519491231002X' });
  await expect(drawer.birthDate).toHaveValue('1949-12-31');
  await expect(drawer.gender('女')).toBeChecked();
  // Choosing the other sex by hand is allowed but flagged against the ID number.
  await pickRadio(drawer.gender('男'));
  await expect(drawer.dialog.getByText('与公民身份号码中的性别（女）不一致，请核对')).toBeVisible();
  await pickRadio(drawer.gender('女'));
  await expect(drawer.dialog.getByText('与公民身份号码中的性别（女）不一致，请核对')).toHaveCount(0);
  await drawer.fill({
    name: '李秀英',
    education: '大学专科',
    admittedOn: '1975-07-01',
    confirmedOn: '1976-07-01',
    phone: '13957112345',
    note: '老党员，行动不便，组织生活可送学上门',
  });
  await expect(drawer.category('正式党员')).toBeChecked();
  await drawer.save('李秀英');

  await expect(members.summary).toHaveText('共 1 名党员，其中正式党员 1 名、预备党员 0 名');
  await expect(members.rows).toHaveCount(1);
  await expect(await members.cell('李秀英', '性别')).toHaveText('女');
  await expect(await members.cell('李秀英', '党龄')).toHaveText(/^\d+年$/);
  await expect(await members.cell('李秀英', '入党时间')).toHaveText('1975-07-01');
  await expect(members.table).not.toContainText('11010519491231002X');

  // A wrong check digit is caught on leaving the field, and saving is refused.
  const second = await members.startNew();
  await second.fill({ name: '张建国', idNumber: '110101199003074478', admittedOn: '2012-07-01', confirmedOn: '2013-07-01' });
  await expect(second.dialog.getByText(CHECK_DIGIT_MESSAGE)).toBeVisible();
  await expect(second.idNumber).toHaveAccessibleDescription(CHECK_DIGIT_MESSAGE);
  await expect(second.birthDate).toHaveValue('');
  await second.saveButton.click();
  await expect(second.dialog).toBeVisible();
  await expect(second.dialog.getByText(CHECK_DIGIT_MESSAGE)).toBeVisible();
  await second.cancel();
  await expect(page.getByText('已保存：张建国')).toHaveCount(0);
  await expect(members.summary).toHaveText('共 1 名党员，其中正式党员 1 名、预备党员 0 名');
  await expect(members.row('张建国')).toHaveCount(0);

  // Restart the server: same data folder, new port and token; the page is reloaded at the new address.
  const token = page.locator('meta[name="branch-ledger-token"]');
  const oldToken = await token.getAttribute('content');
  const newUrl = await app.restart();
  expect(page.url()).toBe(`${newUrl}#/members`);
  expect(await token.getAttribute('content')).not.toBe(oldToken);

  await expect(members.shell.branchName(BRANCH)).toBeVisible();
  await expect(members.summary).toHaveText('共 1 名党员，其中正式党员 1 名、预备党员 0 名');
  await expect(await members.cell('李秀英', '入党时间')).toHaveText('1975-07-01');
  const reopened = await members.openEdit('李秀英');
  await expect(reopened.masked('公民身份号码')).toHaveValue('110105********002X');
  await reopened.reveal('公民身份号码');
  await expect(reopened.idNumber).toHaveValue('11010519491231002X');
  await reopened.reveal('联系电话');
  await expect(reopened.phone).toHaveValue('13957112345');
  await expect(reopened.note).toHaveValue('老党员，行动不便，组织生活可送学上门');
});
