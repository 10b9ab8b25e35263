import { expect, type Locator, type Page } from '@playwright/test';
import { fillDate, pickOption, pickRadio } from './controls';
import { MemberDetailPage } from './MemberDetailPage';
import { Shell } from './Shell';

export type CategoryLabel = '正式党员' | '预备党员';

/** 党员花名册 (#/members). */
export class MembersPage {
  readonly shell: Shell;
  readonly heading: Locator;
  readonly addButton: Locator;
  readonly search: Locator;
  readonly summary: Locator;
  readonly table: Locator;
  /** Data rows only (the header row and antd's hidden measuring row are left out). */
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.shell = new Shell(page);
    const main = this.shell.main;
    this.heading = main.getByRole('heading', { name: '党员花名册', exact: true });
    this.addButton = main.getByRole('button', { name: '新增党员' });
    this.search = main.getByRole('searchbox', { name: '按姓名搜索' });
    this.summary = main.getByText(/^(共 \d+ 名党员|符合条件 \d+ 名)/);
    this.table = main.getByRole('table');
    this.rows = this.table.getByRole('row').filter({ has: page.getByRole('cell') });
  }

  async open(): Promise<void> {
    await this.shell.menuItem('党员花名册').click();
    await expect(this.heading).toBeVisible();
    await expect(this.summary).toBeVisible();
  }

  filter(label: '全部' | CategoryLabel): Locator {
    return this.shell.main.getByRole('radio', { name: label, exact: true });
  }

  /** The table row whose 姓名 cell is exactly `name`. */
  row(name: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('cell', { name, exact: true }) });
  }

  /** Text of one column in a member's row, by the column's header. */
  async cell(name: string, column: string): Promise<Locator> {
    // After a reload the table may not be drawn yet; wait for its header before reading the columns.
    await expect(this.table.getByRole('columnheader').filter({ hasText: column }).first()).toBeVisible();
    const headers = await this.table.getByRole('columnheader').allInnerTexts();
    const index = headers.findIndex((header) => header.trim() === column);
    if (index < 0) throw new Error(`no column ${column} in ${headers.join(', ')}`);
    return this.row(name).getByRole('cell').nth(index);
  }

  async startNew(): Promise<MemberDrawer> {
    await this.addButton.click();
    const drawer = new MemberDrawer(this.page, '新增党员');
    await expect(drawer.name).toBeVisible();
    return drawer;
  }

  /** Opens the member's page (#/members/:id) by clicking the name, as a user would. */
  async openDetail(name: string): Promise<MemberDetailPage> {
    await this.row(name).getByRole('link', { name, exact: true }).click();
    const detail = new MemberDetailPage(this.page);
    await expect(detail.heading(name)).toBeVisible();
    return detail;
  }

  async openEdit(name: string): Promise<MemberDrawer> {
    await this.row(name).getByText('编辑', { exact: true }).click();
    const drawer = new MemberDrawer(this.page, '编辑党员信息');
    await expect(drawer.name).toHaveValue(name);
    return drawer;
  }
}

export interface MemberForm {
  name: string;
  idNumber?: string;
  gender?: '男' | '女';
  ethnicity?: string;
  birthDate?: string;
  education?: string;
  admittedOn?: string;
  confirmedOn?: string;
  category?: CategoryLabel;
  phone?: string;
  note?: string;
}

/** The 新增党员 / 编辑党员信息 drawer. */
export class MemberDrawer {
  readonly dialog: Locator;
  readonly name: Locator;
  readonly idNumber: Locator;
  readonly ethnicity: Locator;
  readonly birthDate: Locator;
  readonly education: Locator;
  readonly admittedOn: Locator;
  readonly confirmedOn: Locator;
  readonly phone: Locator;
  readonly note: Locator;
  readonly partyGroup: Locator;
  /** 党小组调整日期: shown when an edit moves the member to another 党小组. */
  readonly groupChangedOn: Locator;
  readonly saveButton: Locator;
  readonly saveAndNextButton: Locator;
  readonly cancelButton: Locator;

  constructor(readonly page: Page, readonly title: '新增党员' | '编辑党员信息') {
    const dialog = page.getByRole('dialog', { name: title });
    this.dialog = dialog;
    this.name = dialog.getByRole('textbox', { name: '姓名' });
    this.idNumber = dialog.getByRole('textbox', { name: '公民身份号码' });
    this.ethnicity = dialog.getByRole('combobox', { name: '民族' });
    this.birthDate = dialog.getByRole('textbox', { name: '出生日期' });
    this.education = dialog.getByRole('combobox', { name: '学历' });
    this.admittedOn = dialog.getByRole('textbox', { name: '入党时间' });
    this.confirmedOn = dialog.getByRole('textbox', { name: '转正时间' });
    this.phone = dialog.getByRole('textbox', { name: '联系电话' });
    this.note = dialog.getByRole('textbox', { name: '备注' });
    this.partyGroup = dialog.getByRole('combobox', { name: '所在党小组' });
    this.groupChangedOn = dialog.getByRole('textbox', { name: '党小组调整日期' });
    // After a quick save antd may leave its collapsed loading icon in the button, whose accessible
    // name then stays "loading 保存"; match the label at the end instead of exactly.
    this.saveButton = dialog.getByRole('button', { name: /(^|\s)保存$/ });
    this.saveAndNextButton = dialog.getByRole('button', { name: '保存并继续新增' });
    this.cancelButton = dialog.getByRole('button', { name: '取消', exact: true });
  }

  /**
   * An edit shows a stored 公民身份号码/联系电话 masked and read-only; 显示并修改 puts the full number
   * in the field (fetched on request).
   */
  async reveal(label: '公民身份号码' | '联系电话'): Promise<void> {
    await this.dialog.getByRole('button', { name: `显示并修改${label}` }).click();
    await expect(this.dialog.getByRole('textbox', { name: label, exact: true })).toBeEditable();
  }

  /** The read-only masked field of an edit, before 显示并修改. */
  masked(label: '公民身份号码' | '联系电话'): Locator {
    return this.dialog.getByRole('textbox', { name: `${label}（已隐去部分数字）` });
  }

  gender(label: '男' | '女'): Locator {
    return this.dialog.getByRole('radio', { name: label, exact: true });
  }

  category(label: CategoryLabel): Locator {
    return this.dialog.getByRole('radio', { name: label, exact: true });
  }

  /** The 党员类别 radio group (antd links its error message to it through aria-describedby). */
  get categoryGroup(): Locator {
    return this.dialog.getByRole('radiogroup').filter({ has: this.page.getByRole('radio', { name: '预备党员', exact: true }) });
  }

  /** Types the ID number and leaves the field (it is checked on blur). */
  async typeIdNumber(value: string): Promise<void> {
    await this.idNumber.fill(value);
    await this.idNumber.press('Tab');
  }

  async fill(form: MemberForm): Promise<void> {
    await this.name.fill(form.name);
    if (form.idNumber !== undefined) await this.typeIdNumber(form.idNumber);
    if (form.gender) await pickRadio(this.gender(form.gender));
    if (form.ethnicity !== undefined) await this.ethnicity.fill(form.ethnicity);
    if (form.birthDate) await fillDate(this.birthDate, form.birthDate);
    if (form.education !== undefined) await this.education.fill(form.education);
    if (form.admittedOn) await fillDate(this.admittedOn, form.admittedOn);
    if (form.confirmedOn) await fillDate(this.confirmedOn, form.confirmedOn);
    if (form.category) await pickRadio(this.category(form.category));
    if (form.phone !== undefined) await this.phone.fill(form.phone);
    if (form.note !== undefined) await this.note.fill(form.note);
  }

  /** Chooses another 党小组 and the day the move takes effect (the form proposes today). */
  async moveToGroup(group: string, on?: string): Promise<void> {
    await pickOption(this.partyGroup, group);
    await expect(this.groupChangedOn).toBeVisible();
    if (on) await fillDate(this.groupChangedOn, on);
  }

  /** Saves and waits for the 已保存 message and the drawer to close. */
  async save(expectedName: string): Promise<void> {
    await this.saveButton.click();
    await expect(this.page.getByText(`已保存：${expectedName}`)).toBeVisible();
    await expect(this.dialog).toBeHidden();
  }

  async cancel(): Promise<void> {
    await this.cancelButton.click();
    await expect(this.dialog).toBeHidden();
  }
}
