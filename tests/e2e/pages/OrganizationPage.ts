import { expect, type Locator, type Page } from '@playwright/test';
import { fillDate, pickOption } from './controls';
import { Shell } from './Shell';

/** 组织建设 (#/organization): 支部信息, 支部委员会 (terms and seats), 党小组. */
export class OrganizationPage {
  readonly shell: Shell;
  readonly heading: Locator;
  readonly committeeCard: Locator;
  readonly groupsCard: Locator;
  readonly electionButton: Locator;
  readonly newGroupButton: Locator;
  readonly showDissolved: Locator;

  constructor(readonly page: Page) {
    this.shell = new Shell(page);
    const main = this.shell.main;
    this.heading = main.getByRole('heading', { name: '组织建设', exact: true });
    this.committeeCard = this.card('支部委员会');
    this.groupsCard = this.card('党小组');
    this.electionButton = this.committeeCard.getByRole('button', { name: /换届$/ });
    this.newGroupButton = this.groupsCard.getByRole('button', { name: /新建党小组$/ });
    this.showDissolved = this.groupsCard.getByRole('checkbox', { name: '显示已撤销的党小组' });
  }

  async open(): Promise<void> {
    await this.shell.menuItem('组织建设').click();
    await expect(this.heading).toBeVisible();
    await expect(this.committeeCard.getByText(/^第\d+届支部委员会$/).first()).toBeVisible();
  }

  /** A top-level card by its exact title (inner cards of the terms are not matched). */
  card(title: string): Locator {
    return this.shell.main
      .locator('.ant-card:not(.ant-card-type-inner)')
      .filter({ has: this.page.locator(':scope > .ant-card-head .ant-card-head-title').getByText(title, { exact: true }) });
  }

  term(seq: number): Locator {
    return this.shell.main.getByTestId(`term-${seq}`);
  }

  /** The seat row of a term whose 职务 cell is `role`. */
  seat(seq: number, role: string): Locator {
    return this.term(seq).getByRole('row').filter({ has: this.page.getByRole('cell', { name: role, exact: true }) });
  }

  group(name: string): Locator {
    return this.groupsCard.getByRole('row').filter({ has: this.page.getByRole('cell', { name: new RegExp(`^${escapeRegExp(name)}`) }) });
  }

  dialog(title: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name: title });
  }

  async createGroup(name: string): Promise<void> {
    await this.newGroupButton.click();
    const dialog = this.dialog('新建党小组');
    await dialog.getByRole('textbox', { name: '党小组名称' }).fill(name);
    await dialog.getByRole('button', { name: '保存', exact: true }).click();
    await expect(this.page.getByText(`已新建：${name}`)).toBeVisible();
    await expect(dialog).toBeHidden();
  }

  async setLeader(group: string, leader: string): Promise<void> {
    await this.group(group).getByRole('button', { name: '编辑', exact: true }).click();
    const dialog = this.dialog(`编辑党小组：${group}`);
    await pickOption(dialog.getByRole('combobox', { name: '组长' }), leader);
    await dialog.getByRole('button', { name: '保存', exact: true }).click();
    await expect(this.page.getByText(`已保存：${group}`)).toBeVisible();
    await expect(dialog).toBeHidden();
  }

  /** Opens 撤销 for a group and confirms; returns the dialog (still open when the service refuses). */
  async dissolveGroup(group: string, on?: string): Promise<Locator> {
    await this.group(group).getByRole('button', { name: '撤销', exact: true }).click();
    const dialog = this.dialog(`撤销党小组：${group}`);
    if (on) await fillDate(dialog.getByRole('textbox', { name: '撤销日期' }), on);
    await dialog.getByRole('button', { name: '撤销', exact: true }).click();
    return dialog;
  }

  /** 换届: opens the dialog; the caller checks the proposed values and saves. */
  async openElection(): Promise<Locator> {
    await this.electionButton.click();
    const dialog = this.dialog('换届：登记新一届支部委员会');
    await expect(dialog).toBeVisible();
    return dialog;
  }

  async addSeat(seq: number, member: string, role: string): Promise<void> {
    await this.term(seq).getByRole('button', { name: /添加委员$/ }).click();
    const dialog = this.dialog(`添加第${seq}届支委会委员`);
    await pickOption(dialog.getByRole('combobox', { name: '党员' }), member, member);
    await pickOption(dialog.getByRole('combobox', { name: '职务' }), role);
    await dialog.getByRole('button', { name: '保存', exact: true }).click();
    await expect(this.page.getByText(`已添加：${role} ${member}`)).toBeVisible();
    await expect(dialog).toBeHidden();
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
