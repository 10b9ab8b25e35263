import { expect, type Locator, type Page } from '@playwright/test';
import { pickRadio } from './controls';
import { Shell } from './Shell';

/** 落实情况 (#/compliance): the year matrix of obligations × months. */
export class CompliancePage {
  readonly shell: Shell;
  readonly menuItem: Locator;
  readonly matrix: Locator;
  readonly summary: Locator;

  constructor(readonly page: Page) {
    this.shell = new Shell(page);
    this.menuItem = page.getByRole('menuitem', { name: '落实情况' });
    this.matrix = this.shell.main.getByRole('table', { name: /年落实情况$/ });
    this.summary = this.shell.main.getByTestId('compliance-summary');
  }

  heading(year: number): Locator {
    return this.shell.main.getByRole('heading', { name: `${year}年落实情况`, exact: true });
  }

  async open(): Promise<void> {
    await this.menuItem.click();
    await expect(this.matrix).toBeVisible();
  }

  async showYear(year: number): Promise<void> {
    await pickRadio(this.shell.main.getByRole('radio', { name: `${year}年`, exact: true }));
    await expect(this.heading(year)).toBeVisible();
    await expect(this.matrix).toHaveAccessibleName(`${year}年落实情况`);
  }

  /** The cell of a row (“支部委员会会议”, “党小组会 · 第二党小组（生产与管理）”) for a period (“2025年8月”, “2025年第3季度”). */
  cell(row: string, period: string): Locator {
    return this.matrix.getByRole('cell', { name: `${row} ${period}：` });
  }

  /** Cells of a status (done, due, overdue, upcoming, notApplicable). */
  cellsWithStatus(status: string): Locator {
    return this.matrix.locator(`td[data-status="${status}"]`);
  }
}
