import { expect, type Locator, type Page } from '@playwright/test';

export interface PickedFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** 附件 in the record editor. */
export class AttachmentsCard {
  readonly card: Locator;
  readonly tiles: Locator;
  readonly kind: Locator;

  constructor(readonly page: Page) {
    this.card = page.getByRole('main').getByTestId('attachments-card');
    this.tiles = this.card.getByTestId('attachment');
    this.kind = this.card.getByRole('combobox', { name: '附件类别' });
  }

  /** Picks files as the file dialog would (the Dragger's hidden input). */
  async pick(...files: PickedFile[]): Promise<void> {
    await this.card.locator('input[type=file]').setInputFiles(files);
  }

  tile(fileName: string): Locator {
    return this.tiles.filter({ hasText: fileName });
  }

  async remove(fileName: string): Promise<void> {
    await this.tile(fileName).getByRole('button', { name: `删除 ${fileName}` }).click();
    await this.page.locator('.ant-popconfirm').getByRole('button', { name: /删\s?除/ }).click();
    await expect(this.tile(fileName)).toHaveCount(0);
  }
}
