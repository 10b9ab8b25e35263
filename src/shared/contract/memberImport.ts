import { z } from 'zod';
import {
  IMPORT_FIELDS,
  MAX_IMPORT_ROWS,
  type ImportColumn,
  type ImportCounts,
  type ImportField,
  type ImportRow,
} from '../domain/memberImport';
import { idInput, noInput, returns, text } from './common';

// Importing members from a roster sheet: check (preview, writes nothing), import (the rows the
// user kept, all or nothing), the template, and the list of import batches with undo.

/** base64 of at most 10 MB of file, with room for padding. */
export const MAX_IMPORT_BASE64_CHARS = 14 * 1024 * 1024;
/** The longest text one Excel cell can hold. */
const MAX_CELL_CHARS = 32_767;

const cellValue = z.string({ error: '应为文字' }).max(MAX_CELL_CHARS, `不能超过${MAX_CELL_CHARS}个字`).optional();
const importValues = z.strictObject(
  Object.fromEntries(IMPORT_FIELDS.map((field) => [field, cellValue])) as Record<ImportField, typeof cellValue>,
);

export const importRowInput = z.strictObject({
  rowNumber: z.number({ error: '应为行号' }).int('应为整数').positive('应为正整数').max(1_048_576, '超出 Excel 的行数'),
  values: importValues,
});

const importRows = z
  .array(importRowInput, { error: '应为行的列表' })
  .max(MAX_IMPORT_ROWS, `一次最多导入${MAX_IMPORT_ROWS}行`)
  .refine((rows) => new Set(rows.map((row) => row.rowNumber)).size === rows.length, '行号不能重复');

const fileName = text(255);

export const memberImportCheckInput = z.union([
  z.strictObject({
    fileName,
    contentBase64: z
      .string({ error: '应为文件内容' })
      .min(1, '文件是空的')
      .max(MAX_IMPORT_BASE64_CHARS, '文件太大，超过 10 MB 的上限'),
  }),
  z.strictObject({ rows: importRows }),
]);

export const memberImportInput = z.strictObject({
  fileName,
  rows: importRows.refine((rows) => rows.length > 0, '没有要导入的行'),
});

export interface MemberImportCheckResult {
  /** Every data row of the sheet (or the rows sent), in order, each with its problems. */
  rows: ImportRow[];
  /** The columns that were recognised, in sheet order (when rows were sent: the fields they carry). */
  columns: ImportColumn[];
  /** Header texts of columns that will not be imported (序号 is left out). */
  unknownHeaders: string[];
  counts: ImportCounts;
  /** Where the header was found (null when rows were sent). */
  sheetName: string | null;
  headerRowNumber: number | null;
}

export interface MemberImportResult {
  batchId: number;
  imported: number;
}

export interface ImportBatch {
  id: number;
  fileName: string;
  /** ISO timestamp. */
  importedAt: string;
  rowCount: number;
  /** ISO timestamp of the undo, or null. */
  undoneAt: string | null;
}

export interface ImportTemplateFile {
  fileName: string;
  contentBase64: string;
}

export type MemberImportCheckInput = z.input<typeof memberImportCheckInput>;
export type MemberImportInput = z.input<typeof memberImportInput>;

export const memberImportContract = {
  'memberImport:check': { input: memberImportCheckInput, output: returns<MemberImportCheckResult>() },
  'memberImport:import': { input: memberImportInput, output: returns<MemberImportResult>() },
  'memberImport:export': { input: noInput, output: returns<ImportTemplateFile>() },
  'importBatches:list': { input: noInput, output: returns<ImportBatch[]>() },
  'importBatches:delete': { input: idInput, output: returns<{ id: number; removed: number }>() },
} as const;
