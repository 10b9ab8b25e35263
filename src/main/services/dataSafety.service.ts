import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type {
  BackupInspection,
  BackupItem,
  DataSafetyStatus,
  HandoverCheck,
  HandoverExport,
  HandoverSource,
  RestoreResult,
  RestoreSource,
} from '../../shared/contract/dataSafety';
import { AppError } from '../../shared/contract/errors';
import { safeFileName } from '../../shared/domain/attachments';
import { BACKUP_REASON_LABELS, type BackupReason } from '../../shared/domain/dataSafety';
import { DATABASE_FILE, databasePath } from '../dataDir';
import { describeDatabase, hasSqliteHeader, LATEST_SCHEMA_VERSION, markRollbackJournal, type SnapshotSource, type Store } from '../store';
import {
  attachmentPath,
  copyBackupFolder,
  countsOf,
  itemOf,
  listBackups,
  localStamp,
  MANIFEST_FILE,
  readManifest,
  rotateFolder,
  verifyBackupFolder,
  writeBackup,
  type BackupManifest,
} from './dataSafety.backups';
import { copyFileDurably, diskError, fsyncFolder, sha256File, tempName, writeFileDurably } from './dataSafety.files';
import { bufferSource, fileSource, HANDOVER_EXTENSION, HandoverWriter, readHandover, type ByteSource } from './dataSafety.handover';

// 设置 ▸ 数据安全: automatic and manual backups, restore (from the list, another folder or a bare
// database file), the damaged-database start, and the encrypted handover package. Everything that
// touches files is synchronous: a restore must not interleave with other requests, and the backups
// at start must finish before migrations and purges change the data.

/** Where the backup folder setting lives: beside the database, not in it (a damaged database must still find its backups). */
export const SETTINGS_FILE = 'data-safety.json';
export const DEFAULT_BACKUP_FOLDER = 'backups';

/** What the core lets data safety do with the store it holds. */
export interface StoreControl {
  /** The open store, or null when the database failed its check at start. */
  store(): Store | null;
  /** Why the database could not be opened (Chinese), or null. */
  damagedProblem(): string | null;
  /** Closes the store so its file can be replaced. */
  close(): void;
  /** Opens the store again on whatever file is now in place (damaged state if it cannot). */
  reopen(): void;
}

export interface DataSafetyOptions {
  dataDir: string;
  clock: () => Date;
  appVersion: string;
  /** Daily backups and backups before risky operations (off for the CLI and most tests). */
  autoBackup: boolean;
  control: StoreControl;
  nativeBinding?: string;
}

/** What services call before a risky operation (import, undo of an import, …). */
export interface BackupHook {
  takeBefore(reason: BackupReason): BackupItem | null;
}

interface Prepared {
  sourceKind: BackupInspection['sourceKind'];
  /** The backup folder (for attachments and the manifest), or null for a bare database file. */
  folder: string | null;
  dbFile: string;
  manifest: BackupManifest | null;
  id: string;
  location: string;
  cleanup(): void;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function folderProblem(message: string, field = 'path'): AppError {
  return new AppError('VALIDATION', message, [{ path: field, label: field === 'folder' ? '保存到' : '位置', message }]);
}

export function createDataSafetyService({ dataDir, clock, appVersion, autoBackup, control, nativeBinding }: DataSafetyOptions) {
  const settingsFile = join(dataDir, SETTINGS_FILE);
  const defaultBackupDir = join(dataDir, DEFAULT_BACKUP_FOLDER);
  const dbPath = databasePath(dataDir);
  let lastAutoBackupError: string | null = null;
  /** Damage found by a full check (inspect, restore) in this run, shown in the list, which only checks quickly. */
  const knownDamage = new Map<string, string>();

  function settings(): { backupDir?: string } {
    try {
      const value = JSON.parse(readFileSync(settingsFile, 'utf8')) as { backupDir?: unknown };
      return typeof value.backupDir === 'string' && isAbsolute(value.backupDir) ? { backupDir: value.backupDir } : {};
    } catch {
      return {};
    }
  }

  const backupDir = () => settings().backupDir ?? defaultBackupDir;

  function requireStore(what: string): Store {
    const store = control.store();
    if (!store) throw new AppError('STORE_CORRUPT', `数据文件已损坏，无法${what}。请先从备份恢复。`);
    return store;
  }

  function isEmpty(store: Store): boolean {
    const { counts } = store.snapshot.describe();
    return !counts.branch && !counts.members && !counts.meetings;
  }

  /** Writes one backup of the open store (or of `source` before migrations) and, unless told not to, rotates. */
  function take(reason: BackupReason, options: { store?: Store; source?: SnapshotSource; schemaVersion?: number; rotate?: boolean } = {}): BackupItem {
    const store = options.source ? null : (options.store ?? requireStore('备份'));
    const target = backupDir();
    const { manifest, folder } = writeBackup({
      source: options.source ?? store!.snapshot,
      dataDir,
      targetDir: target,
      reason,
      now: clock(),
      appVersion,
      schemaVersion: options.schemaVersion ?? store!.schemaVersion(),
      nativeBinding,
    });
    if (options.rotate !== false) {
      try {
        rotateFolder(target, undefined, clock());
      } catch {
        // Rotation is housekeeping; it is tried again after the next backup.
      }
    }
    lastAutoBackupError = null;
    return itemOf(folder, manifest.id, manifest, null);
  }

  /** An automatic backup at start: never stops the app; a failure is shown in 设置 ▸ 数据安全. */
  function takeQuietly(reason: BackupReason, options: { store?: Store; source?: SnapshotSource; schemaVersion?: number } = {}): void {
    try {
      take(reason, options);
    } catch (error) {
      lastAutoBackupError = `${localStamp(clock()).replace('T', ' ')} ${BACKUP_REASON_LABELS[reason]}未完成：${(error as Error).message}`;
    }
  }

  function listed(): BackupItem[] {
    return listBackups(backupDir()).map((item) => {
      const problem = item.problem ?? knownDamage.get(item.location) ?? null;
      return problem ? { ...item, status: 'damaged', problem } : item;
    });
  }

  function hasBackupOn(day: string): boolean {
    return listBackups(backupDir()).some((item) => item.status === 'verified' && item.takenAt.startsWith(day));
  }

  // ---- sources of a restore ----

  function prepareBackup(id: string): Prepared {
    const folder = join(backupDir(), id);
    if (!existsSync(folder)) throw new AppError('NOT_FOUND', '该备份已不存在（可能已被轮换删除或移走）。请刷新备份列表后重新选择。');
    return { sourceKind: 'backup', folder, dbFile: join(folder, DATABASE_FILE), manifest: readManifest(folder), id, location: folder, cleanup() {} };
  }

  function preparePath(path: string): Prepared {
    if (!isAbsolute(path)) throw folderProblem('请填写完整的位置（从盘符或根目录开始，如 E:\\支部台账备份\\2026-11-22_100000_daily）');
    const full = resolve(path);
    let stats;
    try {
      stats = statSync(full);
    } catch {
      throw folderProblem(`找不到 ${full}。请检查位置是否正确、U 盘或网络盘是否已连接。`);
    }
    if (stats.isDirectory()) {
      if (!existsSync(join(full, MANIFEST_FILE))) throw folderProblem(`${full} 不是支部台账的备份文件夹（里面没有 ${MANIFEST_FILE}）。请选择以日期命名的备份文件夹。`);
      return { sourceKind: 'folder', folder: full, dbFile: join(full, DATABASE_FILE), manifest: readManifest(full), id: full.split(/[\\/]/).pop() ?? full, location: full, cleanup() {} };
    }
    if (!hasSqliteHeader(full)) throw folderProblem(`${full} 不是支部台账的数据文件。请选择备份文件夹，或 ${DATABASE_FILE} 文件。`);
    // A bare database file may be in WAL mode: look at a private copy, never at the original.
    const copy = tempName(join(dataDir, 'picked.sqlite3'), 'inspect');
    try {
      mkdirSync(dataDir, { recursive: true });
      copyFileSync(full, copy);
      markRollbackJournal(copy);
    } catch (error) {
      rmSync(copy, { force: true });
      throw diskError(error, '读取所选文件', full);
    }
    return { sourceKind: 'file', folder: null, dbFile: copy, manifest: null, id: full.split(/[\\/]/).pop() ?? full, location: full, cleanup: () => rmSync(copy, { force: true }) };
  }

  function prepare(source: RestoreSource): Prepared {
    return source.kind === 'backup' ? prepareBackup(source.id) : preparePath(source.path);
  }

  const presentInDataFolder = (sha256: string) => existsSync(attachmentPath(dataDir, sha256));

  function inspectPrepared(prepared: Prepared): BackupInspection {
    if (prepared.folder) {
      const base = itemOf(prepared.location, prepared.id, prepared.manifest, prepared.manifest ? null : '备份清单缺失或无法读取');
      if (!prepared.manifest) return { ...base, sourceKind: prepared.sourceKind, tables: {}, missingAttachments: 0, tooNew: false };
      const verification = verifyBackupFolder(prepared.folder, prepared.manifest, nativeBinding);
      if (verification.ok) knownDamage.delete(prepared.folder);
      else knownDamage.set(prepared.folder, verification.problem!);
      const inBackup = new Set(prepared.manifest.attachments.map((item) => item.sha256));
      const missing = prepared.manifest.missingAttachments.filter((sha256) => !inBackup.has(sha256) && !presentInDataFolder(sha256)).length;
      return {
        ...base,
        status: verification.ok ? 'verified' : 'damaged',
        problem: verification.problem,
        sourceKind: prepared.sourceKind,
        tables: verification.tables,
        missingAttachments: missing,
        tooNew: verification.tooNew || prepared.manifest.schemaVersion > LATEST_SCHEMA_VERSION,
      };
    }
    const description = describeDatabase(prepared.dbFile, { nativeBinding });
    const ok = description.integrity === 'ok';
    let size = 0;
    try {
      size = statSync(prepared.dbFile).size;
    } catch {
      // Shown as 0.
    }
    return {
      id: prepared.id,
      takenAt: '',
      reason: 'manual',
      sizeBytes: size,
      status: ok ? 'verified' : 'damaged',
      problem: ok ? null : description.integrity,
      branchName: description.branchName,
      appVersion: '',
      schemaVersion: description.schemaVersion,
      counts: countsOf(description.counts),
      attachmentFiles: 0,
      location: prepared.location,
      sourceKind: 'file',
      tables: description.counts,
      missingAttachments: description.attachmentHashes.filter((sha256) => !presentInDataFolder(sha256)).length,
      tooNew: description.tooNew,
    };
  }

  /** Keeps a damaged database file aside (never deleted by the app) before a restore replaces it. */
  function keepDamagedFile(): string | null {
    if (!existsSync(dbPath)) return null;
    const kept = join(dataDir, `damaged-${localStamp(clock()).replace(/[-:]/g, '').replace('T', '-')}-${randomBytes(3).toString('hex')}.sqlite3`);
    copyFileSync(dbPath, kept);
    if (existsSync(`${dbPath}-wal`)) copyFileSync(`${dbPath}-wal`, `${kept}-wal`);
    return kept;
  }

  /**
   * The restore itself: verify the source, back up the current data (or keep a damaged file aside),
   * copy the attachments in, write the database to a temp file beside the live one and check it, and
   * only then close the store, rename over and reopen. Until the rename nothing of the current data
   * has changed (attachment files are content-addressed, so adding some changes nothing).
   */
  function restorePrepared(prepared: Prepared, what: string): RestoreResult {
    const inspection = inspectPrepared(prepared);
    if (inspection.status === 'damaged') {
      throw new AppError('VALIDATION', `${what}已损坏（${inspection.problem}），没有恢复，当前数据未改动。请选择其他备份。`);
    }
    if (inspection.tooNew) {
      throw new AppError('STORE_TOO_NEW', `${what}由更新版本的支部台账创建（数据版本 ${inspection.schemaVersion}），当前软件无法恢复它。请先升级软件；当前数据未改动。`);
    }
    const store = control.store();
    let safetyBackupId: string | null = null;
    let keptDamagedFile: string | null = null;
    if (store) {
      if (!isEmpty(store)) {
        try {
          safetyBackupId = take('beforeRestore', { rotate: false }).id;
        } catch (error) {
          throw new AppError((error as AppError).code ?? 'STORE_UNAVAILABLE', `恢复前未能备份当前数据，为安全起见没有恢复：${(error as Error).message}`);
        }
      }
    } else {
      try {
        keptDamagedFile = keepDamagedFile();
      } catch (error) {
        throw diskError(error, '保留损坏的数据文件（恢复前）', dataDir);
      }
    }

    const temp = tempName(dbPath, 'restore');
    try {
      if (prepared.folder && prepared.manifest) {
        for (const item of prepared.manifest.attachments) {
          const target = attachmentPath(dataDir, item.sha256);
          if (existsSync(target) && sha256File(target) === item.sha256) continue;
          copyFileDurably(attachmentPath(prepared.folder, item.sha256), target);
        }
      }
      copyFileDurably(prepared.dbFile, temp);
      markRollbackJournal(temp);
      const check = describeDatabase(temp, { nativeBinding });
      const sameCounts = Object.entries(inspection.tables).every(([table, count]) => check.counts[table] === count);
      if (check.integrity !== 'ok' || !sameCounts) {
        throw new AppError('STORE_UNAVAILABLE', `复制到数据文件夹后的检查未通过（${check.integrity === 'ok' ? '行数不符' : check.integrity}），没有恢复，当前数据未改动。请检查磁盘后重试。`);
      }
    } catch (error) {
      rmSync(temp, { force: true });
      throw diskError(error, '恢复', dataDir);
    }

    control.close();
    try {
      // The old database's journal files must not be applied to the restored file.
      for (const suffix of ['-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
      renameSync(temp, dbPath);
      fsyncFolder(dataDir);
    } catch (error) {
      rmSync(temp, { force: true });
      control.reopen();
      throw diskError(error, '恢复', dataDir);
    }
    control.reopen();
    try {
      rotateFolder(backupDir(), undefined, clock());
    } catch {
      // Housekeeping only.
    }
    const reopened = control.store();
    if (!reopened) throw new AppError('STORE_CORRUPT', `恢复后数据文件仍无法打开：${control.damagedProblem() ?? ''}。之前的数据已备份${safetyBackupId ? `（${safetyBackupId}）` : ''}，请选择其他备份。`);
    return { restoredFrom: prepared.location, safetyBackupId, counts: countsOf(inspection.tables), keptDamagedFile };
  }

  // ---- handover ----

  function handoverBytes(source: HandoverSource): { bytes: ByteSource; size: number } {
    if (source.kind === 'upload') {
      if (source.contentBase64.length % 4 !== 0 || !BASE64.test(source.contentBase64)) {
        throw new AppError('VALIDATION', `“${source.fileName}”的内容无法读取（不是有效的文件数据）。请重新选择该文件。`, [
          { path: 'source', label: '交接包', message: '文件内容无法读取，请重新选择' },
        ]);
      }
      const bytes = Buffer.from(source.contentBase64, 'base64');
      return { bytes: bufferSource(bytes), size: bytes.length };
    }
    if (!isAbsolute(source.path)) throw folderProblem('请填写交接包文件的完整位置（从盘符或根目录开始）');
    const full = resolve(source.path);
    try {
      const stats = statSync(full);
      if (!stats.isFile()) throw folderProblem(`${full} 是文件夹，请填写交接包文件（.handover）的位置。`);
      return { bytes: fileSource(full), size: stats.size };
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw folderProblem(`找不到交接包文件 ${full}。请检查位置是否正确、U 盘是否已连接。`);
    }
  }

  /** Decrypts and verifies a package into a staging folder; the caller removes it. */
  function unpack(source: HandoverSource, password: string): { staging: string; manifest: BackupManifest; size: number } {
    const { bytes, size } = handoverBytes(source);
    const staging = join(dataDir, `.handover-in-${randomBytes(6).toString('hex')}`);
    try {
      mkdirSync(staging, { recursive: true });
      readHandover(bytes, password, staging);
      const manifest = readManifest(staging);
      if (!manifest) throw new AppError('VALIDATION', '交接包中缺少备份清单，无法导入。请向交出方重新索取交接包。没有写入任何数据。');
      const verification = verifyBackupFolder(staging, manifest, nativeBinding);
      if (!verification.ok) throw new AppError('VALIDATION', `交接包中的数据未通过检查（${verification.problem}），没有写入任何数据。请向交出方重新索取交接包。`);
      return { staging, manifest, size };
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      throw error instanceof AppError ? error : diskError(error, '读取交接包', dataDir);
    } finally {
      bytes.close();
    }
  }

  function writableFolder(path: string, field: string): string {
    if (!isAbsolute(path)) throw folderProblem('请填写完整的位置（从盘符或根目录开始，如 E:\\支部台账备份）', field);
    const full = resolve(path);
    const probe = join(full, `.branch-ledger-probe-${randomBytes(4).toString('hex')}`);
    try {
      mkdirSync(full, { recursive: true });
      writeFileSync(probe, 'probe');
      unlinkSync(probe);
    } catch (error) {
      try {
        rmSync(probe, { force: true });
      } catch {
        // The probe was never written.
      }
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? '没有写入权限或是只读的' : code === 'ENOSPC' ? '磁盘已满' : `无法创建或写入（${code ?? '未知原因'}）`;
      throw folderProblem(`无法在文件夹 ${full} 中写入文件（${why}）。请换一个可写的文件夹。`, field);
    }
    return full;
  }

  const inside = (parent: string, child: string) => {
    const rel = relative(parent, child);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  };

  return {
    // ---- start of the app (called by the core, not over the contract) ----

    /** Before migrations change an existing database: a copy of it as it is. */
    beforeMigrate(source: SnapshotSource, from: number): void {
      if (autoBackup) takeQuietly('beforeMigration', { source, schemaVersion: from });
    },

    /** After the store opened: the day's first backup, or one before deleted records are purged for good. */
    atStart(store: Store): void {
      if (!autoBackup) return;
      const today = localStamp(clock()).slice(0, 10);
      if (!hasBackupOn(today)) takeQuietly('daily', { store });
      else if (store.snapshot.pendingPurges() > 0) takeQuietly('beforePurge', { store });
    },

    /** For services: a backup before a risky operation; a failure stops the operation. */
    takeBefore(reason: BackupReason): BackupItem | null {
      if (!autoBackup || !control.store()) return null;
      try {
        return take(reason);
      } catch (error) {
        throw new AppError(
          (error as AppError).code ?? 'STORE_UNAVAILABLE',
          `操作前的自动备份未能完成，为安全起见本次操作没有进行：${(error as Error).message} 请在“设置 → 数据安全”中检查备份位置。`,
        );
      }
    },

    // ---- the contract ----

    status(): DataSafetyStatus {
      const list = listed();
      const store = control.store();
      return {
        state: store ? 'ok' : 'damaged',
        problem: control.damagedProblem(),
        backupDir: backupDir(),
        defaultBackupDir,
        autoBackup,
        newestGood: list.find((item) => item.status === 'verified') ?? null,
        backupCount: list.length,
        lastAutoBackupError,
        empty: store ? isEmpty(store) : false,
      };
    },

    list(): BackupItem[] {
      return listed();
    },

    backupNow(): BackupItem {
      return take('manual');
    },

    inspect({ source }: { source: RestoreSource }): BackupInspection {
      const prepared = prepare(source);
      try {
        return inspectPrepared(prepared);
      } finally {
        prepared.cleanup();
      }
    },

    restore({ source }: { source: RestoreSource }): RestoreResult {
      const prepared = prepare(source);
      try {
        return restorePrepared(prepared, source.kind === 'backup' ? '该备份' : '所选的备份');
      } finally {
        prepared.cleanup();
      }
    },

    /** Moves the backups to another folder (copied and checked, then removed from the old place). */
    setBackupFolder({ path }: { path: string }): { backupDir: string; moved: number } {
      const target = writableFolder(path, 'path');
      const attachmentsRoot = join(dataDir, 'attachments');
      if (inside(attachmentsRoot, target) || resolve(target) === resolve(dataDir)) {
        throw folderProblem(`备份不能放在数据文件夹本身或其附件文件夹中。请选择其他文件夹，如 ${defaultBackupDir} 或 U 盘上的文件夹。`);
      }
      const current = backupDir();
      if (resolve(current) === target) return { backupDir: target, moved: 0 };
      if (inside(current, target)) throw folderProblem('新位置不能在当前备份文件夹里面。请选择其他文件夹。');
      const existing = listBackups(current).filter((item) => item.status === 'verified');
      const moved: string[] = [];
      try {
        for (const item of existing) {
          if (existsSync(join(target, item.id))) continue;
          copyBackupFolder(item.location, target, item.id);
          moved.push(item.id);
        }
      } catch (error) {
        for (const id of moved) rmSync(join(target, id), { recursive: true, force: true });
        throw diskError(error, '移动备份', target);
      }
      const next = resolve(target) === resolve(defaultBackupDir) ? {} : { backupDir: target };
      writeFileDurably(settingsFile, Buffer.from(JSON.stringify(next, null, 2), 'utf8'));
      for (const id of moved) rmSync(join(current, id), { recursive: true, force: true });
      return { backupDir: target, moved: moved.length };
    },

    exportHandover({ password, folder }: { password: string; folder?: string }): HandoverExport {
      const store = requireStore('导出交接包');
      const targetFolder = writableFolder(folder ?? backupDir(), 'folder');
      const staging = join(dataDir, `.handover-out-${randomBytes(6).toString('hex')}`);
      let partial = '';
      try {
        const { manifest, folder: backup } = writeBackup({
          source: store.snapshot,
          dataDir,
          targetDir: staging,
          reason: 'manual',
          now: clock(),
          appVersion,
          schemaVersion: store.schemaVersion(),
          nativeBinding,
        });
        const stamp = manifest.takenAt.slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
        const branch = safeFileName(manifest.branchName ?? '') || '支部';
        let fileName = `支部台账交接包_${branch}_${stamp}${HANDOVER_EXTENSION}`;
        for (let n = 2; existsSync(join(targetFolder, fileName)); n += 1) fileName = `支部台账交接包_${branch}_${stamp}_${n}${HANDOVER_EXTENSION}`;
        const path = join(targetFolder, fileName);
        partial = `${path}.partial`;
        rmSync(partial, { force: true });
        const writer = new HandoverWriter(partial, password);
        try {
          const manifestFile = join(backup, MANIFEST_FILE);
          writer.addFile('manifest.json', manifestFile, statSync(manifestFile).size, sha256File(manifestFile));
          writer.addFile(DATABASE_FILE, join(backup, DATABASE_FILE), manifest.database.size, manifest.database.sha256);
          for (const item of manifest.attachments) {
            writer.addFile(`attachments/${item.sha256.slice(0, 2)}/${item.sha256}`, attachmentPath(backup, item.sha256), item.size, item.sha256);
          }
          writer.finish();
        } catch (error) {
          writer.abort();
          throw error;
        }
        renameSync(partial, path);
        fsyncFolder(targetFolder);
        return { path, fileName, sizeBytes: statSync(path).size, counts: countsOf(manifest.counts), attachmentFiles: manifest.attachments.length };
      } catch (error) {
        if (partial) rmSync(partial, { force: true });
        throw diskError(error, '导出交接包', targetFolder);
      } finally {
        rmSync(staging, { recursive: true, force: true });
      }
    },

    checkHandover({ source, password }: { source: HandoverSource; password: string }): HandoverCheck {
      const { staging, manifest, size } = unpack(source, password);
      rmSync(staging, { recursive: true, force: true });
      return {
        branchName: manifest.branchName,
        takenAt: manifest.takenAt,
        appVersion: manifest.appVersion,
        schemaVersion: manifest.schemaVersion,
        counts: countsOf(manifest.counts),
        attachmentFiles: manifest.attachments.length,
        sizeBytes: size,
        tooNew: manifest.schemaVersion > LATEST_SCHEMA_VERSION,
      };
    },

    importHandover({ source, password }: { source: HandoverSource; password: string }): RestoreResult {
      const { staging, manifest } = unpack(source, password);
      try {
        return restorePrepared(
          {
            sourceKind: 'folder',
            folder: staging,
            dbFile: join(staging, DATABASE_FILE),
            manifest,
            id: manifest.id,
            location: source.kind === 'upload' ? source.fileName : source.path,
            cleanup() {},
          },
          '交接包中的数据',
        );
      } finally {
        rmSync(staging, { recursive: true, force: true });
      }
    },
  };
}

export type DataSafetyService = ReturnType<typeof createDataSafetyService>;
