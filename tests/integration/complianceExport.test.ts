import ExcelJS from 'exceljs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import type { ComplianceExportResult } from '../../src/shared/contract/complianceExport';
import type { MeetingAssessment, MeetingListItem } from '../../src/shared/contract/meetings';
import type { MeetingType } from '../../src/shared/domain/meetingTypes';
import { attr, readDocx, tables } from '../helpers/docx';
import { call, fixedClock, tempCore } from '../helpers/tempCore';

// 年度落实情况表 exported through dispatch on the demo branch and read back: the Excel sheet (cells per
// row and month, merged periods, DOMAIN §8 print setup) and the Word table (landscape, merged cells).
// COMPLIANCE_OUT=<folder> also writes the files there for scripts/render-check.mjs.

const DEMO_YEAR = 2025;
const MONTH_COLUMNS = 'CDEFGHIJKLMN';

async function demo(now = '2026-11-30T10:00:00'): Promise<Core> {
  const core = tempCore({ clock: fixedClock(now) });
  await call(core, 'demo:create');
  return core;
}

function keep(result: ComplianceExportResult, prefix = ''): void {
  const out = process.env.COMPLIANCE_OUT;
  if (!out) return;
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, `${prefix}${result.fileName}`), Buffer.from(result.contentBase64, 'base64'));
}

async function sheetOf(core: Core, year: number, prefix = '') {
  const result = await call<ComplianceExportResult>(core, 'compliance:exportXlsx', { year });
  keep(result, prefix);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(result.contentBase64, 'base64') as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('年度落实情况表');
  if (!sheet) throw new Error('no sheet named 年度落实情况表');
  return { result, sheet };
}

/** The sheet row whose 项目 cell is `label` (党小组会 rows: “党小组会\n第一党小组（研发）”). */
function rowNumberOf(sheet: ExcelJS.Worksheet, label: string): number {
  for (let row = 4; row <= sheet.rowCount; row += 1) if (sheet.getCell(row, 1).value === label) return row;
  throw new Error(`no row ${label}`);
}

const text = (sheet: ExcelJS.Worksheet, address: string) => (sheet.getCell(address).value === null ? null : String(sheet.getCell(address).value));

/** M/D of the year's records of a type in a month (an oracle independent of the matrix code). */
function datesOf(list: readonly MeetingListItem[], type: MeetingType, month: number, groupId?: number): string {
  return list
    .filter((item) => item.types.includes(type) && Number(item.heldOn.slice(5, 7)) === month && (groupId === undefined || item.partyGroupId === groupId))
    .map((item) => item.heldOn)
    .sort()
    .map((heldOn) => `${Number(heldOn.slice(5, 7))}/${Number(heldOn.slice(8, 10))}`)
    .join('、');
}

describe('compliance:exportXlsx', () => {
  it('lays the demo year out per rule and month: the dates held, the known gaps as 未开展, periods merged', async () => {
    const core = await demo();
    const list = await call<MeetingListItem[]>(core, 'meetings:list', { year: DEMO_YEAR });
    const { result, sheet } = await sheetOf(core, DEMO_YEAR);
    expect(result.fileName).toBe('2025年度落实情况表.xlsx');

    expect(text(sheet, 'A1')).toBe('中共浙江金帆智能科技有限公司支部委员会2025年度组织生活落实情况表');
    expect(text(sheet, 'A2')).toBe('统计截至 2026年11月30日  按“全国默认”规则');
    expect(text(sheet, 'I2')).toBe('已完成 51/55 项，未完成 4 项');
    const header = (sheet.getRow(3).values as unknown[]).slice(1).map((value) => String(value).replace(/\n/g, ''));
    expect(header).toEqual(['项目', '要求', '1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月', '完成/应完成']);

    // Rows: the national pack's count rules, 党小组会 once per group; 谈心谈话 is left out (coverage).
    const labels = Array.from({ length: 8 }, (_, index) => text(sheet, `A${4 + index}`));
    expect(labels).toEqual([
      '支部委员会会议',
      '支部党员大会',
      '党小组会\n第一党小组（研发）',
      '党小组会\n第二党小组（生产与管理）',
      '主题党日',
      '书记讲党课',
      '组织生活会',
      '民主评议党员',
    ]);

    // 支委会: every month's dates as the records have them, August (the demo's gap) 未开展.
    const committee = rowNumberOf(sheet, '支部委员会会议');
    expect(text(sheet, `B${committee}`)).toBe('每月至少 1 次');
    for (let month = 1; month <= 12; month += 1) {
      const cell = `${MONTH_COLUMNS[month - 1]}${committee}`;
      if (month === 8) expect(text(sheet, cell)).toBe('未开展');
      else expect(text(sheet, cell)).toBe(datesOf(list, 'committeeMeeting', month));
    }
    expect(sheet.getCell(`J${committee}`).font.color?.argb).toBe('FFC00000');
    expect(text(sheet, `O${committee}`)).toBe('11/12');

    // 党员大会: one merged cell per quarter, Q3 未开展.
    const assembly = rowNumberOf(sheet, '支部党员大会');
    for (const range of ['C:E', 'F:H', 'I:K', 'L:N']) expect(sheet.model.merges).toContain(range.replace(/(\w):(\w)/, `$1${assembly}:$2${assembly}`));
    expect(text(sheet, `I${assembly}`)).toBe('未开展');
    expect(text(sheet, `L${assembly}`)).toBe([10, 11, 12].map((month) => datesOf(list, 'memberAssembly', month)).filter(Boolean).join('、'));
    expect(text(sheet, `O${assembly}`)).toBe('3/4');

    // 第二党小组: February and October 未开展; its own records only.
    const groups = await call<{ id: number; name: string }[]>(core, 'groups:list');
    const second = groups.find((group) => group.name.startsWith('第二党小组'))!;
    const secondRow = rowNumberOf(sheet, '党小组会\n第二党小组（生产与管理）');
    expect(text(sheet, `D${secondRow}`)).toBe('未开展');
    expect(text(sheet, `L${secondRow}`)).toBe('未开展');
    expect(text(sheet, `C${secondRow}`)).toBe(datesOf(list, 'groupMeeting', 1, second.id));
    expect(text(sheet, `O${secondRow}`)).toBe('10/12');

    // Yearly rules: one cell across the year; the usual window under the requirement.
    const orgLife = rowNumberOf(sheet, '组织生活会');
    expect(sheet.model.merges).toContain(`C${orgLife}:N${orgLife}`);
    expect(text(sheet, `B${orgLife}`)).toBe('每年至少 1 次\n（一般在10—12月）');

    // 合计, the legend and the rule left out.
    const total = rowNumberOf(sheet, '合计');
    expect(total).toBe(12);
    expect(text(sheet, `B${total}`)).toBe('2025年应落实 55 项，已完成 51 项，未完成 4 项');
    expect(text(sheet, `O${total}`)).toBe('51/55');
    expect(text(sheet, `A${total + 1}`)).toMatch(/^说明：格内为召开日期（月\/日）/);
    expect(text(sheet, `A${total + 2}`)).toMatch(/^未列入本表：谈心谈话按谈话对象的覆盖面统计/);
  });

  it('prints as a DOMAIN §8 台账: A4 landscape one page wide, title rows repeated, frozen header, page footer, wrapped cells', async () => {
    const { sheet } = await sheetOf(await demo(), DEMO_YEAR);
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:3' });
    expect(sheet.headerFooter.oddFooter).toContain('第 &P 页 共 &N 页');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3, xSplit: 2 });
    expect(sheet.getColumn(1).width).toBe(22);
    expect(sheet.getColumn(3).width).toBe(8.5);
    expect(sheet.model.merges).toContain('A1:O1');
    const committee = rowNumberOf(sheet, '支部委员会会议');
    expect(sheet.getCell(`C${committee}`).alignment).toMatchObject({ wrapText: true, horizontal: 'center' });
    expect(sheet.getCell(`C${committee}`).border?.left?.style).toBe('thin');
    expect(sheet.getCell(`C${committee}`).font).toMatchObject({ name: '宋体', size: 10 });
  });

  it('marks a meeting that missed its quorum, shows an open period as 待开展, a future one blank and a group not yet founded as —', async () => {
    const core = await demo();
    // A 支委会 in the demo year's empty August where most of the committee was away: held, but invalid.
    const heldOn = '2025-08-28';
    const check = await call<MeetingAssessment>(core, 'meetings:check', { types: ['committeeMeeting'], partyGroupId: null, heldOn, exclusions: [] });
    const [present, ...away] = check.expected;
    expect(away.length).toBeGreaterThanOrEqual(2);
    await call(core, 'meetings:create', {
      types: ['committeeMeeting'],
      heldOn,
      topic: '研究第三季度党建工作',
      hostMemberId: present.memberId,
      recorderMemberId: present.memberId,
      attendance: [{ memberId: present.memberId, status: 'present' }, ...away.map((person) => ({ memberId: person.memberId, status: 'absent' }))],
    });
    // A third group founded in September of this year.
    await call(core, 'groups:create', { name: '第三党小组（销售）', foundedOn: '2026-09-01' });

    const past = await sheetOf(core, DEMO_YEAR);
    const committee = rowNumberOf(past.sheet, '支部委员会会议');
    expect(text(past.sheet, `J${committee}`)).toBe('8/28※');
    expect(text(past.sheet, `O${committee}`)).toBe('12/12');
    expect(past.sheet.getRow(rowNumberOf(past.sheet, '合计') + 1).getCell(1).value).toContain('“※”为未达到规定到会人数的会议');

    // This year as of 30 November: November open (待开展), December not started (blank).
    const current = await sheetOf(core, 2026, 'current_');
    const thisYear = rowNumberOf(current.sheet, '支部委员会会议');
    expect(text(current.sheet, `M${thisYear}`)).toBe('待开展');
    expect(text(current.sheet, `N${thisYear}`)).toBeNull();
    expect(text(current.sheet, `L${thisYear}`)).toBe('未开展');
    const third = rowNumberOf(current.sheet, '党小组会\n第三党小组（销售）');
    expect(['C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'].map((column) => text(current.sheet, `${column}${third}`))).toEqual(Array(8).fill('—'));
    expect(text(current.sheet, `K${third}`)).toBe('未开展');
    expect(text(current.sheet, `O${third}`)).toBe('0/4');
    expect(current.sheet.getCell(`C${third}`).fill).toMatchObject({ type: 'pattern', pattern: 'lightUp' });
  });

  it('refuses a year that is not a year, and a store without a branch', async () => {
    const core = await demo();
    expect(await core.dispatch('compliance:exportXlsx', { year: 20251 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await core.dispatch('compliance:exportDocx', { year: 2025, preset: 'a3' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const empty = tempCore();
    expect(await empty.dispatch('compliance:exportXlsx', { year: 2025 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('请先填写支部信息') } });
  });
});

describe('compliance:exportDocx', () => {
  it('writes the same table as a landscape Word document with merged period cells, header repeated', async () => {
    const core = await demo();
    const list = await call<MeetingListItem[]>(core, 'meetings:list', { year: DEMO_YEAR });
    const result = await call<ComplianceExportResult>(core, 'compliance:exportDocx', { year: DEMO_YEAR });
    keep(result, 'gbt9704_');
    expect(result.fileName).toBe('2025年度落实情况表.docx');
    const doc = await readDocx(result.contentBase64);

    // A4 landscape, no document grid.
    expect(attr(doc.document, 'w:pgSz', 'w:w')).toBe('16838');
    expect(attr(doc.document, 'w:pgSz', 'w:h')).toBe('11906');
    expect(attr(doc.document, 'w:pgSz', 'w:orient')).toBe('landscape');
    expect(doc.document).not.toContain('<w:docGrid w:type="linesAndChars"');
    expect(doc.document).not.toMatch(/<w:drawing|<pic:/);
    expect(doc.footers.join('')).toContain('PAGE');

    expect(doc.paragraphs.slice(0, 3)).toEqual(['中共浙江金帆智能科技有限公司支部委员会', '2025年度组织生活落实情况表', '统计截至2026年11月30日，按“全国默认”规则。']);
    const [table] = tables(doc.document);
    expect(table[0].map((cell) => cell.replace(/\n/g, ''))).toEqual(['项目', '要求', '1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月', '完成/应完成']);
    expect(doc.document).toContain('<w:tblHeader/>');

    const row = (label: string) => table.find((cells) => cells[0] === label)!;
    const committee = row('支部委员会会议');
    expect(committee).toHaveLength(15);
    expect(committee[1]).toBe('每月至少1次');
    expect(committee[2]).toBe(datesOf(list, 'committeeMeeting', 1));
    expect(committee[9]).toBe('未开展');
    expect(committee[14]).toBe('11/12');
    // Quarters: four cells each spanning three columns.
    const assembly = row('支部党员大会');
    expect(assembly).toHaveLength(2 + 4 + 1);
    expect(assembly[4]).toBe('未开展');
    const assemblyXml = [...doc.document.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((match) => match[0]).find((xml) => xml.includes('支部党员大会'))!;
    expect(assemblyXml.match(/<w:gridSpan w:val="3"\/>/g)).toHaveLength(4);
    expect(row('党小组会\n第二党小组（生产与管理）')[3]).toBe('未开展');
    expect(row('组织生活会')).toHaveLength(4);
    expect(row('合计')).toEqual(['合计', '2025年应落实55项，已完成51项，未完成4项', '51/55']);

    expect(doc.paragraphs.some((paragraph) => paragraph.startsWith('说明：格内为召开日期'))).toBe(true);
    expect(doc.paragraphs).toContain('填表人：__________    支部书记：__________');
  });

  it('also lays out in the unit layout, page number centred', async () => {
    const core = await demo();
    const result = await call<ComplianceExportResult>(core, 'compliance:exportDocx', { year: DEMO_YEAR, preset: 'unit' });
    keep(result, 'unit_');
    const doc = await readDocx(result.contentBase64);
    expect(attr(doc.document, 'w:pgSz', 'w:orient')).toBe('landscape');
    expect(doc.footers).toHaveLength(1);
    expect(doc.footers[0]).toContain('w:val="center"');
    expect(tables(doc.document)[0]).toHaveLength(1 + 8 + 1);
  });
});
