import type { Locator, Page } from '@playwright/test';
import { Shell } from './Shell';

/** 首页's 待办与提醒 row: 本月待办, 提醒, 整改事项, 年度落实情况. */
export class HomeDashboard {
  readonly shell: Shell;
  readonly obligations: Locator;
  readonly reminders: Locator;
  readonly rectifications: Locator;
  readonly completion: Locator;
  /** Open periods of this month, quarter, half-year and year (剩余 N 天). */
  readonly due: Locator;
  /** Missed periods, one line per obligation (and 党小组). */
  readonly missed: Locator;
  readonly allClear: Locator;

  constructor(readonly page: Page) {
    this.shell = new Shell(page);
    const main = this.shell.main;
    this.obligations = main.getByTestId('attention-obligations');
    this.reminders = main.getByTestId('attention-reminders');
    this.rectifications = main.getByTestId('attention-rectifications');
    this.completion = main.getByTestId('attention-completion');
    this.due = this.obligations.getByTestId('attention-due');
    this.missed = this.obligations.getByTestId('attention-missed');
    this.allClear = this.obligations.getByTestId('attention-all-clear');
  }

  /** One year's block of 年度落实情况. */
  year(year: number): Locator {
    return this.completion.getByRole('region', { name: `${year}年落实情况` });
  }
}
