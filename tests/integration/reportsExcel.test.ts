import ExcelJS from 'exceljs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import { LEDGER_COLUMN, LEDGER_HEADERS } from '../../src/main/documents/meetingLedger.xlsx';
import { REVIEW_HEADERS } from '../../src/main/documents/democraticReview.xlsx';
import { RECTIFICATIONS_HEADERS } from '../../src/main/documents/rectifications.xlsx';
import { TALKS_HEADERS } from '../../src/main/documents/talks.xlsx';
import type { AssessmentView } from '../../src/shared/contract/assessments';
import type { DemocraticReview } from '../../src/shared/contract/democraticReview';
import type { MeetingListItem, MeetingRecord } from '../../src/shared/contract/meetings';
import type { OrgLifeMaterial, RectificationListItem } from '../../src/shared/contract/orgLife';
import type { ReportXlsxResult } from '../../src/shared/contract/reportsExcel';
import type { TalkCoverage } from '../../src/shared/contract/talks';
import { MEETING_TYPE_LABELS, MEETING_TYPES } from '../../src/shared/domain/meetingTypes';
import { demoBranch } from '../helpers/demo';
import { call } from '../helpers/tempCore';

// The Excel 台账 of 报表 (issue 7 item 3) exported through dispatch on the demo branch and read back
// with exceljs: DOMAIN §8 print setup on every sheet of every Excel output (the four new ones and the
// four made before), header texts, one row per record / member / talk / item as the services list
// them, the totals, and a clear notice for a year with nothing to list. REPORTS_OUT=<folder> also
// writes the files there for scripts/render-check.mjs.

const YEAR = 2025;

interface Exported {
  fileName: string;
  contentBase64: string;
  rowCount?: number;
}

async function load(result: Exported): Promise<ExcelJS.Workbook> {
  const out = process.env.REPORTS_OUT;
  if (out) {
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, result.fileName), Buffer.from(result.contentBase64, 'base64'));
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(result.contentBase64, 'base64') as unknown as ArrayBuffer);
  return workbook;
}

const cellText = (sheet: ExcelJS.Worksheet, row: number, column: number) => {
  const value = sheet.getCell(row, column).value;
  return value === null || value === undefined ? null : String(value);
};

/** Rows from `first` while column 1 holds a serial number (1, 2, 3…). */
function dataRows(sheet: ExcelJS.Worksheet, first: number): number[] {
  const rows: number[] = [];
  for (let row = first; typeof sheet.getCell(row, 1).value === 'number'; row += 1) rows.push(row);
  return rows;
}

function rowWhere(sheet: ExcelJS.Worksheet, column: number, text: string): number {
  for (let row = 1; row <= sheet.rowCount; row += 1) if (cellText(sheet, row, column) === text) return row;
  throw new Error(`no row with ${text} in column ${column}`);
}

let core: Core;
let byName: (name: string) => number;
let assemblyId: number;

beforeEach(async () => {
  ({ core, byName } = await demoBranch());
  const list = await call<MeetingListItem[]>(core, 'meetings:list', { year: YEAR, type: 'democraticReview' });
  assemblyId = list[0].id;
  // The demo has no grades or 整改清单 yet: a secretary's entries for the year's 组织生活会暨民主评议.
  const review = await call<DemocraticReview>(core, 'democraticReview:get', { meetingId: assemblyId });
  const gradable = review.rows.filter((row) => row.gradable);
  await call(core, 'democraticReview:save', {
    meetingId: assemblyId,
    version: review.version,
    grades: gradable.map((row, index) =>
      index < 5 ? { memberId: row.memberId, grade: 'excellent' } : index === 5 ? { memberId: row.memberId, grade: 'basicallyQualified', note: '批评教育，限期改正' } : { memberId: row.memberId, grade: 'qualified' },
    ),
  });
  await call<OrgLifeMaterial>(core, 'orgLife:save', {
    meetingId: assemblyId,
    version: 0,
    problems: [
      { text: '理论学习不够深入，学用结合不紧', category: 'ideological', source: 'selfCheck' },
      { text: '联系服务群众不够主动', category: 'conduct', source: 'solicited' },
    ],
    rectifications: [
      { problemIndex: 0, measure: '每月第一个周五开展集中学习，党员撰写心得', ownerMemberId: byName('陈建华'), dueOn: '2026-12-31', status: 'open' },
      { problemIndex: 1, measure: '每名党员联系两名群众，每季度走访一次', ownerName: '支部委员会', dueOn: '2026-06-30', status: 'open' },
      { problemIndex: 1, measure: '设立党员先锋岗并公示', ownerMemberId: byName('王丽萍'), dueOn: '2026-03-31', status: 'done', doneOn: '2026-03-20' },
    ],
  });
});

describe('every Excel 台账 prints alike (DOMAIN §8)', () => {
  it('A4 landscape one page wide, title rows repeated and frozen, 第 N 页 共 M 页 — on every sheet of all eight outputs', async () => {
    const started = await call<AssessmentView>(core, 'assessments:start', { templateId: 'wuxing-sanqiang-reference', year: YEAR });
    const outputs: [string, unknown][] = [
      ['reports:meetingLedgerXlsx', { year: YEAR }],
      ['reports:democraticReviewXlsx', { year: YEAR }],
      ['reports:talksXlsx', { year: YEAR }],
      ['reports:rectificationsXlsx', { year: YEAR }],
      ['members:export', {}],
      ['compliance:exportXlsx', { year: YEAR }],
      ['participation:exportXlsx', { year: YEAR }],
      ['assessments:exportXlsx', { id: started.id }],
    ];
    let sheets = 0;
    for (const [method, input] of outputs) {
      const workbook = await load(await call<Exported>(core, method, input));
      for (const sheet of workbook.worksheets) {
        sheets += 1;
        const where = `${method} ${sheet.name}`;
        expect(sheet.pageSetup, where).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1 });
        const titleRows = Number(/^1:(\d+)$/.exec(String(sheet.pageSetup.printTitlesRow))?.[1]);
        expect(titleRows, where).toBeGreaterThanOrEqual(3);
        expect(sheet.headerFooter.oddFooter, where).toContain('第 &P 页 共 &N 页');
        expect(sheet.views[0], where).toMatchObject({ state: 'frozen', ySplit: titleRows });
        // Row 1 is the title across the table; the header row's cells are bold and wrapped.
        expect(cellText(sheet, 1, 1), where).toMatch(/中共浙江金帆智能科技有限公司支部委员会/);
        expect(sheet.getCell(titleRows, 1).font?.bold, where).toBe(true);
        expect(sheet.getCell(titleRows, 1).alignment?.wrapText, where).toBe(true);
        for (let column = 1; column <= sheet.columnCount; column += 1) expect(sheet.getColumn(column).width ?? 0, `${where} column ${column}`).toBeGreaterThan(3);
      }
    }
    expect(sheets).toBe(9);
  });
});

describe('reports:meetingLedgerXlsx (三会一课登记台账)', () => {
  it('lists every record of the year but the talks, oldest first, with 应到/实到 as meetings:list counts them, and per-type subtotals', async () => {
    const list = await call<MeetingListItem[]>(core, 'meetings:list', { year: YEAR });
    const expected = list.filter((item) => !(item.types.length === 1 && item.types[0] === 'heartToHeartTalk')).sort((a, b) => a.heldOn.localeCompare(b.heldOn) || a.id - b.id);
    expect(expected.length).toBeGreaterThan(40);

    const result = await call<ReportXlsxResult>(core, 'reports:meetingLedgerXlsx', { year: YEAR });
    expect(result.fileName).toBe('2025年度三会一课登记台账.xlsx');
    expect(result.rowCount).toBe(expected.length);
    const sheet = (await load(result)).getWorksheet('三会一课登记台账')!;
    expect(sheet.pageSetup.printTitlesRow).toBe('1:4');
    expect(sheet.views[0]).toMatchObject({ xSplit: 2, ySplit: 4 });
    expect(cellText(sheet, 1, 1)).toBe('中共浙江金帆智能科技有限公司支部委员会2025年度三会一课登记台账');
    const header = LEDGER_HEADERS.map((title, index) => {
      const top = cellText(sheet, 3, index + 1)!;
      const bottom = cellText(sheet, 4, index + 1)!;
      return (top === bottom ? top : `${top}${bottom}`).replace(/\n/g, '');
    });
    expect(header).toEqual(LEDGER_HEADERS);
    expect(LEDGER_HEADERS).toEqual(expect.arrayContaining(['序号', '日期', '类型', '党小组', '主题/议题', '主持人/授课人', '记录人', '应到合计', '应到正式', '应到预备', '实到合计', '请假', '缺席', '出席率', '是否达到法定人数', '主要内容摘要', '决议数', '附件数', '请假、缺席人员及原因', '备注']));

    const rows = dataRows(sheet, 5);
    expect(rows).toHaveLength(expected.length);
    rows.forEach((row, index) => {
      const item = expected[index];
      expect(cellText(sheet, row, LEDGER_COLUMN.date)).toBe(item.heldOn);
      expect(sheet.getCell(row, LEDGER_COLUMN.date).numFmt).toBe('@');
      expect(cellText(sheet, row, LEDGER_COLUMN.topic)).toBe(item.topic);
      expect(cellText(sheet, row, LEDGER_COLUMN.types)).toBe(item.types.map((type) => MEETING_TYPE_LABELS[type]).join('暨'));
      expect(sheet.getCell(row, LEDGER_COLUMN.expected).value).toBe(item.expected);
      expect(sheet.getCell(row, LEDGER_COLUMN.present).value).toBe(item.present);
      expect(sheet.getCell(row, LEDGER_COLUMN.attachments).value).toBe(item.attachmentCount);
      expect(cellText(sheet, row, LEDGER_COLUMN.quorum)).toBe(item.valid === null ? '—' : item.valid ? '是' : '否');
      const rate = sheet.getCell(row, LEDGER_COLUMN.rate);
      expect(rate.value).toBeCloseTo(item.present / item.expected, 3);
      expect(rate.numFmt).toBe('0.0%');
    });

    // The 党员大会暨组织生活会暨民主评议: 正式/预备 split from the record itself, 补学 and the 党小组 blank.
    const record = await call<MeetingRecord>(core, 'meetings:get', { id: assemblyId });
    const assembly = rows.find((row) => cellText(sheet, row, LEDGER_COLUMN.date) === record.heldOn && cellText(sheet, row, LEDGER_COLUMN.topic) === record.topic)!;
    const { counts } = record.assessment;
    expect([LEDGER_COLUMN.expectedFull, LEDGER_COLUMN.expectedProbationary, LEDGER_COLUMN.presentFull, LEDGER_COLUMN.presentProbationary, LEDGER_COLUMN.leave, LEDGER_COLUMN.absent].map((column) => sheet.getCell(assembly, column).value)).toEqual([
      counts.expectedFull,
      counts.expectedProbationary,
      counts.presentFull,
      counts.presentProbationary,
      counts.leave,
      counts.absent,
    ]);
    expect(counts.expectedFull + counts.expectedProbationary).toBe(counts.expected);
    expect(cellText(sheet, assembly, LEDGER_COLUMN.recorder)).toBe(record.recorderName);
    expect(sheet.getCell(assembly, LEDGER_COLUMN.decisions).value).toBe(record.decisions.length);
    const away = record.attendance.filter((entry) => entry.status !== 'present');
    expect(away.length).toBeGreaterThan(0);
    for (const entry of away) expect(cellText(sheet, assembly, LEDGER_COLUMN.away)).toContain(entry.name);
    expect(cellText(sheet, assembly, LEDGER_COLUMN.away)).toMatch(/^请假：.+（(病假|事假|公假|因公外出|其他)/);

    // Subtotals per type (a record of several types in each), then 合计 counting each record once.
    const after = rows[rows.length - 1] + 1;
    const types = MEETING_TYPES.filter((type) => type !== 'heartToHeartTalk' && expected.some((item) => item.types.includes(type)));
    types.forEach((type, index) => {
      const row = after + index;
      const ofType = expected.filter((item) => item.types.includes(type));
      expect(cellText(sheet, row, 1)).toBe(`小计：${MEETING_TYPE_LABELS[type]}`);
      expect(cellText(sheet, row, LEDGER_COLUMN.topic)).toMatch(new RegExp(`^${ofType.length} 次`));
      expect(sheet.getCell(row, LEDGER_COLUMN.expected).value).toBe(ofType.reduce((sum, item) => sum + item.expected, 0));
      expect(sheet.getCell(row, LEDGER_COLUMN.present).value).toBe(ofType.reduce((sum, item) => sum + item.present, 0));
    });
    const total = after + types.length;
    expect(cellText(sheet, total, 1)).toBe('合计');
    expect(sheet.getCell(total, LEDGER_COLUMN.expected).value).toBe(expected.reduce((sum, item) => sum + item.expected, 0));
    expect(sheet.getCell(total, LEDGER_COLUMN.present).value).toBe(expected.reduce((sum, item) => sum + item.present, 0));
    expect(sheet.getCell(total, LEDGER_COLUMN.attachments).value).toBe(expected.reduce((sum, item) => sum + item.attachmentCount, 0));
    expect(cellText(sheet, 2, LEDGER_COLUMN.rate)).toBe(`共 ${expected.length} 条记录`);
  });

  it('takes a period of days as well as a year (ten years in one sheet) and refuses one that ends before it starts', async () => {
    const decade = await call<ReportXlsxResult>(core, 'reports:meetingLedgerXlsx', { from: '2016-01-01', to: '2025-12-31' });
    const year = await call<ReportXlsxResult>(core, 'reports:meetingLedgerXlsx', { year: YEAR });
    expect(decade.rowCount).toBe(year.rowCount);
    expect(decade.fileName).toBe('三会一课登记台账（2016-01-01至2025-12-31）.xlsx');
    const sheet = (await load(decade)).getWorksheet('三会一课登记台账')!;
    expect(cellText(sheet, 1, 1)).toBe('中共浙江金帆智能科技有限公司支部委员会（2016年1月1日至2025年12月31日）三会一课登记台账');

    const spring = await call<ReportXlsxResult>(core, 'reports:meetingLedgerXlsx', { from: '2025-03-01', to: '2025-03-31' });
    const list = await call<MeetingListItem[]>(core, 'meetings:list', { year: YEAR });
    expect(spring.rowCount).toBe(list.filter((item) => item.heldOn.startsWith('2025-03') && !(item.types.length === 1 && item.types[0] === 'heartToHeartTalk')).length);

    const backwards = await core.dispatch('reports:meetingLedgerXlsx', { from: '2025-12-31', to: '2025-01-01' });
    expect(backwards).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(JSON.stringify(backwards)).toContain('结束日期不能早于开始日期');
    const junk = await core.dispatch('reports:meetingLedgerXlsx', { year: '去年' });
    expect(junk).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('reports:democraticReviewXlsx (民主评议汇总)', () => {
  it('grades each 正式党员, lists 预备党员 without a grade, counts per grade and checks 优秀 ≤ 1/3', async () => {
    const review = await call<DemocraticReview>(core, 'democraticReview:get', { meetingId: assemblyId });
    const result = await call<ReportXlsxResult>(core, 'reports:democraticReviewXlsx', { year: YEAR });
    expect(result.fileName).toBe('2025年度民主评议汇总.xlsx');
    expect(result.rowCount).toBe(review.rows.length);
    const sheet = (await load(result)).getWorksheet('民主评议汇总')!;
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual(REVIEW_HEADERS);
    expect(REVIEW_HEADERS).toEqual(['序号', '姓名', '党员类别', '优秀', '合格', '基本合格', '不合格', '评定等次', '处置意见及备注']);

    const rows = dataRows(sheet, 4);
    expect(rows.map((row) => cellText(sheet, row, 2))).toEqual(review.rows.map((row) => row.name));
    const label = { excellent: '优秀', qualified: '合格', basicallyQualified: '基本合格', unqualified: '不合格' } as const;
    rows.forEach((row, index) => {
      const person = review.rows[index];
      expect(cellText(sheet, row, 8)).toBe(person.grade ? label[person.grade] : '不评定等次');
      if (person.grade === 'excellent') expect(cellText(sheet, row, 4)).toBe('✓');
      if (!person.gradable) expect(cellText(sheet, row, 9)).toContain('预备党员参加评议，但不评定等次');
    });
    const probationary = review.rows.filter((row) => row.category === 'probationary');
    expect(probationary.length).toBeGreaterThan(0);
    expect(probationary.every((row) => row.grade === null)).toBe(true);
    expect(cellText(sheet, rows[review.rows.findIndex((row) => row.grade === 'basicallyQualified')], 9)).toBe('批评教育，限期改正');

    const total = rows[rows.length - 1] + 1;
    expect(cellText(sheet, total, 1)).toBe('人数合计');
    expect([4, 5, 6, 7, 8].map((column) => sheet.getCell(total, column).value)).toEqual([
      review.counts.excellent,
      review.counts.qualified,
      review.counts.basicallyQualified,
      review.counts.unqualified,
      review.counts.graded,
    ]);
    expect(review.counts).toMatchObject({ excellent: 5, basicallyQualified: 1 });
    expect(cellText(sheet, total + 1, 1)).toBe(
      `优秀比例核对：优秀 5 名，占评定人数的 ${((5 / review.counts.graded) * 100).toFixed(1)}%，未超过三分之一（上限 ${Math.floor(review.counts.graded / 3)} 名），符合规定`,
    );
  });
});

describe('reports:talksXlsx (谈心谈话台账)', () => {
  it('lists the year’s talks with who, which kind of pair and how, and the coverage matrix of talks:coverage', async () => {
    const talks = await call<MeetingListItem[]>(core, 'meetings:list', { year: YEAR, type: 'heartToHeartTalk' });
    const coverage = await call<TalkCoverage>(core, 'talks:coverage', { year: YEAR });
    const result = await call<ReportXlsxResult>(core, 'reports:talksXlsx', { year: YEAR });
    expect(result.rowCount).toBe(talks.length);
    const workbook = await load(result);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['谈心谈话台账', '谈话覆盖情况']);
    const sheet = workbook.getWorksheet('谈心谈话台账')!;
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual(TALKS_HEADERS);
    expect(TALKS_HEADERS).toEqual(['序号', '日期', '谈话人员', '谈话类型', '方式', '谈话主题', '地点', '主要内容', '记录人']);
    const rows = dataRows(sheet, 4);
    expect(rows).toHaveLength(talks.length);
    expect(rows.map((row) => cellText(sheet, row, 2))).toEqual(talks.map((item) => item.heldOn).sort());
    // 陈建华 is the 书记, 王丽萍 a 支委: their talk is 书记与支委谈话.
    const first = rows.find((row) => cellText(sheet, row, 3) === '陈建华、王丽萍')!;
    expect(cellText(sheet, first, 4)).toBe('书记与支委谈话');
    expect(rows.every((row) => /谈话$/.test(cellText(sheet, row, 4) ?? ''))).toBe(true);

    const matrix = workbook.getWorksheet('谈话覆盖情况')!;
    const names = coverage.people.map((person) => person.name);
    expect((matrix.getRow(3).values as unknown[]).slice(4)).toEqual(names);
    expect(dataRows(matrix, 4)).toHaveLength(names.length);
    // Every pair that talked shows its dates (M/D) both ways; the diagonal is —.
    for (const pair of coverage.pairs.filter((entry) => entry.dates.length)) {
      const a = names.indexOf(coverage.people.find((person) => person.memberId === pair.a)!.name);
      const b = names.indexOf(coverage.people.find((person) => person.memberId === pair.b)!.name);
      const text = pair.dates.map((date) => `${Number(date.slice(5, 7))}/${Number(date.slice(8, 10))}`).join('\n');
      expect(cellText(matrix, 4 + a, 4 + b)).toBe(text);
      expect(cellText(matrix, 4 + b, 4 + a)).toBe(text);
    }
    expect(cellText(matrix, 4, 4)).toBe('—');
    for (const entry of coverage.summary) {
      const row = rowWhere(matrix, 1, entry.label);
      expect([matrix.getCell(row, 4).value, matrix.getCell(row, 5).value]).toEqual([entry.covered, entry.required]);
    }
  });
});

describe('reports:rectificationsXlsx (整改清单)', () => {
  it('lists every item of orgLife:rectifications for the year with status, owner and record, and the counts', async () => {
    const items = await call<RectificationListItem[]>(core, 'orgLife:rectifications', { year: YEAR });
    expect(items).toHaveLength(3);
    const result = await call<ReportXlsxResult>(core, 'reports:rectificationsXlsx', { year: YEAR });
    expect(result.rowCount).toBe(items.length);
    const sheet = (await load(result)).getWorksheet('整改清单')!;
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual(RECTIFICATIONS_HEADERS);
    expect(RECTIFICATIONS_HEADERS).toEqual(['序号', '问题', '整改措施', '责任人', '整改时限', '状态', '完成日期', '关联记录', '备注']);
    const rows = dataRows(sheet, 4);
    expect(rows.map((row) => [cellText(sheet, row, 3), cellText(sheet, row, 4), cellText(sheet, row, 5), cellText(sheet, row, 6), cellText(sheet, row, 7)])).toEqual([
      ['每月第一个周五开展集中学习，党员撰写心得', '陈建华', '2026-12-31', '未完成', null],
      ['每名党员联系两名群众，每季度走访一次', '支部委员会', '2026-06-30', '逾期未完成', null],
      ['设立党员先锋岗并公示', '王丽萍', '2026-03-31', '已完成', '2026-03-20'],
    ]);
    expect(cellText(sheet, rows[0], 2)).toBe('理论学习不够深入，学用结合不紧');
    expect(cellText(sheet, rows[0], 8)).toMatch(/^2025-12-\d\d 组织生活会：/);
    const total = rows[rows.length - 1] + 1;
    expect(cellText(sheet, total, 1)).toBe('合计');
    expect([sheet.getCell(total, 5).value, sheet.getCell(total, 7).value, sheet.getCell(total, 9).value]).toEqual([1, 2, 1]);
  });
});

describe('a year with nothing to list', () => {
  it('gets a clear Chinese notice from each report, not an empty file', async () => {
    const notices = {
      'reports:meetingLedgerXlsx': '2024年度没有三会一课等组织生活记录',
      'reports:democraticReviewXlsx': '2024年度没有民主评议党员记录',
      'reports:talksXlsx': '2024年度没有谈心谈话记录',
      'reports:rectificationsXlsx': '2024年度的组织生活会没有整改事项',
    };
    for (const [method, notice] of Object.entries(notices)) {
      const result = await core.dispatch(method, { year: 2024 });
      expect(result, method).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      if (!result.ok) expect(result.error.message, method).toContain(notice);
    }
  });
});
