import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { MembersPage } from './pages/MembersPage';
import { Shell } from './pages/Shell';
import { shoot } from './screens';
import { makeDataDir, removeDataDir, seedDemo, ServeProcess } from './server';

test.use({ seed: 'demo' });

async function openDataSafety(page: import('@playwright/test').Page) {
  await page.getByRole('menuitem', { name: '设置' }).click();
  const card = page.locator('#settings-data-safety');
  await expect(card.getByTestId('backup-folder')).toBeVisible();
  await card.scrollIntoViewIfNeeded();
  return card;
}

test('数据安全：立即备份，改一个党员的名字，从备份恢复，看到原来的名字；恢复前的数据也留有备份', async ({ page, app }) => {
  await page.goto(app.baseUrl);
  const shell = new Shell(page);
  let card = await openDataSafety(page);
  // The server's start was the first of the day: a daily backup is already there, verified.
  const daily = card.getByRole('row').filter({ hasText: '每日自动备份' });
  await expect(daily).toContainText('已校验');
  await expect(daily).toContainText('党员 25 人');

  await card.getByRole('button', { name: '立即备份' }).click();
  await expect(shell.toast(/已备份并校验/)).toBeVisible();
  const manual = card.getByRole('row').filter({ hasText: '手动备份' });
  await expect(manual).toContainText('已校验');
  await expect(shell.toast(/已备份并校验/)).toBeHidden();
  await shoot(page, '80-data-safety');

  const members = new MembersPage(page);
  await members.open();
  const drawer = await members.openEdit('王丽萍');
  await drawer.name.fill('王丽萍（改名）');
  await drawer.save('王丽萍（改名）');
  await expect(members.row('王丽萍（改名）')).toBeVisible();

  card = await openDataSafety(page);
  await manual.getByRole('button', { name: /^恢复/ }).click();
  const dialog = page.getByRole('dialog', { name: '从备份恢复' });
  await expect(dialog.getByText('已校验')).toBeVisible();
  await expect(dialog).toContainText('党员 25 人');
  await expect(dialog).toContainText('中共浙江金帆智能科技有限公司支部委员会');
  await expect(dialog).toContainText('恢复前会自动备份当前数据');
  await shoot(page, '81-restore-confirm', false);
  await dialog.getByRole('button', { name: '确认恢复' }).click();
  await expect(page.getByRole('dialog', { name: '数据已恢复' })).toBeVisible();
  await expect(page.getByText(/恢复前的数据已自动备份/)).toBeVisible();

  // The page reopens on the restored data.
  await page.waitForEvent('load');
  await members.open();
  await expect(members.row('王丽萍')).toBeVisible();
  await expect(members.row('王丽萍（改名）')).toHaveCount(0);
  card = await openDataSafety(page);
  await expect(card.getByRole('row').filter({ hasText: '恢复数据前' })).toContainText('已校验');
});

test('交接包：设置密码导出，用错误的密码导入时明确提示且不改动数据', async ({ page, app }) => {
  await page.goto(app.baseUrl);
  const card = await openDataSafety(page);
  await card.getByRole('button', { name: '导出交接包' }).click();
  const exportDialog = page.getByRole('dialog', { name: '导出交接包' });
  await exportDialog.getByLabel('设置密码').fill('short');
  await expect(exportDialog.getByTestId('password-strength')).toHaveText('密码强度：太短（至少 8 位）');
  await exportDialog.getByLabel('设置密码').fill('Jinfan#2026交接');
  await expect(exportDialog.getByTestId('password-strength')).toHaveText('密码强度：强');
  await exportDialog.getByLabel('再输入一次密码').fill('Jinfan#2026交接');
  await shoot(page, '82-handover-export', false);
  await exportDialog.getByRole('button', { name: '导出', exact: true }).click();
  await expect(exportDialog.getByText('交接包已导出')).toBeVisible({ timeout: 30_000 });
  const path = (await exportDialog.locator('.data-safety-path').innerText()).trim();
  expect(path).toMatch(/支部台账交接包_.+\.handover$/);
  await exportDialog.getByRole('button', { name: '完成' }).click();

  await card.getByRole('button', { name: '导入交接包' }).click();
  const importDialog = page.getByRole('dialog', { name: '导入交接包' });
  await importDialog.getByRole('radio', { name: /填写文件位置/ }).check();
  await importDialog.getByLabel('交接包文件位置').fill(path);
  await importDialog.getByLabel('密码').fill('wrong-password');
  await importDialog.getByRole('button', { name: '检查交接包' }).click();
  await expect(importDialog.getByText(/密码不正确/)).toBeVisible({ timeout: 30_000 });
  await shoot(page, '83-handover-wrong-password', false);

  await importDialog.getByLabel('密码').fill('Jinfan#2026交接');
  await importDialog.getByRole('button', { name: '检查交接包' }).click();
  await expect(importDialog).toContainText('党员 25 人', { timeout: 30_000 });
  await expect(importDialog).toContainText('本机当前的数据将被交接包中的数据替换');
  await expect(importDialog.getByRole('button', { name: '替换当前数据并导入' })).toBeVisible();
  await shoot(page, '84-handover-import-check', false);
});

test('数据文件损坏：软件不报错退出，而是提供从最新的完好备份恢复', async ({ page }) => {
  const dataDir = await makeDataDir();
  const server = new ServeProcess(dataDir);
  try {
    await seedDemo(dataDir);
    await server.start(); // takes the day's backup
    await server.stop();
    // Noise over the pages after the schema (the header stays): the integrity check fails at start.
    const file = join(dataDir, 'branch-ledger.sqlite3');
    const bytes = readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    for (let offset = pageSize * 2; offset < bytes.length; offset += 7) bytes[offset] = (offset * 31) & 0xff;
    writeFileSync(file, bytes);

    const url = await server.start();
    await page.goto(url);
    await expect(page.getByText('数据文件损坏', { exact: true })).toBeVisible();
    expect(server.log.join('')).toContain('恢复模式');
    await shoot(page, '85-damaged-start');
    await page.getByRole('button', { name: /从最新的完好备份恢复/ }).click();
    const dialog = page.getByRole('dialog', { name: '从备份恢复' });
    await expect(dialog).toContainText('损坏的数据文件会另存一份');
    await dialog.getByRole('button', { name: '确认恢复' }).click();
    await expect(page.getByText(/损坏的数据文件已另存为/)).toBeVisible();
    await page.waitForEvent('load');
    const members = new MembersPage(page);
    await members.open();
    await expect(members.row('王丽萍')).toBeVisible();
  } finally {
    await server.stop();
    await removeDataDir(dataDir);
  }
});
