import { expect, type Locator, type Page } from '@playwright/test';

/** 从 Excel 导入党员 (#/members/import). Preview rows carry their Excel row number as the row key. */
export class MemberImportPage {
  readonly heading: Locator;
  readonly fileInput: Locator;
  readonly summary: Locator;
  readonly importButton: Locator;
  readonly skipErrorRows: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: '从 Excel 导入党员' });
    this.fileInput = page.locator('input[type="file"]');
    this.summary = page.getByText(/^共 \d+ 行，将导入/);
    this.importButton = page.getByRole('button', { name: /^导入 \d+ 名党员$/ });
    this.skipErrorRows = page.getByRole('button', { name: '跳过所有有错误的行' });
  }

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}#/members/import`);
    await expect(this.heading).toBeVisible();
  }

  async choose(name: string, bytes: Uint8Array): Promise<void> {
    await this.fileInput.setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(bytes) });
    await expect(this.summary).toBeVisible();
  }

  row(rowNumber: number): Locator {
    return this.page.locator(`tr[data-row-key="${rowNumber}"]`);
  }

  /** The cell of a preview row under a column header (e.g. 公民身份号码). */
  async cell(rowNumber: number, header: string): Promise<Locator> {
    const headers = await this.page.locator('.ant-table-thead th').allInnerTexts();
    const index = headers.findIndex((text) => text.trim() === header);
    if (index < 0) throw new Error(`no column ${header} in ${headers.join(', ')}`);
    return this.row(rowNumber).locator('td').nth(index);
  }

  async edit(rowNumber: number, header: string, text: string): Promise<void> {
    await (await this.cell(rowNumber, header)).click();
    const input = this.page.getByRole('textbox', { name: `第${rowNumber}行${header}` });
    await input.fill(text);
    await input.press('Enter');
  }
}
