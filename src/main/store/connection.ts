import Database from 'better-sqlite3';
import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../../shared/contract/errors';
import { LATEST_SCHEMA_VERSION, migrate, schemaVersion } from './migrate';
import { snapshotSource, type SnapshotSource } from './snapshot';
import { translateStoreError } from './sqliteErrors';

export interface OpenOptions {
  /** Open without writing anything (CLI check of a foreign file, tests of the read-only path). */
  readonly?: boolean;
  /** Path to a better-sqlite3 binary built for another runtime (the Electron ABI). */
  nativeBinding?: string;
  /**
   * Called once before pending migrations change an existing database (version `from` > 0), with a
   * way to copy it as it is: the data-safety backup of the old schema. Errors are the hook's own.
   */
  beforeMigrate?: (source: SnapshotSource, from: number, to: number) => void;
}

const SQLITE_HEADER = 'SQLite format 3\u0000';

function hasSqliteHeader(filePath: string): boolean {
  const fd = openSync(filePath, 'r');
  try {
    const buffer = Buffer.alloc(16);
    const read = readSync(fd, buffer, 0, 16, 0);
    return read === 16 && buffer.toString('latin1') === SQLITE_HEADER;
  } finally {
    closeSync(fd);
  }
}

function corrupt(filePath: string, why: string): AppError {
  return new AppError(
    'STORE_CORRUPT',
    `数据文件无法使用：${filePath}（${why}）。原文件未做任何改动。请从备份恢复，或把该文件交给维护人员检查。`,
  );
}

/**
 * Opens (creating if needed) the branch database, checks it, and brings its schema up to date.
 * Never replaces or rewrites a file it cannot read: every refusal leaves the file as it was.
 */
export function openDatabase(filePath: string, options: OpenOptions = {}): Database.Database {
  const readonly = options.readonly ?? false;
  const exists = existsSync(filePath);
  if (!readonly && !exists) {
    try {
      mkdirSync(dirname(filePath), { recursive: true });
    } catch (error) {
      throw new AppError('STORE_READ_ONLY', `无法创建数据文件夹：${dirname(filePath)}（${(error as NodeJS.ErrnoException).code ?? '未知原因'}）。请换一个可写的文件夹（--data-dir）。`);
    }
  }
  if (exists && statSync(filePath).size > 0 && !hasSqliteHeader(filePath)) {
    throw corrupt(filePath, '不是支部台账的数据文件或文件头已损坏');
  }

  let db: Database.Database;
  try {
    db = new Database(filePath, { readonly, fileMustExist: readonly, nativeBinding: options.nativeBinding });
  } catch (error) {
    throw translateOpenError(error, filePath);
  }

  try {
    // Nothing may write to the file before it has passed the checks below (even switching the
    // journal mode rewrites the header), so a refused file stays byte-for-byte as it was.
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // FULL: a secretary's office PC may lose power; a committed record must survive it.
    db.pragma('synchronous = FULL');

    const check = db.pragma('quick_check', { simple: true }) as string;
    if (check !== 'ok') throw corrupt(filePath, `完整性检查未通过：${check}`);

    const version = schemaVersion(db);
    if (version > LATEST_SCHEMA_VERSION) {
      throw new AppError(
        'STORE_TOO_NEW',
        `此数据文件由更新版本的支部台账创建（数据版本 ${version}），当前软件只支持到数据版本 ${LATEST_SCHEMA_VERSION}。请升级软件后再打开；原文件未做任何改动。`,
      );
    }
    if (!readonly) {
      db.pragma('journal_mode = WAL');
      if (options.beforeMigrate && version > 0 && version < LATEST_SCHEMA_VERSION) {
        options.beforeMigrate(snapshotSource(db), version, LATEST_SCHEMA_VERSION);
      }
      migrate(db);
    }
    return db;
  } catch (error) {
    db.close();
    if (error instanceof AppError) throw error;
    throw translateOpenError(error, filePath);
  }
}

function translateOpenError(error: unknown, filePath: string): AppError {
  const code = (error as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return corrupt(filePath, '文件已损坏');
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM') {
    return new AppError('STORE_READ_ONLY', `无法读写数据文件：${filePath}。请检查该文件和所在文件夹的权限，或换一个可写的文件夹（--data-dir）。`);
  }
  return translateStoreError(error) ?? new AppError('STORE_UNAVAILABLE', `无法打开数据文件：${filePath}（${(error as Error).message}）。`);
}
