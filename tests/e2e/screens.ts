import { join } from 'node:path';
import { type Page } from '@playwright/test';

// Screenshots for a human to look over (test-results/screens/*.png); nothing is compared.
const SCREENS = join(__dirname, '..', '..', 'test-results', 'screens');

/**
 * Full page by default. A drawer is position: fixed and covers only the viewport, so a full-page shot
 * would show it over the top 800 px with the undimmed page below; drawers are shot as the user sees them.
 */
export async function shoot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: join(SCREENS, `${name}.png`), fullPage, animations: 'disabled' });
}
