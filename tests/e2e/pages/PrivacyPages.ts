import { expect, type Locator, type Page } from '@playwright/test';

/** The lock screen shown instead of the app while the core is locked. */
export class LockScreen {
  readonly heading: Locator;
  readonly password: Locator;
  readonly unlockButton: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: '支部台账已锁定' });
    this.password = page.getByLabel('应用密码');
    this.unlockButton = page.getByRole('button', { name: '解锁' });
    this.error = page.locator('.lock-card .ant-form-item-explain-error');
  }

  async unlock(password: string): Promise<void> {
    await this.password.fill(password);
    await this.password.press('Enter');
  }
}

/** 设置 → 隐私与密码. */
export class PrivacySection {
  readonly card: Locator;
  readonly newPassword: Locator;
  readonly repeat: Locator;
  readonly setButton: Locator;
  readonly lockNowButton: Locator;

  constructor(readonly page: Page) {
    this.card = page.locator('#settings-privacy');
    this.newPassword = this.card.getByLabel('新密码');
    this.repeat = this.card.getByLabel('再输入一次');
    this.setButton = this.card.getByRole('button', { name: /设置密码$/ });
    this.lockNowButton = this.card.getByRole('button', { name: /立即锁定$/ });
  }

  async open(): Promise<void> {
    await this.page.getByRole('menuitem', { name: '设置' }).click();
    await expect(this.card.getByText('隐私与密码')).toBeVisible();
  }

  async setPassword(password: string): Promise<void> {
    await this.newPassword.fill(password);
    await this.repeat.fill(password);
    await this.setButton.click();
    await expect(this.page.getByText('已设置应用密码')).toBeVisible();
    await expect(this.card.getByText('已设置', { exact: true })).toBeVisible();
  }
}
