import { expect, type Locator, type Page } from '@playwright/test';
import { fillDate, pickOption } from './controls';
import { MemberDrawer } from './MembersPage';
import { Shell } from './Shell';

export interface MemberEventForm {
  /** The label in the 变动类型 list, e.g. 外出流动. */
  kind: string;
  /** Leave out to keep the proposed date (today). */
  occurredOn?: string;
  /** 流向 / 转往 / 转入来源 text, for the kinds that have one. */
  detail?: string;
  untilOn?: string;
  note?: string;
}

/** 党员详情 (#/members/:id): tags, facts, 党籍变动记录 and the 登记变动 dialog. */
export class MemberDetailPage {
  readonly shell: Shell;
  readonly tags: Locator;
  readonly editButton: Locator;
  readonly registerButton: Locator;
  /** The entries of the history timeline, oldest first. */
  readonly history: Locator;
  readonly eventDialog: EventDialog;

  constructor(readonly page: Page) {
    this.shell = new Shell(page);
    const main = this.shell.main;
    const title = main.locator('.page-title');
    this.tags = title.locator('.member-tags');
    // Icon buttons are named with the icon too ("edit 编辑"); match the label at the end.
    this.editButton = title.getByRole('button', { name: /编辑$/ });
    this.registerButton = title.getByRole('button', { name: /登记变动$/ });
    this.history = main.getByTestId('history-item');
    this.eventDialog = new EventDialog(page);
  }

  heading(name: string): Locator {
    return this.shell.main.getByRole('heading', { name, exact: true });
  }

  tag(text: string | RegExp): Locator {
    return this.tags.getByText(text, { exact: typeof text === 'string' });
  }

  /** The value next to a label of 基本信息. */
  fact(label: string): Locator {
    return this.shell.main.getByRole('rowheader', { name: label, exact: true }).locator('xpath=following-sibling::*[1]');
  }

  historyItem(label: string): Locator {
    return this.history.filter({ has: this.page.getByText(label, { exact: true }) });
  }

  async edit(name: string): Promise<MemberDrawer> {
    await this.editButton.click();
    const drawer = new MemberDrawer(this.page, '编辑党员信息');
    await expect(drawer.name).toHaveValue(name);
    return drawer;
  }

  async openRegister(): Promise<EventDialog> {
    await this.registerButton.click();
    await expect(this.eventDialog.dialog).toBeVisible();
    return this.eventDialog;
  }

  /** Registers one change and waits for the 已登记 message. */
  async register(form: MemberEventForm): Promise<void> {
    const dialog = await this.openRegister();
    await dialog.fill(form);
    await dialog.submit(form.kind);
  }

  /** Deletes a history entry through its confirmation; the caller checks the outcome. */
  async deleteEvent(label: string): Promise<void> {
    await this.historyItem(label).getByRole('button', { name: '删除' }).click();
    await this.page.locator('.ant-popconfirm').getByRole('button', { name: '删除', exact: true }).click();
  }
}

/** The 登记变动 dialog. */
export class EventDialog {
  readonly dialog: Locator;
  readonly kind: Locator;
  readonly occurredOn: Locator;
  readonly note: Locator;
  readonly recordedBy: Locator;
  readonly okButton: Locator;
  readonly cancelButton: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: /^登记变动：/ });
    this.kind = this.dialog.getByRole('combobox', { name: '变动类型' });
    this.occurredOn = this.dialog.getByRole('textbox', { name: '发生日期' });
    this.note = this.dialog.getByRole('textbox', { name: '备注' });
    this.recordedBy = this.dialog.getByRole('textbox', { name: '登记人' });
    this.okButton = this.dialog.getByRole('button', { name: '登记', exact: true });
    this.cancelButton = this.dialog.getByRole('button', { name: '取消', exact: true });
  }

  /** The 流向 / 转往 / 转入来源 field, labelled by kind. */
  detail(label: RegExp): Locator {
    return this.dialog.getByRole('textbox', { name: label });
  }

  /** The end-date field (察看期至, 预备期延长至). */
  untilOn(label: string): Locator {
    return this.dialog.getByRole('textbox', { name: label, exact: true });
  }

  quickButton(label: string): Locator {
    return this.dialog.getByRole('button', { name: label, exact: true });
  }

  async fill(form: MemberEventForm): Promise<void> {
    await pickOption(this.kind, form.kind);
    if (form.occurredOn) await fillDate(this.occurredOn, form.occurredOn);
    if (form.detail !== undefined) await this.dialog.getByRole('textbox', { name: /^(流向|转往|转入来源|失联情况)/ }).fill(form.detail);
    if (form.untilOn) await fillDate(this.dialog.getByRole('textbox', { name: /至$/ }), form.untilOn);
    if (form.note !== undefined) await this.note.fill(form.note);
  }

  /** Saves and waits for the 已登记 message naming the kind. */
  async submit(kind: string): Promise<void> {
    await this.okButton.click();
    await expect(this.page.getByText(new RegExp(`^已登记：.+ ${kind}$`))).toBeVisible();
    await expect(this.dialog).toBeHidden();
  }

  async cancel(): Promise<void> {
    await this.cancelButton.click();
    await expect(this.dialog).toBeHidden();
  }
}
