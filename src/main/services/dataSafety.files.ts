import { createHash, randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, fsyncSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync } from 'node:fs';
import { writeNewFileSynced } from '../durableFiles';
import { dirname } from 'node:path';
import { AppError } from '../../shared/contract/errors';

// Small file helpers for backups, restores and handover packages: hashing, durable writes and
// copies (temp file + fsync + rename), and disk errors in the secretary's words.

export const sha256Bytes = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** SHA-256 of a file, read in 1 MiB pieces (a database may be large). */
export function sha256File(file: string): string {
  const hash = createHash('sha256');
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1024 * 1024);
    for (;;) {
      const read = readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) break;
      hash.update(buffer.subarray(0, read));
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

export function tempName(beside: string, tag: string): string {
  return `${beside}.${tag}-${randomBytes(6).toString('hex')}.tmp`;
}

/** Writes bytes durably: temp file, fsync, rename over the target. */
export function writeFileDurably(file: string, bytes: Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = tempName(file, 'write');
  try {
    writeNewFileSynced(temp, bytes);
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Copies a file durably (temp + fsync + rename); `target` appears whole or not at all. */
export function copyFileDurably(source: string, target: string): void {
  mkdirSync(dirname(target), { recursive: true });
  const temp = tempName(target, 'copy');
  try {
    copyFileSync(source, temp);
    const fd = openSync(temp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Flushes a folder's entries (after renames) where the platform allows it (not on Windows). */
export function fsyncFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot open folders this way; NTFS journals the rename itself.
  }
}

export function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8')) as unknown;
}

/** A failed disk operation as the secretary should hear it; `what` says what did not happen. */
export function diskError(error: unknown, what: string, where: string): AppError {
  if (error instanceof AppError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new AppError('STORE_FULL', `磁盘空间不足，${what}未完成（${where}）。请清理磁盘空间或换一个位置后重试。`);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new AppError('STORE_READ_ONLY', `无法写入 ${where}（没有写入权限或是只读的），${what}未完成。请换一个可写的位置。`);
  }
  if (code === 'ENOENT' || code === 'ENOTDIR') return new AppError('NOT_FOUND', `找不到 ${where}，${what}未完成。请检查位置是否正确、U 盘或网络盘是否已连接。`);
  return new AppError('STORE_UNAVAILABLE', `读写 ${where} 失败（${code ?? (error as Error)?.message ?? '未知原因'}），${what}未完成。`);
}
