import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../src/main/core';
import { databasePath } from '../../src/main/dataDir';
import { MIGRATIONS, migrate } from '../../src/main/store/migrate';
import type { BackupInspection, BackupItem, DataSafetyStatus, HandoverCheck, HandoverExport, RestoreResult } from '../../src/shared/contract/dataSafety';
import type { ErrorBody } from '../../src/shared/contract/errors';
import type { MeetingListItem } from '../../src/shared/contract/meetings';
import type { MemberListItem } from '../../src/shared/contract/members';
import type { MemberImportCheckResult } from '../../src/shared/contract/memberImport';
import { aBranch } from '../helpers/builders';
import { call, fixedClock, tempDataDir } from '../helpers/tempCore';

// 数据安全 end to end on real files in temp folders: backups (verified, rotated, moved), restore
// (round trip, damaged backups refused, damaged database at start), and the encrypted handover package.

const opened: Core[] = [];
afterEach(() => {
  while (opened.length > 0) opened.pop()!.close();
});

type Clock = ReturnType<typeof fixedClock>;

/** A core as the desktop and browser mode open it: automatic backups on, damaged start offers restore. */
function safeCore(dataDir: string, clock: Clock = fixedClock('2026-11-22T10:00:00')): Core {
  const core = openCore({ dataDir, host: 'browser', clock, logError: () => undefined, autoBackup: true });
  opened.push(core);
  return core;
}

async function refusal(core: Core, method: string, input?: unknown): Promise<ErrorBody> {
  const result = await core.dispatch(method, input);
  if (result.ok) throw new Error(`${method} should have been refused`);
  return result.error;
}

/** Every row of every table, in rowid order: byte-for-byte what the data is. */
function dumpTables(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[]).map((row) => row.name);
    return Object.fromEntries(tables.map((name) => [name, db.prepare(`SELECT * FROM "${name}"`).raw().all()]));
  } finally {
    db.close();
  }
}

function dumpLive(core: Core): Record<string, unknown[]> {
  const db = core.store.unsafeDatabase();
  const tables = (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[]).map((row) => row.name);
  return Object.fromEntries(tables.map((name) => [name, db.prepare(`SELECT * FROM "${name}"`).raw().all()]));
}

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Every file under a folder with its hash (relative paths), to prove nothing was written. */
function snapshotFolder(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      // SQLite's own -wal/-shm files may change on reads; the tables are compared separately.
      else if (!/-(wal|shm)$/.test(name)) files[relative(root, full)] = sha(readFileSync(full));
    }
  };
  walk(root);
  return files;
}

const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from('第一张照片的内容'.repeat(40))]);
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('签到表'.repeat(500))]);

/** The demo branch plus two attachments on its first meeting. */
async function branchWithAttachments(core: Core): Promise<{ meetingId: number }> {
  await call(core, 'demo:create');
  const [meeting] = await call<MeetingListItem[]>(core, 'meetings:list', {});
  await call(core, 'attachments:add', { meetingId: meeting.id, kind: 'photo', fileName: '现场照片.png', contentBase64: PNG.toString('base64') });
  await call(core, 'attachments:add', { meetingId: meeting.id, kind: 'signInSheet', fileName: '签到表.pdf', contentBase64: PDF.toString('base64') });
  return { meetingId: meeting.id };
}

describe('backups: written, verified, listed', () => {
  it('takes the day’s first backup at start, with a manifest describing the copy', async () => {
    const dataDir = tempDataDir();
    const clock = fixedClock('2026-11-22T10:00:00');
    const first = safeCore(dataDir, clock);
    await branchWithAttachments(first);
    first.close();

    clock.set('2026-11-23T08:30:00');
    const core = safeCore(dataDir, clock);
    const backups = await call<BackupItem[]>(core, 'dataSafety:backups');
    const daily = backups.find((item) => item.takenAt === '2026-11-23T08:30:00')!;
    expect(daily).toMatchObject({ reason: 'daily', status: 'verified', problem: null, branchName: expect.stringContaining('支部'), attachmentFiles: 2 });
    expect(daily.counts.members).toBeGreaterThan(20);

    const manifest = JSON.parse(readFileSync(join(daily.location, 'manifest.json'), 'utf8'));
    const dbCopy = join(daily.location, 'branch-ledger.sqlite3');
    expect(manifest).toMatchObject({ appVersion: expect.any(String), schemaVersion: MIGRATIONS.length, reason: 'daily', createdAt: new Date('2026-11-23T08:30:00').toISOString() });
    expect(manifest.database.sha256).toBe(sha(readFileSync(dbCopy)));
    expect(manifest.counts).toEqual(core.store.system.rowCounts());
    // Only the files the records name, stored as in the data folder.
    for (const item of manifest.attachments) expect(sha(readFileSync(join(daily.location, 'attachments', item.sha256.slice(0, 2), item.sha256)))).toBe(item.sha256);

    // A second start the same day takes no second daily backup.
    core.close();
    clock.set('2026-11-23T15:00:00');
    const again = safeCore(dataDir, clock);
    expect((await call<BackupItem[]>(again, 'dataSafety:backups')).filter((item) => item.reason === 'daily')).toHaveLength(2);
  });

  it('backs up before a member import commits, and before deleted records are purged at start', async () => {
    const dataDir = tempDataDir();
    const clock = fixedClock('2026-11-22T10:00:00');
    const core = safeCore(dataDir, clock);
    await call(core, 'demo:create');
    clock.set('2026-11-22T11:00:00');
    const check = await call<MemberImportCheckResult>(core, 'memberImport:check', {
      rows: [{ rowNumber: 2, values: { name: '测试导入', gender: '男', birthDate: '1985-04-01', admittedOn: '2010-07-01', confirmedOn: '2011-07-01', category: '正式党员' } }],
    });
    expect(check.counts.withErrors).toBe(0);
    await call(core, 'memberImport:import', { fileName: '花名册.xlsx', rows: check.rows.map(({ rowNumber, values }) => ({ rowNumber, values })) });
    let backups = await call<BackupItem[]>(core, 'dataSafety:backups');
    const beforeImport = backups.find((item) => item.reason === 'beforeImport')!;
    expect(beforeImport.takenAt).toBe('2026-11-22T11:00:00');
    // The backup holds the roster as it was before the import.
    expect(beforeImport.counts.members).toBe(core.store.system.rowCounts().members - 1);

    const [meeting] = await call<MeetingListItem[]>(core, 'meetings:list', {});
    await call(core, 'meetings:delete', { id: meeting.id });
    core.close();
    clock.set('2026-11-22T16:00:00');
    const reopened = safeCore(dataDir, clock);
    backups = await call<BackupItem[]>(reopened, 'dataSafety:backups');
    expect(backups[0]).toMatchObject({ reason: 'beforePurge', takenAt: '2026-11-22T16:00:00' });
    expect(backups[0].counts.meetings).toBe(reopened.store.system.rowCounts().meetings + 1);
  });

  it('backs up the old schema before migrations change it', async () => {
    const dataDir = tempDataDir();
    mkdirSync(dataDir, { recursive: true });
    const db = new Database(databasePath(dataDir));
    db.pragma('journal_mode = WAL');
    migrate(db, MIGRATIONS.slice(0, -1));
    db.close();
    const core = safeCore(dataDir);
    const backups = await call<BackupItem[]>(core, 'dataSafety:backups');
    const before = backups.find((item) => item.reason === 'beforeMigration')!;
    expect(before).toMatchObject({ schemaVersion: MIGRATIONS.length - 1, status: 'verified' });
    expect(core.store.schemaVersion()).toBe(MIGRATIONS.length);
  });

  it('finds a damaged backup: a flipped byte, a missing attachment', async () => {
    const dataDir = tempDataDir();
    const core = safeCore(dataDir);
    await branchWithAttachments(core);
    const good = await call<BackupItem>(core, 'dataSafety:backupNow');
    expect((await call<BackupInspection>(core, 'dataSafety:inspect', { source: { kind: 'backup', id: good.id } })).status).toBe('verified');

    const dbCopy = join(good.location, 'branch-ledger.sqlite3');
    const bytes = readFileSync(dbCopy);
    bytes[bytes.length - 100] ^= 0x40;
    writeFileSync(dbCopy, bytes);
    const inspection = await call<BackupInspection>(core, 'dataSafety:inspect', { source: { kind: 'backup', id: good.id } });
    expect(inspection).toMatchObject({ status: 'damaged', problem: expect.stringContaining('校验值不符') });
    // Once found, the list shows it too, and a restore from it is refused without touching the data.
    expect((await call<BackupItem[]>(core, 'dataSafety:backups')).find((item) => item.id === good.id)!.status).toBe('damaged');
    const before = dumpLive(core);
    const error = await refusal(core, 'dataSafety:restore', { source: { kind: 'backup', id: good.id } });
    expect(error.message).toContain('已损坏');
    expect(dumpLive(core)).toEqual(before);

    const second = await call<BackupItem>(core, 'dataSafety:backupNow');
    const manifest = JSON.parse(readFileSync(join(second.location, 'manifest.json'), 'utf8'));
    rmSync(join(second.location, 'attachments', manifest.attachments[0].sha256.slice(0, 2), manifest.attachments[0].sha256));
    expect(await call<BackupInspection>(core, 'dataSafety:inspect', { source: { kind: 'backup', id: second.id } })).toMatchObject({
      status: 'damaged',
      problem: expect.stringContaining('缺少附件文件'),
    });

    // A replaced database file shows in the list at once (the quick check compares sizes).
    const third = await call<BackupItem>(core, 'dataSafety:backupNow');
    writeFileSync(join(third.location, 'branch-ledger.sqlite3'), 'not a database');
    expect((await call<BackupItem[]>(core, 'dataSafety:backups')).find((item) => item.id === third.id)).toMatchObject({ status: 'damaged' });
  });

  it('rotates over simulated days: 2 recent days whole, 7 daily, 4 weekly, 12 monthly, files removed', async () => {
    const dataDir = tempDataDir();
    const clock = fixedClock('2026-01-01T09:00:00');
    const core = safeCore(dataDir, clock);
    await call(core, 'branch:create', aBranch({ name: '测试党支部' }));
    // One backup a day for 100 days (2026-01-01 … 2026-04-10), two on the last day.
    for (let day = 0; day < 100; day += 1) {
      clock.set(new Date(2026, 0, 1 + day, 9, 0, 0).toISOString());
      await call(core, 'dataSafety:backupNow');
    }
    clock.set('2026-04-10T17:00:00');
    await call(core, 'dataSafety:backupNow');
    const kept = (await call<BackupItem[]>(core, 'dataSafety:backups')).map((item) => item.takenAt.slice(0, 10));
    expect(kept).toEqual([
      '2026-04-10', '2026-04-10', // today, both kept
      '2026-04-09', '2026-04-08', '2026-04-07', '2026-04-06', '2026-04-05', '2026-04-04', // daily
      '2026-03-29', '2026-03-22', // weekly: Sundays ending the weeks before
      '2026-03-31', '2026-02-28', '2026-01-31', // monthly
    ].sort().reverse());
    const status = await call<DataSafetyStatus>(core, 'dataSafety:status');
    expect(readdirSync(status.backupDir).filter((name) => !name.startsWith('.'))).toHaveLength(kept.length);
  });
});

describe('restore', () => {
  it('round trip: backup, change, restore gives back byte-identical tables and attachments', async () => {
    const dataDir = tempDataDir();
    const clock = fixedClock('2026-11-22T10:00:00');
    const core = safeCore(dataDir, clock);
    const { meetingId } = await branchWithAttachments(core);
    const before = dumpLive(core);
    clock.set('2026-11-22T11:00:00');
    const backup = await call<BackupItem>(core, 'dataSafety:backupNow');
    expect(dumpTables(join(backup.location, 'branch-ledger.sqlite3'))).toEqual(before);

    // Change things: rename a member, remove an attachment (its file goes), add a member.
    const [member] = await call<MemberListItem[]>(core, 'members:list');
    const [attachment] = await call<{ id: number; sha256: string }[]>(core, 'attachments:list', { meetingId });
    await call(core, 'attachments:delete', { id: attachment.id });
    expect(existsSync(join(dataDir, 'attachments', attachment.sha256.slice(0, 2), attachment.sha256))).toBe(false);
    core.store.unsafeDatabase().prepare(`UPDATE members SET name = '改过的名字' WHERE id = ?`).run(member.id);
    expect(dumpLive(core)).not.toEqual(before);

    clock.set('2026-11-22T12:00:00');
    const inspection = await call<BackupInspection>(core, 'dataSafety:inspect', { source: { kind: 'backup', id: backup.id } });
    expect(inspection).toMatchObject({ status: 'verified', sourceKind: 'backup', missingAttachments: 0, tooNew: false });
    const result = await call<RestoreResult>(core, 'dataSafety:restore', { source: { kind: 'backup', id: backup.id } });
    expect(result.safetyBackupId).toMatch(/_beforeRestore$/);

    // The same core answers from the restored file.
    expect(dumpLive(core)).toEqual(before);
    const attachments = await call<{ id: number }[]>(core, 'attachments:list', { meetingId });
    const contents = await Promise.all(attachments.map((item) => call<{ contentBase64: string }>(core, 'attachments:get', { id: item.id })));
    expect(contents.map((item) => sha(Buffer.from(item.contentBase64, 'base64'))).sort()).toEqual([sha(PNG), sha(PDF)].sort());
    expect((await call<MemberListItem[]>(core, 'members:list')).some((item) => item.name === '改过的名字')).toBe(false);

    // The data just before the restore is itself a backup, and restoring it undoes the restore.
    const backups = await call<BackupItem[]>(core, 'dataSafety:backups');
    expect(backups.map((item) => item.id)).toContain(backup.id);
    await call(core, 'dataSafety:restore', { source: { kind: 'backup', id: result.safetyBackupId } });
    expect((await call<MemberListItem[]>(core, 'members:list')).some((item) => item.name === '改过的名字')).toBe(true);
    // No temp files left beside the database.
    expect(readdirSync(dataDir).filter((name) => name.endsWith('.tmp') || name.startsWith('.handover'))).toEqual([]);
  });

  it('restores from a backup folder elsewhere and from a bare database file', async () => {
    const dataDir = tempDataDir();
    const core = safeCore(dataDir);
    await branchWithAttachments(core);
    const before = dumpLive(core);
    const backup = await call<BackupItem>(core, 'dataSafety:backupNow');
    core.store.unsafeDatabase().exec(`DELETE FROM member_events; UPDATE members SET note = '改过'`);

    const bare = join(tempDataDir(), 'old-pc.sqlite3');
    writeFileSync(bare, readFileSync(join(backup.location, 'branch-ledger.sqlite3')));
    const inspection = await call<BackupInspection>(core, 'dataSafety:inspect', { source: { kind: 'path', path: bare } });
    expect(inspection).toMatchObject({ sourceKind: 'file', status: 'verified', missingAttachments: 0 });
    await call(core, 'dataSafety:restore', { source: { kind: 'path', path: bare } });
    expect(dumpLive(core)).toEqual(before);

    core.store.unsafeDatabase().exec(`UPDATE members SET note = '又改过'`);
    await call(core, 'dataSafety:restore', { source: { kind: 'path', path: backup.location } });
    expect(dumpLive(core)).toEqual(before);

    const notThere = await refusal(core, 'dataSafety:inspect', { source: { kind: 'path', path: join(dataDir, 'nope') } });
    expect(notThere).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('找不到') });
    const relativePath = await refusal(core, 'dataSafety:inspect', { source: { kind: 'path', path: 'backups/x' } });
    expect(relativePath.message).toContain('完整的位置');
    const traversal = await refusal(core, 'dataSafety:restore', { source: { kind: 'backup', id: '../../etc' } });
    expect(traversal.code).toBe('VALIDATION');
  });

  it('a damaged database at start: the app opens in restore mode and restores the newest good backup', async () => {
    const dataDir = tempDataDir();
    const clock = fixedClock('2026-11-22T10:00:00');
    const core = safeCore(dataDir, clock);
    await branchWithAttachments(core);
    const good = await call<BackupItem>(core, 'dataSafety:backupNow');
    const expected = dumpLive(core);
    core.close();

    // Pages after the schema overwritten with noise (header intact): the integrity check fails.
    const file = databasePath(dataDir);
    const bytes = readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    for (let offset = pageSize * 2; offset < bytes.length; offset += 7) bytes[offset] = (offset * 31) & 0xff;
    writeFileSync(file, bytes);

    clock.set('2026-11-23T09:00:00');
    const damaged = safeCore(dataDir, clock);
    expect(damaged.damaged).toContain('数据文件无法使用');
    expect(await refusal(damaged, 'members:list')).toMatchObject({ code: 'STORE_CORRUPT' });
    const status = await call<DataSafetyStatus>(damaged, 'dataSafety:status');
    expect(status).toMatchObject({ state: 'damaged', problem: expect.stringContaining('已损坏') });
    expect(status.newestGood!.id).toBe(good.id);
    expect(await refusal(damaged, 'dataSafety:backupNow')).toMatchObject({ code: 'STORE_CORRUPT' });

    const result = await call<RestoreResult>(damaged, 'dataSafety:restore', { source: { kind: 'backup', id: status.newestGood!.id } });
    expect(result.safetyBackupId).toBeNull();
    expect(sha(readFileSync(result.keptDamagedFile!))).toBe(sha(bytes));
    expect(damaged.damaged).toBeNull();
    expect(dumpLive(damaged)).toEqual(expected);
    expect((await call<DataSafetyStatus>(damaged, 'dataSafety:status')).state).toBe('ok');
  });

  it('a file that is not a database at all starts in restore mode too; the CLI refuses instead', async () => {
    const dataDir = tempDataDir();
    const core = safeCore(dataDir);
    await call(core, 'demo:create');
    const good = await call<BackupItem>(core, 'dataSafety:backupNow');
    core.close();
    writeFileSync(databasePath(dataDir), '这不是数据库'.repeat(100));
    expect(() => openCore({ dataDir, host: 'cli' })).toThrow(expect.objectContaining({ code: 'STORE_CORRUPT' }));
    const damaged = safeCore(dataDir);
    expect((await call<DataSafetyStatus>(damaged, 'dataSafety:status')).state).toBe('damaged');
    await call(damaged, 'dataSafety:restore', { source: { kind: 'backup', id: good.id } });
    expect((await call<MemberListItem[]>(damaged, 'members:list')).length).toBeGreaterThan(20);
  });
});

describe('backup folder', () => {
  it('moves existing backups to a new folder, and refuses one it cannot write to', async () => {
    const dataDir = tempDataDir();
    const core = safeCore(dataDir);
    await branchWithAttachments(core);
    await call(core, 'dataSafety:backupNow');
    const oldList = await call<BackupItem[]>(core, 'dataSafety:backups');
    const usb = join(tempDataDir(), 'U盘', '支部台账备份');
    const moved = await call<{ backupDir: string; moved: number }>(core, 'dataSafety:setBackupFolder', { path: usb });
    expect(moved).toEqual({ backupDir: usb, moved: oldList.length });
    const newList = await call<BackupItem[]>(core, 'dataSafety:backups');
    expect(newList.map((item) => item.id)).toEqual(oldList.map((item) => item.id));
    expect(newList.every((item) => item.location.startsWith(usb) && item.status === 'verified')).toBe(true);
    expect(existsSync(oldList[0].location)).toBe(false);
    const inspection = await call<BackupInspection>(core, 'dataSafety:inspect', { source: { kind: 'backup', id: newList[0].id } });
    expect(inspection.status).toBe('verified');
    // The setting survives a restart (it lives beside the database, not in it).
    core.close();
    const again = safeCore(dataDir, fixedClock('2026-11-22T10:05:00'));
    expect((await call<DataSafetyStatus>(again, 'dataSafety:status')).backupDir).toBe(usb);

    const blocker = join(tempDataDir(), 'a-file');
    writeFileSync(blocker, 'x');
    const error = await refusal(again, 'dataSafety:setBackupFolder', { path: join(blocker, 'backups') });
    expect(error).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('无法在文件夹') });
    expect(error.details![0]).toMatchObject({ path: 'path', label: '位置' });
    const intoAttachments = await refusal(again, 'dataSafety:setBackupFolder', { path: join(dataDir, 'attachments', 'x') });
    expect(intoAttachments.message).toContain('附件文件夹');
    expect((await call<DataSafetyStatus>(again, 'dataSafety:status')).backupDir).toBe(usb);
  });
});

describe('handover package', () => {
  const PASSWORD = '支部交接-2026!';

  async function exported(): Promise<{ core: Core; dataDir: string; file: HandoverExport; expected: Record<string, unknown[]> }> {
    const dataDir = tempDataDir();
    const core = safeCore(dataDir);
    await branchWithAttachments(core);
    const outDir = join(tempDataDir(), '交接');
    const file = await call<HandoverExport>(core, 'dataSafety:exportHandover', { password: PASSWORD, folder: outDir });
    return { core, dataDir, file, expected: dumpLive(core) };
  }

  it('exports one encrypted file and imports it into a fresh installation', async () => {
    const { file, expected } = await exported();
    expect(file.fileName).toMatch(/^支部台账交接包_.+\.handover$/);
    expect(file.attachmentFiles).toBe(2);
    const bytes = readFileSync(file.path);
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('BLHANDOV');
    // Nothing readable inside: no SQLite header, no names, no attachment bytes.
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(bytes.includes(Buffer.from('支部', 'utf8'))).toBe(false);
    expect(bytes.includes(PDF.subarray(0, 64))).toBe(false);

    const fresh = tempDataDir();
    const newPc = safeCore(fresh);
    expect((await call<DataSafetyStatus>(newPc, 'dataSafety:status')).empty).toBe(true);
    const check = await call<HandoverCheck>(newPc, 'dataSafety:checkHandover', { source: { kind: 'path', path: file.path }, password: PASSWORD });
    expect(check).toMatchObject({ attachmentFiles: 2, tooNew: false, branchName: expect.stringContaining('支部') });
    const result = await call<RestoreResult>(newPc, 'dataSafety:importHandover', { source: { kind: 'path', path: file.path }, password: PASSWORD });
    expect(result.safetyBackupId).toBeNull(); // nothing to keep on a fresh installation
    expect(dumpLive(newPc)).toEqual(expected);
    const files = snapshotFolder(join(fresh, 'attachments'));
    expect(Object.values(files).sort()).toEqual([sha(PNG), sha(PDF)].sort());
  });

  it('imports from an upload over existing data, backing the data up first', async () => {
    const { file, expected } = await exported();
    const other = safeCore(tempDataDir());
    await call(other, 'branch:create', aBranch({ name: '另一个党支部' }));
    const result = await call<RestoreResult>(other, 'dataSafety:importHandover', {
      source: { kind: 'upload', fileName: file.fileName, contentBase64: readFileSync(file.path).toString('base64') },
      password: PASSWORD,
    });
    expect(result.safetyBackupId).toMatch(/_beforeRestore$/);
    expect(dumpLive(other)).toEqual(expected);
  });

  it('wrong password, truncation, a flipped byte in header or body: a clear message and nothing written', async () => {
    const { file } = await exported();
    const target = tempDataDir();
    const core = safeCore(target);
    await call(core, 'branch:create', aBranch({ name: '接收方党支部' }));
    const before = dumpLive(core);
    const filesBefore = snapshotFolder(target);
    const bytes = readFileSync(file.path);
    const variant = (name: string, content: Buffer) => {
      const path = join(tempDataDir(), name);
      writeFileSync(path, content);
      return path;
    };
    // Each attempt derives the key (scrypt, about half a second), so only import is tried per variant.
    const attempt = (path: string, password = PASSWORD) => refusal(core, 'dataSafety:importHandover', { source: { kind: 'path', path }, password });

    const checked = await refusal(core, 'dataSafety:checkHandover', { source: { kind: 'path', path: file.path }, password: '不是这个密码123' });
    const wrong = await attempt(file.path, '不是这个密码123');
    expect(checked.message).toBe(wrong.message);
    expect(wrong).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('密码不正确') });
    expect(wrong.details![0]).toMatchObject({ path: 'password' });

    expect((await attempt(variant('cut-end.handover', bytes.subarray(0, bytes.length - 10)))).message).toContain('不完整');
    expect((await attempt(variant('cut-middle.handover', bytes.subarray(0, Math.floor(bytes.length / 2))))).message).toContain('不完整');
    expect((await attempt(variant('cut-header.handover', bytes.subarray(0, 40)))).message).toContain('不完整');

    const headerFlip = Buffer.from(bytes);
    headerFlip[20] ^= 0x01; // inside the salt
    expect((await attempt(variant('header.handover', headerFlip))).message).toContain('文件头已损坏');
    const paramFlip = Buffer.from(bytes);
    paramFlip[10] ^= 0x01; // scrypt cost
    expect((await attempt(variant('params.handover', paramFlip))).message).toContain('文件头已损坏');

    const bodyFlip = Buffer.from(bytes);
    bodyFlip[Math.floor(bytes.length * 0.7)] ^= 0x80;
    expect((await attempt(variant('body.handover', bodyFlip))).message).toContain('已损坏或被改动');
    const lastChunkFlip = Buffer.from(bytes);
    lastChunkFlip[bytes.length - 20] ^= 0x01;
    expect((await attempt(variant('tail.handover', lastChunkFlip))).message).toContain('已损坏或被改动');
    expect((await attempt(variant('extra.handover', Buffer.concat([bytes, Buffer.from('x')])))).message).toContain('多余');
    expect((await attempt(variant('other.handover', Buffer.from('PK\u0003\u0004 a zip file')))).message).toContain('不是支部台账交接包');

    expect(dumpLive(core)).toEqual(before);
    expect(snapshotFolder(target)).toEqual(filesBefore);
  });

  it('refuses a password shorter than 8 characters', async () => {
    const core = safeCore(tempDataDir());
    await call(core, 'branch:create', aBranch({ name: '测试党支部' }));
    const error = await refusal(core, 'dataSafety:exportHandover', { password: '1234567' });
    expect(error).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('至少 8 位') });
    expect(error.details![0].label).toBe('密码');
  });
});
