import type { z } from 'zod';
import type { AttachmentContent, AttachmentItem, attachmentAddInput } from '../../shared/contract/attachments';
import { AppError } from '../../shared/contract/errors';
import { fieldLabelsFor } from '../../shared/contract/labels';
import { createAttachmentFiles } from './attachmentFiles';
import type { ServiceContext } from './context';
import { createEditTrail } from './editTrail';
import { ProblemList } from './validation';

export { ATTACHMENTS_FOLDER } from './attachmentFiles';

type AddValues = z.output<typeof attachmentAddInput>;

const MEETING_GONE = '该会议记录不存在，可能已被删除。请刷新后重试。';
const ATTACHMENT_GONE = '该附件不存在，可能已被删除。请刷新后重试。';

/**
 * Files attached to meeting records, kept in the data folder by content hash. The database row and
 * the file land together or not at all: the file is written (temp + rename) before the row's
 * transaction and removed again if the row cannot be written. Deleted records are purged with their
 * attachments when the service starts (the next start of the app), and files nobody needs go then.
 */
export function createAttachmentsService({ store, clock, dataDir }: ServiceContext) {
  const labels = fieldLabelsFor('attachments:add');
  const trail = createEditTrail({ store, clock });
  // Every table naming files (meeting and assessment attachments) counts as a reference.
  const files = createAttachmentFiles(dataDir, (sha256) => store.attachments.isReferenced(sha256));

  /** Makes pending deletions final: records marked deleted go, with the files only they used. */
  function purgeDeleted(): { meetings: number } {
    const { hashes, meetings } = store.transaction(() => ({
      hashes: store.attachments.hashesOfDeletedMeetings(),
      meetings: store.meetings.purgeDeleted(),
    }));
    for (const sha256 of hashes) files.removeIfUnreferenced(sha256);
    return { meetings };
  }

  try {
    purgeDeleted();
    // File ages are real time (the clock may be moved by tests).
    files.sweepOrphans(Date.now(), store.attachments.referencedHashes());
  } catch {
    // Housekeeping must never stop the app from starting; it is tried again at the next start.
  }

  function requireMeeting(meetingId: number): void {
    if (!store.meetings.get(meetingId)) throw new AppError('NOT_FOUND', MEETING_GONE);
  }

  return {
    list({ meetingId }: { meetingId: number }): AttachmentItem[] {
      requireMeeting(meetingId);
      return store.attachments.ofMeeting(meetingId);
    },

    add({ meetingId, kind, fileName, contentBase64 }: AddValues): AttachmentItem {
      requireMeeting(meetingId);
      const problems = new ProblemList(labels);
      const file = files.decode(fileName, contentBase64, problems);
      const { name, bytes, sha256 } = file;
      const shown = `“${name}”`;
      const same = store.attachments.sameContent(meetingId, sha256);
      if (same) problems.add('contentBase64', `${shown}与本记录已有的附件“${same.fileName}”内容相同，未重复添加`).throwIfAny();

      // Same content already stored (for another record) is reused; a damaged copy is rewritten.
      const existed = files.ensureStored(file);
      try {
        const id = store.transaction(() => {
          requireMeeting(meetingId);
          return trail.meeting.update(meetingId, () => store.attachments.insert({ meetingId, kind, sha256, fileName: name, size: bytes.length, mime: file.mime }, clock().toISOString()));
        });
        return store.attachments.get(id)!;
      } catch (error) {
        if (!existed) files.removeIfUnreferenced(sha256);
        throw error;
      }
    },

    /** The file's content, after checking it is the very file that was added. */
    get({ id }: { id: number }): AttachmentContent {
      const item = store.attachments.get(id);
      if (!item) throw new AppError('NOT_FOUND', ATTACHMENT_GONE);
      const bytes = files.read(item);
      return { id: item.id, fileName: item.fileName, mime: item.mime, contentBase64: bytes.toString('base64') };
    },

    /** Removes one attachment; its file goes too unless another record uses the same content. */
    delete({ id }: { id: number }): { id: number } {
      const item = store.attachments.get(id);
      if (!item) throw new AppError('NOT_FOUND', ATTACHMENT_GONE);
      store.transaction(() => trail.meeting.update(item.meetingId, () => store.attachments.delete(id)));
      files.removeIfUnreferenced(item.sha256);
      return { id };
    },

    purgeDeleted,
  };
}

export type AttachmentsService = ReturnType<typeof createAttachmentsService>;
