import { expect, type Locator, type Page } from '@playwright/test';
import { pickOption } from './controls';

/** 五星三强自评: the year page (#/assessments) and one assessment (#/assessments/:id). */
export class AssessmentPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('menuitem', { name: '五星三强' }).click();
    await expect(this.page.getByRole('heading', { name: '五星三强自评' })).toBeVisible();
  }

  async start(year: number): Promise<void> {
    await pickOption(this.page.getByLabel('年度', { exact: true }), `${year} 年度`);
    await this.page.getByRole('button', { name: `开始 ${year} 年度自评` }).click();
    await expect(this.page).toHaveURL(/#\/assessments\/\d+$/);
    await expect(this.page.getByRole('heading', { name: `${year} 年度自评` })).toBeVisible();
  }

  get summary(): Locator {
    return this.page.getByTestId('assessment-summary');
  }

  get problems(): Locator {
    return this.page.getByTestId('assessment-problems');
  }

  get saveState(): Locator {
    return this.page.getByTestId('save-state');
  }

  /** The table row of one indicator, by its id in the template. */
  row(indicatorId: string): Locator {
    return this.page.locator('tr', { has: this.page.locator(`#indicator-${indicatorId}`) });
  }

  async openEvidence(indicatorId: string): Promise<Locator> {
    await this.row(indicatorId).getByRole('button', { name: /^佐证/ }).click();
    const drawer = this.page.getByTestId('evidence-drawer');
    await expect(drawer).toBeVisible();
    return drawer;
  }

  /**
   * Answers every indicator the records cannot score (需手工评分) the way a branch that met it would:
   * 是, the best 档次, 100%, the target count, no problems found.
   */
  async answerManualIndicators(): Promise<number> {
    const rows = this.page.locator('tr').filter({ hasText: '需手工评分' });
    const count = await rows.count();
    for (let index = 0; index < count; index += 1) {
      const row = rows.nth(index);
      const yesNo = row.locator('.ant-segmented');
      const grade = row.getByLabel(/：档次$/);
      const ratio = row.getByLabel(/：比例$/);
      const number = row.getByLabel(/：(次数|问题处数|加分项数)$/);
      if (await yesNo.count()) {
        await yesNo.getByText('是', { exact: true }).click();
      } else if (await grade.count()) {
        await grade.click();
        const dropdown = this.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
        await dropdown.locator('.ant-select-item-option').first().click();
        await expect(dropdown).toBeHidden();
      } else if (await ratio.count()) {
        await ratio.fill('100');
        await ratio.press('Tab');
      } else if (await number.count()) {
        const target = (await row.textContent())?.match(/目标 (\d+)/)?.[1];
        const label = await number.getAttribute('aria-label');
        await number.fill(label?.endsWith('次数') ? (target ?? '1') : '0');
        await number.press('Tab');
      }
    }
    return count;
  }
}
