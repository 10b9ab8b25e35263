import { expect, test } from './fixtures';
import { isoMonthsFromToday, pickRadio } from './pages/controls';
import { MembersPage } from './pages/MembersPage';
import { shoot } from './screens';

const PROBATION_MESSAGE = '入党未满一年，应为预备党员';

test.describe('错误输入', () => {
  test.use({ seed: 'demo' });

  test('入党不满一年又未填转正时间的“正式党员”被服务端拒绝，不保存', async ({ page, app }) => {
    await page.goto(app.baseUrl);
    const members = new MembersPage(page);
    await members.open();
    await expect(members.summary).toHaveText('共 25 名党员，其中正式党员 22 名、预备党员 3 名');

    const drawer = await members.startNew();
    await drawer.fill({ name: '周新民', gender: '男', admittedOn: isoMonthsFromToday(-3), category: '正式党员' });
    await drawer.saveButton.click();

    await expect(drawer.dialog.getByText(PROBATION_MESSAGE)).toBeVisible();
    await expect(drawer.categoryGroup).toHaveAccessibleDescription(PROBATION_MESSAGE);
    await expect(drawer.dialog).toBeVisible();
    await shoot(page, '07-member-drawer-refused', false);
    await expect(page.getByText('已保存：周新民')).toHaveCount(0);
    await expect(members.summary).toHaveText('共 25 名党员，其中正式党员 22 名、预备党员 3 名');
    await expect(members.row('周新民')).toHaveCount(0);

    // Choosing 预备党员 is what the message asks for; now it saves.
    await pickRadio(drawer.category('预备党员'));
    await drawer.save('周新民');
    await expect(members.summary).toHaveText('共 26 名党员，其中正式党员 22 名、预备党员 4 名');
    await expect(await members.cell('周新民', '党员类别')).toHaveText('预备党员');
  });

  test('没有会话令牌或来自其他网页的 /rpc 请求被拒绝（403）', async ({ page, app, request }) => {
    await page.goto(app.baseUrl);
    const token = await page.locator('meta[name="branch-ledger-token"]').getAttribute('content');
    expect(token).toBeTruthy();
    const rpc = `${app.baseUrl}rpc`;
    const intruder = { method: 'members:create', input: { name: '冒名者', gender: 'male', category: 'full' } };

    const noToken = await request.post(rpc, { data: intruder });
    expect(noToken.status()).toBe(403);
    expect(await noToken.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const wrongToken = await request.post(rpc, { data: intruder, headers: { 'x-branch-ledger-token': `${token}x` } });
    expect(wrongToken.status()).toBe(403);
    expect(await wrongToken.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const foreignOrigin = await request.post(rpc, {
      data: intruder,
      headers: { 'x-branch-ledger-token': token!, origin: 'http://evil.example' },
    });
    expect(foreignOrigin.status()).toBe(403);
    expect(await foreignOrigin.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // The same token from our own origin works, and nothing was written by the refused calls.
    const list = await request.post(rpc, {
      data: { method: 'members:list', input: {} },
      headers: { 'x-branch-ledger-token': token!, origin: app.baseUrl.replace(/\/$/, '') },
    });
    expect(list.status()).toBe(200);
    const body = (await list.json()) as { ok: boolean; value: { name: string }[] };
    expect(body.ok).toBe(true);
    expect(body.value).toHaveLength(25);
    expect(body.value.map((member) => member.name)).not.toContain('冒名者');
  });
});
