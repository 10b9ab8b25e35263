import type { AttachmentContent } from '../../../shared/contract/attachments';
import { isViewableMime } from '../../../shared/domain/attachments';
import { base64ToBlob, saveUrlAs } from '../lib/download';
import { hostMode, invoke } from './client';
import { useRpcMutation, useRpcQuery } from './hooks';

// Files attached to a meeting record (签到表扫描件, 通知, 讲稿/课件, 照片, 其他), stored by the core.
export const useAttachments = (meetingId: number | null) =>
  useRpcQuery('attachments:list', { meetingId: meetingId ?? 0 }, { enabled: meetingId !== null });
export const useAddAttachment = () => useRpcMutation('attachments:add');
export const useDeleteAttachment = () => useRpcMutation('attachments:delete');

function toBlob(content: AttachmentContent): Blob {
  return base64ToBlob(content.contentBase64, content.mime === 'text/plain' ? 'text/plain; charset=utf-8' : content.mime);
}

/** The attachment's bytes (checked against their hash by the core) as a Blob, e.g. for a thumbnail. */
export async function attachmentBlob(id: number): Promise<{ blob: Blob; content: AttachmentContent }> {
  const content = await invoke('attachments:get', { id });
  return { blob: toBlob(content), content };
}

/**
 * Opens an attachment for viewing. Browser mode: pictures, PDFs and text open in a new tab (only
 * types recognised from their content, so nothing can run as a page); everything else, or a
 * blocked tab, is downloaded under its own name. The desktop app denies new windows, so it saves
 * the file too; a later `attachments:open` method can hand it to shell.openPath (the system viewer)
 * from here without changing any caller.
 */
export async function openAttachment(id: number): Promise<void> {
  openAttachmentContent(await invoke('attachments:get', { id }));
}

/** Opens fetched attachment content (a meeting's or an assessment's evidence file) as above. */
export function openAttachmentContent(content: AttachmentContent): void {
  const url = URL.createObjectURL(toBlob(content));
  const opened = hostMode() === 'browser' && isViewableMime(content.mime) ? window.open(url, '_blank') : null;
  if (!opened) saveUrlAs(url, content.fileName);
  // The tab has loaded it long before; a download has copied it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
