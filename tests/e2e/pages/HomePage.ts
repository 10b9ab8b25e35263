import { expect, type Locator, type Page } from '@playwright/test';
import { Shell } from './Shell';

/** 首页: 支部概况, 党员 statistics, 支委会, 党小组, 组织生活记录. */
export class HomePage {
  readonly shell: Shell;
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.shell = new Shell(page);
    this.heading = this.shell.main.getByRole('heading', { name: '首页', exact: true });
  }

  async open(): Promise<void> {
    await this.shell.menuItem('首页').click();
    await expect(this.heading).toBeVisible();
  }

  /** One Statistic ("党员总数 25 名"): the title's grandparent holds title, value and suffix. */
  statistic(title: string): Locator {
    return this.shell.main.getByText(title, { exact: true }).locator('xpath=../..');
  }

  /** A row of 支部概况 ("支部名称 : …"). */
  overview(label: string): Locator {
    return this.shell.main.getByRole('row', { name: new RegExp(`^${label} :`) });
  }

  /** The member holding a 支委会 seat (书记, 副书记, …). */
  committeeSeat(role: string): Locator {
    return this.shell.main.getByRole('rowheader', { name: role, exact: true }).locator('xpath=following-sibling::*[1]');
  }

  partyGroup(name: string): Locator {
    return this.shell.main.getByRole('listitem').filter({ has: this.page.getByRole('heading', { name, exact: true }) });
  }
}
