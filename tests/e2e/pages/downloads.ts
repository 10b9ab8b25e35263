import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { readDocx, tables } from '../../helpers/docx';

/** Clicks, waits for the file the click saves, and reads it back as a Word document. */
export async function downloadDocx(page: Page, click: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const doc = await readDocx(readFileSync(await file.path()).toString('base64'));
  return { name: file.suggestedFilename(), paragraphs: doc.paragraphs, tables: tables(doc.document) };
}
