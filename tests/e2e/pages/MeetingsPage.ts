import { expect, type Locator, type Page } from '@playwright/test';
import { fillDate, pickOption, pickRadio } from './controls';
import { Shell } from './Shell';

/** 组织生活 (#/meetings): the records of one year, or found by a search. */
export class MeetingsPage {
  readonly shell: Shell;
  readonly heading: Locator;
  readonly newButton: Locator;
  readonly summary: Locator;
  readonly searchBox: Locator;
  readonly typeFilter: Locator;
  readonly groupFilter: Locator;
  readonly memberFilter: Locator;
  readonly table: Locator;
  /** Data rows only (the header row and antd's hidden measuring row are left out). */
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.shell = new Shell(page);
    const main = this.shell.main;
    this.heading = main.getByRole('heading', { name: '组织生活', exact: true });
    this.newButton = main.getByRole('button', { name: /新建记录$/ });
    this.summary = main.getByText(/^(\d{4}年|全部年度).*记录共 \d+ 条/);
    this.searchBox = main.getByRole('searchbox', { name: '搜索会议记录' });
    this.typeFilter = main.getByRole('combobox', { name: '会议类型' });
    this.groupFilter = main.getByRole('combobox', { name: '党小组' });
    this.memberFilter = main.getByRole('combobox', { name: '人员' });
    this.table = main.getByRole('table');
    this.rows = this.table.getByRole('row').filter({ has: page.getByRole('cell') }).filter({ hasNot: page.locator('.ant-table-placeholder') });
  }

  async open(): Promise<void> {
    await this.shell.menuItem('组织生活').click();
    await expect(this.heading).toBeVisible();
    await expect(this.summary).toBeVisible();
  }

  async showYear(year: number): Promise<void> {
    await pickRadio(this.shell.main.getByRole('radio', { name: `${year}年`, exact: true }));
    await expect(this.summary).toContainText(`${year}年`);
  }

  /** Types a query as a user would and waits for the search to run (after the pause in typing). */
  async search(text: string): Promise<void> {
    await this.searchBox.fill(text);
    await expect(this.summary).toContainText(`包含“${text.trim()}”`);
  }

  /** Where the words were found, under a found record's topic (议题：…). */
  match(topic: string): Locator {
    return this.row(topic).getByTestId('search-match');
  }

  /** The highlighted words in a found record's row. */
  highlights(topic: string): Locator {
    return this.row(topic).locator('mark.search-hit');
  }

  row(topic: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('link', { name: topic, exact: true }) });
  }

  /** Text of one column in a record's row, by the column's header. */
  async cell(topic: string, column: string): Promise<Locator> {
    // After a reload the table may not be drawn yet; wait for its header before reading the columns.
    await expect(this.table.getByRole('columnheader').filter({ hasText: column }).first()).toBeVisible();
    const headers = await this.table.getByRole('columnheader').allInnerTexts();
    const index = headers.findIndex((header) => header.trim() === column);
    if (index < 0) throw new Error(`no column ${column} in ${headers.join(', ')}`);
    return this.row(topic).getByRole('cell').nth(index);
  }

  async startNew(): Promise<MeetingEditor> {
    await this.newButton.click();
    const editor = new MeetingEditor(this.page);
    await expect(editor.heading('新建会议记录')).toBeVisible();
    return editor;
  }
}

/** 会议记录 (#/meetings/new, #/meetings/:id). */
export class MeetingEditor {
  readonly main: Locator;
  readonly heldOn: Locator;
  readonly startsAt: Locator;
  readonly endsAt: Locator;
  readonly location: Locator;
  readonly topic: Locator;
  readonly host: Locator;
  readonly recorder: Locator;
  readonly recordedOn: Locator;
  readonly lecturer: Locator;
  readonly lectureTitle: Locator;
  readonly attendanceCard: Locator;
  readonly attendanceSummary: Locator;
  readonly savedVerdicts: Locator;
  readonly saveButton: Locator;

  constructor(readonly page: Page) {
    const main = new Shell(page).main;
    this.main = main;
    this.heldOn = main.getByRole('textbox', { name: '召开日期' });
    this.startsAt = main.getByRole('textbox', { name: '开始时间' });
    this.endsAt = main.getByRole('textbox', { name: '结束时间' });
    this.location = main.getByRole('textbox', { name: '地点' });
    this.topic = main.getByRole('textbox', { name: '主题' });
    this.host = main.getByRole('combobox', { name: '主持人' });
    this.recorder = main.getByRole('combobox', { name: '记录人' });
    this.recordedOn = main.getByRole('textbox', { name: '记录日期' });
    this.lecturer = main.getByRole('combobox', { name: '授课人' });
    this.lectureTitle = main.getByRole('textbox', { name: '课题' });
    this.attendanceCard = main.getByTestId('attendance-card');
    this.attendanceSummary = main.getByTestId('attendance-summary');
    this.savedVerdicts = main.getByTestId('saved-verdicts');
    this.saveButton = main.getByRole('button', { name: /保存$/ }).first();
  }

  heading(title: string): Locator {
    return this.main.getByRole('heading', { name: title, exact: true });
  }

  async checkType(label: string): Promise<void> {
    const box = this.main.getByRole('checkbox', { name: label, exact: true });
    await box.check();
    await expect(box).toBeChecked();
  }

  async fillTime(input: Locator, time: string): Promise<void> {
    await input.click();
    await input.fill(time);
    await input.press('Enter');
    await expect(input).toHaveValue(time);
  }

  async fillDate(input: Locator, iso: string): Promise<void> {
    await fillDate(input, iso);
  }

  /** Picks a member by typing the name; waits for the roster so the option list is complete. */
  async pickMember(select: Locator, name: string): Promise<void> {
    const dropdown = this.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    await expect(dropdown).toHaveCount(0);
    await pickOption(select, name, name);
    await expect(select.locator('xpath=ancestor::div[contains(@class, "ant-select ")][1]')).toContainText(name);
  }

  /** One person of the proposed 应到. */
  person(name: string): Locator {
    return this.attendanceCard.getByTestId(`attendance-${name}`);
  }

  async markLeave(name: string, kind: string, reason?: string): Promise<void> {
    const person = this.person(name);
    await pickRadio(person.getByRole('radio', { name: '请假', exact: true }));
    await pickOption(person.getByRole('combobox', { name: `${name}的请假类别` }), kind);
    if (reason) await person.getByRole('textbox', { name: `${name}的请假原因` }).fill(reason);
  }

  /** 登记补学 for someone marked away: date (ISO), way and who relayed it. */
  async recordMakeup(name: string, makeup: { on: string; method: string; by: string }): Promise<void> {
    await this.person(name).getByRole('button', { name: '登记补学' }).click();
    const popover = this.page.locator('.ant-popover:not(.ant-popover-hidden)');
    await fillDate(popover.getByRole('textbox', { name: `${name}的补学日期` }), makeup.on);
    await popover.getByRole('combobox', { name: `${name}的补学方式` }).fill(makeup.method);
    await popover.getByRole('textbox', { name: `${name}的补学传达人` }).fill(makeup.by);
    await popover.getByRole('button', { name: '确定' }).click();
    await expect(popover).toHaveCount(0);
  }

  /** 经批准不计入应到 with a reason. */
  async exclude(name: string, reason: string): Promise<void> {
    await this.attendanceCard.getByRole('button', { name: '经批准不计入应到…' }).click();
    const dialog = this.page.getByRole('dialog', { name: '经批准不计入应到' });
    await pickOption(dialog.getByRole('combobox', { name: '党员' }), name, name);
    // One of the usual reasons, picked from the suggestions the field offers.
    await dialog.getByRole('combobox', { name: '原因' }).click();
    await this.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByText(reason, { exact: true }).click();
    await expect(dialog.getByRole('combobox', { name: '原因' })).toHaveValue(reason);
    await dialog.getByRole('button', { name: '确定' }).click();
    await expect(dialog).toBeHidden();
  }

  async addVote(subject: string, tally: { yes: number; no: number; abstain: number; writtenYes?: number }): Promise<void> {
    await this.main.getByRole('button', { name: /添加表决事项$/ }).click();
    const vote = this.main.locator('.ant-card-type-inner').filter({ hasText: /^表决事项\d+/ }).last();
    await vote.getByRole('textbox', { name: '表决事项' }).fill(subject);
    await vote.getByRole('spinbutton', { name: '赞成', exact: true }).fill(String(tally.yes));
    await vote.getByRole('spinbutton', { name: '反对', exact: true }).fill(String(tally.no));
    await vote.getByRole('spinbutton', { name: '弃权', exact: true }).fill(String(tally.abstain));
    if (tally.writtenYes !== undefined) await vote.getByRole('spinbutton', { name: '书面同意', exact: true }).fill(String(tally.writtenYes));
  }

  async save(): Promise<void> {
    await this.saveButton.click();
    // A save soon after another leaves the earlier toast on screen: the newest one is this save's.
    await expect(this.page.getByText('已保存会议记录').last()).toBeVisible();
  }
}
