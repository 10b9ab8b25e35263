import { expect, type Locator, type Page } from '@playwright/test';
import { Shell } from './Shell';

/** 参加组织生活情况 (#/participation?year=…): the member × month grid with totals and export. */
export class ParticipationPage {
  readonly shell: Shell;
  readonly grid: Locator;
  readonly exportButton: Locator;

  constructor(readonly page: Page) {
    this.shell = new Shell(page);
    this.grid = this.shell.main.locator('.participation-grid');
    this.exportButton = this.shell.main.getByRole('button', { name: /导出 Excel/ });
  }

  heading(year: number): Locator {
    return this.shell.main.getByRole('heading', { name: `${year}年党员参加组织生活情况` });
  }

  /** One member's row of the grid. */
  row(name: string): Locator {
    return this.grid.locator('tbody tr').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  /** The month's symbol, found by what it says ("何俊 2025年10月：缺席…"). */
  month(name: string, year: number, month: number): Locator {
    return this.row(name).locator(`[aria-label^="${name} ${year}年${month}月："]`);
  }

  async chooseYear(year: number): Promise<void> {
    await this.shell.main.getByRole('radiogroup', { name: '年度' }).getByText(`${year}年`, { exact: true }).click();
    await expect(this.heading(year)).toBeVisible();
  }
}
