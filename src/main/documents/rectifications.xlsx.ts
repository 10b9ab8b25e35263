import {
  addLedgerSheet,
  headerTitles,
  newWorkbook,
  rowHeightFor,
  workbookBytes,
  writeBodyCell,
  writeBodyRows,
  writeHeader,
  writeNoteRow,
  writeSubtitle,
  writeTitle,
  type LedgerColumn,
} from './xlsxSheet';

// 整改清单 (DOMAIN §6): the year's 组织生活会 rectification items — problem, measure, owner, deadline,
// status, done date and the record they came from — with the counts done / open / overdue. Pure.

export const RECTIFICATIONS_SHEET_NAME = '整改清单';
export const RECTIFICATIONS_TITLE_ROWS = 3;

export interface RectificationSheetRow {
  problem: string | null;
  measure: string;
  owner: string | null;
  dueOn: string | null;
  /** 已完成 / 未完成 / 逾期未完成 */
  status: string;
  overdue: boolean;
  doneOn: string | null;
  /** “2025-12-18 组织生活会：…” */
  source: string;
  note: string | null;
}

export interface RectificationsSheetInput {
  branchName: string;
  year: number;
  subtitle: string;
  rows: readonly RectificationSheetRow[];
  createdAt?: Date;
}

const COLUMNS: LedgerColumn<RectificationSheetRow>[] = [
  { header: '序号', width: 5, align: 'center', value: (_row, index) => index + 1 },
  { header: '问题', width: 30, align: 'left', value: (row) => row.problem },
  { header: '整改措施', width: 34, align: 'left', value: (row) => row.measure },
  { header: '责任人', width: 10, align: 'center', value: (row) => row.owner },
  { header: '整改时限', width: 10.5, align: 'center', text: true, value: (row) => row.dueOn },
  { header: '状态', width: 10.5, align: 'center', value: (row) => row.status },
  { header: '完成日期', width: 10.5, align: 'center', text: true, value: (row) => row.doneOn },
  { header: '关联记录', width: 22, align: 'left', value: (row) => row.source },
  { header: '备注', width: 14, align: 'left', value: (row) => row.note },
];
const WIDTHS = COLUMNS.map((column) => column.width);
const STATUS_COLUMN = 6;

export const RECTIFICATIONS_HEADERS: readonly string[] = headerTitles(COLUMNS);

export function rectificationCounts(rows: readonly RectificationSheetRow[]) {
  const done = rows.filter((row) => row.status === '已完成').length;
  return { total: rows.length, done, open: rows.length - done, overdue: rows.filter((row) => row.overdue).length };
}

export async function buildRectificationsWorkbook(input: RectificationsSheetInput): Promise<Buffer> {
  const workbook = newWorkbook(input.createdAt ?? new Date());
  const sheet = addLedgerSheet(workbook, RECTIFICATIONS_SHEET_NAME, { widths: WIDTHS, titleRows: RECTIFICATIONS_TITLE_ROWS, frozenColumns: 2 });
  writeTitle(sheet, `${input.branchName}${input.year}年度组织生活会整改清单`, COLUMNS.length);
  const counts = rectificationCounts(input.rows);
  writeSubtitle(sheet, input.subtitle, `共 ${counts.total} 项`, 4, COLUMNS.length);
  writeHeader(sheet, RECTIFICATIONS_TITLE_ROWS, COLUMNS.map((column) => column.header), WIDTHS);
  let rowNumber = writeBodyRows(sheet, RECTIFICATIONS_TITLE_ROWS + 1, COLUMNS, input.rows);
  input.rows.forEach((row, index) => {
    if (row.overdue) sheet.getCell(RECTIFICATIONS_TITLE_ROWS + 1 + index, STATUS_COLUMN).font = { ...sheet.getCell(RECTIFICATIONS_TITLE_ROWS + 1 + index, STATUS_COLUMN).font, bold: true, color: { argb: 'FFC00000' } };
  });

  // 合计: the counts as numbers, one per cell, with their labels.
  const total = sheet.getRow(rowNumber);
  for (let column = 1; column <= COLUMNS.length; column += 1) writeBodyCell(total.getCell(column), null, 'center', { bold: true });
  writeBodyCell(total.getCell(1), '合计', 'center', { bold: true });
  sheet.mergeCells(rowNumber, 2, rowNumber, 3);
  writeBodyCell(total.getCell(2), `共 ${counts.total} 项：已完成 ${counts.done} 项，未完成 ${counts.open} 项${counts.overdue ? `（其中逾期 ${counts.overdue} 项）` : ''}`, 'left', { bold: true });
  writeBodyCell(total.getCell(4), '已完成', 'center', { bold: true });
  writeBodyCell(total.getCell(5), counts.done, 'center', { bold: true });
  writeBodyCell(total.getCell(6), '未完成', 'center', { bold: true });
  writeBodyCell(total.getCell(7), counts.open, 'center', { bold: true });
  writeBodyCell(total.getCell(8), '其中逾期', 'center', { bold: true });
  writeBodyCell(total.getCell(9), counts.overdue, 'center', { bold: true });
  total.height = rowHeightFor(1);
  rowNumber += 1;
  writeNoteRow(sheet, rowNumber, '说明：整改事项来自本年度组织生活会的整改清单；“逾期未完成”指已过整改时限仍未完成（按导出当日计算）。完成后在该次组织生活会的材料中勾选“已完成”并填写完成日期。', WIDTHS);
  return workbookBytes(workbook);
}
