import ExcelJS from 'exceljs';
import { AppError } from '../../shared/contract/errors';
import type { RubricSheetGrid, SheetMerge } from '../../shared/domain/rubricSheet';
import { cellDisplayText, SAVE_AS_XLSX_MESSAGE } from './memberSheet';

// Reads an official 评分细则 workbook into grids of display strings plus its merged ranges, one per
// sheet. What the cells mean is decided by the pure mapper (shared/domain/rubricSheet.ts).

/** A rubric table is a few hundred rows; 5 MB is far beyond any real one. */
export const MAX_RUBRIC_FILE_BYTES = 5 * 1024 * 1024;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((byte, index) => bytes[index] === byte);
}

function refuse(message: string): never {
  throw new AppError('VALIDATION', message);
}

/** Refuses (Chinese message) anything that is not a readable .xlsx: empty, too large, .xls/.et, encrypted, damaged. */
export async function readRubricWorkbook(bytes: Uint8Array, fileName: string): Promise<RubricSheetGrid[]> {
  if (bytes.byteLength === 0) refuse(`${fileName}：文件是空的（0 字节），没有可导入的内容。`);
  if (bytes.byteLength > MAX_RUBRIC_FILE_BYTES) {
    refuse(`${fileName}：文件太大（${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB），评分细则通常远小于 5 MB。请删去图片和无关的工作表后另存再导入。`);
  }
  if (startsWith(bytes, CFB_MAGIC)) {
    const encrypted = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(Buffer.from('EncryptedPackage', 'utf16le')) >= 0;
    refuse(
      encrypted
        ? `${fileName}：文件设置了打开密码，无法读取。请在 Excel/WPS 中取消文档加密后另存为 .xlsx，再导入。`
        : `${fileName}：这是旧版 Excel（.xls）或 WPS（.et）格式，${SAVE_AS_XLSX_MESSAGE}。`,
    );
  }
  if (!startsWith(bytes, ZIP_MAGIC)) refuse(`${fileName}：不是 Excel 表格（.xlsx）。评分细则是 Word 或 PDF 时，请先把表格复制到 Excel 中另存为 .xlsx 再导入。`);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    refuse(`${fileName}：无法读取，文件可能已损坏，或只是把扩展名改成了 .xlsx。${SAVE_AS_XLSX_MESSAGE}。`);
  }
  if (workbook.worksheets.length === 0) refuse(`${fileName}：表格中没有工作表。`);

  return workbook.worksheets.map((worksheet) => {
    const rows: string[][] = [];
    const merges = new Map<string, SheetMerge>();
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
        if (cell.type === ExcelJS.ValueType.Merge) {
          const master = cell.master;
          const merge = merges.get(master.address) ?? { top: Number(master.row), left: Number(master.col), bottom: Number(master.row), right: Number(master.col) };
          merge.bottom = Math.max(merge.bottom, rowNumber);
          merge.right = Math.max(merge.right, columnNumber);
          merges.set(master.address, merge);
          return;
        }
        const text = cellDisplayText(cell.value, cell.numFmt);
        if (text) cells[columnNumber - 1] = text;
      });
      rows[rowNumber - 1] = Array.from(cells, (text) => text ?? '');
    });
    return { name: worksheet.name, hidden: worksheet.state !== 'visible', rows: Array.from(rows, (row) => row ?? []), merges: [...merges.values()] };
  });
}
