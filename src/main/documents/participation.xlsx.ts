import type ExcelJS from 'exceljs';
import type { ParticipationRow, ParticipationTotals, ParticipationYear } from '../../shared/contract/participation';
import { formatChineseDate } from '../../shared/domain/dates';
import { MEMBER_CATEGORY_LABELS } from '../../shared/domain/member';
import { ACT_MONTHS, DUES_NOT_RECORDED, MONTH_SYMBOLS, REMIND_MONTHS, type MonthKind } from '../../shared/domain/participation';
import {
  addLedgerSheet,
  BORDER,
  estimateLines,
  LINE_HEIGHT,
  MIN_ROW_HEIGHT,
  newWorkbook,
  ROW_PADDING,
  sheetFont,
  styleHeaderCell,
  workbookBytes,
  writeTitle,
} from './xlsxSheet';

// 党员年度参加组织生活情况 (issue 5, item 6; DOMAIN §8 layout): one row per member, a column per month
// with the grid's symbols, the year's totals and the longest run without organisational life. Title,
// subtitle and the two header rows repeat on every printed page. Pure: plain data in, bytes out.

export const PARTICIPATION_SHEET_NAME = '参加组织生活情况';
/** Title, subtitle, two header rows. */
export const PARTICIPATION_TITLE_ROWS = 4;

export interface ParticipationSheetInput {
  branchName: string;
  sheet: ParticipationYear;
  /** Workbook creation time (file properties); tests fix it. */
  createdAt?: Date;
}

interface Column {
  header: string;
  width: number;
  align: 'center' | 'left';
  value: (row: ParticipationRow, index: number) => string | number | null;
  numFmt?: string;
}

const MONTH_WIDTH = 4.6;

const LEAD: Column[] = [
  { header: '序号', width: 4.5, align: 'center', value: (_row, index) => index + 1 },
  { header: '姓名', width: 8, align: 'center', value: (row) => row.name },
  { header: '党员类别', width: 9, align: 'center', value: (row) => MEMBER_CATEGORY_LABELS[row.category] },
  { header: '党小组', width: 14, align: 'center', value: (row) => row.partyGroupName },
];

const MONTHS: Column[] = Array.from({ length: 12 }, (_value, i) => ({
  header: `${i + 1}月`,
  width: MONTH_WIDTH,
  align: 'center' as const,
  value: (row: ParticipationRow) => MONTH_SYMBOLS[row.months[i].kind] || null,
}));

const TOTALS: Column[] = [
  { header: '应参加\n次数', width: 6.5, align: 'center', value: (row) => row.totals.expected },
  { header: '实际\n参加', width: 5.5, align: 'center', value: (row) => row.totals.present },
  { header: '请假', width: 5, align: 'center', value: (row) => row.totals.leave },
  { header: '缺席', width: 5, align: 'center', value: (row) => row.totals.absent },
  { header: '其中\n补学', width: 5, align: 'center', value: (row) => row.totals.madeUp },
  { header: '参加率', width: 7, align: 'center', numFmt: '0.0%', value: (row) => row.totals.rate },
];

const TAIL: Column[] = [
  { header: '最长连续\n未参加\n（月）', width: 8, align: 'center', value: (row) => row.longestRun?.months ?? 0 },
  { header: '备注', width: 18, align: 'left', value: (row) => row.note },
];

const COLUMNS = [...LEAD, ...MONTHS, ...TOTALS, ...TAIL];
const FIRST_MONTH = LEAD.length + 1;
const FIRST_TOTAL = FIRST_MONTH + MONTHS.length;
const FIRST_TAIL = FIRST_TOTAL + TOTALS.length;

/** Header titles in column order, line breaks removed (tests read them back). */
export const PARTICIPATION_HEADERS: readonly string[] = COLUMNS.map((column) => column.header.replace(/\n/g, ''));

const fill = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
/** Light tints that still read in black-and-white print (the symbols carry the meaning). */
const KIND_FILLS: Partial<Record<MonthKind, ExcelJS.Fill>> = { absent: fill('FFFBE0E0'), excused: fill('FFFFF6D9') };
const RUN_FILLS = { remind: fill('FFFFF0D0'), act: fill('FFFBD0D0') };

export const PARTICIPATION_LEGEND =
  '说明：✓ 出席；补 缺席或请假后已补学（计为参加）；假 请假；✗ 缺席；· 当月没有应参加的会议；？ 记录中未登记出勤；免 经批准不计入应到；空白 非本支部党员或尚未到。' +
  '应参加次数按每次会议召开当日的应到人员计算，参加率＝实际参加÷应参加次数。' +
  `连续未参加月数只计缺席的月份：请假、没有会议的月份不计入，也不中断；出席或补学即中断。连续 ${REMIND_MONTHS} 个月提醒，${ACT_MONTHS} 个月需要处理。` +
  `${DUES_NOT_RECORDED}。`;

function subtitle(sheet: ParticipationYear): string {
  const count = sheet.rows.length;
  const left = sheet.rows.filter((row) => !row.belongs).length;
  return `统计截至 ${formatChineseDate(sheet.asOf)}  共 ${count} 名党员${left > 0 ? `（其中年内离开本支部 ${left} 名）` : ''}`;
}

export async function buildParticipationXlsx(input: ParticipationSheetInput): Promise<Buffer> {
  const { sheet: data } = input;
  const workbook = newWorkbook(input.createdAt ?? new Date());
  const lastColumn = COLUMNS.length;
  // Frozen below the header and right of 姓名.
  const sheet = addLedgerSheet(workbook, PARTICIPATION_SHEET_NAME, { titleRows: PARTICIPATION_TITLE_ROWS, frozenColumns: 2 });
  sheet.columns = COLUMNS.map((column) => ({ width: column.width }));

  writeTitle(sheet, `${input.branchName}${data.year}年度党员参加组织生活情况`, lastColumn);

  // Row 2: 统计截至… on the left, the dues caveat on the right.
  const split = FIRST_TOTAL - 1;
  sheet.mergeCells(2, 1, 2, split);
  sheet.mergeCells(2, split + 1, 2, lastColumn);
  const left = sheet.getCell(2, 1);
  left.value = subtitle(data);
  left.font = sheetFont({ size: 11 });
  left.alignment = { horizontal: 'left', vertical: 'middle' };
  const right = sheet.getCell(2, split + 1);
  right.value = DUES_NOT_RECORDED;
  right.font = sheetFont();
  right.alignment = { horizontal: 'right', vertical: 'middle' };
  sheet.getRow(2).height = 22;

  // Rows 3–4: grouped header. Single columns span both rows; months and totals have a group title.
  const singles = [...LEAD.map((_c, i) => i + 1), ...TAIL.map((_c, i) => FIRST_TAIL + i)];
  for (const index of singles) {
    sheet.mergeCells(3, index, 4, index);
    sheet.getCell(3, index).value = COLUMNS[index - 1].header;
  }
  sheet.mergeCells(3, FIRST_MONTH, 3, FIRST_TOTAL - 1);
  sheet.getCell(3, FIRST_MONTH).value = '各月参加组织生活情况';
  sheet.mergeCells(3, FIRST_TOTAL, 3, FIRST_TAIL - 1);
  sheet.getCell(3, FIRST_TOTAL).value = '全年合计';
  for (let index = FIRST_MONTH; index < FIRST_TAIL; index += 1) sheet.getCell(4, index).value = COLUMNS[index - 1].header;
  for (const rowNumber of [3, 4]) for (let index = 1; index <= lastColumn; index += 1) styleHeaderCell(sheet.getCell(rowNumber, index));
  sheet.getRow(3).height = 24;
  sheet.getRow(4).height = LINE_HEIGHT * Math.max(...COLUMNS.map((column) => estimateLines(column.header, column.width))) + ROW_PADDING + 4 - 24;

  const first = PARTICIPATION_TITLE_ROWS + 1;
  data.rows.forEach((row, index) => {
    const sheetRow = sheet.getRow(first + index);
    let lines = 1;
    COLUMNS.forEach((column, i) => {
      const value = column.value(row, index);
      const cell = sheetRow.getCell(i + 1);
      cell.value = value === null || value === '' ? null : value;
      cell.font = sheetFont();
      cell.border = BORDER;
      cell.alignment = { horizontal: column.align, vertical: 'middle', wrapText: true };
      if (column.numFmt) cell.numFmt = column.numFmt;
      if (typeof value === 'string') lines = Math.max(lines, estimateLines(value, column.width));
    });
    row.months.forEach((month, i) => {
      const tint = KIND_FILLS[month.kind];
      if (tint) sheetRow.getCell(FIRST_MONTH + i).fill = tint;
    });
    const longest = row.longestRun?.months ?? 0;
    if (longest >= REMIND_MONTHS) {
      const cell = sheetRow.getCell(FIRST_TAIL);
      cell.fill = longest >= ACT_MONTHS ? RUN_FILLS.act : RUN_FILLS.remind;
      cell.font = sheetFont({ bold: true });
    }
    sheetRow.height = Math.max(MIN_ROW_HEIGHT, LINE_HEIGHT * lines + ROW_PADDING);
  });

  // 合计 across the branch.
  const totalRow = sheet.getRow(first + data.rows.length);
  sheet.mergeCells(totalRow.number, 1, totalRow.number, FIRST_MONTH - 1);
  totalRow.getCell(1).value = '合计';
  const totals: ParticipationTotals = data.totals;
  [totals.expected, totals.present, totals.leave, totals.absent, totals.madeUp, totals.rate].forEach((value, i) => {
    totalRow.getCell(FIRST_TOTAL + i).value = value;
  });
  totalRow.getCell(FIRST_TOTAL + TOTALS.length - 1).numFmt = '0.0%';
  for (let index = 1; index <= lastColumn; index += 1) {
    const cell = totalRow.getCell(index);
    cell.font = sheetFont({ bold: true });
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  }
  totalRow.height = MIN_ROW_HEIGHT + 2;

  // The legend under the table (not repeated): what the symbols and the run mean.
  const legendRow = sheet.getRow(totalRow.number + 1);
  sheet.mergeCells(legendRow.number, 1, legendRow.number, lastColumn);
  const legend = legendRow.getCell(1);
  legend.value = PARTICIPATION_LEGEND;
  legend.font = sheetFont({ size: 9 });
  legend.alignment = { horizontal: 'left', vertical: 'top', wrapText: true };
  const tableWidth = COLUMNS.reduce((total, column) => total + column.width, 0);
  legendRow.height = LINE_HEIGHT * estimateLines(PARTICIPATION_LEGEND, tableWidth * 1.1) + ROW_PADDING;

  return workbookBytes(workbook);
}
