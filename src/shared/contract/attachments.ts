import { z } from 'zod';
import { ATTACHMENT_KINDS, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_MB, type AttachmentKind } from '../domain/attachments';
import { id, idInput, returns } from './common';

/**
 * Base64 of a file half again over the limit: up to there the service refuses with a message that
 * names the file and its size; beyond it (never sent by our page, which checks first) the schema does.
 */
const MAX_BASE64_LENGTH = Math.ceil((MAX_ATTACHMENT_BYTES * 1.5) / 3) * 4;

export const attachmentListInput = z.strictObject({ meetingId: id });

/**
 * One picked file, read as base64 by the page. The size, emptiness and name are checked by the
 * service, whose messages name the file (a schema message could not).
 */
export const attachmentAddInput = z.strictObject({
  meetingId: id,
  kind: z.enum(ATTACHMENT_KINDS, { error: '请选择附件类别' }),
  fileName: z.string({ error: '应为文件名' }).max(1000, '文件名过长'),
  // Over-long content gets a size message from the service; this bound only stops absurd input.
  contentBase64: z.string({ error: '应为文件内容' }).max(MAX_BASE64_LENGTH, `文件超过了单个附件 ${MAX_ATTACHMENT_MB} MB 的上限，未添加`),
});

export interface AttachmentItem {
  id: number;
  meetingId: number;
  kind: AttachmentKind;
  fileName: string;
  /** Bytes of the stored file. */
  size: number;
  /** From the content for images and PDFs, else from the extension; application/octet-stream when unknown. */
  mime: string;
  sha256: string;
  /** ISO timestamp. */
  addedAt: string;
}

export interface AttachmentContent {
  id: number;
  fileName: string;
  mime: string;
  /** Checked against the stored hash before it is sent. */
  contentBase64: string;
}

export const attachmentsContract = {
  'attachments:list': { input: attachmentListInput, output: returns<AttachmentItem[]>() },
  'attachments:add': { input: attachmentAddInput, output: returns<AttachmentItem>() },
  'attachments:get': { input: idInput, output: returns<AttachmentContent>() },
  'attachments:delete': { input: idInput, output: returns<{ id: number }>() },
} as const;
