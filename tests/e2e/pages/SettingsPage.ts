import { expect, type Locator, type Page } from '@playwright/test';
import { pickRadio } from './controls';
import { Shell } from './Shell';

/** 设置 (#/settings): 组织生活规则 (rule packs, their rules, the branch's adjustments). */
export class SettingsPage {
  readonly shell: Shell;
  readonly heading: Locator;
  readonly rulesCard: Locator;
  readonly ruleTable: Locator;

  constructor(readonly page: Page) {
    this.shell = new Shell(page);
    this.heading = this.shell.main.getByRole('heading', { name: '设置', exact: true });
    this.rulesCard = this.shell.main.locator('#settings-rules');
    this.ruleTable = this.shell.main.getByTestId('rule-table');
  }

  async open(): Promise<void> {
    await this.page.getByRole('menuitem', { name: '设置' }).click();
    await expect(this.heading).toBeVisible();
    await expect(this.ruleTable).toBeVisible();
  }

  packRadio(name: string): Locator {
    return this.rulesCard.getByRole('radio', { name: new RegExp(`^${name}`) });
  }

  async choosePack(name: string): Promise<void> {
    await pickRadio(this.packRadio(name));
    await expect(this.shell.main.getByRole('heading', { name: `“${name}”的规则` })).toBeVisible();
  }

  /** The rules table row whose 类型 cell starts with `label` (党课, not 书记讲党课). */
  rule(label: string): Locator {
    return this.ruleTable.getByRole('row').filter({ has: this.page.locator('.rule-label').getByText(label, { exact: true }) });
  }

  async editRule(label: string): Promise<Locator> {
    await this.ruleTable.getByRole('button', { name: `修改${label}`, exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: `调整规则：${label}` });
    await expect(dialog).toBeVisible();
    return dialog;
  }
}
