import { expect, test } from './fixtures';
import { MemberDrawer, MembersPage } from './pages/MembersPage';
import { LockScreen, PrivacySection } from './pages/PrivacyPages';
import { shoot } from './screens';

test.use({ seed: 'demo' });

const PASSWORD = 'Zhibu-2026';
const BRANCH = '中共浙江金帆智能科技有限公司支部委员会';

test('应用密码：设置后重启即锁定，输错有提示，解锁后看到数据；立即锁定', async ({ page, app }) => {
  await page.goto(app.baseUrl);
  const privacy = new PrivacySection(page);
  await privacy.open();
  await expect(privacy.card.getByText('未设置', { exact: true })).toBeVisible();
  // Two different entries are caught before anything is sent.
  await privacy.newPassword.fill(PASSWORD);
  await privacy.repeat.fill('Zhibu-2025');
  await privacy.setButton.click();
  await expect(privacy.card.getByText('两次输入的新密码不一致')).toBeVisible();
  await privacy.setPassword(PASSWORD);
  await privacy.card.scrollIntoViewIfNeeded();
  await shoot(page, '80-settings-privacy');

  // A new start of the server is locked: nothing of the branch on screen.
  await app.restart();
  const lock = new LockScreen(page);
  await expect(lock.heading).toBeVisible();
  await expect(page.getByText(BRANCH)).toHaveCount(0);
  await expect(page.getByRole('menuitem')).toHaveCount(0);
  await shoot(page, '81-lock-screen');

  // The core refuses the page's own requests too, not only the screen.
  const token = await page.locator('meta[name="branch-ledger-token"]').getAttribute('content');
  const refused = await page.request.post(`${app.baseUrl}rpc`, { headers: { 'x-branch-ledger-token': token ?? '' }, data: { method: 'members:list', input: {} } });
  expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'LOCKED' } });

  await lock.unlock('zhibu-2026');
  await expect(lock.error).toHaveText('密码不正确，请重新输入（注意大小写和输入法）');
  await expect(lock.password).toHaveValue('');
  await shoot(page, '82-lock-wrong-password');

  await lock.unlock(PASSWORD);
  await expect(page.getByRole('banner').getByText(BRANCH, { exact: true })).toBeVisible();
  const members = new MembersPage(page);
  await members.open();
  await expect(members.rows).toHaveCount(25);

  // 立即锁定 hides everything at once; the password opens it again.
  await privacy.open();
  await privacy.lockNowButton.click();
  await expect(lock.heading).toBeVisible();
  await expect(page.getByRole('menuitem')).toHaveCount(0);
  await lock.unlock(PASSWORD);
  await expect(privacy.card.getByText('已设置', { exact: true })).toBeVisible();
});

test('花名册中身份号码和电话脱敏，详情页可显示完整号码；只改备注不会动到号码', async ({ page, app }) => {
  await page.goto(app.baseUrl);
  const members = new MembersPage(page);
  await members.open();
  const id = await members.cell('陈建华', '公民身份号码');
  await expect(id).toHaveText(/^330702\*{8}\d{3}[\dX]$/);
  await expect(await members.cell('陈建华', '联系电话')).toHaveText(/^1\d{2}\*{4}\d{4}$/);
  await shoot(page, '83-members-masked');

  const detail = await members.openDetail('陈建华');
  const idFact = detail.fact('公民身份号码');
  await expect(idFact).toContainText(/^330702\*{8}/);
  await idFact.getByRole('button', { name: '显示公民身份号码' }).click();
  await expect(idFact).toContainText(/^330702\d{11}[\dX]/);
  const full = (await idFact.locator('.sensitive-value').innerText()).trim();
  await shoot(page, '84-member-revealed');
  await idFact.getByRole('button', { name: '隐藏公民身份号码' }).click();
  await expect(idFact).toContainText(/^330702\*{8}/);

  // Edit only the note: the form holds the masked number, and saving keeps the real one.
  await detail.editButton.click();
  const drawer = new MemberDrawer(page, '编辑党员信息');
  await expect(drawer.masked('公民身份号码')).toHaveValue(/^330702\*{8}/);
  await shoot(page, '85-member-edit-masked', false);
  await drawer.note.fill('经核对，身份号码无误');
  await drawer.save('陈建华');
  await expect(detail.fact('备注')).toHaveText('经核对，身份号码无误');
  await detail.fact('公民身份号码').getByRole('button', { name: '显示公民身份号码' }).click();
  await expect(detail.fact('公民身份号码').locator('.sensitive-value')).toHaveText(full);
});
