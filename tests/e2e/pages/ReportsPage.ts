import { type Locator, type Page } from '@playwright/test';
import { Shell } from './Shell';

/** 报表 (#/reports): the year, the Word layout, and one row per report with its 导出 button. */
export class ReportsPage {
  readonly shell: Shell;
  readonly heading: Locator;
  readonly menuItem: Locator;

  constructor(readonly page: Page) {
    this.shell = new Shell(page);
    this.heading = page.getByRole('heading', { name: '报表' });
    this.menuItem = page.getByRole('menuitem', { name: '报表' });
  }

  year(year: number): Locator {
    return this.shell.main.getByRole('radiogroup', { name: '年度' }).getByText(`${year}年`, { exact: true });
  }

  /** The row of a report by its key in reportCatalog.ts. */
  row(key: string): Locator {
    return this.shell.main.locator(`tr[data-report="${key}"]`);
  }

  exportButton(key: string): Locator {
    return this.row(key).getByRole('button', { name: /^导出/ });
  }
}
