import { type Locator, type Page } from '@playwright/test';

/** 首页 ▸ 待办事项: open 议定事项, overdue first, each with 办结. */
export class FollowUpsCard {
  readonly card: Locator;
  readonly modal: Locator;

  constructor(readonly page: Page) {
    this.card = page.getByTestId('follow-ups');
    this.modal = page.getByRole('dialog', { name: '办结事项' });
  }

  item(text: string): Locator {
    return this.card.getByRole('listitem').filter({ hasText: text });
  }
}
