import { expect, type Locator, type Page } from '@playwright/test';

/** 五星三强 ▸ 评分模板 (#/assessments/templates), its import page and the template editor. */
export class RubricTemplatesPage {
  readonly heading: Locator;
  readonly list: Locator;
  readonly fileInput: Locator;
  readonly preview: Locator;
  readonly errors: Locator;
  readonly warnings: Locator;
  readonly importButton: Locator;
  readonly indicators: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: '评分模板' });
    this.list = page.getByTestId('rubric-templates');
    this.fileInput = page.locator('input[type="file"]');
    this.preview = page.getByTestId('rubric-preview');
    this.errors = page.getByTestId('rubric-errors');
    this.warnings = page.getByTestId('rubric-warnings');
    this.importButton = page.getByRole('button', { name: '导入', exact: true });
    this.indicators = page.getByTestId('rubric-indicators');
  }

  async openFromMenu(baseUrl: string): Promise<void> {
    await this.page.goto(baseUrl);
    await this.page.getByRole('menuitem', { name: '五星三强' }).click();
    await this.page.getByRole('button', { name: '评分模板' }).click();
    await expect(this.heading).toBeVisible();
  }

  template(name: string): Locator {
    return this.list.locator('tr.ant-table-row').filter({ hasText: name });
  }

  async choose(path: string): Promise<void> {
    await this.fileInput.setInputFiles(path);
    await expect(this.preview).toBeVisible();
  }

  previewRow(rowNumber: number): Locator {
    return this.preview.locator(`tr[data-row-key="${rowNumber}"]`);
  }

  points(indicator: number): Locator {
    return this.page.getByRole('spinbutton', { name: `第${indicator}个指标分值` });
  }

  indicatorRow(text: string): Locator {
    return this.indicators.locator('tr.ant-table-row').filter({ has: this.page.getByText(text, { exact: true }) });
  }
}
