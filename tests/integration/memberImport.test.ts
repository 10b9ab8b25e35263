import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import type { PartyGroup } from '../../src/shared/contract/groups';
import type { ImportBatch, ImportTemplateFile, MemberImportCheckResult, MemberImportResult } from '../../src/shared/contract/memberImport';
import type { Member, MemberListItem, MemberView } from '../../src/shared/contract/members';
import { MAX_IMPORT_ROWS, type ImportRow } from '../../src/shared/domain/memberImport';
import { maskIdNumber } from '../../src/shared/domain/idNumber';
import {
  encryptedXlsx,
  GBK_CSV,
  gbkRosterCsv,
  largeRosterXlsx,
  oldXls,
  REAL_ROSTER,
  realRosterXlsx,
  ROSTER_IDS,
  type SheetFixture,
} from '../fixtures/make-member-sheets';
import { aBranch, aMember } from '../helpers/builders';
import { call, fixedClock, tempCore } from '../helpers/tempCore';

async function branchWithGroups(clock = fixedClock('2026-11-22T10:00:00')) {
  const core = tempCore({ clock });
  await call(core, 'branch:create', aBranch());
  const groups: PartyGroup[] = [];
  for (const name of REAL_ROSTER.groups) groups.push(await call<PartyGroup>(core, 'groups:create', { name }));
  return Object.assign(core, { groups, clock });
}

const fileInput = ({ fileName, bytes }: SheetFixture) => ({ fileName, contentBase64: Buffer.from(bytes).toString('base64') });
const kept = (rows: ImportRow[], keep: (row: ImportRow) => boolean = (row) => !row.problems.some((p) => p.level === 'error')) =>
  rows.filter(keep).map(({ rowNumber, values }) => ({ rowNumber, values }));

/** Every row of the tables an import writes, for exact before/after comparisons. */
function dump(core: Core) {
  const db = core.store.unsafeDatabase();
  return {
    members: db.prepare('SELECT * FROM members ORDER BY id').all(),
    memberEvents: db.prepare('SELECT * FROM member_events ORDER BY id').all(),
    groupMemberships: db.prepare('SELECT * FROM group_memberships ORDER BY id').all(),
    partyGroups: db.prepare('SELECT * FROM party_groups ORDER BY id').all(),
  };
}

async function refusal(core: Core, method: string, input: unknown) {
  const result = await core.dispatch(method, input);
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error(`${method} should have been refused`);
  return result.error;
}

describe('memberImport:check — the preview', () => {
  it('reads the realistic roster with exact counts and writes nothing', async () => {
    const core = await branchWithGroups();
    const before = dump(core);
    const result = await call<MemberImportCheckResult>(core, 'memberImport:check', fileInput(await realRosterXlsx()));
    expect(result.counts).toEqual(REAL_ROSTER.counts);
    expect(result.sheetName).toBe('花名册');
    expect(result.headerRowNumber).toBe(3);
    expect(result.unknownHeaders).toEqual([]);
    expect(result.columns.map((column) => column.header)).toEqual(['姓名', '性别', '民族', '出生年月', '身份证号码', '文化程度', '工作单位', '职务', '入党日期', '转正日期', '类别', '党小组', '手机', '备注']);
    expect(result.rows.map((row) => row.rowNumber)).toEqual([4, 5, 7, 8, 9, 10, 11, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22]);
    const row = (n: number) => result.rows.find((r) => r.rowNumber === n)!;
    expect(row(15).problems).toContainEqual({ field: 'idNumber', level: 'error', message: '与第4行的身份号码相同' });
    expect(row(17).problems[0].message).toContain('第一党小组、第二党小组');
    expect(row(4).parsed).toMatchObject({ workplace: '示例局 局长', partyGroupId: core.groups[0].id, category: 'full' });
    expect(dump(core)).toEqual(before);
    expect(await call<ImportBatch[]>(core, 'importBatches:list')).toEqual([]);
  });

  it('reads a GBK CSV', async () => {
    const core = await branchWithGroups();
    const result = await call<MemberImportCheckResult>(core, 'memberImport:check', fileInput(gbkRosterCsv()));
    expect(result.counts).toEqual(GBK_CSV.counts);
    expect(result.sheetName).toBeNull();
    expect(result.rows.map((r) => r.values.name)).toEqual(['陈建华', '王丽萍', '周婷', '孙强']);
  });

  it('re-checks rows the user edited in the preview', async () => {
    const core = await branchWithGroups();
    const first = await call<MemberImportCheckResult>(core, 'memberImport:check', fileInput(await realRosterXlsx()));
    const edited = first.rows.map(({ rowNumber, values }) => ({
      rowNumber,
      values: rowNumber === 17 ? { ...values, partyGroupName: '第二党小组' } : rowNumber === 18 ? { ...values, birthDate: '1986-10-01' } : values,
    }));
    const second = await call<MemberImportCheckResult>(core, 'memberImport:check', { rows: edited });
    expect(second.counts).toEqual({ total: 17, ready: 8, withWarnings: 2, withErrors: 7 });
    expect(second.headerRowNumber).toBeNull();
    expect(second.columns).toHaveLength(17);
    // Duplicates within the file depend on the rows sent: without row 4, row 15 is fine.
    const withoutFirst = await call<MemberImportCheckResult>(core, 'memberImport:check', { rows: edited.filter((r) => r.rowNumber !== 4) });
    expect(withoutFirst.rows.find((r) => r.rowNumber === 15)!.problems.filter((p) => p.level === 'error')).toEqual([]);
  });

  it('reports rows that duplicate members already in the roster', async () => {
    const core = await branchWithGroups();
    await call(core, 'members:create', aMember({ name: '陈建华', idNumber: ROSTER_IDS.chen, birthDate: '1968-05-12', admittedOn: '1992-06-30', confirmedOn: '1993-06-30' }));
    await call(core, 'members:create', aMember({ name: '王丽萍', gender: 'female', idNumber: null, birthDate: '1975-03-08' }));
    const result = await call<MemberImportCheckResult>(core, 'memberImport:check', fileInput(gbkRosterCsv()));
    expect(result.rows[0].problems).toContainEqual({ field: 'idNumber', level: 'error', message: '与已有党员“陈建华”的身份号码相同' });
    expect(result.rows[1].problems).toContainEqual({ field: 'name', level: 'warning', message: expect.stringContaining('同名且出生日期相同') });
    expect(result.counts).toEqual({ total: 4, ready: 1, withWarnings: 2, withErrors: 1 });
  });
});

describe('memberImport:import — writing the kept rows', () => {
  it('writes every kept row with its 入党/转正 events and 党小组, as one batch', async () => {
    const core = await branchWithGroups();
    const preview = await call<MemberImportCheckResult>(core, 'memberImport:check', fileInput(await realRosterXlsx()));
    const rows = kept(preview.rows);
    expect(rows).toHaveLength(8);
    const result = await call<MemberImportResult>(core, 'memberImport:import', { fileName: REAL_ROSTER.fileName, rows });
    expect(result).toEqual({ batchId: expect.any(Number), imported: 8 });

    const list = await call<MemberListItem[]>(core, 'members:list');
    expect(list.map((m) => m.name).sort()).toEqual(['吴磊', '周婷', '孙强', '李明', '王丽萍', '赵雪', '陈建华', '韩梅'].sort());
    const byName = (name: string) => list.find((m) => m.name === name)!;
    expect(byName('周婷')).toMatchObject({ category: 'probationary', admittedOn: '2026-03-15', partyGroupName: '第一党小组' });
    expect(byName('吴磊')).toMatchObject({ category: 'probationary', partyGroupName: '第二党小组' });
    expect(byName('孙强')).toMatchObject({ gender: 'male', birthDate: '1979-11-20', admittedOn: '2001-07-01', confirmedOn: '2002-07-01', category: 'full' });
    const chen = await call<MemberView>(core, 'members:get', { id: byName('陈建华').id });
    // The page gets masked numbers; the full ones are stored (and shown only on request).
    expect(chen).toMatchObject({ idNumberMasked: maskIdNumber(ROSTER_IDS.chen), workplace: '示例局 局长', phoneMasked: '138****0001', education: '大学本科', state: { entitledToVote: true } });
    expect(core.store.members.get(chen.id)).toMatchObject({ idNumber: ROSTER_IDS.chen, phone: '13800000001', importBatchId: result.batchId });

    const [batch] = await call<ImportBatch[]>(core, 'importBatches:list');
    expect(batch).toEqual({ id: result.batchId, fileName: REAL_ROSTER.fileName, importedAt: new Date('2026-11-22T10:00:00').toISOString(), rowCount: 8, undoneAt: null });
  });

  it('refuses the whole import while any kept row has an error, naming the rows, and writes nothing', async () => {
    const core = await branchWithGroups();
    const preview = await call<MemberImportCheckResult>(core, 'memberImport:check', fileInput(await realRosterXlsx()));
    const before = dump(core);
    const error = await refusal(core, 'memberImport:import', { fileName: REAL_ROSTER.fileName, rows: kept(preview.rows, () => true) });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('有 9 行仍有错误');
    expect(error.message).toContain('第13行 公民身份号码');
    expect(error.details).toContainEqual({ path: 'rows.15.idNumber', label: '第15行 公民身份号码', message: '与第4行的身份号码相同' });
    expect(dump(core)).toEqual(before);
    expect(await call<ImportBatch[]>(core, 'importBatches:list')).toEqual([]);
  });

  it('re-validates on the server: a row that became a duplicate since the preview refuses the import', async () => {
    const core = await branchWithGroups();
    const preview = await call<MemberImportCheckResult>(core, 'memberImport:check', fileInput(gbkRosterCsv()));
    await call(core, 'members:create', aMember({ name: '周婷', gender: 'female', idNumber: ROSTER_IDS.zhou, birthDate: '1998-09-09', admittedOn: '2026-03-15', confirmedOn: null, category: 'probationary' }));
    const error = await refusal(core, 'memberImport:import', { fileName: GBK_CSV.fileName, rows: kept(preview.rows) });
    expect(error.message).toContain('与已有党员“周婷”的身份号码相同');
    expect(await call<MemberListItem[]>(core, 'members:list')).toHaveLength(1);
  });

  it('writes nothing when the store fails on one row part-way through', async () => {
    const core = await branchWithGroups();
    const preview = await call<MemberImportCheckResult>(core, 'memberImport:check', fileInput(await realRosterXlsx()));
    const db = core.store.unsafeDatabase();
    // The sixth member written fails, as a full disk or a constraint would.
    db.exec(`CREATE TRIGGER fail_on_wu BEFORE INSERT ON members WHEN NEW.name = '吴磊' BEGIN SELECT RAISE(ABORT, 'simulated failure'); END;`);
    const before = dump(core);
    const result = await core.dispatch('memberImport:import', { fileName: REAL_ROSTER.fileName, rows: kept(preview.rows) });
    expect(result.ok).toBe(false);
    expect(dump(core)).toEqual(before);
    expect(db.prepare('SELECT COUNT(*) AS n FROM import_batches').get()).toEqual({ n: 0 });
  });

  it('refuses malformed input with VALIDATION', async () => {
    const core = await branchWithGroups();
    const row = { rowNumber: 4, values: { name: '陈建华', gender: '男' } };
    expect((await refusal(core, 'memberImport:import', { fileName: 'a.xlsx', rows: [] })).code).toBe('VALIDATION');
    expect((await refusal(core, 'memberImport:import', { fileName: 'a.xlsx', rows: [row, row] })).message).toContain('行号不能重复');
    expect((await refusal(core, 'memberImport:import', { fileName: 'a.xlsx', rows: [{ rowNumber: 4, values: { hobby: '钓鱼' } }] })).code).toBe('VALIDATION');
    expect((await refusal(core, 'memberImport:check', { fileName: 'a.xlsx' })).code).toBe('VALIDATION');
    expect((await refusal(core, 'memberImport:check', { rows: [{ rowNumber: 0, values: {} }] })).code).toBe('VALIDATION');
    expect((await refusal(core, 'memberImport:check', { fileName: 'a.xlsx', contentBase64: 'A'.repeat(14 * 1024 * 1024 + 1) })).message).toContain('10 MB');
  });
});

describe('refused files: a clear message and nothing written', () => {
  it.each<[string, () => Promise<SheetFixture> | SheetFixture, string]>([
    ['a Word file', () => ({ fileName: '会议记录.docx', bytes: new TextEncoder().encode('PK') }), '.docx'],
    ['a text file renamed .xlsx', () => ({ fileName: '花名册.xlsx', bytes: new TextEncoder().encode('姓名,性别\n王丽萍,女') }), '不是有效的 .xlsx'],
    ['an empty file', () => ({ fileName: '花名册.xlsx', bytes: new Uint8Array(0) }), '空'],
    ['a password-protected xlsx', encryptedXlsx, '密码'],
    ['an old .xls', oldXls, '另存为 .xlsx'],
    ['a file over 10 MB', () => ({ fileName: '花名册.xlsx', bytes: new Uint8Array(10 * 1024 * 1024 + 1) }), '10 MB'],
    ['a sheet without a header row', () => ({ fileName: '名单.csv', bytes: new TextEncoder().encode('王丽萍,女\n陈建华,男\n') }), '至少包含“姓名”列'],
    ['an empty CSV', () => ({ fileName: '名单.csv', bytes: new TextEncoder().encode('\r\n,,\r\n') }), '表格是空的'],
  ])('refuses %s', async (_case, make, message) => {
    const core = await branchWithGroups();
    const before = dump(core);
    const error = await refusal(core, 'memberImport:check', fileInput(await make()));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain(message);
    expect(dump(core)).toEqual(before);
  });

  it(`refuses more than ${MAX_IMPORT_ROWS} rows`, async () => {
    const core = await branchWithGroups();
    const error = await refusal(core, 'memberImport:check', fileInput(await largeRosterXlsx(MAX_IMPORT_ROWS + 1)));
    expect(error.message).toContain(`超过${MAX_IMPORT_ROWS}行`);
  });

  it('names every sheet it looked at when none has a header', async () => {
    const core = await branchWithGroups();
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('一').getCell('A1').value = '统计表';
    workbook.addWorksheet('二').getCell('A1').value = '说明';
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const error = await refusal(core, 'memberImport:check', fileInput({ fileName: '表.xlsx', bytes }));
    expect(error.message).toContain('已查看全部 2 个工作表');
  });
});

describe('importBatches:delete — undo', () => {
  it('returns members, events and 党小组 memberships exactly to their state before the import', async () => {
    const core = await branchWithGroups();
    // Some members entered by hand before the import, one of them in a group.
    await call(core, 'members:create', aMember({ partyGroupId: core.groups[0].id }));
    await call(core, 'members:create', aMember({ name: '李四', idNumber: null, admittedOn: '2026-04-01', confirmedOn: null, category: 'probationary' }));
    const before = dump(core);
    const preview = await call<MemberImportCheckResult>(core, 'memberImport:check', fileInput(await realRosterXlsx()));
    const { batchId } = await call<MemberImportResult>(core, 'memberImport:import', { fileName: REAL_ROSTER.fileName, rows: kept(preview.rows) });
    expect(dump(core).members).toHaveLength(10);

    core.clock.set('2026-11-23T09:00:00');
    expect(await call(core, 'importBatches:delete', { id: batchId })).toEqual({ id: batchId, removed: 8 });
    expect(dump(core)).toEqual(before);
    const [batch] = await call<ImportBatch[]>(core, 'importBatches:list');
    expect(batch).toMatchObject({ id: batchId, rowCount: 8, undoneAt: new Date('2026-11-23T09:00:00').toISOString() });

    const again = await refusal(core, 'importBatches:delete', { id: batchId });
    expect(again).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('已经撤销') });
    expect(await refusal(core, 'importBatches:delete', { id: 999 })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('allows the same file to be imported again after an undo', async () => {
    const core = await branchWithGroups();
    const first = await call<MemberImportCheckResult>(core, 'memberImport:check', fileInput(gbkRosterCsv()));
    const { batchId } = await call<MemberImportResult>(core, 'memberImport:import', { fileName: GBK_CSV.fileName, rows: kept(first.rows) });
    const duplicate = await call<MemberImportCheckResult>(core, 'memberImport:check', fileInput(gbkRosterCsv()));
    expect(duplicate.counts.withErrors).toBe(4);
    await call(core, 'importBatches:delete', { id: batchId });
    const again = await call<MemberImportCheckResult>(core, 'memberImport:check', fileInput(gbkRosterCsv()));
    expect(again.counts).toEqual(GBK_CSV.counts);
  });

  it('refuses while a member of the batch is used by a later record, saying who and why, and deletes nothing', async () => {
    const core = await branchWithGroups();
    const preview = await call<MemberImportCheckResult>(core, 'memberImport:check', fileInput(await realRosterXlsx()));
    const { batchId } = await call<MemberImportResult>(core, 'memberImport:import', { fileName: REAL_ROSTER.fileName, rows: kept(preview.rows) });
    const list = await call<MemberListItem[]>(core, 'members:list');
    const chen = list.find((m) => m.name === '陈建华')!;
    const zhou = list.find((m) => m.name === '周婷')!;

    // 陈建华 becomes 组长 of a group; 周婷's 转出 is recorded a day later.
    await call(core, 'groups:update', { id: core.groups[0].id, name: core.groups[0].name, leaderId: chen.id });
    core.clock.set('2026-11-23T09:00:00');
    await call(core, 'memberEvents:create', { memberId: zhou.id, kind: 'transferredOut', occurredOn: '2026-11-23', detail: '中共某局机关第二支部委员会' });
    const before = dump(core);

    const error = await refusal(core, 'importBatches:delete', { id: batchId });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('陈建华（已出现在 1 条会议、支委会或党小组记录中）');
    expect(error.message).toContain('周婷（导入后登记了“组织关系转出”）');
    expect(dump(core)).toEqual(before);
    expect((await call<ImportBatch[]>(core, 'importBatches:list'))[0].undoneAt).toBeNull();
  });

  it('still undoes after members of the batch were edited (the edits belong to the imported rows)', async () => {
    const core = await branchWithGroups();
    const before = dump(core);
    const preview = await call<MemberImportCheckResult>(core, 'memberImport:check', fileInput(gbkRosterCsv()));
    const { batchId } = await call<MemberImportResult>(core, 'memberImport:import', { fileName: GBK_CSV.fileName, rows: kept(preview.rows) });
    const wang = (await call<MemberListItem[]>(core, 'members:list')).find((m) => m.name === '王丽萍')!;
    const member = await call<Member>(core, 'members:get', { id: wang.id });
    const { id, version, name, gender, ethnicity, birthDate, idNumber, nativePlace, education, degree, workStartedOn, workplace, personCategory, category, partyGroupId, note } = member;
    const fields = { name, gender, ethnicity, birthDate, idNumber, nativePlace, education, degree, workStartedOn, workplace, personCategory, category, partyGroupId, note };
    await call(core, 'members:update', { ...fields, id, version, phone: '13900000000', admittedOn: '1998-07-02', confirmedOn: '1999-07-02', partyGroupId: core.groups[1].id });
    await call(core, 'importBatches:delete', { id: batchId });
    expect(dump(core)).toEqual(before);
  });

  it('serves the template for download', async () => {
    const core = await branchWithGroups();
    const file = await call<ImportTemplateFile>(core, 'memberImport:export');
    expect(file.fileName).toBe('党员信息导入模板.xlsx');
    const preview = await call<MemberImportCheckResult>(core, 'memberImport:check', { fileName: file.fileName, contentBase64: file.contentBase64 });
    expect(preview.columns).toHaveLength(17);
    expect(preview.counts).toEqual({ total: 1, ready: 0, withWarnings: 0, withErrors: 1 });
  });
});
