import { z } from 'zod';
import { DOCUMENT_PRESETS, type DocumentPreset } from '../domain/documentPresets';
import type { PresetSettings } from '../domain/presetSettings';
import { returns } from './common';

// 设置 → 文书格式 (issue 7 item 1): each Word layout's margins, faces, 字号 and line spacing,
// adjusted per branch and read by every Word export. Ranges are checked by the service
// (domain/presetSettings.presetProblems) so every problem gets its own Chinese message.

const number = z.number({ error: '应为数字' });
const font = z.strictObject({ face: z.string({ error: '应为文字' }).trim().max(60, '不能超过60个字'), size: number });

export const presetSettingsSchema = z.strictObject({
  margins: z.strictObject({ top: number, bottom: number, left: number, right: number }),
  fonts: z.strictObject({ title: font, heading1: font, heading2: font, heading3: font, body: font, table: font }),
  line: z.discriminatedUnion(
    'rule',
    [z.strictObject({ rule: z.literal('grid'), lines: number, chars: number }), z.strictObject({ rule: z.literal('exact'), points: number })],
    { error: '请选择行距方式：文档网格或固定值' },
  ),
  firstLineChars: number,
});

const preset = z.enum(DOCUMENT_PRESETS, { error: '请选择版式' });

export const documentPresetSaveInput = z.strictObject({ preset, settings: presetSettingsSchema });
export const documentPresetResetInput = z.strictObject({ preset });

export interface DocumentPresetView {
  name: DocumentPreset;
  label: string;
  /** What Word exports use now. */
  settings: PresetSettings;
  /** The shipped values (“恢复默认”). */
  defaults: PresetSettings;
  /** Saved adjustments exist. */
  adjusted: boolean;
  updatedAt: string | null;
}

export const DOCUMENT_PRESETS_FIELD_LABELS: Record<string, string> = {
  preset: '版式',
  'margins.top': '上边距',
  'margins.bottom': '下边距',
  'margins.left': '左边距',
  'margins.right': '右边距',
  'line.lines': '每页行数',
  'line.chars': '每行字数',
  'line.points': '固定行距',
  firstLineChars: '首行缩进',
  'fonts.title.face': '标题字体',
  'fonts.title.size': '标题字号',
  'fonts.heading1.face': '一级标题字体',
  'fonts.heading1.size': '一级标题字号',
  'fonts.heading2.face': '二级标题字体',
  'fonts.heading2.size': '二级标题字号',
  'fonts.heading3.face': '三级标题字体',
  'fonts.heading3.size': '三级标题字号',
  'fonts.body.face': '正文字体',
  'fonts.body.size': '正文字号',
  'fonts.table.face': '表格字体',
  'fonts.table.size': '表格字号',
};

export const documentPresetsContract = {
  'documentPresets:get': { input: z.strictObject({}).optional(), output: returns<DocumentPresetView[]>() },
  'documentPresets:save': { input: documentPresetSaveInput, output: returns<DocumentPresetView[]>() },
  'documentPresets:reset': { input: documentPresetResetInput, output: returns<DocumentPresetView[]>() },
} as const;
