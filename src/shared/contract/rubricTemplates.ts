import { z } from 'zod';
import type { RubricSheetRow } from '../domain/rubricSheet';
import { RUBRIC_SCOPES, RUBRIC_STATUSES, type RubricScope, type RubricStatus, type RubricTemplate } from '../domain/rubricTemplate';
import { noInput, returns } from './common';

// 评分模板 (issue 6 item 4): the rubric templates with all their versions, import of an official
// 评分细则 from Excel (preview, then import only when there is no error) and saving an edited
// template as a new version. Versions are never changed: an assessment keeps the one it was scored with.

export const RUBRIC_TEMPLATE_ORIGINS = ['shipped', 'imported', 'edited'] as const;
export type RubricTemplateOrigin = (typeof RUBRIC_TEMPLATE_ORIGINS)[number];
export const RUBRIC_TEMPLATE_ORIGIN_LABELS: Record<RubricTemplateOrigin, string> = { shipped: '软件自带', imported: '从 Excel 导入', edited: '在本软件中修改' };

export interface RubricTemplateVersionItem {
  version: number;
  name: string;
  status: RubricStatus;
  origin: RubricTemplateOrigin;
  fileName: string | null;
  createdAt: string;
  effectiveYear: number;
  totalPoints: number;
  indicatorCount: number;
  /** false when the stored body no longer passes validation: shown, never used. */
  readable: boolean;
}

export interface RubricTemplateListItem {
  id: string;
  /** From the newest readable version. */
  name: string;
  status: RubricStatus;
  scope: RubricScope[];
  issuer: string;
  newestVersion: number;
  /** Newest first. */
  versions: RubricTemplateVersionItem[];
}

export interface RubricTemplateList {
  templates: RubricTemplateListItem[];
  /** Template files or stored versions that could not be used, naming file and item; the working version stays. */
  problems: string[];
}

export const rubricTemplateGetInput = z.strictObject({
  id: z.string({ error: '请选择评分模板' }).trim().min(1, '请选择评分模板').max(40, '模板编号有误'),
  version: z.number({ error: '版本号应为数字' }).int('版本号应为整数').positive('版本号应为正整数').optional(),
});

/** Excel 评分细则 are small; 5 MB is far beyond any real one. */
export const MAX_RUBRIC_SHEET_BYTES = 5 * 1024 * 1024;

const fileFields = {
  fileName: z.string({ error: '应为文件名' }).trim().min(1, '缺少文件名').max(200, '文件名过长'),
  contentBase64: z
    .string({ error: '应为文件内容' })
    .min(1, '文件是空的')
    .max(Math.ceil(MAX_RUBRIC_SHEET_BYTES / 3) * 4 + 4, '文件超过 5 MB，不像评分细则，未导入'),
};

const metaFields = {
  name: z.string({ error: '请填写模板名称' }).trim().min(1, '请填写模板名称').max(40, '模板名称不能超过 40 个字'),
  scope: z.array(z.enum(RUBRIC_SCOPES, { error: `适用范围只能是 ${RUBRIC_SCOPES.join('、')}` }), { error: '请选择适用范围' }).min(1, '请选择适用范围'),
  issuer: z.string({ error: '请填写制定单位' }).trim().min(1, '请填写制定单位（如 金华市两新工委）').max(60, '制定单位不能超过 60 个字'),
  effectiveYear: z.number({ error: '请填写适用年度' }).int('适用年度应为整数').min(2000, '适用年度应在 2000—2100 之间').max(2100, '适用年度应在 2000—2100 之间'),
  status: z.enum(RUBRIC_STATUSES, { error: '状态只能是 官方 或 参考' }),
  sourceNote: z.string({ error: '应为文字' }).trim().max(1000, '来源说明不能超过 1000 个字').nullish(),
  /** 星/强 light at this share of their points. */
  starPercent: z.number({ error: '点亮得分率应为数字' }).gt(0, '点亮得分率应大于 0').max(100, '点亮得分率不能超过 100').default(80),
  /** Import as a new version of this template instead of a new template. */
  updateId: z.string({ error: '应为模板编号' }).trim().max(40, '模板编号有误').nullish(),
};

export const rubricTemplateImportMeta = z.strictObject(metaFields);
export const rubricTemplatePreviewMeta = z.strictObject(metaFields).partial();

export const rubricTemplatePreviewInput = z.strictObject({ ...fileFields, meta: rubricTemplatePreviewMeta.default({}) });
export const rubricTemplateImportInput = z.strictObject({ ...fileFields, meta: rubricTemplateImportMeta });

/** The edited template as JSON; the service validates it with the engine's rules (parseRubricTemplate). */
export const rubricTemplateSaveInput = z.strictObject({
  template: z.record(z.string(), z.unknown(), { error: '应为评分模板' }),
});

export interface RubricImportPreview {
  /** The template that would be stored; null when there are errors. */
  template: RubricTemplate | null;
  errors: string[];
  warnings: string[];
  /** Those of the warnings that say a scoring type was guessed (one per indicator). */
  scoringGuesses: string[];
  rows: RubricSheetRow[];
  sheetName: string | null;
  headerRowNumber: number | null;
  title: string | null;
  /** Defaults for the form, read from the title row. */
  suggestedName: string | null;
  suggestedYear: number | null;
  /** Where it would go: a new template id (version 1) or the next version of updateId. */
  targetId: string;
  targetVersion: number;
}

export interface RubricTemplateSaved {
  id: string;
  version: number;
  name: string;
  warnings: string[];
}

export const RUBRIC_TEMPLATES_FIELD_LABELS: Record<string, string> = {
  id: '评分模板',
  version: '版本',
  fileName: '文件名',
  contentBase64: '文件内容',
  meta: '模板信息',
  name: '模板名称',
  scope: '适用范围',
  issuer: '制定单位',
  effectiveYear: '适用年度',
  status: '状态（官方/参考）',
  sourceNote: '来源说明',
  starPercent: '点亮得分率',
  updateId: '更新的模板',
  template: '评分模板',
};

export type RubricTemplateImportMeta = z.input<typeof rubricTemplateImportMeta>;

export const rubricTemplatesContract = {
  'rubricTemplates:list': { input: noInput, output: returns<RubricTemplateList>() },
  'rubricTemplates:get': { input: rubricTemplateGetInput, output: returns<RubricTemplate>() },
  'rubricTemplates:importPreview': { input: rubricTemplatePreviewInput, output: returns<RubricImportPreview>() },
  'rubricTemplates:import': { input: rubricTemplateImportInput, output: returns<RubricTemplateSaved>() },
  'rubricTemplates:save': { input: rubricTemplateSaveInput, output: returns<RubricTemplateSaved>() },
} as const;
