import ExcelJS from 'exceljs';

// What every Excel 台账 shares (DOMAIN §8): 宋体 body and 黑体 title marked as Chinese, thin black
// borders, a pale header fill, A4 landscape fitted one page wide with the title rows repeated on each
// page and a 第 N 页 共 M 页 footer, and row heights set from an estimate of wrapped lines so Excel,
// WPS and LibreOffice print alike. Used by 党员花名册 and 党员年度参加组织生活情况.

export const LEDGER_FOOTER = '第 &P 页 共 &N 页';
export const BODY_FONT = '宋体';
export const TITLE_FONT = '黑体';
export const BODY_SIZE = 10;
/** Excel's GB2312 charset: tells Excel/WPS the font is Chinese when the name is unknown. */
export const GB2312 = 134;

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

/** The body font (宋体 10 pt, marked Chinese) with changes. */
export const bodyFont = (extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> => ({ name: BODY_FONT, size: BODY_SIZE, charset: GB2312, ...extra });

export function ledgerWorkbook(createdAt: Date = new Date()): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '支部台账';
  workbook.created = createdAt;
  workbook.modified = createdAt;
  return workbook;
}

/**
 * A sheet printed as a 台账: A4 landscape, one page wide, rows 1..`titleRows` repeated on every page,
 * frozen below them (and right of `frozenColumns`), 第 N 页 共 M 页 centred in the footer.
 */
export function addLedgerSheet(workbook: ExcelJS.Workbook, name: string, options: { titleRows: number; frozenColumns: number }): ExcelJS.Worksheet {
  const topLeft = `${String.fromCharCode(65 + options.frozenColumns)}${options.titleRows + 1}`;
  return workbook.addWorksheet(name, {
    properties: { defaultRowHeight: MIN_ROW_HEIGHT },
    views: [{ state: 'frozen', xSplit: options.frozenColumns, ySplit: options.titleRows, topLeftCell: topLeft, activeCell: topLeft, zoomScale: 100 }],
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
    headerFooter: { oddFooter: `&C&"${BODY_FONT},Regular"&10${LEDGER_FOOTER}` },
  });
}

/** Row 1: the title in 黑体 18 pt, merged across the table. */
export function writeLedgerTitle(sheet: ExcelJS.Worksheet, text: string, lastColumn: number): void {
  sheet.mergeCells(1, 1, 1, lastColumn);
  const title = sheet.getCell(1, 1);
  title.value = text;
  title.font = { name: TITLE_FONT, size: 18, bold: true, charset: GB2312 };
  title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  sheet.getRow(1).height = 34;
}

/** A header cell: bold, filled, bordered, centred and wrapped. */
export function styleHeaderCell(cell: ExcelJS.Cell): void {
  cell.font = bodyFont({ bold: true });
  cell.fill = HEADER_FILL;
  cell.border = BORDER;
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
}

export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Buffer> {
  const bytes = await workbook.xlsx.writeBuffer();
  return Buffer.from(bytes as ArrayBuffer);
}
