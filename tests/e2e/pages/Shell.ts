import { type Locator, type Page } from '@playwright/test';

/** The frame around every page: left menu and header with the branch name. */
export class Shell {
  readonly header: Locator;
  readonly modeTag: Locator;
  readonly main: Locator;

  constructor(readonly page: Page) {
    this.header = page.getByRole('banner');
    this.modeTag = this.header.getByText('浏览器模式', { exact: true });
    this.main = page.getByRole('main');
  }

  branchName(name: string): Locator {
    return this.header.getByText(name, { exact: true });
  }

  menuItem(label: '首页' | '党员花名册' | '组织生活' | '组织建设'): Locator {
    return this.page.getByRole('menuitem', { name: label });
  }

  /** The success or error message antd shows at the top of the window. */
  toast(text: string | RegExp): Locator {
    return this.page.getByText(text);
  }
}
