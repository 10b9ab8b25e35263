import { expect, type Locator, type Page } from '@playwright/test';
import { fillDate, pickRadio } from './controls';

export type BranchKindLabel = '机关' | '两新组织' | '村（社区）' | '学校' | '其他';

export interface BranchForm {
  name: string;
  kind: BranchKindLabel;
  parentOrg: string;
  foundedOn: string;
  termSeq: number;
  termStartsOn: string;
  /** Leave out to keep the value the wizard proposes. */
  termEndsOn?: string;
}

/** The first-run wizard (欢迎使用支部台账). */
export class SetupPage {
  readonly heading: Locator;
  readonly createCard: Locator;
  readonly demoCard: Locator;
  readonly name: Locator;
  readonly parentOrg: Locator;
  readonly foundedOn: Locator;
  readonly termSeq: Locator;
  readonly termStartsOn: Locator;
  readonly termEndsOn: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: '欢迎使用支部台账' });
    this.createCard = page.getByTestId('choose-create');
    this.demoCard = page.getByTestId('choose-demo');
    this.name = page.getByRole('textbox', { name: '支部名称' });
    this.parentOrg = page.getByRole('textbox', { name: '上级党组织' });
    this.foundedOn = page.getByRole('textbox', { name: '成立日期' });
    this.termSeq = page.getByRole('spinbutton', { name: '届次' });
    this.termStartsOn = page.getByRole('textbox', { name: '任期开始' });
    this.termEndsOn = page.getByRole('textbox', { name: '任期结束' });
    this.submit = page.getByRole('button', { name: '创建支部' });
  }

  async goto(baseUrl: string): Promise<void> {
    await this.page.goto(baseUrl);
    await expect(this.heading).toBeVisible();
    await expect(this.createCard).toBeVisible();
  }

  kind(label: BranchKindLabel): Locator {
    return this.page.getByRole('radio', { name: label, exact: true });
  }

  async chooseCreate(): Promise<void> {
    await this.createCard.click();
    await expect(this.name).toBeVisible();
  }

  async chooseDemo(): Promise<void> {
    await this.demoCard.click();
    await expect(this.page.getByText(/^已载入示例数据：25 名党员/)).toBeVisible();
  }

  async fill(form: BranchForm): Promise<void> {
    await this.name.fill(form.name);
    await pickRadio(this.kind(form.kind));
    await this.parentOrg.fill(form.parentOrg);
    await fillDate(this.foundedOn, form.foundedOn, 'Tab');
    await this.termSeq.fill(String(form.termSeq));
    await fillDate(this.termStartsOn, form.termStartsOn, 'Tab');
    if (form.termEndsOn) await fillDate(this.termEndsOn, form.termEndsOn, 'Tab');
  }

  async create(): Promise<void> {
    await this.submit.click();
    await expect(this.heading).toBeHidden();
  }
}
