import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import { buildRosterXlsx, estimateLines, ROSTER_HEADERS, type RosterInput, type RosterRow } from '../../src/main/documents/roster.xlsx';
import type { Branch } from '../../src/shared/contract/branch';
import type { MemberExportResult, MemberListItem } from '../../src/shared/contract/members';
import { call, fixedClock, tempCore } from '../helpers/tempCore';

function aRosterRow(overrides: Partial<RosterRow> = {}): RosterRow {
  return {
    name: '陈建华',
    gender: 'male',
    ethnicity: '汉族',
    birthDate: '1972-04-12',
    idNumber: '330702197204121015',
    nativePlace: '浙江金华',
    education: '大学本科',
    degree: '学士',
    workStartedOn: '1994-07-01',
    workplace: '浙江金帆智能科技有限公司 总经理',
    personCategory: '企业管理人员',
    admittedOn: '1996-06-28',
    confirmedOn: '1997-06-28',
    category: 'full',
    partyStandingYears: 29,
    partyGroupName: '第一党小组（研发）',
    partyPosts: '支部书记',
    status: '在册',
    inRoster: true,
    flowing: null,
    phone: '13905791000',
    note: null,
    ...overrides,
  };
}

const probationary = aRosterRow({
  name: '周欣怡',
  gender: 'female',
  birthDate: '2000-09-03',
  idNumber: '330702200009031028',
  admittedOn: '2026-06-26',
  confirmedOn: null,
  category: 'probationary',
  partyStandingYears: null,
  partyPosts: null,
  flowing: { destination: '杭州市西湖区' },
  phone: '0579-82231688',
});

function input(overrides: Partial<RosterInput> = {}): RosterInput {
  return { branchName: '中共浙江金帆智能科技有限公司支部委员会', asOf: '2026-11-22', rows: [aRosterRow(), probationary], ...overrides };
}

async function readBack(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('党员花名册');
  if (!sheet) throw new Error('no sheet named 党员花名册');
  return { workbook, sheet };
}

/** Every string in the sheet, to prove what is (not) in the file. */
function allText(sheet: ExcelJS.Worksheet): string[] {
  const texts: string[] = [];
  sheet.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value ?? ''))));
  return texts;
}

describe('党员花名册 xlsx', () => {
  it('has the merged title, the subtitle with counts and the 22-column header', async () => {
    const { workbook, sheet } = await readBack(await buildRosterXlsx(input()));
    expect(workbook.worksheets).toHaveLength(1);
    expect(sheet.getCell('A1').value).toBe('中共浙江金帆智能科技有限公司支部委员会党员花名册');
    expect(sheet.getCell('A1').font).toMatchObject({ name: '黑体', bold: true });
    expect(sheet.model.merges).toContain('A1:V1');
    expect(sheet.getCell('A2').value).toBe('截至 2026年11月22日  共 2 名（正式党员 1 名，预备党员 1 名）');
    expect(sheet.getCell('V2').value).toBe('公民身份号码、联系电话已部分隐去');

    const header = (sheet.getRow(3).values as unknown[]).slice(1).map((value) => String(value).replace(/\n/g, ''));
    expect(header).toEqual([
      '序号', '姓名', '性别', '民族', '出生日期', '公民身份号码', '籍贯', '学历', '学位', '参加工作时间', '工作单位及职务',
      '人员类别', '入党时间', '转正时间', '党员类别', '党龄', '所在党小组', '党内职务', '党籍状态', '流动党员（流向）', '联系电话', '备注',
    ]);
    expect(header).toEqual(ROSTER_HEADERS);
    const headerCell = sheet.getCell('B3');
    expect(headerCell.font).toMatchObject({ name: '宋体', bold: true });
    expect(headerCell.fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(headerCell.border?.bottom?.style).toBe('thin');
  });

  it('freezes the panes below the header and sets up A4 landscape printing', async () => {
    const { sheet } = await readBack(await buildRosterXlsx(input()));
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3, xSplit: 2 });
    expect(sheet.pageSetup).toMatchObject({
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:3',
    });
    expect(sheet.headerFooter.oddFooter).toContain('第 &P 页 共 &N 页');
  });

  it('writes one row per member with 序号, text dates, labels, borders and 宋体', async () => {
    const { sheet } = await readBack(await buildRosterXlsx(input()));
    expect(sheet.rowCount).toBe(3 + 2);
    const first = sheet.getRow(4);
    expect(first.getCell(1).value).toBe(1);
    expect(sheet.getRow(5).getCell(1).value).toBe(2);
    expect(first.getCell(2).value).toBe('陈建华');
    expect(first.getCell(3).value).toBe('男');
    expect(first.getCell(5).value).toBe('1972-04-12');
    expect(first.getCell(5).numFmt).toBe('@');
    expect(first.getCell(15).value).toBe('正式党员');
    expect(first.getCell(16).value).toBe(29);
    expect(first.getCell(19).value).toBe('在册');
    expect(first.getCell(20).value).toBe('否');
    expect(first.getCell(21).value).toBe('139****1000');
    expect(first.getCell(22).value).toBeNull();
    expect(first.getCell(22).border?.right?.style).toBe('thin');
    expect(first.getCell(2).font).toMatchObject({ name: '宋体', size: 10 });
    expect(first.getCell(11).alignment).toMatchObject({ wrapText: true });

    const second = sheet.getRow(5);
    expect(second.getCell(15).value).toBe('预备党员');
    expect(second.getCell(14).value).toBeNull();
    expect(second.getCell(16).value).toBeNull();
    expect(second.getCell(20).value).toBe('是（杭州市西湖区）');
    expect(second.getCell(21).value).toBe('057*-****1688');
  });

  it('masks ID and phone numbers by default and never writes the full numbers', async () => {
    const { sheet } = await readBack(await buildRosterXlsx(input()));
    expect(sheet.getCell('F4').value).toBe('330702********1015');
    expect(sheet.getCell('F5').value).toBe('330702********1028');
    expect(sheet.getCell('U4').value).toBe('139****1000');
    const text = allText(sheet).join('|');
    expect(text).not.toContain('330702197204121015');
    expect(text).not.toContain('13905791000');
    expect(text).not.toContain('82231688');
    expect(String(sheet.getCell('V2').value)).toBe('公民身份号码、联系电话已部分隐去');
  });

  it('writes full ID and phone numbers only when asked, and says so', async () => {
    const { sheet } = await readBack(await buildRosterXlsx(input({ includeFullNumbers: true })));
    expect(sheet.getCell('F4').value).toBe('330702197204121015');
    expect(sheet.getCell('F4').numFmt).toBe('@');
    expect(sheet.getCell('U4').value).toBe('13905791000');
    expect(sheet.getCell('U5').value).toBe('0579-82231688');
    expect(String(sheet.getCell('V2').value)).toContain('完整公民身份号码和联系电话');
  });

  it('counts only members 在册 and lists the others separately', async () => {
    const left = aRosterRow({ name: '李明', idNumber: null, status: '已转出', inRoster: false });
    const { sheet } = await readBack(await buildRosterXlsx(input({ rows: [aRosterRow(), probationary, left] })));
    expect(sheet.getCell('A2').value).toBe('截至 2026年11月22日  共 2 名（正式党员 1 名，预备党员 1 名）；另列不在册人员 1 名');
    expect(sheet.rowCount).toBe(6);
    expect(sheet.getCell('F6').value).toBeNull();
    expect(sheet.getCell('S6').value).toBe('已转出');
  });

  it('still makes a printable sheet for an empty roster', async () => {
    const { sheet } = await readBack(await buildRosterXlsx(input({ rows: [] })));
    expect(sheet.getCell('A2').value).toBe('截至 2026年11月22日  共 0 名（正式党员 0 名，预备党员 0 名）');
    expect(sheet.rowCount).toBe(3);
  });

  it('gives wrapped rows room for every line', async () => {
    const note = '2025年3月起在外地挂职锻炼，参加当地党组织活动';
    const { sheet } = await readBack(await buildRosterXlsx(input({ rows: [aRosterRow({ note })] })));
    expect(estimateLines(note, 11)).toBeGreaterThanOrEqual(3);
    expect(sheet.getRow(4).height).toBeGreaterThanOrEqual(14.5 * estimateLines(note, 11));
  });
});

describe('members:export through dispatch', () => {
  async function demoCore() {
    const core = tempCore({ clock: fixedClock('2026-11-22T10:00:00') });
    await call(core, 'demo:create');
    return core;
  }

  async function exported(core: Core, input?: unknown) {
    const result = await call<MemberExportResult>(core, 'members:export', input);
    const { sheet } = await readBack(Buffer.from(result.contentBase64, 'base64'));
    return { result, sheet };
  }

  it('exports the demo branch roster, IDs masked, in the order of the member list', async () => {
    const core = await demoCore();
    const { branch } = (await call<{ branch: Branch } | null>(core, 'branch:get'))!;
    const list = await call<MemberListItem[]>(core, 'members:list');
    const { result, sheet } = await exported(core);

    expect(result.fileName).toBe('党员花名册_2026-11-22.xlsx');
    expect(result.rowCount).toBe(list.length);
    expect(result.rowCount).toBeGreaterThan(20);
    expect(sheet.getCell('A1').value).toBe(`${branch.name}党员花名册`);
    const full = list.filter((member) => member.category === 'full').length;
    expect(sheet.getCell('A2').value).toBe(
      `截至 2026年11月22日  共 ${list.length} 名（正式党员 ${full} 名，预备党员 ${list.length - full} 名）`,
    );
    expect(sheet.rowCount).toBe(3 + list.length);

    const names = Array.from({ length: list.length }, (_, i) => sheet.getCell(4 + i, 2).value);
    expect(names).toEqual(list.map((member) => member.name));
    list.forEach((member, i) => {
      expect(sheet.getCell(4 + i, 6).value).toBe(member.idNumberMasked);
      expect(sheet.getCell(4 + i, 17).value).toBe(member.partyGroupName);
    });
    expect(Array.from({ length: list.length }, (_, i) => sheet.getCell(4 + i, 18).value)).toContain('支部书记');
  });

  it('writes full ID and phone numbers only when asked', async () => {
    const core = await demoCore();
    const [first] = await call<MemberListItem[]>(core, 'members:list');
    const idNumber = (await call<{ value: string }>(core, 'members:revealSensitive', { id: first.id, field: 'idNumber' })).value;
    const phone = (await call<{ value: string }>(core, 'members:revealSensitive', { id: first.id, field: 'phone' })).value;
    expect(idNumber).toMatch(/^\d{17}[\dX]$/);
    expect((await exported(core)).sheet.getCell('U4').value).toBe(first.phoneMasked);
    const { sheet } = await exported(core, { includeFullNumbers: true });
    expect(sheet.getCell('F4').value).toBe(idNumber);
    expect(sheet.getCell('U4').value).toBe(phone);
  });

  it('lists members who left only when asked, after those 在册, without counting them', async () => {
    const core = await demoCore();
    const list = await call<MemberListItem[]>(core, 'members:list');
    const leaving = list[3];
    await call(core, 'memberEvents:create', { memberId: leaving.id, kind: 'transferredOut', occurredOn: '2026-10-08', detail: '中共金华市某单位支部委员会' });

    const current = await exported(core);
    expect(current.result.rowCount).toBe(list.length - 1);

    const { result, sheet } = await exported(core, { includeLeft: true });
    expect(result.rowCount).toBe(list.length);
    expect(String(sheet.getCell('A2').value)).toMatch(new RegExp(`共 ${list.length - 1} 名.*另列不在册人员 1 名$`));
    const last = sheet.getRow(3 + list.length);
    expect(last.getCell(2).value).toBe(leaving.name);
    expect(last.getCell(19).value).toBe('已转出');
  });

  it('rejects malformed input and a data file without a branch', async () => {
    const core = await demoCore();
    expect(await core.dispatch('members:export', { includeFullNumbers: 'yes' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await core.dispatch('members:export', { everything: true })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const empty = tempCore();
    expect(await empty.dispatch('members:export', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
