import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../src/main/core';
import { databasePath } from '../../src/main/dataDir';
import { openStore } from '../../src/main/store';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, migrate } from '../../src/main/store/migrate';
import { AppError } from '../../src/shared/contract/errors';
import { aBranch, aMember } from '../helpers/builders';
import { call, tempCore, tempDataDir } from '../helpers/tempCore';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function openError(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the open to be refused');
}

describe('store: opening and migrating', () => {
  it('creates the database, migrates to the latest version and sets the pragmas', () => {
    const dir = tempDataDir();
    const store = openStore(databasePath(dir));
    const db = store.unsafeDatabase();
    expect(store.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    // Every ordinary table is STRICT; FTS5 tables (virtual, with their shadow tables) cannot be.
    const tables = db.prepare(`SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string; strict: number }[];
    expect(tables.length).toBeGreaterThan(0);
    for (const table of tables) expect(table.strict, table.name).toBe(1);
    store.close();
  });

  it('matches the committed schema snapshot (a schema change needs a new migration)', async () => {
    const store = openStore(databasePath(tempDataDir()));
    const schema = (store.unsafeDatabase().prepare(`SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY type, name`).all() as { sql: string }[])
      .map((row) => `${row.sql};`)
      .join('\n\n');
    store.close();
    await expect(schema).toMatchFileSnapshot('./__snapshots__/schema.sql');
  });

  it('keeps data through each migration (N-1 -> N)', () => {
    const dir = tempDataDir();
    const file = databasePath(dir);
    const db = new Database(file);
    migrate(db, MIGRATIONS.slice(0, 1));
    const now = new Date().toISOString();
    db.prepare(`INSERT INTO branch (id, name, kind, created_at, updated_at) VALUES (1, '中共某支部委员会', 'organ', ?, ?)`).run(now, now);
    db.close();
    const store = openStore(file);
    expect(store.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
    expect(store.branch.get()?.name).toBe('中共某支部委员会');
    store.close();
  });

  it('moves 入党/转正 dates into member events and 党小组 into dated memberships (2 -> 3)', () => {
    const file = databasePath(tempDataDir());
    const db = new Database(file);
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 2));
    const now = '2026-01-01T00:00:00.000Z';
    db.prepare(`INSERT INTO party_groups (id, name, created_at, updated_at) VALUES (7, '第一党小组', ?, ?)`).run(now, now);
    const insert = db.prepare(
      `INSERT INTO members (id, name, gender, id_number, admitted_on, confirmed_on, category, party_group_id, phone, created_at, updated_at)
       VALUES (?, ?, 'male', ?, ?, ?, ?, ?, '13800000000', ?, ?)`,
    );
    insert.run(1, '张三', '110101199003074477', '2015-06-30', '2016-06-30', 'full', 7, now, now);
    insert.run(2, '李四', null, '2025-06-24', null, 'probationary', null, now, now);
    insert.run(3, '王五', null, null, null, 'full', 7, now, now);
    db.prepare(`INSERT INTO committee_terms (id, seq, starts_on, ends_on) VALUES (1, 1, '2024-01-01', '2027-01-01')`).run();
    db.prepare(`INSERT INTO committee_seats (term_id, member_id, member_name, role, starts_on) VALUES (1, 1, '张三', 'secretary', '2024-01-01')`).run();
    db.close();

    const store = openStore(file);
    const raw = store.unsafeDatabase();
    expect(raw.prepare('SELECT member_id, kind, occurred_on FROM member_events ORDER BY member_id, kind').all()).toEqual([
      { member_id: 1, kind: 'admitted', occurred_on: '2015-06-30' },
      { member_id: 1, kind: 'confirmed', occurred_on: '2016-06-30' },
      { member_id: 2, kind: 'admitted', occurred_on: '2025-06-24' },
    ]);
    expect(raw.prepare('SELECT member_id, group_id, from_on, to_on FROM group_memberships ORDER BY member_id').all()).toEqual([
      { member_id: 1, group_id: 7, from_on: null, to_on: null },
      { member_id: 3, group_id: 7, from_on: null, to_on: null },
    ]);
    expect(store.members.all().map((m) => [m.id, m.name, m.category, m.idNumber, m.phone, m.version])).toEqual([
      [1, '张三', 'full', '110101199003074477', '13800000000', 1],
      [2, '李四', 'probationary', null, '13800000000', 1],
      [3, '王五', 'full', null, '13800000000', 1],
    ]);
    // References into the rebuilt table still hold, and are still enforced.
    expect(raw.pragma('foreign_key_check')).toEqual([]);
    expect(raw.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() => raw.prepare('DELETE FROM members WHERE id = 1').run()).toThrow(/FOREIGN KEY/);
    store.close();
  });

  it('refuses a database from a newer version and leaves it untouched', () => {
    const dir = tempDataDir();
    const file = databasePath(dir);
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    db.close();
    const before = sha(file);
    const error = openError(() => openStore(file));
    expect(error.code).toBe('STORE_TOO_NEW');
    expect(error.message).toContain(`数据版本 ${LATEST_SCHEMA_VERSION + 5}`);
    expect(error.message).toContain('请升级软件');
    expect(sha(file)).toBe(before);
  });

  it('refuses a file that is not a database, in Chinese, and never replaces it', () => {
    const dir = tempDataDir();
    const file = databasePath(dir);
    writeFileSync(file, '这不是数据库文件，而是一份误放的文本。'.repeat(50));
    const before = sha(file);
    const error = openError(() => openStore(file));
    expect(error.code).toBe('STORE_CORRUPT');
    expect(error.message).toContain('原文件未做任何改动');
    expect(sha(file)).toBe(before);
  });

  it('refuses a database whose pages are damaged', async () => {
    const core = tempCore();
    await call(core, 'demo:create');
    core.close();
    const file = databasePath(core.dataDir);
    const bytes = readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    // Overwrite the b-tree pages after the schema page with noise; keep the header intact.
    for (let offset = pageSize * 2; offset < bytes.length; offset += 7) bytes[offset] = (offset * 31) & 0xff;
    writeFileSync(file, bytes);
    const before = sha(file);
    const error = openError(() => openStore(file));
    expect(error.code).toBe('STORE_CORRUPT');
    expect(sha(file)).toBe(before);
  });

  it('explains a data folder that cannot be created', () => {
    const dir = tempDataDir();
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'x');
    const error = openError(() => openCore({ dataDir: join(blocker, 'data'), host: 'cli' }));
    expect(error.code).toBe('STORE_READ_ONLY');
    expect(error.message).toContain('无法创建数据文件夹');
  });
});

describe('store: write failures reach the user as Chinese errors and lose nothing', () => {
  it('a read-only database answers STORE_READ_ONLY and stays as it was', async () => {
    const core = tempCore();
    await call(core, 'branch:create', aBranch());
    core.close();
    const readOnly = openStore(databasePath(core.dataDir), { readonly: true });
    const { admittedOn: _a, confirmedOn: _c, partyGroupId: _g, ...fields } = aMember();
    const member = { nativePlace: null, degree: null, workStartedOn: null, workplace: null, personCategory: null, ...fields } as never;
    expect(() => readOnly.transaction(() => readOnly.members.insert(member, 'now'))).toThrow(
      expect.objectContaining({ code: 'SQLITE_READONLY' }),
    );
    readOnly.close();
  });

  it('a full disk answers STORE_FULL and no half-written record remains', async () => {
    const core = tempCore();
    await call(core, 'branch:create', aBranch());
    const db = core.store.unsafeDatabase();
    db.exec('VACUUM'); // no free pages left for the insert to reuse
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);
    const result = await core.dispatch('members:create', aMember({ note: '很长的备注'.repeat(380) }));
    expect(result).toMatchObject({ ok: false, error: { code: 'STORE_FULL' } });
    expect(result.ok || result.error.message).toContain('磁盘空间已满');
    db.pragma('max_page_count = 1073741823');
    expect(await call<unknown[]>(core, 'members:list')).toHaveLength(0);
  });

  it('dispatch maps a read-only store to STORE_READ_ONLY', async () => {
    const core = tempCore();
    await call(core, 'branch:create', aBranch());
    core.close();
    const { createDispatch } = await import('../../src/main/rpc/dispatch');
    const { createHandlers } = await import('../../src/main/rpc/handlers');
    const { createServices } = await import('../../src/main/services');
    const { translateStoreError } = await import('../../src/main/store');
    const store = openStore(databasePath(core.dataDir), { readonly: true });
    const services = createServices({ store, clock: () => new Date('2026-11-22T10:00:00'), host: 'cli', dataDir: core.dataDir, appVersion: 'test', installedFonts: () => null });
    const dispatch = createDispatch(createHandlers(services), { translateError: translateStoreError });
    const result = await dispatch('members:create', aMember());
    expect(result).toMatchObject({ ok: false, error: { code: 'STORE_READ_ONLY' } });
    expect(result.ok || result.error.message).toContain('不可写入');
    store.close();
  });
});
