import { todayIso } from '../../src/shared/domain/dates';
import { expect, test } from './fixtures';
import { fillDate, pickOption, pickRadio } from './pages/controls';
import { downloadDocx } from './pages/downloads';
import { MeetingsPage } from './pages/MeetingsPage';
import { shoot } from './screens';

test.use({ seed: 'demo' });

const REVIEW_TOPIC = '2025年度组织生活会暨民主评议党员';
const demoYear = Number(todayIso().slice(0, 4)) - 1;

async function openReviewMeeting(page: import('@playwright/test').Page) {
  const meetings = new MeetingsPage(page);
  await meetings.open();
  await meetings.showYear(demoYear);
  await meetings.row(REVIEW_TOPIC).getByRole('link', { name: REVIEW_TOPIC }).click();
  await expect(page.getByRole('heading', { name: REVIEW_TOPIC, exact: true })).toBeVisible();
}

test('民主评议：22 名正式党员中评 8 名优秀被拒绝并说明原因，改为 7 名后保存；预备党员不评定等次', async ({ page, app }) => {
  await page.goto(app.baseUrl);
  await openReviewMeeting(page);
  const card = page.getByTestId('democratic-review-card');
  const counts = card.getByTestId('review-counts');
  await expect(counts).toContainText('参评正式党员 22 名');
  await expect(counts).toContainText('尚未保存：默认均为合格');
  await expect(card.getByTestId('review-not-graded')).toContainText('宋佳、郑浩、谢雨萱：预备党员参加评议，但不评定等次');

  const rows = card.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows).toHaveCount(22);
  for (let index = 0; index < 8; index += 1) await pickRadio(rows.nth(index).getByRole('radio', { name: '优秀', exact: true }));
  await expect(counts).toContainText('优秀 8 名（最多 7 名）');
  await expect(card.getByTestId('review-cap')).toHaveText('评为“优秀”的 8 名，超过参加评定的正式党员 22 名的三分之一（最多 7 名），请将其中 1 名改评为其他等次。');

  // Saving anyway is refused by the service, and nothing is stored.
  await card.getByRole('button', { name: '保存评议结果' }).click();
  await expect(page.getByText(/^民主评议结果未保存：评为“优秀”的 8 名/)).toBeVisible();
  await expect(card.getByTestId('review-error-bottom')).toContainText('最多 7 名');
  await page.screenshot({ path: 'test-results/screens/27-democratic-review-refused.png', animations: 'disabled' });
  await page.reload();
  await expect(page.getByTestId('democratic-review-card').getByTestId('review-counts')).toContainText('尚未保存');

  // Seven 优秀, one 基本合格 with its 处置意见; the last change made with the keyboard.
  for (let index = 0; index < 7; index += 1) await pickRadio(rows.nth(index).getByRole('radio', { name: '优秀', exact: true }));
  const eighth = rows.nth(7);
  await pickRadio(eighth.getByRole('radio', { name: '合格', exact: true }));
  await eighth.getByRole('radio', { name: '合格', exact: true }).press('ArrowRight');
  await expect(eighth.getByRole('radio', { name: '基本合格', exact: true })).toBeChecked();
  await expect(counts).toContainText('优秀 7 名（最多 7 名）');
  await expect(card.getByTestId('review-cap')).toHaveCount(0);
  await eighth.getByRole('textbox', { name: /处置意见$/ }).fill('批评教育，限期改正');
  await card.getByRole('button', { name: '保存评议结果' }).click();
  await expect(page.getByText('已保存民主评议结果')).toBeVisible();
  await expect(counts).not.toContainText('尚未保存');
  await expect(counts).toContainText('基本合格 1 名');
  await page.reload();
  await expect(page.getByTestId('democratic-review-card').getByTestId('review-counts')).toContainText('优秀 7 名（最多 7 名）');
  await page.getByTestId('democratic-review-card').scrollIntoViewIfNeeded();
  await shoot(page, '27-democratic-review');
  await page.getByTestId('democratic-review-card').screenshot({ path: 'test-results/screens/27-democratic-review-card.png', animations: 'disabled' });

  // The saved grades as a Word table for the superior committee.
  const word = await downloadDocx(page, () => page.getByTestId('democratic-review-card').getByRole('button', { name: '导出 Word' }).click());
  expect(word.name).toMatch(/民主评议/);
  expect(word.tables.flat(2).join('')).toContain('优秀');
});

test('组织生活会：方案、两条问题和两项整改保存后，会后再勾选一项已完成', async ({ page, app }) => {
  await page.goto(app.baseUrl);
  await openReviewMeeting(page);
  const card = page.getByTestId('org-life-card');
  await card.getByRole('textbox', { name: '组织生活会方案' }).fill('会前集中学习、征求意见、开展谈心谈话、撰写对照检查材料；会上书记代表支委会对照检查，党员逐一发言、开展批评和自我批评。');
  await fillDate(card.getByRole('textbox', { name: '方案批准日期' }), `${demoYear}-11-28`);

  await card.getByRole('button', { name: /添加问题$/ }).click();
  await card.getByRole('textbox', { name: '问题1' }).fill('理论学习不够系统深入，学用结合不够紧密');
  await card.getByRole('button', { name: /添加问题$/ }).click();
  await card.getByRole('textbox', { name: '问题2' }).fill('联系服务职工群众不够经常');
  await pickOption(card.getByRole('combobox', { name: '问题类别' }).nth(1), '作风');
  await pickOption(card.getByRole('combobox', { name: '问题来源' }).nth(1), '征求意见');

  await card.getByRole('button', { name: /其余全部标为已提交$/ }).click();
  await expect(card).toContainText('已提交 25/25');

  await card.getByRole('button', { name: /添加整改事项$/ }).click();
  await card.getByRole('textbox', { name: '整改1措施' }).fill('制定年度学习计划，每月集中学习一次');
  await card.getByRole('combobox', { name: '责任人' }).nth(0).fill('张晓燕');
  await fillDate(card.getByRole('textbox', { name: '整改时限' }).nth(0), `${demoYear + 1}-03-31`);
  await card.getByRole('button', { name: /添加整改事项$/ }).click();
  await card.getByRole('textbox', { name: '整改2措施' }).fill('支委每季度走访联系党员和职工');
  await card.getByRole('combobox', { name: '责任人' }).nth(1).fill('支部委员会');
  await fillDate(card.getByRole('textbox', { name: '整改时限' }).nth(1), `${demoYear + 1}-06-30`);
  // Each measure was linked to the problem in the same position.
  await expect(card.getByTestId('rectification').nth(1)).toContainText('问题2：联系服务职工群众不够经常');
  await card.getByRole('button', { name: '保存组织生活会材料' }).click();
  await expect(page.getByText('已保存组织生活会材料')).toBeVisible();
  await expect(card).toContainText('已完成 0/2');

  // Later: back to the record, tick the first measure done.
  await page.getByRole('button', { name: '返回列表' }).click();
  await openReviewMeeting(page);
  const later = page.getByTestId('org-life-card');
  await expect(later.getByRole('textbox', { name: '整改1措施' })).toHaveValue('制定年度学习计划，每月集中学习一次');
  await later.getByRole('checkbox', { name: '整改1已完成' }).check();
  await expect(later.getByRole('textbox', { name: '完成日期' })).toHaveValue(todayIso());
  await later.getByRole('textbox', { name: '完成情况' }).fill('学习计划已印发，按月执行');
  await later.getByRole('button', { name: '保存组织生活会材料' }).click();
  await expect(page.getByText('已保存组织生活会材料')).toBeVisible();
  await page.reload();
  const reloaded = page.getByTestId('org-life-card');
  await expect(reloaded).toContainText('已完成 1/2');
  await expect(reloaded.getByRole('checkbox', { name: '整改1已完成' })).toBeChecked();
  await expect(reloaded.getByRole('checkbox', { name: '整改2已完成' })).not.toBeChecked();
  await expect(reloaded.getByRole('textbox', { name: '完成情况' })).toHaveValue('学习计划已印发，按月执行');
  await reloaded.scrollIntoViewIfNeeded();
  await shoot(page, '28-org-life');
  await reloaded.screenshot({ path: 'test-results/screens/28-org-life-card.png', animations: 'disabled' });

  // The materials as Word: the problems and 整改 measures entered above are in it.
  const word = await downloadDocx(page, () => reloaded.getByRole('button', { name: '导出 Word' }).click());
  expect(word.name).toMatch(/组织生活会/);
  const text = word.paragraphs.join('\n') + word.tables.flat(2).join('');
  expect(text).toContain('联系服务职工群众不够经常');
  expect(text).toContain('制定年度学习计划，每月集中学习一次');
});

test('谈心谈话覆盖情况：示例年度书记与支委谈话全覆盖，矩阵显示谈话日期', async ({ page, app }) => {
  await page.goto(app.baseUrl);
  const meetings = new MeetingsPage(page);
  await meetings.open();
  await meetings.showYear(demoYear);
  await page.getByRole('button', { name: '谈心谈话覆盖情况' }).click();
  await expect(page.getByRole('heading', { name: `${demoYear}年谈心谈话覆盖情况` })).toBeVisible();
  const summary = page.getByTestId('talk-summary');
  await expect(summary).toContainText('书记与支委谈话 4/4');
  await expect(summary).toContainText('支委与党员谈话 7/100');
  const matrix = page.getByRole('table', { name: '谈心谈话覆盖矩阵' });
  await expect(matrix.getByLabel(`陈建华与王丽萍：${demoYear}-11-03`)).toHaveText(/✓/);
  await expect(matrix.getByLabel('王丽萍与李志强：未谈话')).toBeVisible();
  await expect(matrix.locator('td.talk-done')).toHaveCount(22);
  await shoot(page, '29-talk-coverage');

  // A talk record shows its participants, with the way back to the matrix.
  await meetings.open();
  await meetings.showYear(demoYear);
  await meetings.row('谈心谈话：陈建华与王丽萍（征求意见、交流思想）').getByRole('link').click();
  const card = page.getByTestId('talk-card');
  await expect(card.getByRole('combobox', { name: '谈话人1' })).toHaveValue('陈建华');
  await expect(card.getByRole('combobox', { name: '谈话人2' })).toHaveValue('王丽萍');
  await card.screenshot({ path: 'test-results/screens/29-talk-card.png', animations: 'disabled' });
  await card.getByRole('link', { name: `${demoYear}年谈心谈话覆盖情况` }).click();
  await expect(page.getByTestId('talk-summary')).toContainText('书记与支委谈话 4/4');
});
