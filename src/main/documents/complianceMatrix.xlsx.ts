import type ExcelJS from 'exceljs';
import type { ComplianceStatus } from '../../shared/domain/compliance';
import {
  MONTHS,
  PRINTED_LEGEND,
  printedCellText,
  requirementWithWindow,
  rowLabel,
  skippedText,
  summaryText,
  yearSummaryText,
  type ComplianceMatrix,
} from '../../shared/domain/complianceMatrix';
import { formatChineseDate } from '../../shared/domain/dates';
import { addLedgerSheet, BORDER, estimateLines, newWorkbook, rowHeightFor, sheetFont, workbookBytes, writeHeader, writeTitle } from './xlsxSheet';

// 年度落实情况表 (DOMAIN §8): one row per obligation (per 党小组 for 党小组会), twelve month columns with
// a quarterly / half-yearly / yearly period merged across its months, cells = the dates held or
// 未开展 / 待开展 / —, and 完成/应完成 per row. Printed like every 台账: A4 landscape one page wide,
// title rows repeated, 第 N 页 共 M 页. Pure: plain data in, bytes out.

export interface ComplianceMatrixSheetInput {
  branchName: string;
  /** The rule pack the year is judged by (全国默认…). */
  packName: string;
  matrix: ComplianceMatrix;
  /** Workbook creation time (file properties); tests fix it. */
  createdAt?: Date;
}

export const COMPLIANCE_SHEET_NAME = '年度落实情况表';
export const COMPLIANCE_TITLE_ROWS = 3;
export const COMPLIANCE_HEADERS: readonly string[] = ['项目', '要求', ...MONTHS.map((month) => `${month}月`), '完成/\n应完成'];

const LABEL_WIDTH = 22;
const REQUIREMENT_WIDTH = 14;
const MONTH_WIDTH = 8.5;
const SUMMARY_WIDTH = 8;
const WIDTHS = [LABEL_WIDTH, REQUIREMENT_WIDTH, ...MONTHS.map(() => MONTH_WIDTH), SUMMARY_WIDTH];
const FIRST_MONTH_COLUMN = 3;
const SUMMARY_COLUMN = FIRST_MONTH_COLUMN + 12;

const solid = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
/** Light tints that still read in grey on a black-and-white printer; not applicable is hatched. */
const STATUS_FILLS: Record<ComplianceStatus, ExcelJS.Fill | null> = {
  done: solid('FFE6F4EA'),
  due: solid('FFFFF4D6'),
  overdue: solid('FFFBE0DE'),
  upcoming: null,
  notApplicable: { type: 'pattern', pattern: 'lightUp', fgColor: { argb: 'FFBFBFBF' } },
};

export function complianceSheetTitle(branchName: string, year: number): string {
  return `${branchName}${year}年度组织生活落实情况表`;
}

export async function buildComplianceMatrixXlsx(input: ComplianceMatrixSheetInput): Promise<Buffer> {
  const { matrix } = input;
  const workbook = newWorkbook(input.createdAt ?? new Date());
  const lastColumn = WIDTHS.length;
  const sheet = addLedgerSheet(workbook, COMPLIANCE_SHEET_NAME, { widths: WIDTHS, titleRows: COMPLIANCE_TITLE_ROWS, frozenColumns: 2 });

  writeTitle(sheet, complianceSheetTitle(input.branchName, matrix.year), lastColumn);

  // Row 2: as of which day and by which rules; on the right, the year's totals.
  const split = 8;
  sheet.mergeCells(2, 1, 2, split);
  sheet.mergeCells(2, split + 1, 2, lastColumn);
  const asOf = sheet.getCell(2, 1);
  asOf.value = `统计截至 ${formatChineseDate(matrix.asOf)}  按“${input.packName}”规则`;
  asOf.font = sheetFont({ size: 11 });
  asOf.alignment = { horizontal: 'left', vertical: 'middle' };
  const totals = sheet.getCell(2, split + 1);
  const { done, total: required, overdue } = matrix.summary;
  totals.value = `已完成 ${done}/${required} 项${overdue ? `，未完成 ${overdue} 项` : ''}`;
  totals.font = sheetFont({ size: 11 });
  totals.alignment = { horizontal: 'right', vertical: 'middle' };
  sheet.getRow(2).height = 22;

  writeHeader(sheet, COMPLIANCE_TITLE_ROWS, COMPLIANCE_HEADERS, WIDTHS);

  const bordered = (cell: ExcelJS.Cell, value: string | null, align: 'left' | 'center', extra: Partial<ExcelJS.Font> = {}) => {
    cell.value = value === '' ? null : value;
    cell.font = sheetFont(extra);
    cell.border = BORDER;
    cell.alignment = { horizontal: align, vertical: 'middle', wrapText: true };
  };

  let rowNumber = COMPLIANCE_TITLE_ROWS;
  for (const row of matrix.rows) {
    rowNumber += 1;
    const sheetRow = sheet.getRow(rowNumber);
    const label = rowLabel(row, '\n');
    bordered(sheetRow.getCell(1), label, 'left');
    const requirement = requirementWithWindow(row, '\n');
    bordered(sheetRow.getCell(2), requirement, 'left');
    let lines = Math.max(estimateLines(label, LABEL_WIDTH), estimateLines(requirement, REQUIREMENT_WIDTH));
    for (const cell of row.cells) {
      const column = FIRST_MONTH_COLUMN + cell.firstMonth - 1;
      const text = printedCellText(cell);
      // Border every month column first: a merged range keeps the borders of its own cells.
      for (let offset = 0; offset < cell.span; offset += 1) bordered(sheetRow.getCell(column + offset), null, 'center');
      if (cell.span > 1) sheet.mergeCells(rowNumber, column, rowNumber, column + cell.span - 1);
      const target = sheetRow.getCell(column);
      bordered(target, text, 'center', cell.period.status === 'overdue' ? { color: { argb: 'FFC00000' } } : {});
      const fill = STATUS_FILLS[cell.period.status];
      if (fill) target.fill = fill;
      lines = Math.max(lines, estimateLines(text, MONTH_WIDTH * cell.span));
    }
    bordered(sheetRow.getCell(SUMMARY_COLUMN), summaryText(row.summary), 'center');
    sheetRow.height = rowHeightFor(lines);
  }

  // 合计: the year's sentence across the months, done/total in the last column.
  rowNumber += 1;
  const total = sheet.getRow(rowNumber);
  bordered(total.getCell(1), '合计', 'center', { bold: true });
  bordered(total.getCell(2), null, 'center');
  for (let column = FIRST_MONTH_COLUMN; column < SUMMARY_COLUMN; column += 1) bordered(total.getCell(column), null, 'left');
  sheet.mergeCells(rowNumber, 2, rowNumber, SUMMARY_COLUMN - 1);
  bordered(total.getCell(2), yearSummaryText(matrix), 'left');
  bordered(total.getCell(SUMMARY_COLUMN), summaryText(matrix.summary), 'center', { bold: true });
  total.height = rowHeightFor(1);

  // Legend and the rules not in the table, below it (printed on the last page only).
  const notes = [PRINTED_LEGEND, ...matrix.skipped.map(skippedText)];
  const noteWidth = WIDTHS.reduce((sum, width) => sum + width, 0);
  for (const note of notes) {
    rowNumber += 1;
    sheet.mergeCells(rowNumber, 1, rowNumber, lastColumn);
    const cell = sheet.getCell(rowNumber, 1);
    cell.value = note;
    cell.font = sheetFont({ size: 9 });
    cell.alignment = { horizontal: 'left', vertical: 'top', wrapText: true };
    // 9 pt text fits about 10 % more characters per line than the 10 pt the estimate assumes.
    sheet.getRow(rowNumber).height = rowHeightFor(estimateLines(note, noteWidth * 1.1));
  }

  return workbookBytes(workbook);
}
