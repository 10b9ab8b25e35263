import { z } from 'zod';
import { DOCUMENT_PRESETS } from '../domain/documentPresets';
import type { PackageFinding } from '../domain/packageCheck';
import { noInput, returns } from './common';

// 迎检资料包: the year's documents written at once into one numbered folder (and optionally a .zip),
// after a self-check. Writing is a job in the main process; the page polls its status (the same in
// browser mode, which has no events, and on the desktop).

const year = z.number({ error: '应为年份' }).int('应为年份').min(1921, '年份有误').max(2200, '年份有误');
const jobId = z.string({ error: '应为任务编号' }).trim().min(1, '不能为空').max(64, '任务编号有误');

export type PackageItemKind = 'xlsx' | 'docx' | 'folder';

/** One entry of the registry, as the page and the CLI list it. */
export interface PackageItemInfo {
  id: string;
  /** Order in the package; files are numbered 01, 02 … in this order among the items chosen. */
  number: number;
  /** 党员花名册 */
  name: string;
  kind: PackageItemKind;
  /** One line on what it holds, shown next to the checkbox. */
  description: string;
}

export interface PackageItems {
  items: PackageItemInfo[];
  /** 导出 in the data folder: where a package goes unless another folder is typed. */
  defaultTarget: string;
}

export const packageCheckInput = z.strictObject({ year });

export interface PackageCheck {
  year: number;
  /** Records of the year (0 = nothing to package). */
  records: number;
  /** Why nothing can be written (an empty year), or null. */
  emptyNotice: string | null;
  findings: PackageFinding[];
}

export const packageStartInput = z.strictObject({
  year,
  preset: z.enum(DOCUMENT_PRESETS, { error: '请选择版式' }).default('gbt9704'),
  items: z
    .array(z.string({ error: '应为材料编号' }).trim().min(1).max(60), { error: '请选择要包含的材料' })
    .min(1, '至少选择一项材料')
    .max(100)
    .refine((ids) => new Set(ids).size === ids.length, '材料不能重复'),
  /** The folder the package folder (2025年迎检资料包) is written into; created when missing. */
  target: z.string({ error: '应为文件夹路径' }).trim().min(1, '请填写保存位置').max(1000, '保存位置过长'),
  zip: z.boolean({ error: '应为是或否' }).default(false),
  /** The secretary saw the self-check's problems and goes on anyway (not stored). */
  acceptFindings: z.boolean({ error: '应为是或否' }).default(false),
});

export const PACKAGE_JOB_STATES = ['running', 'done', 'failed', 'cancelled'] as const;
export type PackageJobState = (typeof PACKAGE_JOB_STATES)[number];

export interface PackageFileResult {
  /** Path inside the package folder, with / between folders: 03_会议记录/2025-03-12_支部委员会会议记录.docx */
  path: string;
  size: number;
  /** Pages (Word, estimated), rows (Excel) or files (a folder); null when not counted. */
  count: number | null;
  unit: '页' | '行' | '个文件' | null;
}

export interface PackageResult {
  /** The package folder written (absolute). */
  folder: string;
  /** The .zip beside it, when asked for. */
  zipPath: string | null;
  /** Top-level entries in order, 目录 first; a folder's size and count are of its files. */
  files: PackageFileResult[];
  /** 00_目录.docx inside the folder. */
  contentsFile: string;
  totalBytes: number;
  /** Items chosen but left out, with why: “五星三强自评打分表（2025年度没有五星三强自评）”. */
  skipped: string[];
  /** Fonts this PC lacks and what the Word files name instead (desktop only), in Chinese. */
  fontNotes: string[];
  /** Whether the desktop opened the folder for the secretary. */
  opened: boolean;
}

export interface PackageJobStatus {
  jobId: string;
  state: PackageJobState;
  year: number;
  /** Files written so far and in all (the 目录 and the .zip included). */
  current: number;
  total: number;
  /** The file being written (or last written). */
  fileName: string | null;
  /** One Chinese sentence on where the job stands, or why it failed. */
  message: string;
  result: PackageResult | null;
  errorCode: string | null;
}

export const packageJobInput = z.strictObject({ jobId });

export const packageOpenInput = z.strictObject({
  jobId,
  what: z.enum(['folder', 'contents'], { error: '应为 folder 或 contents' }),
});

export const packageDownloadInput = z.strictObject({
  jobId,
  what: z.enum(['contents', 'zip'], { error: '应为 contents 或 zip' }),
});

export interface PackageOpenResult {
  /** False where nothing can be opened here (browser mode, CLI): the page shows the path instead. */
  opened: boolean;
  path: string;
}

export interface PackageDownload {
  fileName: string;
  contentBase64: string;
}

export const packageContract = {
  'package:items': { input: noInput, output: returns<PackageItems>() },
  'package:check': { input: packageCheckInput, output: returns<PackageCheck>() },
  'package:start': { input: packageStartInput, output: returns<PackageJobStatus>() },
  'package:status': { input: packageJobInput, output: returns<PackageJobStatus>() },
  'package:cancel': { input: packageJobInput, output: returns<PackageJobStatus>() },
  'package:open': { input: packageOpenInput, output: returns<PackageOpenResult>() },
  'package:download': { input: packageDownloadInput, output: returns<PackageDownload>() },
} as const;

export const PACKAGE_FIELD_LABELS: Record<string, string> = {
  year: '年度',
  preset: '版式',
  items: '材料',
  target: '保存位置',
  zip: '压缩包',
  acceptFindings: '忽略自查问题',
  jobId: '任务',
  what: '打开',
};
