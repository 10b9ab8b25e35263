import { readFileSync } from 'node:fs';
import { readDocx } from '../helpers/docx';
import { expect, test } from './fixtures';
import { Shell } from './pages/Shell';
import { shoot } from './screens';

test.use({ seed: 'demo' });

test('年度工作总结：打开示例年度的草稿，修改一段，离开再回来仍在，导出 Word 读回修改', async ({ page, app }) => {
  const demoYear = new Date().getFullYear() - 1;
  const shell = new Shell(page);
  await page.goto(`${app.baseUrl}#/reports/summary?year=${demoYear}`);
  const main = shell.main;
  await expect(main.getByRole('heading', { name: `${demoYear}年度工作总结` })).toBeVisible();
  await expect(main.getByTestId('summary-facts')).toContainText('依据 60 份组织生活记录');
  await expect(main.getByText('由记录生成的草稿')).toBeVisible();
  const basics = main.getByRole('textbox', { name: '基本情况' });
  await expect(basics).toContainText(`${demoYear}年，中共浙江金帆智能科技有限公司支部委员会在上级党组织的领导下`);
  await shoot(page, '86-year-summary');

  // One more paragraph at the top of 基本情况; saved a moment after typing stops.
  await basics.press('ControlOrMeta+Home');
  await basics.pressSequentially('支部书记带头讲党课，党员先锋岗覆盖全部生产车间。\n');
  await expect(main.getByText('修改已自动保存')).toBeVisible();

  // Away and back: the edit is kept (in the branch's data, not the page).
  await page.getByRole('menuitem', { name: '首页' }).click();
  await page.getByRole('menuitem', { name: '报表' }).click();
  await page.goto(`${app.baseUrl}#/reports/summary?year=${demoYear}`);
  await expect(main.getByRole('textbox', { name: '基本情况' })).toContainText('支部书记带头讲党课，党员先锋岗覆盖全部生产车间。');

  const [file] = await Promise.all([page.waitForEvent('download'), main.getByRole('button', { name: '导出 Word' }).click()]);
  expect(file.suggestedFilename()).toBe(`${demoYear}年度工作总结.docx`);
  const doc = await readDocx(readFileSync(await file.path()).toString('base64'));
  expect(doc.paragraphs).toContain('一、基本情况');
  const at = doc.paragraphs.indexOf('一、基本情况');
  expect(doc.paragraphs[at + 1]).toBe('支部书记带头讲党课，党员先锋岗覆盖全部生产车间。');

  // A year without records: a notice, no editor.
  await page.goto(`${app.baseUrl}#/reports/summary?year=${demoYear - 1}`);
  await expect(main.getByTestId('summary-notice')).toHaveText(`${demoYear - 1}年没有任何组织生活记录，无法生成年度工作总结。请先录入该年度的会议记录，或选择其他年度。`);
  await shoot(page, '87-year-summary-empty', false);
});

test('设置 → 文书格式：改页边距看到摘要变化，越界时提示，保存后可恢复默认', async ({ page, app }) => {
  const shell = new Shell(page);
  await page.goto(`${app.baseUrl}#/settings`);
  const section = page.locator('#settings-document-presets');
  const summary = section.getByTestId('preset-summary');
  await expect(summary).toContainText('页边距：上 37、下 35、左 28、右 26 毫米（版心 156 × 225 毫米）');
  await section.getByRole('spinbutton', { name: '上边距' }).fill('60');
  await expect(summary).toContainText('上边距应在 10–50 毫米之间');
  await expect(section.getByRole('button', { name: '保存' })).toBeDisabled();
  await section.getByRole('spinbutton', { name: '上边距' }).fill('30');
  await expect(summary).toContainText('页边距：上 30、下 35、左 28、右 26 毫米');
  await section.scrollIntoViewIfNeeded();
  await shoot(page, '88-document-presets', false);
  await section.getByRole('button', { name: '保存' }).click();
  await expect(shell.toast(/已保存公文格式（GB\/T 9704）的文书格式/)).toBeVisible();
  await expect(section.getByText('已调整')).toBeVisible();
  await section.getByRole('button', { name: '恢复默认' }).click();
  await page.getByRole('button', { name: '恢复默认' }).last().click();
  await expect(shell.toast('已恢复默认格式')).toBeVisible();
  await expect(summary).toContainText('页边距：上 37、下 35');
});
