import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BackupCounts, BackupItem } from '../../shared/contract/dataSafety';
import { AppError } from '../../shared/contract/errors';
import { rotateBackups, type RotationPolicy } from '../../shared/domain/backupRotation';
import { BACKUP_REASONS, type BackupReason } from '../../shared/domain/dataSafety';
import { describeDatabase, type SnapshotSource } from '../store';
import { DATABASE_FILE } from '../dataDir';
import { copyFileDurably, diskError, fsyncFolder, readJson, sha256Bytes, sha256File, writeFileDurably } from './dataSafety.files';

// Backups on disk. A backup is a folder named after its id (2026-11-22_100000_daily) holding the
// database copy, the attachment files its records name (attachments/ab/<sha256>, as in the data
// folder) and manifest.json. It is written under a hidden temp name, verified (read-only open,
// integrity_check, counts against the manifest, every file re-hashed) and only then renamed to its
// id, so a folder with an id is always a finished, verified backup; a later problem (a flipped bit,
// a deleted file) shows as 已损坏 in the list.

export const MANIFEST_FILE = 'manifest.json';
export const BACKUP_FORMAT = 'branch-ledger-backup';
const WRITING_PREFIX = '.writing-';
const ID_PATTERN = /^(\d{4}-\d{2}-\d{2})_(\d{2})(\d{2})(\d{2})(?:-\d{1,3})?_([A-Za-z]{3,20})$/;
const HASH = /^[0-9a-f]{64}$/;

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: 1;
  id: string;
  /** Local date and time, 'YYYY-MM-DDTHH:mm:ss'. */
  takenAt: string;
  /** UTC, ISO 8601. */
  createdAt: string;
  reason: BackupReason;
  appVersion: string;
  schemaVersion: number;
  branchName: string | null;
  /** Rows per table at the moment of the copy. */
  counts: Record<string, number>;
  database: { file: string; size: number; sha256: string };
  /** Attachment files in the backup. */
  attachments: { sha256: string; size: number }[];
  /** Files the records name that the data folder did not hold (or held damaged) when the copy was made. */
  missingAttachments: string[];
  verifiedAt: string;
}

/** Local 'YYYY-MM-DDTHH:mm:ss' of a moment (the office PC's clock, as the secretary reads it). */
export function localStamp(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}`;
}

export function countsOf(tables: Record<string, number>): BackupCounts {
  return {
    members: tables.members ?? 0,
    meetings: tables.meetings ?? 0,
    attachments: tables.attachments ?? 0,
    memberEvents: tables.member_events ?? 0,
  };
}

export const attachmentPath = (root: string, sha256: string) => join(root, 'attachments', sha256.slice(0, 2), sha256);

function isManifest(value: unknown): value is BackupManifest {
  const manifest = value as BackupManifest | null;
  return (
    !!manifest &&
    manifest.format === BACKUP_FORMAT &&
    manifest.formatVersion === 1 &&
    typeof manifest.takenAt === 'string' &&
    (BACKUP_REASONS as readonly string[]).includes(manifest.reason) &&
    typeof manifest.schemaVersion === 'number' &&
    !!manifest.counts &&
    typeof manifest.database?.sha256 === 'string' &&
    typeof manifest.database.size === 'number' &&
    Array.isArray(manifest.attachments) &&
    manifest.attachments.every((item) => HASH.test(item?.sha256) && typeof item.size === 'number') &&
    Array.isArray(manifest.missingAttachments)
  );
}

export function readManifest(folder: string): BackupManifest | null {
  try {
    const value = readJson(join(folder, MANIFEST_FILE));
    return isManifest(value) ? value : null;
  } catch {
    return null;
  }
}

export interface Verification {
  ok: boolean;
  problem: string | null;
  tables: Record<string, number>;
  schemaVersion: number;
  tooNew: boolean;
  branchName: string | null;
  attachmentHashes: string[];
}

/**
 * The full check of a backup folder against its manifest: the database file's hash, a read-only
 * open with PRAGMA integrity_check, row counts per table, and every attachment file re-hashed.
 */
export function verifyBackupFolder(folder: string, manifest: BackupManifest, nativeBinding?: string): Verification {
  const dbFile = join(folder, manifest.database.file);
  const fail = (problem: string, tables: Record<string, number> = {}): Verification => ({
    ok: false,
    problem,
    tables,
    schemaVersion: manifest.schemaVersion,
    tooNew: false,
    branchName: manifest.branchName,
    attachmentHashes: [],
  });
  if (!existsSync(dbFile)) return fail('缺少数据库文件');
  let hash: string;
  try {
    hash = sha256File(dbFile);
  } catch (error) {
    return fail(`数据库文件无法读取（${(error as NodeJS.ErrnoException).code ?? '未知原因'}）`);
  }
  if (hash !== manifest.database.sha256) return fail('数据库文件与备份时的校验值不符（文件已损坏或被改动）');
  const description = describeDatabase(dbFile, { nativeBinding });
  if (description.integrity !== 'ok') return fail(`数据库${description.integrity}`);
  for (const [table, count] of Object.entries(manifest.counts)) {
    if (description.counts[table] !== count) {
      return fail(`表 ${table} 应有 ${count} 行，实际 ${description.counts[table] ?? 0} 行`, description.counts);
    }
  }
  if (description.schemaVersion !== manifest.schemaVersion) return fail('数据版本与备份清单不符', description.counts);
  for (const item of manifest.attachments) {
    const file = attachmentPath(folder, item.sha256);
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      return fail(`缺少附件文件 ${item.sha256.slice(0, 12)}…`, description.counts);
    }
    if (bytes.length !== item.size || sha256Bytes(bytes) !== item.sha256) return fail(`附件文件 ${item.sha256.slice(0, 12)}… 已损坏`, description.counts);
  }
  return {
    ok: true,
    problem: null,
    tables: description.counts,
    schemaVersion: description.schemaVersion,
    tooNew: description.tooNew,
    branchName: description.branchName,
    attachmentHashes: description.attachmentHashes,
  };
}

/** The cheap check the list uses (the full one runs before a restore): manifest, files present, sizes. */
function quickProblem(folder: string, manifest: BackupManifest | null): string | null {
  if (!manifest) return '备份清单缺失或无法读取';
  try {
    if (statSync(join(folder, manifest.database.file)).size !== manifest.database.size) return '数据库文件大小与备份时不符';
  } catch {
    return '缺少数据库文件';
  }
  return null;
}

export interface WriteBackupOptions {
  source: SnapshotSource;
  dataDir: string;
  /** Folder the finished backup is renamed into (the backup folder, or a temp folder for a handover package). */
  targetDir: string;
  reason: BackupReason;
  now: Date;
  appVersion: string;
  schemaVersion: number;
  nativeBinding?: string;
}

function uniqueId(targetDir: string, takenAt: string, reason: BackupReason): string {
  const base = `${takenAt.slice(0, 10)}_${takenAt.slice(11).replace(/:/g, '')}`;
  let id = `${base}_${reason}`;
  for (let n = 2; existsSync(join(targetDir, id)); n += 1) id = `${base}-${n}_${reason}`;
  return id;
}

/** The newest backup in a folder whose manifest says it was verified (to share unchanged attachment files with). */
function newestVerified(backupDir: string): { folder: string; sizes: Map<string, number> } | null {
  const newest = listBackups(backupDir).find((item) => item.status === 'verified');
  const manifest = newest ? readManifest(newest.location) : null;
  return newest && manifest ? { folder: newest.location, sizes: new Map(manifest.attachments.map((item) => [item.sha256, item.size])) } : null;
}

/**
 * Attachment files never change (they are named by their content), so a backup shares the files
 * the previous backup in the same folder already holds: a hard link costs no space and no copying,
 * and the file is hashed before it is shared. Where links are not possible (FAT/exFAT USB drives)
 * the file is copied. Returns the size, or null when it must be copied.
 */
function linkFromPrevious(previous: { folder: string; sizes: Map<string, number> }, temp: string, sha256: string): number | null {
  const size = previous.sizes.get(sha256);
  if (size === undefined) return null;
  try {
    const target = attachmentPath(temp, sha256);
    mkdirSync(dirname(target), { recursive: true });
    linkSync(attachmentPath(previous.folder, sha256), target);
    // A shared file that rotted in the earlier backup must not spoil this one: copy afresh instead.
    const bytes = readFileSync(target);
    if (bytes.length === size && sha256Bytes(bytes) === sha256) return size;
    rmSync(target, { force: true });
    return null;
  } catch {
    return null;
  }
}

/**
 * Writes one verified backup and returns its manifest and folder. Everything is synchronous: the
 * database copy, the attachments it names (copied from the data folder and hashed on the way, so a
 * damaged source file is recorded as missing, never copied under a hash it no longer has), the
 * manifest, then the full verification; on any failure the half-written folder is removed.
 */
export function writeBackup(options: WriteBackupOptions): { manifest: BackupManifest; folder: string } {
  const { source, dataDir, targetDir, reason, now, appVersion, schemaVersion, nativeBinding } = options;
  const where = `备份文件夹 ${targetDir}`;
  let temp = '';
  try {
    mkdirSync(targetDir, { recursive: true });
    temp = join(targetDir, `${WRITING_PREFIX}${now.getTime()}-${Math.random().toString(16).slice(2, 8)}`);
    mkdirSync(temp);
    const dbFile = join(temp, DATABASE_FILE);
    const size = source.snapshotTo(dbFile);
    const described = source.describe();
    const attachments: { sha256: string; size: number }[] = [];
    const missingAttachments: string[] = [];
    const previous = newestVerified(targetDir);
    for (const sha256 of described.attachmentHashes) {
      const linked = previous ? linkFromPrevious(previous, temp, sha256) : null;
      if (linked !== null) {
        attachments.push({ sha256, size: linked });
        continue;
      }
      let bytes: Buffer;
      try {
        bytes = readFileSync(attachmentPath(dataDir, sha256));
      } catch {
        missingAttachments.push(sha256);
        continue;
      }
      if (sha256Bytes(bytes) !== sha256) {
        missingAttachments.push(sha256);
        continue;
      }
      writeFileDurably(attachmentPath(temp, sha256), bytes);
      attachments.push({ sha256, size: bytes.length });
    }
    const takenAt = localStamp(now);
    const id = uniqueId(targetDir, takenAt, reason);
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: 1,
      id,
      takenAt,
      createdAt: now.toISOString(),
      reason,
      appVersion,
      schemaVersion,
      branchName: described.branchName,
      counts: described.counts,
      database: { file: DATABASE_FILE, size, sha256: sha256File(dbFile) },
      attachments,
      missingAttachments,
      verifiedAt: '',
    };
    const verification = verifyBackupFolder(temp, manifest, nativeBinding);
    if (!verification.ok) throw new AppError('STORE_UNAVAILABLE', `备份写入后校验未通过（${verification.problem}），该备份已丢弃。请检查备份位置所在的磁盘后重试。`);
    manifest.verifiedAt = new Date().toISOString();
    writeFileDurably(join(temp, MANIFEST_FILE), Buffer.from(JSON.stringify(manifest, null, 2), 'utf8'));
    const folder = join(targetDir, id);
    renameSync(temp, folder);
    fsyncFolder(targetDir);
    return { manifest, folder };
  } catch (error) {
    if (temp) rmSync(temp, { recursive: true, force: true });
    throw diskError(error, '备份', where);
  }
}

export function itemOf(folder: string, id: string, manifest: BackupManifest | null, problem: string | null): BackupItem {
  const match = ID_PATTERN.exec(id);
  const takenAt = manifest?.takenAt ?? (match ? `${match[1]}T${match[2]}:${match[3]}:${match[4]}` : '');
  const reason = manifest?.reason ?? ((BACKUP_REASONS as readonly string[]).includes(match?.[5] ?? '') ? (match![5] as BackupReason) : 'manual');
  return {
    id,
    takenAt,
    reason,
    sizeBytes: manifest ? manifest.database.size + manifest.attachments.reduce((sum, item) => sum + item.size, 0) : 0,
    status: problem ? 'damaged' : 'verified',
    problem,
    branchName: manifest?.branchName ?? null,
    appVersion: manifest?.appVersion ?? '',
    schemaVersion: manifest?.schemaVersion ?? 0,
    counts: countsOf(manifest?.counts ?? {}),
    attachmentFiles: manifest?.attachments.length ?? 0,
    location: folder,
  };
}

/** Every backup in a folder, newest first, with the quick check's status. Leftover temp folders are skipped. */
export function listBackups(backupDir: string): BackupItem[] {
  let names: string[];
  try {
    names = readdirSync(backupDir);
  } catch {
    return [];
  }
  return names
    .filter((name) => ID_PATTERN.test(name))
    .map((id) => {
      const folder = join(backupDir, id);
      const manifest = readManifest(folder);
      return itemOf(folder, id, manifest, quickProblem(folder, manifest));
    })
    .sort((a, b) => (a.takenAt < b.takenAt ? 1 : a.takenAt > b.takenAt ? -1 : a.id < b.id ? 1 : -1));
}

/** Applies the rotation rules to a backup folder; returns the ids removed. Leftover temp folders older than a day go too. */
export function rotateFolder(backupDir: string, policy?: RotationPolicy, now: Date = new Date()): string[] {
  const items = listBackups(backupDir);
  const { remove } = rotateBackups(
    items.map((item) => ({ id: item.id, takenAt: item.takenAt, good: item.status === 'verified' })),
    localStamp(now).slice(0, 10),
    policy,
  );
  for (const id of remove) rmSync(join(backupDir, id), { recursive: true, force: true });
  try {
    for (const name of readdirSync(backupDir)) {
      if (name.startsWith(WRITING_PREFIX) && now.getTime() - statSync(join(backupDir, name)).mtimeMs > 86_400_000) {
        rmSync(join(backupDir, name), { recursive: true, force: true });
      }
    }
  } catch {
    // Housekeeping only.
  }
  return remove;
}

/** Copies one finished backup folder to another backup folder (temp name, then rename), checking the copy's database hash. */
export function copyBackupFolder(from: string, toDir: string, id: string): void {
  const manifest = readManifest(from);
  if (!manifest) throw new AppError('VALIDATION', `备份 ${id} 的清单无法读取，未复制。`);
  const temp = join(toDir, `${WRITING_PREFIX}copy-${id}`);
  rmSync(temp, { recursive: true, force: true });
  try {
    mkdirSync(temp, { recursive: true });
    copyFileDurably(join(from, manifest.database.file), join(temp, manifest.database.file));
    for (const item of manifest.attachments) copyFileDurably(attachmentPath(from, item.sha256), attachmentPath(temp, item.sha256));
    copyFileDurably(join(from, MANIFEST_FILE), join(temp, MANIFEST_FILE));
    if (sha256File(join(temp, manifest.database.file)) !== manifest.database.sha256) {
      throw new AppError('STORE_UNAVAILABLE', `备份 ${id} 复制后校验不符，未移动。请检查新位置所在的磁盘。`);
    }
    renameSync(temp, join(toDir, id));
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
}
