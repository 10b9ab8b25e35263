import Database from 'better-sqlite3';
import { closeSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';
import { writeNewFileSynced } from '../durableFiles';
import { LATEST_SCHEMA_VERSION, schemaVersion } from './migrate';
import { createSystemRepo } from './repos/system.repo';

// The SQLite side of backups and restores: a consistent copy of the open database, and a read-only
// look at a copy (integrity, schema version, counts, the attachment hashes it names). The files
// around them (folders, manifests, attachments) are the data-safety service's business.

const SQLITE_HEADER = 'SQLite format 3\u0000';

/**
 * Writes a consistent copy of the open database to `file` (created, must not exist) and flushes it.
 * sqlite3_serialize reads every page through the pager inside one read transaction, so the copy is
 * the committed state including what still sits in the WAL, as SQLite's backup API would give, but
 * synchronously, so it can run at start before migrations and purges (see dataSafety.backups.ts).
 * The copy is marked as a rollback-journal database, so it opens read-only without -wal/-shm files.
 */
export function snapshotDatabase(db: Database.Database, file: string): number {
  const bytes = db.serialize();
  // Header bytes 18/19 are the file format write/read versions: 2 = WAL, 1 = rollback journal.
  if (bytes[18] === 2) bytes[18] = 1;
  if (bytes[19] === 2) bytes[19] = 1;
  writeNewFileSynced(file, bytes);
  return bytes.length;
}

export function hasSqliteHeader(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return false;
  }
  try {
    const buffer = Buffer.alloc(16);
    return readSync(fd, buffer, 0, 16, 0) === 16 && buffer.toString('latin1') === SQLITE_HEADER;
  } finally {
    closeSync(fd);
  }
}

/** A WAL-mode file (e.g. copied from a data folder) is switched to rollback mode in place, so it opens read-only alone. */
export function markRollbackJournal(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    const header = Buffer.alloc(2);
    readSync(fd, header, 0, 2, 18);
    if (header[0] === 2 || header[1] === 2) {
      writeSync(fd, Buffer.from([header[0] === 2 ? 1 : header[0], header[1] === 2 ? 1 : header[1]]), 0, 2, 18);
      fsyncSync(fd);
    }
  } finally {
    closeSync(fd);
  }
}

export interface DatabaseDescription {
  /** 'ok', or what PRAGMA integrity_check / the header check found. */
  integrity: string;
  schemaVersion: number;
  tooNew: boolean;
  branchName: string | null;
  counts: Record<string, number>;
  /** Hashes of the attachment files the records name. */
  attachmentHashes: string[];
}

function hasTable(db: Database.Database, name: string): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`).get(name) !== undefined;
}

/**
 * Opens a database copy read-only and reports what it holds. A file that is not a SQLite database,
 * or fails the full integrity check, is described as damaged instead of throwing.
 */
export function describeDatabase(file: string, options: { nativeBinding?: string } = {}): DatabaseDescription {
  const damaged = (integrity: string): DatabaseDescription => ({
    integrity,
    schemaVersion: 0,
    tooNew: false,
    branchName: null,
    counts: {},
    attachmentHashes: [],
  });
  if (!hasSqliteHeader(file)) return damaged('不是支部台账的数据文件（文件头不对）');
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
  } catch (error) {
    return damaged(`无法打开（${(error as Error).message}）`);
  }
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const integrity = rows.length === 1 && rows[0].integrity_check === 'ok' ? 'ok' : rows.map((row) => row.integrity_check).slice(0, 3).join('；');
    if (integrity !== 'ok') return damaged(`完整性检查未通过：${integrity}`);
    const version = schemaVersion(db);
    const branchName = hasTable(db, 'branch') ? ((db.prepare('SELECT name FROM branch LIMIT 1').get() as { name: string } | undefined)?.name ?? null) : null;
    const attachmentHashes = hasTable(db, 'attachments')
      ? (db.prepare('SELECT DISTINCT sha256 FROM attachments ORDER BY sha256').all() as { sha256: string }[]).map((row) => row.sha256)
      : [];
    return {
      integrity,
      schemaVersion: version,
      tooNew: version > LATEST_SCHEMA_VERSION,
      branchName,
      counts: createSystemRepo(db).rowCounts(),
      attachmentHashes,
    };
  } catch (error) {
    return damaged(`读取失败（${(error as Error).message}）`);
  } finally {
    db.close();
  }
}

/** What the open database holds, for a manifest: counts per table and the attachment hashes it names. */
export function describeOpenDatabase(db: Database.Database): { counts: Record<string, number>; attachmentHashes: string[]; branchName: string | null } {
  return {
    counts: createSystemRepo(db).rowCounts(),
    attachmentHashes: hasTable(db, 'attachments')
      ? (db.prepare('SELECT DISTINCT sha256 FROM attachments ORDER BY sha256').all() as { sha256: string }[]).map((row) => row.sha256)
      : [],
    branchName: hasTable(db, 'branch') ? ((db.prepare('SELECT name FROM branch LIMIT 1').get() as { name: string } | undefined)?.name ?? null) : null,
  };
}

/** Meetings marked deleted in an earlier run, which the next start purges for good. */
export function pendingPurges(db: Database.Database): number {
  if (!hasTable(db, 'meetings')) return 0;
  return (db.prepare('SELECT COUNT(*) AS count FROM meetings WHERE deleted_at IS NOT NULL').get() as { count: number }).count;
}

/** What backups may do with an open database, without reaching its connection. */
export interface SnapshotSource {
  /** Writes a consistent copy to `file` (which must not exist); returns its size in bytes. */
  snapshotTo(file: string): number;
  describe(): { counts: Record<string, number>; attachmentHashes: string[]; branchName: string | null };
  pendingPurges(): number;
}

export function snapshotSource(db: Database.Database): SnapshotSource {
  return {
    snapshotTo: (file) => snapshotDatabase(db, file),
    describe: () => describeOpenDatabase(db),
    pendingPurges: () => pendingPurges(db),
  };
}
