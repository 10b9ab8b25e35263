import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { todayIso } from '../../src/shared/domain/dates';
import { expect, test } from './fixtures';
import { AttachmentsCard } from './pages/AttachmentsCard';
import { MeetingEditor, MeetingsPage } from './pages/MeetingsPage';
import { shoot } from './screens';

test.use({ seed: 'demo' });

const NOTICE = { name: '关于召开党员大会的通知.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n') };
const LECTURE = { name: '党课讲稿.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from('PK\u0003\u0004 讲稿正文') };

/** Stored files under the data folder (attachments/ab/<sha256>). */
function storedFiles(dataDir: string): string[] {
  const root = join(dataDir, 'attachments');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name);
}

test('附件：给记录添加通知、讲稿和照片，看到缩略图和图标，打开；删除记录后撤销，记录和附件都回来；重启后删除才成为最终结果', async ({ page, app }) => {
  const demoYear = Number(todayIso().slice(0, 4)) - 1;
  await page.goto(app.baseUrl);
  const meetings = new MeetingsPage(page);
  await meetings.open();
  await meetings.showYear(demoYear);
  await expect(meetings.rows).toHaveCount(60);

  // A new record cannot hold files yet.
  let editor = await meetings.startNew();
  const attachments = new AttachmentsCard(page);
  await expect(attachments.card).toContainText('保存记录后可添加附件');
  await page.getByRole('button', { name: '返回列表' }).click();
  await meetings.showYear(demoYear);

  const firstLink = meetings.rows.first().getByRole('link');
  const topic = (await firstLink.innerText()).trim();
  await firstLink.click();
  editor = new MeetingEditor(page);
  await expect(editor.heading(topic)).toBeVisible();
  await expect(attachments.card).toContainText('点击选择文件，或把文件拖到这里');

  // A real picture for the thumbnail: a shot of the record's own heading.
  const photo = { name: '活动现场.png', mimeType: 'image/png', buffer: await editor.heading(topic).screenshot() };
  await attachments.pick(NOTICE, LECTURE, photo);
  await expect(attachments.tiles).toHaveCount(3);
  await expect(attachments.tile(NOTICE.name)).toContainText('会议通知');
  await expect(attachments.tile(NOTICE.name)).toContainText('PDF');
  await expect(attachments.tile(LECTURE.name)).toContainText('讲稿/课件');
  await expect(attachments.tile(photo.name)).toContainText('照片');
  const thumbnail = attachments.tile(photo.name).getByRole('img', { name: photo.name });
  await expect(thumbnail).toBeVisible();
  await expect.poll(() => thumbnail.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(10);

  // Empty files are refused with the file's name; nothing is added.
  await attachments.pick({ name: '空白签到表.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(0) });
  await expect(page.getByText('“空白签到表.pdf”是空文件（0 字节），未添加')).toBeVisible();
  await expect(attachments.tiles).toHaveCount(3);
  await attachments.card.scrollIntoViewIfNeeded();
  await shoot(page, '23-meeting-attachments', false);

  // A picture opens in a new tab; a Word file is saved under its own name.
  const [tab] = await Promise.all([page.waitForEvent('popup'), attachments.tile(photo.name).getByRole('button', { name: `打开 ${photo.name}` }).click()]);
  expect(tab.url()).toMatch(/^blob:/);
  await tab.close();
  const [download] = await Promise.all([page.waitForEvent('download'), attachments.tile(LECTURE.name).getByRole('button', { name: `打开 ${LECTURE.name}` }).click()]);
  expect(download.suggestedFilename()).toBe(LECTURE.name);

  // Removing one attachment asks first.
  await attachments.remove(LECTURE.name);
  await expect(attachments.tiles).toHaveCount(2);

  // The list shows the paperclip count.
  await page.getByRole('button', { name: '返回列表' }).click();
  await expect(meetings.row(topic).getByLabel('2 个附件')).toBeVisible();
  await shoot(page, '25-meetings-list-attachment-count', false);

  // Delete the record, then 撤销: the record and its attachments are back.
  await meetings.row(topic).getByRole('link').click();
  await expect(editor.heading(topic)).toBeVisible();
  await page.getByRole('main').getByRole('button', { name: /删\s?除$/ }).first().click();
  await expect(page.locator('.ant-popconfirm')).toContainText('删除后可以撤销');
  await page.locator('.ant-popconfirm').getByRole('button', { name: /删\s?除/ }).click();
  await expect(meetings.heading).toBeVisible();
  await expect(meetings.rows).toHaveCount(59);
  const notice = page.locator('.ant-notification-notice').filter({ hasText: '已删除会议记录' });
  await expect(notice).toContainText(topic);
  await shoot(page, '24-meeting-deleted-undo', false);
  await notice.getByRole('button', { name: /撤\s?销/ }).click();
  await expect(editor.heading(topic)).toBeVisible();
  await expect(page.getByText(`已恢复：${topic}`)).toBeVisible();
  await expect(attachments.tiles).toHaveCount(2);
  await expect(attachments.tile(photo.name).getByRole('img', { name: photo.name })).toBeVisible();
  expect(storedFiles(app.dataDir)).toHaveLength(2);

  // Deleted again and not undone: after a restart the record is gone for good, and so are its files.
  await page.getByRole('main').getByRole('button', { name: /删\s?除$/ }).first().click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: /删\s?除/ }).click();
  await expect(meetings.rows).toHaveCount(59);
  expect(storedFiles(app.dataDir)).toHaveLength(2);
  await app.restart();
  await meetings.showYear(demoYear);
  await expect(meetings.rows).toHaveCount(59);
  await expect(meetings.row(topic)).toHaveCount(0);
  expect(storedFiles(app.dataDir)).toEqual([]);
});
