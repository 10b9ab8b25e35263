import ExcelJS from 'exceljs';

// The layout every Excel 台账 shares (DOMAIN §8): 宋体 10 pt with the GB2312 charset, thin black
// borders, a tinted header, A4 landscape fitted to one page wide, title rows repeated on every
// printed page, frozen panes below the header, and “第 N 页 共 M 页” in the footer. The roster and the
// 年度落实情况表 build on these so they print alike.

export const SHEET_FONT = '宋体';
export const TITLE_FONT = '黑体';
export const SHEET_FONT_SIZE = 10;
/** Excel's GB2312 charset: tells Excel/WPS the font is Chinese when the name is unknown. */
export const GB2312 = 134;
export const PAGE_FOOTER = '第 &P 页 共 &N 页';

const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
export const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7EEF7' } };

/**
 * Points per wrapped line: 10 pt 宋体 needs 13.5 in Excel; fonts standing in for it elsewhere (WPS on
 * Kylin/UOS, LibreOffice with Noto CJK) have taller lines, so rows get 14.5 to never cut a line.
 */
export const LINE_HEIGHT = 14.5;
export const ROW_PADDING = 5;
export const MIN_ROW_HEIGHT = 20;

/** Width of text in Excel units: CJK and full-width characters about two, others one. */
function charUnits(char: string): number {
  return /[\u2E80-\uFFEF]/.test(char) ? 1.9 : 1;
}

/** Lines a cell wraps to in a column, estimated: rows get explicit heights so every program prints alike. */
export function estimateLines(value: string, columnWidth: number): number {
  const usable = Math.max(1, columnWidth - 1);
  let lines = 0;
  for (const paragraph of value.split('\n')) {
    let line = 0;
    let count = 1;
    for (const char of paragraph) {
      const units = charUnits(char);
      if (line + units > usable && line > 0) {
        count += 1;
        line = 0;
      }
      line += units;
    }
    lines += count;
  }
  return lines;
}

/** Row height for wrapped cells: `lines` lines of text, never below the minimum. */
export function rowHeightFor(lines: number): number {
  return Math.max(MIN_ROW_HEIGHT, LINE_HEIGHT * lines + ROW_PADDING);
}

/** 宋体 10 pt (GB2312), with changes. */
export function sheetFont(extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> {
  return { name: SHEET_FONT, size: SHEET_FONT_SIZE, charset: GB2312, ...extra };
}

export function newWorkbook(createdAt: Date): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '支部台账';
  workbook.created = createdAt;
  workbook.modified = createdAt;
  return workbook;
}

export interface LedgerSheetOptions {
  /** Column widths in Excel units (about one digit of the default font); or set sheet.columns later. */
  widths?: readonly number[];
  /** Rows 1…N (title, subtitle, header) repeated on every printed page and frozen on screen. */
  titleRows: number;
  /** Columns frozen at the left (the row's name), 0 for none. */
  frozenColumns: number;
}

/** A sheet set up to print as a 台账: A4 landscape, one page wide, title rows repeated, page footer. */
export function addLedgerSheet(workbook: ExcelJS.Workbook, name: string, options: LedgerSheetOptions): ExcelJS.Worksheet {
  const topLeftCell = `${columnLetter(options.frozenColumns + 1)}${options.titleRows + 1}`;
  const sheet = workbook.addWorksheet(name, {
    properties: { defaultRowHeight: MIN_ROW_HEIGHT },
    views: [{ state: 'frozen', xSplit: options.frozenColumns, ySplit: options.titleRows, topLeftCell, activeCell: topLeftCell, zoomScale: 100 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `1:${options.titleRows}`,
      margins: { left: 0.3, right: 0.3, top: 0.5, bottom: 0.6, header: 0.25, footer: 0.3 },
    },
    headerFooter: { oddFooter: `&C&"${SHEET_FONT},Regular"&10${PAGE_FOOTER}` },
  });
  if (options.widths) sheet.columns = options.widths.map((width) => ({ width }));
  return sheet;
}

/** A1-style column letters (1 → A, 27 → AA). */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Row 1: the title merged across the table, 黑体 18 pt bold. */
export function writeTitle(sheet: ExcelJS.Worksheet, text: string, lastColumn: number): void {
  sheet.mergeCells(1, 1, 1, lastColumn);
  const title = sheet.getCell(1, 1);
  title.value = text;
  title.font = { name: TITLE_FONT, size: 18, bold: true, charset: GB2312 };
  title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  sheet.getRow(1).height = 34;
}

/** A header cell: bold, tinted, bordered, centred and wrapped. */
export function styleHeaderCell(cell: ExcelJS.Cell): void {
  cell.font = sheetFont({ bold: true });
  cell.fill = HEADER_FILL;
  cell.border = BORDER;
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
}

/** A header row of header cells, as tall as its longest title needs. */
export function writeHeader(sheet: ExcelJS.Worksheet, rowNumber: number, titles: readonly string[], widths: readonly number[]): void {
  const header = sheet.getRow(rowNumber);
  titles.forEach((text, i) => {
    const cell = header.getCell(i + 1);
    cell.value = text;
    styleHeaderCell(cell);
  });
  header.height = LINE_HEIGHT * Math.max(...titles.map((text, i) => estimateLines(text, widths[i]))) + ROW_PADDING + 4;
}

/**
 * exceljs leaves out a column whose width is exactly 9 (its idea of the default), so Excel shows it at
 * its own default of 8.43 and a header sized for 9 wraps. Every builder goes through here: nudge it.
 */
const EXCELJS_DEFAULT_WIDTH = 9;

export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Buffer> {
  for (const sheet of workbook.worksheets) {
    for (let index = 1; index <= sheet.columnCount; index += 1) {
      const column = sheet.getColumn(index);
      if (column.width === EXCELJS_DEFAULT_WIDTH) column.width = EXCELJS_DEFAULT_WIDTH + 0.01;
    }
  }
  const bytes = await workbook.xlsx.writeBuffer();
  return Buffer.from(bytes as ArrayBuffer);
}

// ---------------------------------------------------------------------------------------------
// Column-driven tables (the report sheets of issue 7 share these): a column says its header, width,
// alignment and how to read a row; numbers stay numbers, dates are ISO text ('@', never converted).

export type LedgerCellValue = string | number | null;

export interface LedgerColumn<R> {
  /** Header text; “\n” breaks it where chosen. */
  header: string;
  width: number;
  align: 'left' | 'center';
  value: (row: R, index: number) => LedgerCellValue;
  /** Excel number format for numbers (“0.0%”). */
  numFmt?: string;
  /** Stored as text ('@'): dates as 2025-03-12, so Excel, WPS and LibreOffice show them alike. */
  text?: boolean;
}

/** Writes a bordered, wrapped body cell. */
export function writeBodyCell(cell: ExcelJS.Cell, value: LedgerCellValue, align: 'left' | 'center', extra: Partial<ExcelJS.Font> = {}, format?: { numFmt?: string; text?: boolean }): void {
  cell.value = value === '' ? null : value;
  cell.font = sheetFont(extra);
  cell.border = BORDER;
  cell.alignment = { horizontal: align, vertical: 'middle', wrapText: true };
  if (format?.text) cell.numFmt = '@';
  else if (format?.numFmt) cell.numFmt = format.numFmt;
}

/** One body row per item from `firstRow` on, each as tall as its longest wrapped cell; returns the next free row. */
export function writeBodyRows<R>(sheet: ExcelJS.Worksheet, firstRow: number, columns: readonly LedgerColumn<R>[], rows: readonly R[]): number {
  rows.forEach((row, index) => {
    const sheetRow = sheet.getRow(firstRow + index);
    let lines = 1;
    columns.forEach((column, i) => {
      const value = column.value(row, index);
      writeBodyCell(sheetRow.getCell(i + 1), value, column.align, {}, column);
      if (typeof value === 'string') lines = Math.max(lines, estimateLines(value, column.width));
    });
    sheetRow.height = rowHeightFor(lines);
  });
  return firstRow + rows.length;
}

/** Row 2: a line on the left (截至…, 共 N 条) and one on the right, split after column `split`. */
export function writeSubtitle(sheet: ExcelJS.Worksheet, left: string, right: string, split: number, lastColumn: number): void {
  sheet.mergeCells(2, 1, 2, split);
  sheet.mergeCells(2, split + 1, 2, lastColumn);
  const leftCell = sheet.getCell(2, 1);
  leftCell.value = left;
  leftCell.font = sheetFont({ size: 11 });
  leftCell.alignment = { horizontal: 'left', vertical: 'middle' };
  const rightCell = sheet.getCell(2, split + 1);
  rightCell.value = right || null;
  rightCell.font = sheetFont();
  rightCell.alignment = { horizontal: 'right', vertical: 'middle' };
  sheet.getRow(2).height = 22;
}

/** A note across the table below it (legend, rules): 9 pt, wrapped, as tall as it needs. Returns its row. */
export function writeNoteRow(sheet: ExcelJS.Worksheet, rowNumber: number, text: string, widths: readonly number[], extra: Partial<ExcelJS.Font> = {}): number {
  sheet.mergeCells(rowNumber, 1, rowNumber, widths.length);
  const cell = sheet.getCell(rowNumber, 1);
  cell.value = text;
  cell.font = sheetFont({ size: 9, ...extra });
  cell.alignment = { horizontal: 'left', vertical: 'top', wrapText: true };
  const width = widths.reduce((sum, value) => sum + value, 0);
  // 9 pt text fits about 10 % more characters per line than the 10 pt the estimate assumes.
  sheet.getRow(rowNumber).height = rowHeightFor(estimateLines(text, width * 1.1));
  return rowNumber;
}

/** Header titles without their chosen line breaks (what tests and readers compare). */
export function headerTitles(columns: readonly { header: string }[]): string[] {
  return columns.map((column) => column.header.replace(/\n/g, ''));
}
