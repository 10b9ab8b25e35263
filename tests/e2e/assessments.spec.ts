import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { todayIso } from '../../src/shared/domain/dates';
import { expect, test } from './fixtures';
import { AssessmentPage } from './pages/AssessmentPage';
import { downloadDocx } from './pages/downloads';
import { shoot } from './screens';

test.use({ seed: 'demo' });

test('五星三强：开始示例年度自评，查看佐证记录，改分并写理由，提交锁定，导出打分表和自评报告', async ({ page, app }) => {
  // The demo branch's records are of the year before this one; its 支委会 missed August (11 of 12).
  const demoYear = Number(todayIso().slice(0, 4)) - 1;
  await page.goto(app.baseUrl);
  const assessment = new AssessmentPage(page);
  await assessment.open();
  await expect(page.getByTestId('start-card')).toContainText('所选为参考模板');
  await shoot(page, '50-assessments-start');
  await assessment.start(demoYear);

  // The proposal from the records: 支委会 11 of 12, with the 11 records behind it.
  const committee = assessment.row('leadership-committee-meeting');
  await expect(committee).toContainText('11');
  const drawer = await assessment.openEvidence('leadership-committee-meeting');
  await expect(drawer).toContainText('依据的会议记录（11 条）');
  await expect(drawer).toContainText('8月未开');
  await shoot(page, '51-assessment-evidence', false);
  // A record behind the proposal opens; coming back finds the assessment as it was.
  await drawer.getByRole('link').first().click();
  await expect(page).toHaveURL(/#\/meetings\/\d+$/);
  await expect(page.getByText('支部委员会会议').first()).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { name: `${demoYear} 年度自评` })).toBeVisible();

  // Nothing can be submitted while indicators are unscored; the list names them.
  await expect(assessment.problems).toContainText('尚未评分');
  await expect(page.getByRole('button', { name: '提交' })).toBeDisabled();

  // Override the 支委会 score: without a note it is flagged, with one it is accepted.
  const score = committee.getByLabel(/：得分$/);
  await score.fill('6');
  await score.press('Tab');
  const note = committee.getByLabel(/：说明$/);
  await expect(note).toHaveAttribute('placeholder', '得分与建议不同，请写明理由');
  await note.fill('8月因厂区搬迁未开，9月补开一次但议题未涉及8月事项，酌减');
  const answered = await assessment.answerManualIndicators();
  expect(answered).toBeGreaterThan(10);
  await expect(assessment.saveState).toHaveText('已自动保存', { timeout: 15_000 });
  await expect(assessment.problems).toBeHidden();
  await shoot(page, '52-assessment-filled');

  // Submit: locked, dated, recorded.
  await page.getByRole('button', { name: '提交' }).click();
  const dialog = page.getByRole('dialog', { name: `提交 ${demoYear} 年度自评` });
  await expect(dialog).toContainText('提交后自评将锁定');
  await shoot(page, '53-assessment-submit', false);
  await dialog.getByRole('button', { name: '提交' }).click();
  await expect(page.getByText('已提交', { exact: true }).first()).toBeVisible();
  await expect(committee.getByLabel(/：得分$/)).toHaveCount(0);
  await expect(committee.getByRole('cell').nth(5)).toHaveText('6');
  await expect(page.getByTestId('history-card')).toContainText('提交');
  await shoot(page, '54-assessment-submitted');

  // 自评打分表: the overridden score and its note are in the sheet.
  const [sheetFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出打分表' }).click()]);
  expect(sheetFile.suggestedFilename()).toMatch(/自评打分表\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(await sheetFile.path()) as unknown as ArrayBuffer);
  const cells: string[] = [];
  workbook.worksheets[0].eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text))));
  expect(cells.some((text) => text.includes('8月因厂区搬迁未开'))).toBe(true);

  // 自评报告 in the 公文 layout: the title names the year and the score table is there.
  const report = await downloadDocx(page, () => page.getByRole('button', { name: /导出自评报告/ }).click());
  expect(report.name).toMatch(/自评报告\.docx$/);
  expect(report.paragraphs.join('\n')).toContain(`${demoYear}年度`);
  expect(report.tables.length).toBeGreaterThan(0);

  // The year list compares years and shows the submitted one.
  await assessment.open();
  await expect(page.getByTestId('assessment-years')).toContainText(`${demoYear} 年度`);
  await expect(page.getByTestId('assessment-years')).toContainText('已提交');
  await shoot(page, '55-assessments-years');
});

test('五星三强：已提交的自评须写明原因才能重新打开，原因记入办理记录；可登记审核结果', async ({ page, app }) => {
  const demoYear = Number(todayIso().slice(0, 4)) - 1;
  await page.goto(app.baseUrl);
  const assessment = new AssessmentPage(page);
  await assessment.open();
  await assessment.start(demoYear);
  await assessment.answerManualIndicators();
  await expect(assessment.problems).toBeHidden({ timeout: 15_000 });
  await page.getByRole('button', { name: '提交' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '提交' }).click();
  await expect(page.getByText('已提交', { exact: true }).first()).toBeVisible();

  await page.getByRole('button', { name: '登记审核结果' }).click();
  const review = page.getByRole('dialog', { name: '登记审核结果' });
  await review.getByLabel('审核得分').fill('88');
  await review.getByLabel('审核意见').fill('组织生活规范，佐证材料齐全');
  await review.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('review-card')).toContainText('88');
  await expect(page.getByText('已审核', { exact: true }).first()).toBeVisible();

  await page.getByRole('button', { name: '重新打开' }).click();
  const reopen = page.getByRole('dialog', { name: '重新打开自评' });
  await reopen.getByRole('button', { name: '重新打开' }).click();
  await expect(reopen).toContainText('请写明重新打开的原因');
  await reopen.getByLabel('重新打开的原因').fill('街道党工委指出谈心谈话佐证不足，补充后重新提交');
  await reopen.getByRole('button', { name: '重新打开' }).click();
  await expect(page.getByText('草稿', { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId('history-card')).toContainText('重新打开：街道党工委指出谈心谈话佐证不足');
  await shoot(page, '56-assessment-reopened');
});
