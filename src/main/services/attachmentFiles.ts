import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { writeNewFileSynced } from '../durableFiles';
import { join } from 'node:path';
import { AppError } from '../../shared/contract/errors';
import { attachmentMime, formatFileSize, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_MB, safeFileName } from '../../shared/domain/attachments';
import type { ProblemList } from './validation';

// The content-addressed file store under the data folder (attachments/<2 hex>/<sha256>), shared by
// meeting attachments and the self-assessment's evidence files. Which rows need a file is the
// store's business (store.attachments.isReferenced / referencedHashes look at every table that
// names files); this module only writes, reads, checks and removes the files.

/** Folder inside the data folder; files are attachments/ab/abcdef… (first two hex digits of the hash). */
export const ATTACHMENTS_FOLDER = 'attachments';
/** Orphans younger than this are left alone by the sweep: another window may be adding them right now. */
const ORPHAN_GRACE_MS = 60 * 60 * 1000;
const HASH_NAME = /^[0-9a-f]{64}$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Best effort: what cannot be removed now is swept at the next start. */
function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // Left for the sweep.
  }
}

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** A failed disk operation as the secretary should hear it (nothing was saved). */
export function fileError(error: unknown, what: string): AppError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new AppError('STORE_FULL', `磁盘空间已满，${what}未完成。请清理磁盘空间后重试。`);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new AppError('STORE_READ_ONLY', `数据文件夹中的附件文件夹不可写入，${what}未完成。请检查该文件夹的权限。`);
  }
  return new AppError('STORE_UNAVAILABLE', `读写附件文件失败（${code ?? '未知原因'}），${what}未完成。请检查磁盘或数据文件夹后重试。`);
}

/** A picked file, checked and decoded. */
export interface DecodedFile {
  name: string;
  bytes: Buffer;
  sha256: string;
  mime: string;
}

/** What a row says about its file: enough to find it and prove it is the one that was added. */
export interface StoredFileRef {
  sha256: string;
  fileName: string;
  size: number;
}

export function createAttachmentFiles(dataDir: string, isReferenced: (sha256: string) => boolean) {
  const root = join(dataDir, ATTACHMENTS_FOLDER);
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
      writeNewFileSynced(temp, bytes);
      renameSync(temp, pathOf(sha256));
    } catch (error) {
      removeQuietly(temp);
      throw fileError(error, '添加附件');
    }
  }

  return {
    /**
     * Checks a picked file (name, base64, empty, size limit) with messages naming it, adding each
     * problem to `problems` under the fields fileName / contentBase64 and throwing at the first.
     */
    decode(fileName: string, contentBase64: string, problems: ProblemList): DecodedFile {
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
      return { name: name!, bytes, sha256: sha256Of(bytes), mime: attachmentMime(name!, bytes) };
    },

    /**
     * Makes sure the file is stored (same content already stored is reused; a damaged copy is
     * rewritten). Returns whether it was there before, so a caller whose row then fails to be
     * written knows whether to take it away again.
     */
    ensureStored(file: DecodedFile): boolean {
      const existed = storedIntact(file.sha256);
      if (!existed) writeStored(file.sha256, file.bytes);
      return existed;
    },

    /** The file's content, after checking it is the very file that was added. */
    read(item: StoredFileRef): Buffer {
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
      return bytes;
    },

    /** Removes a stored file once no row needs it; a failure only leaves it for the next sweep. */
    removeIfUnreferenced(sha256: string): void {
      if (!isReferenced(sha256)) removeQuietly(pathOf(sha256));
    },

    /** Files no row names (left by a crash between writing a file and its row), and stale temp files. */
    sweepOrphans(now: number, referenced: ReadonlySet<string>): void {
      let folders: string[];
      try {
        folders = readdirSync(root).filter((name) => /^[0-9a-f]{2}$/.test(name));
      } catch {
        return;
      }
      for (const folder of folders) {
        for (const name of readdirSync(join(root, folder))) {
          const file = join(root, folder, name);
          const orphan = (HASH_NAME.test(name) && !referenced.has(name)) || name.endsWith('.tmp');
          if (orphan && now - statSync(file).mtimeMs > ORPHAN_GRACE_MS) rmSync(file, { force: true });
        }
      }
    },
  };
}

export type AttachmentFiles = ReturnType<typeof createAttachmentFiles>;
