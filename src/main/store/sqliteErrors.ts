import { AppError, DEFAULT_ERROR_MESSAGES } from '../../shared/contract/errors';

interface SqliteLikeError {
  code?: unknown;
  message?: unknown;
}

/**
 * Turns a better-sqlite3 error into the user-facing error it stands for, or null when it is a
 * programming error that should surface as INTERNAL.
 */
export function translateStoreError(error: unknown): AppError | null {
  if (!error || typeof error !== 'object') return null;
  const code = (error as SqliteLikeError).code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM') return new AppError('STORE_READ_ONLY');
  if (code === 'SQLITE_FULL') return new AppError('STORE_FULL');
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return new AppError('STORE_CORRUPT');
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN')) {
    return new AppError('STORE_UNAVAILABLE', `${DEFAULT_ERROR_MESSAGES.STORE_UNAVAILABLE}读写磁盘失败，请检查磁盘或数据文件夹后重试。`);
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new AppError('STORE_UNAVAILABLE', '数据文件正被另一个程序使用（可能同时打开了两个支部台账），请关闭另一个后重试。');
  }
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return new AppError('CONFLICT', '该记录仍被其他记录引用，不能删除或修改。');
  if (code.startsWith('SQLITE_CONSTRAINT')) return new AppError('CONFLICT');
  return null;
}
