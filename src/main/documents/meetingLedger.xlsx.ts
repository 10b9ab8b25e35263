import type ExcelJS from 'exceljs';
import { MEETING_TYPE_LABELS, MEETING_TYPES, type MeetingType } from '../../shared/domain/meetingTypes';
import {
  addLedgerSheet,
  estimateLines,
  LINE_HEIGHT,
  newWorkbook,
  ROW_PADDING,
  rowHeightFor,
  styleHeaderCell,
  workbookBytes,
  writeBodyCell,
  writeBodyRows,
  writeNoteRow,
  writeSubtitle,
  writeTitle,
  type LedgerColumn,
} from './xlsxSheet';

// 三会一课登记台账 (DOMAIN §8, issue 7 item 3): one row per record — date, types joined by 暨, 党小组,
// 主题, 主持人/授课人, 记录人, 应到/实到 split 正式/预备, 请假, 缺席, 出席率, whether the quorum was met
// (党员大会, 支委会), a summary, counts of decisions and attachments, who was away and why, and remarks
// (补学, 不计入应到, late write-ups). Per-type subtotals and a 合计 close the table. Prints like every 台账; one sheet
// holds ten years as well as one. Pure: plain data in, bytes out.

export const LEDGER_SHEET_NAME = '三会一课登记台账';
/** Title, subtitle, two header rows. */
export const LEDGER_TITLE_ROWS = 4;

export interface MeetingLedgerRow {
  /** ISO date, printed as text 2025-03-12. */
  heldOn: string;
  types: readonly MeetingType[];
  partyGroupName: string | null;
  topic: string;
  location: string | null;
  /** 主持人, or “主持：…\n授课：…” for a 党课 with its own lecturer. */
  host: string | null;
  recorder: string | null;
  expected: number;
  expectedFull: number;
  expectedProbationary: number;
  present: number;
  presentFull: number;
  presentProbationary: number;
  leave: number;
  absent: number;
  /** Quorum met (true), not met (false), or no quorum rule for these types (null). */
  quorum: boolean | null;
  summary: string;
  decisions: number;
  attachments: number;
  /** 请假、缺席人员及原因. */
  away: string;
  note: string;
}

export interface MeetingLedgerInput {
  branchName: string;
  /** “2025年度” or “2016年1月1日至2025年12月31日”. */
  periodLabel: string;
  /** 统计截至… and what is left out, on the subtitle's left. */
  subtitle: string;
  rows: readonly MeetingLedgerRow[];
  createdAt?: Date;
}

const rate = (present: number, expected: number) => (expected > 0 ? Math.round((present / expected) * 1000) / 1000 : null);
const quorumText = (quorum: boolean | null) => (quorum === null ? '—' : quorum ? '是' : '否');

type Column = LedgerColumn<MeetingLedgerRow> & { key: string; group?: string };

const COLUMNS: Column[] = [
  { key: 'no', header: '序号', width: 4.5, align: 'center', value: (_row, index) => index + 1 },
  { key: 'date', header: '日期', width: 10.5, align: 'center', text: true, value: (row) => row.heldOn },
  { key: 'types', header: '类型', width: 14, align: 'center', value: (row) => row.types.map((type) => MEETING_TYPE_LABELS[type]).join('暨') },
  { key: 'group', header: '党小组', width: 10.5, align: 'center', value: (row) => row.partyGroupName },
  { key: 'topic', header: '主题/议题', width: 21, align: 'left', value: (row) => row.topic },
  { key: 'location', header: '地点', width: 10, align: 'left', value: (row) => row.location },
  { key: 'host', header: '主持人/\n授课人', width: 8.5, align: 'center', value: (row) => row.host },
  { key: 'recorder', header: '记录人', width: 7, align: 'center', value: (row) => row.recorder },
  { key: 'expected', group: '应到', header: '合计', width: 4.6, align: 'center', value: (row) => row.expected },
  { key: 'expectedFull', group: '应到', header: '正式', width: 4.6, align: 'center', value: (row) => row.expectedFull },
  { key: 'expectedProbationary', group: '应到', header: '预备', width: 4.6, align: 'center', value: (row) => row.expectedProbationary },
  { key: 'present', group: '实到', header: '合计', width: 4.6, align: 'center', value: (row) => row.present },
  { key: 'presentFull', group: '实到', header: '正式', width: 4.6, align: 'center', value: (row) => row.presentFull },
  { key: 'presentProbationary', group: '实到', header: '预备', width: 4.6, align: 'center', value: (row) => row.presentProbationary },
  { key: 'leave', header: '请假', width: 4.6, align: 'center', value: (row) => row.leave },
  { key: 'absent', header: '缺席', width: 4.6, align: 'center', value: (row) => row.absent },
  { key: 'rate', header: '出席率', width: 7, align: 'center', numFmt: '0.0%', value: (row) => rate(row.present, row.expected) },
  { key: 'quorum', header: '是否达到\n法定人数', width: 9, align: 'center', value: (row) => quorumText(row.quorum) },
  { key: 'summary', header: '主要内容摘要', width: 22, align: 'left', value: (row) => row.summary },
  { key: 'decisions', header: '决议数', width: 5, align: 'center', value: (row) => row.decisions },
  { key: 'attachments', header: '附件数', width: 5, align: 'center', value: (row) => row.attachments },
  { key: 'away', header: '请假、缺席人员\n及原因', width: 20, align: 'left', value: (row) => row.away },
  { key: 'note', header: '备注', width: 14.5, align: 'left', value: (row) => row.note },
];

const WIDTHS = COLUMNS.map((column) => column.width);
const LAST = COLUMNS.length;
const col = (key: string) => COLUMNS.findIndex((column) => column.key === key) + 1;

/** Header titles as read back: grouped columns as 应到合计, 应到正式… */
export const LEDGER_HEADERS: readonly string[] = COLUMNS.map((column) => `${column.group ?? ''}${column.header.replace(/\n/g, '')}`);
/** Sheet column (1-based) of each field, for readers (tests, the inspection package's self-check). */
export const LEDGER_COLUMN = Object.fromEntries(COLUMNS.map((column, index) => [column.key, index + 1])) as Record<string, number>;

export const LEDGER_LEGEND =
  '说明：应到、实到按召开当日的名册算出（经批准不计入应到的人员不计入），预备党员计入应到、实到但无表决权；出席率＝实到÷应到。' +
  '“是否达到法定人数”：支部党员大会须有表决权的党员过半数到会，支部委员会会议须委员过半数到会；其他会议不适用（—）。' +
  '一次活动同时计入几类的，类型以“暨”连接，在各类小计中分别计入，合计只计一次。';

export interface LedgerTotals {
  count: number;
  expected: number;
  expectedFull: number;
  expectedProbationary: number;
  present: number;
  presentFull: number;
  presentProbationary: number;
  leave: number;
  absent: number;
  /** Records with a quorum rule that did not meet it. */
  quorumMissed: number;
  decisions: number;
  attachments: number;
}

export function ledgerTotals(rows: readonly MeetingLedgerRow[]): LedgerTotals {
  const totals: LedgerTotals = { count: 0, expected: 0, expectedFull: 0, expectedProbationary: 0, present: 0, presentFull: 0, presentProbationary: 0, leave: 0, absent: 0, quorumMissed: 0, decisions: 0, attachments: 0 };
  for (const row of rows) {
    totals.count += 1;
    totals.expected += row.expected;
    totals.present += row.present;
    totals.expectedFull += row.expectedFull;
    totals.expectedProbationary += row.expectedProbationary;
    totals.presentFull += row.presentFull;
    totals.presentProbationary += row.presentProbationary;
    totals.leave += row.leave;
    totals.absent += row.absent;
    if (row.quorum === false) totals.quorumMissed += 1;
    totals.decisions += row.decisions;
    totals.attachments += row.attachments;
  }
  return totals;
}

/** Subtotals per type in the order of MEETING_TYPES (a record of two types counts in both). */
export function ledgerSubtotals(rows: readonly MeetingLedgerRow[]): { type: MeetingType; totals: LedgerTotals }[] {
  return MEETING_TYPES.map((type) => ({ type, totals: ledgerTotals(rows.filter((row) => row.types.includes(type))) })).filter((entry) => entry.totals.count > 0);
}

export function ledgerSheetTitle(branchName: string, periodLabel: string): string {
  return `${branchName}${periodLabel}三会一课登记台账`;
}

export async function buildMeetingLedgerWorkbook(input: MeetingLedgerInput): Promise<Buffer> {
  const workbook = newWorkbook(input.createdAt ?? new Date());
  const sheet = addLedgerSheet(workbook, LEDGER_SHEET_NAME, { widths: WIDTHS, titleRows: LEDGER_TITLE_ROWS, frozenColumns: 2 });
  writeTitle(sheet, ledgerSheetTitle(input.branchName, input.periodLabel), LAST);
  const totals = ledgerTotals(input.rows);
  writeSubtitle(sheet, input.subtitle, `共 ${totals.count} 条记录`, col('rate') - 1, LAST);

  // Rows 3–4: single columns span both rows; 应到 and 实到 have a group title over 合计/正式/预备.
  for (let index = 1; index <= LAST; index += 1) {
    const column = COLUMNS[index - 1];
    if (column.group) {
      sheet.getCell(4, index).value = column.header;
    } else {
      sheet.mergeCells(3, index, 4, index);
      sheet.getCell(3, index).value = column.header;
    }
  }
  for (const group of ['应到', '实到']) {
    const first = COLUMNS.findIndex((column) => column.group === group) + 1;
    sheet.mergeCells(3, first, 3, first + 2);
    sheet.getCell(3, first).value = group;
  }
  for (const rowNumber of [3, 4]) for (let index = 1; index <= LAST; index += 1) styleHeaderCell(sheet.getCell(rowNumber, index));
  sheet.getRow(3).height = 20;
  sheet.getRow(4).height = Math.max(20, LINE_HEIGHT * Math.max(...COLUMNS.map((column) => estimateLines(column.header, column.width))) + ROW_PADDING + 4 - 20);

  let rowNumber = writeBodyRows(sheet, LEDGER_TITLE_ROWS + 1, COLUMNS, input.rows);

  // 小计 per type, then 合计: counts under their columns, as numbers.
  const SUBTOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  const totalRow = (label: string, what: string, sums: LedgerTotals, bold: boolean) => {
    const row = sheet.getRow(rowNumber);
    const font = bold ? { bold: true } : {};
    for (let index = 1; index <= LAST; index += 1) writeBodyCell(row.getCell(index), null, 'center', font);
    sheet.mergeCells(rowNumber, 1, rowNumber, col('group'));
    writeBodyCell(row.getCell(1), label, 'center', { bold: true });
    sheet.mergeCells(rowNumber, col('topic'), rowNumber, col('recorder'));
    writeBodyCell(row.getCell(col('topic')), what, 'left', font);
    for (const key of ['expected', 'expectedFull', 'expectedProbationary', 'present', 'presentFull', 'presentProbationary'] as const) writeBodyCell(row.getCell(col(key)), sums[key], 'center', font);
    writeBodyCell(row.getCell(col('leave')), sums.leave, 'center', font);
    writeBodyCell(row.getCell(col('absent')), sums.absent, 'center', font);
    writeBodyCell(row.getCell(col('rate')), rate(sums.present, sums.expected), 'center', font, { numFmt: '0.0%' });
    writeBodyCell(row.getCell(col('quorum')), sums.quorumMissed > 0 ? `未达 ${sums.quorumMissed} 次` : null, 'center', font);
    writeBodyCell(row.getCell(col('decisions')), sums.decisions, 'center', font);
    writeBodyCell(row.getCell(col('attachments')), sums.attachments, 'center', font);
    for (let index = 1; index <= LAST; index += 1) row.getCell(index).fill = SUBTOTAL_FILL;
    row.height = rowHeightFor(estimateLines(what, COLUMNS.slice(col('topic') - 1, col('recorder')).reduce((sum, column) => sum + column.width, 0)));
    rowNumber += 1;
  };
  for (const { type, totals: sums } of ledgerSubtotals(input.rows)) totalRow(`小计：${MEETING_TYPE_LABELS[type]}`, `${sums.count} 次，应到 ${sums.expected} 人次，实到 ${sums.present} 人次`, sums, false);
  totalRow('合计', `${totals.count} 次，应到 ${totals.expected} 人次，实到 ${totals.present} 人次`, totals, true);

  writeNoteRow(sheet, rowNumber, LEDGER_LEGEND, WIDTHS);
  return workbookBytes(workbook);
}
