import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { AppError } from '../../shared/contract/errors';
import { MAX_IMPORT_FILE_BYTES } from '../../shared/domain/memberImport';

// Reads a roster file (.xlsx or .csv) into grids of display strings, one per sheet, row index =
// Excel row number - 1. What the grid means is decided by the pure parser (shared/domain/memberImport).

export interface SheetGrid {
  name: string;
  hidden: boolean;
  /** rows[r][c]: the text of row r+1, column c+1, as the user sees it; '' where empty. */
  rows: string[][];
}

export interface ReadSheets {
  format: 'xlsx' | 'csv';
  sheets: SheetGrid[];
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** Compound File Binary (OLE2): old .xls, .et, and every password-protected .xlsx. */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export const SAVE_AS_XLSX_MESSAGE = '请在 Excel/WPS 中另存为 .xlsx 后再导入';

const MESSAGES = {
  empty: '文件是空的（0 字节），没有可导入的内容。',
  tooLarge: (bytes: number) =>
    `文件太大（${(bytes / 1024 / 1024).toFixed(1)} MB），超过 ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB 的上限。党员花名册通常远小于此，请删去图片、多余的工作表后另存，或分成几个文件导入。`,
  extension: (ext: string) => `只能导入 Excel 表格（.xlsx）或 CSV 文件（.csv），当前文件${ext ? `是 ${ext} 格式` : '没有扩展名'}。`,
  oldFormat: `这是旧版 Excel（.xls）或 WPS（.et）格式的文件，本软件不能直接读取。${SAVE_AS_XLSX_MESSAGE}。`,
  htmlAsXls: `该文件名为 .xls，实际是网页格式（一些系统“导出 Excel”得到的就是这种文件），不能直接读取。${SAVE_AS_XLSX_MESSAGE}。`,
  encrypted:
    '该 Excel 文件设置了打开密码（已加密），无法读取。请在 Excel/WPS 中打开它，取消文档加密（清空打开密码）后另存为 .xlsx，再导入。',
  badXlsx: `无法读取该文件：它不是有效的 .xlsx 表格（可能已损坏，或只是把扩展名改成了 .xlsx）。${SAVE_AS_XLSX_MESSAGE}。`,
  binaryCsv: '无法读取该文件：扩展名是 .csv，内容却不是文字表格。请在 Excel/WPS 中另存为 .xlsx 或“CSV（逗号分隔）”后再导入。',
};

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((byte, index) => bytes[index] === byte);
}

function extensionOf(fileName: string): string {
  const match = /\.([^./\\]+)$/.exec(fileName.trim());
  return match ? `.${match[1].toLowerCase()}` : '';
}

function refuse(message: string): never {
  throw new AppError('VALIDATION', message);
}

/** An encrypted OOXML package is a CFB file holding streams named EncryptionInfo and EncryptedPackage. */
function isEncryptedPackage(bytes: Uint8Array): boolean {
  const name = Buffer.from('EncryptedPackage', 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(name) >= 0;
}

/**
 * Reads the file into grids; refuses (AppError VALIDATION, Chinese message) anything that is not
 * a readable .xlsx or .csv: too large, empty, .xls/.et, encrypted, damaged, wrong extension.
 */
export async function readMemberSheets(bytes: Uint8Array, fileName: string): Promise<ReadSheets> {
  if (bytes.byteLength > MAX_IMPORT_FILE_BYTES) refuse(MESSAGES.tooLarge(bytes.byteLength));
  if (bytes.byteLength === 0) refuse(MESSAGES.empty);
  const ext = extensionOf(fileName);
  if (!['.xlsx', '.xlsm', '.csv', '.xls', '.et'].includes(ext)) refuse(MESSAGES.extension(ext));

  if (startsWith(bytes, CFB_MAGIC)) refuse(isEncryptedPackage(bytes) ? MESSAGES.encrypted : MESSAGES.oldFormat);
  if (startsWith(bytes, ZIP_MAGIC)) return { format: 'xlsx', sheets: await readXlsx(bytes) };
  if (ext === '.csv') return { format: 'csv', sheets: [readCsv(bytes, fileName)] };
  if (ext === '.xls' || ext === '.et') {
    const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1').toLowerCase();
    refuse(/<(html|table|\?xml)/.test(head) ? MESSAGES.htmlAsXls : MESSAGES.oldFormat);
  }
  return refuse(MESSAGES.badXlsx);
}

// ---------------------------------------------------------------------------------------------
// xlsx

async function readXlsx(bytes: Uint8Array): Promise<SheetGrid[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    refuse(MESSAGES.badXlsx);
  }
  if (workbook.worksheets.length === 0) refuse(MESSAGES.badXlsx);
  return workbook.worksheets.map((worksheet) => {
    const rows: string[][] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
        // A merged range keeps its text in the top-left cell only.
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const text = cellDisplayText(cell.value, cell.numFmt);
        if (text) cells[columnNumber - 1] = text;
      });
      rows[rowNumber - 1] = Array.from(cells, (text) => text ?? '');
    });
    return { name: worksheet.name, hidden: worksheet.state !== 'visible', rows: Array.from(rows, (row) => row ?? []) };
  });
}

/** The text a cell shows, for what a roster holds: dates as ISO (or 2001.07 when formatted as year-month). */
export function cellDisplayText(value: ExcelJS.CellValue, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dateText(value, numFmt);
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellDisplayText(value.result ?? null, numFmt);
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellDisplayText(value.text as ExcelJS.CellValue, numFmt);
  if ('error' in value) return value.error;
  return '';
}

function dateText(date: Date, numFmt: string | undefined): string {
  if (Number.isNaN(date.getTime())) return '';
  // exceljs turns serials into UTC midnight; the calendar date is in the UTC fields.
  const year = date.getUTCFullYear();
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  const day = String(date.getUTCDate()).padStart(2, '0');
  const format = (numFmt ?? '').replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '').toLowerCase();
  // Shown as 1990.03 or 1990年3月: the sheet holds only year and month, whatever day is stored.
  if (/y/.test(format) && /m/.test(format) && !/d/.test(format)) return `${year}.${month}`;
  return `${year}-${month}-${day}`;
}

/**
 * Integers as their digits; integers too large to be exact (an ID number typed as a number) the
 * way Excel shows them, in scientific notation, so the parser can say what went wrong.
 */
export function numberText(value: number): string {
  if (!Number.isFinite(value)) return '';
  if (Number.isInteger(value)) {
    if (Number.isSafeInteger(value)) return String(value);
    const [mantissa, exponent] = value.toExponential(5).split('e');
    return `${mantissa.replace(/\.?0+$/, '')}E${exponent.startsWith('-') ? exponent : `+${exponent.replace('+', '')}`}`;
  }
  return String(Number(value.toPrecision(15)));
}

// ---------------------------------------------------------------------------------------------
// csv

/** UTF-8 (with or without BOM) or UTF-16 with BOM; Chinese Excel and WPS save CSV as GBK otherwise. */
export function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Comma (CSV) unless the text has more tabs or semicolons ("Unicode text" exports, some European settings). */
function guessDelimiter(text: string): string {
  const sample = text.slice(0, 8192).replace(/"[^"]*"/g, '');
  const count = (char: string) => sample.split(char).length - 1;
  const [best] = [',', '\t', ';'].map((char) => ({ char, n: count(char) })).sort((a, b) => b.n - a.n);
  return best.n > 0 ? best.char : ',';
}

function readCsv(bytes: Uint8Array, fileName: string): SheetGrid {
  const utf16 = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
  if (!utf16 && bytes.subarray(0, 4096).includes(0)) refuse(MESSAGES.binaryCsv);
  const text = decodeText(bytes);
  const result = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, delimiter: guessDelimiter(text) });
  return { name: fileName.replace(/\.[^.]*$/, ''), hidden: false, rows: result.data.map((row) => row.map((cell) => cell ?? '')) };
}
