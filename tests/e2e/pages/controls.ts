import { expect, type Locator } from '@playwright/test';

/**
 * Types a date into an antd DatePicker the way an office user would, then leaves it with Enter
 * (default) or Tab. Inside a <form> with a submit button (the setup wizard), Enter in a date field
 * also submits the form, so the wizard uses Tab.
 */
export async function fillDate(input: Locator, iso: string, leaveWith: 'Enter' | 'Tab' = 'Enter'): Promise<void> {
  await input.click();
  await input.fill(iso);
  await input.press(leaveWith);
  await expect(input).toHaveValue(iso);
}

/** Today's date in the app's timezone (Asia/Shanghai, see playwright.config.ts) shifted by whole months. */
export function isoMonthsFromToday(months: number, now = new Date()): string {
  const [year, month, day] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now).split('-').map(Number);
  const shifted = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, 0)).getUTCDate();
  shifted.setUTCDate(Math.min(day, lastDay));
  return shifted.toISOString().slice(0, 10);
}

/**
 * Picks an antd radio (plain or button style). antd hides the real <input type=radio> (zero size),
 * so click the <label> that wraps it, then check the input really is checked.
 */
export async function pickRadio(radio: Locator): Promise<void> {
  await radio.locator('xpath=ancestor::label[1]').click();
  await expect(radio).toBeChecked();
}

/**
 * Picks an option of an antd Select by its label: opens the list, clicks the option. Typing first
 * narrows a searchable list, as a user would in a long member list.
 */
export async function pickOption(select: Locator, label: string, search?: string): Promise<void> {
  await select.click();
  if (search !== undefined) await select.fill(search);
  const dropdown = select.page().locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  // On a busy machine the click can land while antd re-renders the narrowed list, and the option
  // is not taken (the list stays open with the typed text). Click again until the list closes.
  await expect(async () => {
    if ((await dropdown.count()) === 0) return;
    await dropdown.locator(`.ant-select-item-option[title="${label}"]`).click({ timeout: 3_000 });
    await expect(dropdown).toBeHidden({ timeout: 3_000 });
  }).toPass({ timeout: 20_000 });
}
