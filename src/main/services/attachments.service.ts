import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import type { AttachmentContent, AttachmentItem, attachmentAddInput } from '../../shared/contract/attachments';
import { AppError } from '../../shared/contract/errors';
import { fieldLabelsFor } from '../../shared/contract/labels';
import { attachmentMime, formatFileSize, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_MB, safeFileName } from '../../shared/domain/attachments';
import type { ServiceContext } from './context';
import { createEditTrail } from './editTrail';
import { ProblemList } from './validation';

type AddValues = z.output<typeof attachmentAddInput>;

/** Folder inside the data folder; files are attachments/ab/abcdef… (first two hex digits of the hash). */
export const ATTACHMENTS_FOLDER = 'attachments';
/** Orphans younger than this are left alone by the sweep: another window may be adding them right now. */
const ORPHAN_GRACE_MS = 60 * 60 * 1000;
const HASH_NAME = /^[0-9a-f]{64}$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const MEETING_GONE = '该会议记录不存在，可能已被删除。请刷新后重试。';
const ATTACHMENT_GONE = '该附件不存在，可能已被删除。请刷新后重试。';

/** Best effort: what cannot be removed now is swept at the next start. */
function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // Left for the sweep.
  }
}

const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** A failed disk operation as the secretary should hear it (nothing was saved). */
function fileError(error: unknown, what: string): AppError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new AppError('STORE_FULL', `磁盘空间已满，${what}未完成。请清理磁盘空间后重试。`);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new AppError('STORE_READ_ONLY', `数据文件夹中的附件文件夹不可写入，${what}未完成。请检查该文件夹的权限。`);
  }
  return new AppError('STORE_UNAVAILABLE', `读写附件文件失败（${code ?? '未知原因'}），${what}未完成。请检查磁盘或数据文件夹后重试。`);
}

/**
 * Files attached to meeting records, kept in the data folder by content hash. The database row and
 * the file land together or not at all: the file is written (temp + rename) before the row's
 * transaction and removed again if the row cannot be written. Deleted records are purged with their
 * attachments when the service starts (the next start of the app), and files nobody needs go then.
 */
export function createAttachmentsService({ store, clock, dataDir }: ServiceContext) {
  const root = join(dataDir, ATTACHMENTS_FOLDER);
  const labels = fieldLabelsFor('attachments:add');
  const trail = createEditTrail({ store, clock });
  const pathOf = (sha256: string) => join(root, sha256.slice(0, 2), sha256);
  const shownPath = (sha256: string) => `${ATTACHMENTS_FOLDER}/${sha256.slice(0, 2)}/${sha256}`;

  function storedIntact(sha256: string): boolean {
    try {
      return sha256Of(readFileSync(pathOf(sha256))) === sha256;
    } catch {
      return false;
    }
  }

  /** Writes to a temp file beside the target, flushes it and renames it into place (atomic). */
  function writeStored(sha256: string, bytes: Uint8Array): void {
    const folder = join(root, sha256.slice(0, 2));
    const temp = join(folder, `${sha256}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      mkdirSync(folder, { recursive: true });
      const fd = openSync(temp, 'wx');
      try {
        let written = 0;
        while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temp, pathOf(sha256));
    } catch (error) {
      removeQuietly(temp);
      throw fileError(error, '添加附件');
    }
  }

  /** Removes a stored file once no row needs it; a failure only leaves it for the next sweep. */
  function removeIfUnreferenced(sha256: string): void {
    if (!store.attachments.isReferenced(sha256)) removeQuietly(pathOf(sha256));
  }

  /** Files no row names (left by a crash between writing a file and its row), and stale temp files. */
  function sweepOrphans(now: number): void {
    let folders: string[];
    try {
      folders = readdirSync(root).filter((name) => /^[0-9a-f]{2}$/.test(name));
    } catch {
      return;
    }
    const referenced = store.attachments.referencedHashes();
    for (const folder of folders) {
      for (const name of readdirSync(join(root, folder))) {
        const file = join(root, folder, name);
        const orphan = (HASH_NAME.test(name) && !referenced.has(name)) || name.endsWith('.tmp');
        if (orphan && now - statSync(file).mtimeMs > ORPHAN_GRACE_MS) rmSync(file, { force: true });
      }
    }
  }

  /** Makes pending deletions final: records marked deleted go, with the files only they used. */
  function purgeDeleted(): { meetings: number } {
    const { hashes, meetings } = store.transaction(() => ({
      hashes: store.attachments.hashesOfDeletedMeetings(),
      meetings: store.meetings.purgeDeleted(),
    }));
    for (const sha256 of hashes) removeIfUnreferenced(sha256);
    return { meetings };
  }

  try {
    purgeDeleted();
    // File ages are real time (the clock may be moved by tests).
    sweepOrphans(Date.now());
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
      const name = safeFileName(fileName);
      if (!name) problems.add('fileName', '文件名无效（为空或只有点号），请给文件起个名字后重新选择');
      problems.throwIfAny();
      const shown = `“${name}”`;
      if (contentBase64.length % 4 !== 0 || !BASE64.test(contentBase64)) {
        problems.add('contentBase64', `${shown}的内容无法读取（不是有效的文件数据），未添加。请重新选择该文件`).throwIfAny();
      }
      const bytes = Buffer.from(contentBase64, 'base64');
      if (bytes.length === 0) problems.add('contentBase64', `${shown}是空文件（0 字节），未添加。请检查该文件后重新选择`).throwIfAny();
      if (bytes.length > MAX_ATTACHMENT_BYTES) {
        problems
          .add(
            'contentBase64',
            `${shown}有 ${formatFileSize(bytes.length)}，超过了单个附件 ${MAX_ATTACHMENT_MB} MB 的上限，未添加。请压缩（如降低照片分辨率、把扫描件存为 PDF）或拆分后再添加`,
          )
          .throwIfAny();
      }
      const sha256 = sha256Of(bytes);
      const same = store.attachments.sameContent(meetingId, sha256);
      if (same) problems.add('contentBase64', `${shown}与本记录已有的附件“${same.fileName}”内容相同，未重复添加`).throwIfAny();

      // Same content already stored (for another record) is reused; a damaged copy is rewritten.
      const existed = storedIntact(sha256);
      if (!existed) writeStored(sha256, bytes);
      try {
        const id = store.transaction(() => {
          requireMeeting(meetingId);
          return trail.meeting.update(meetingId, () => store.attachments.insert({ meetingId, kind, sha256, fileName: name!, size: bytes.length, mime: attachmentMime(name!, bytes) }, clock().toISOString()));
        });
        return store.attachments.get(id)!;
      } catch (error) {
        if (!existed) removeIfUnreferenced(sha256);
        throw error;
      }
    },

    /** The file's content, after checking it is the very file that was added. */
    get({ id }: { id: number }): AttachmentContent {
      const item = store.attachments.get(id);
      if (!item) throw new AppError('NOT_FOUND', ATTACHMENT_GONE);
      let bytes: Buffer;
      try {
        bytes = readFileSync(pathOf(item.sha256));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          throw new AppError(
            'NOT_FOUND',
            `附件“${item.fileName}”的文件在数据文件夹中找不到（${shownPath(item.sha256)}），未打开。请从备份恢复该文件，或删除此附件后重新添加。`,
          );
        }
        throw fileError(error, '打开附件');
      }
      if (bytes.length !== item.size || sha256Of(bytes) !== item.sha256) {
        throw new AppError(
          'STORE_CORRUPT',
          `附件“${item.fileName}”的文件已损坏或被改动（与添加时的校验值不符），未打开。请从备份恢复数据文件夹中的 ${shownPath(item.sha256)}，或删除此附件后重新添加。`,
        );
      }
      return { id: item.id, fileName: item.fileName, mime: item.mime, contentBase64: bytes.toString('base64') };
    },

    /** Removes one attachment; its file goes too unless another record uses the same content. */
    delete({ id }: { id: number }): { id: number } {
      const item = store.attachments.get(id);
      if (!item) throw new AppError('NOT_FOUND', ATTACHMENT_GONE);
      store.transaction(() => trail.meeting.update(item.meetingId, () => store.attachments.delete(id)));
      removeIfUnreferenced(item.sha256);
      return { id };
    },

    purgeDeleted,
  };
}

export type AttachmentsService = ReturnType<typeof createAttachmentsService>;
