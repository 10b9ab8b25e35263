import { z } from 'zod';
import { DOCUMENT_PRESETS } from '../domain/documentPresets';
import { attachmentAddInput, type AttachmentContent } from './attachments';
import type { AssessmentResult, IndicatorAnswer } from '../domain/rubricScoring';
import type { DimensionKind, RubricScope, RubricStatus, Scoring, ScoringType } from '../domain/rubricTemplate';
import { id, isoDate, MAX_LONG_TEXT, noInput, optionalText, returns, text } from './common';

// 五星三强 self-assessment (issue 6). Item 2: each indicator with an automatic rule gets a proposed
// answer and score from the records, with the exact records behind it; the others say 需手工评分.

export const assessmentsProposeInput = z.strictObject({
  templateId: z.string({ error: '请选择评分模板' }).trim().min(1, '请选择评分模板').max(100, '模板编号过长'),
  year: z.number({ error: '应为年份' }).int('应为年份').min(1921, '年份有误').max(2200, '年份有误'),
});

export interface AssessmentTemplateItem {
  id: string;
  name: string;
  status: RubricStatus;
  version: number;
  scope: RubricScope[];
  effectiveYear: number;
  totalPoints: number;
}

export interface IndicatorEvidence {
  /** Meeting records (会议记录) behind the proposal, by id; empty when none (or 需手工评分). */
  recordIds: number[];
  /** One Chinese sentence, e.g. “支部委员会会议应开 12 次，已开 11 次（8月未开）”. */
  text: string;
}

export interface IndicatorProposal {
  id: string;
  dimensionId: string;
  text: string;
  maxPoints: number;
  scoringType: ScoringType;
  /** The automatic rule's name, or null when the indicator has none. */
  rule: string | null;
  /** null: 需手工评分 (no rule, an unknown rule, or data the app does not hold). */
  answer: IndicatorAnswer | null;
  /** Points the answer gives; null when there is no answer. */
  proposed: number | null;
  manual: boolean;
  evidence: IndicatorEvidence;
}

export interface AssessmentProposal {
  templateId: string;
  templateName: string;
  templateVersion: number;
  year: number;
  asOf: string;
  indicators: IndicatorProposal[];
  /** The engine's result with only the proposals entered (manual indicators score 0 until filled in). */
  result: AssessmentResult;
}

// ---------------------------------------------------------------------------------------------
// The yearly assessment (item 3): one per year and template, scored against a frozen copy of the
// exact template version it started with. 草稿 → 已提交 (locked, dated) → 已审核 (reviewer's
// score and comment). Reopening a submitted one is explicit, needs a reason, and is recorded.

export const ASSESSMENT_STATUSES = ['draft', 'submitted', 'reviewed'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];
export const ASSESSMENT_STATUS_LABELS: Record<AssessmentStatus, string> = { draft: '草稿', submitted: '已提交', reviewed: '已审核' };

const indicatorAnswerSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('yesNo'), value: z.boolean({ error: '应为是或否' }) }),
    z.strictObject({ kind: z.literal('count'), value: z.number({ error: '应为次数' }).int('次数应为整数').min(0, '次数不能为负').max(100000, '次数过大') }),
    z.strictObject({ kind: z.literal('ratio'), value: z.number({ error: '应为比例' }).min(0, '比例不能为负').max(1, '比例不能超过 100%') }),
    z.strictObject({ kind: z.literal('grade'), label: z.string({ error: '应为档次' }).trim().min(1, '请选择档次').max(40, '档次名称过长') }),
    z.strictObject({ kind: z.literal('occurrences'), value: z.number({ error: '应为次数' }).int('次数应为整数').min(0, '次数不能为负').max(100000, '次数过大') }),
    z.strictObject({ kind: z.literal('items'), value: z.number({ error: '应为项数' }).int('项数应为整数').min(0, '项数不能为负').max(100000, '项数过大') }),
  ],
  { error: '答案格式有误' },
);

export const assessmentIdInput = z.strictObject({ id });

export const assessmentStartInput = assessmentsProposeInput;

/** The secretary's entries for one indicator; absent fields are cleared (the whole row is sent). */
const indicatorEntrySchema = z.strictObject({
  id: z.string({ error: '缺少指标编号' }).min(1).max(100),
  /** the secretary's answer; null keeps the proposal's answer (or leaves a manual indicator unscored). */
  answer: indicatorAnswerSchema.nullish().transform((value) => value ?? null),
  /** the final score; null = take the points the answer gives. A value different from them needs a note. */
  finalScore: z.number({ error: '得分应为数字' }).min(-1000, '得分有误').max(1000, '得分有误').nullish().transform((value) => value ?? null),
  note: optionalText(MAX_LONG_TEXT),
});

export const assessmentSaveInput = z.strictObject({
  id,
  indicators: z.array(indicatorEntrySchema, { error: '指标列表格式有误' }).max(500, '指标过多'),
  /** 一票否决 items found to apply, each with a note saying what happened. */
  vetoes: z.array(z.strictObject({ id: z.string().min(1).max(100), note: optionalText(MAX_LONG_TEXT) }), { error: '否决事项格式有误' }).max(100).default([]),
  /** the secretary's overall remarks (problems and next steps), used by the report. */
  summary: optionalText(MAX_LONG_TEXT * 5),
});

export const assessmentSubmitInput = z.strictObject({ id, submittedOn: isoDate.optional() });
export const assessmentReopenInput = z.strictObject({ id, reason: text(MAX_LONG_TEXT) });
export const assessmentReviewInput = z.strictObject({
  id,
  reviewedOn: isoDate,
  reviewerScore: z.number({ error: '审核得分应为数字' }).min(0, '审核得分不能为负').max(1000, '审核得分有误'),
  /** the level the reviewer gave (a level name of the template), if any. */
  reviewerLevel: optionalText(40),
  reviewComment: optionalText(MAX_LONG_TEXT),
});

/** One file for an indicator's evidence that lives outside the app (checked like a meeting attachment). */
export const assessmentAttachmentAddInput = z.strictObject({
  id,
  indicatorId: z.string({ error: '请选择指标' }).min(1, '请选择指标').max(100, '指标编号过长'),
  fileName: attachmentAddInput.shape.fileName,
  contentBase64: attachmentAddInput.shape.contentBase64,
});
export const assessmentAttachmentIdInput = z.strictObject({ attachmentId: id });

export const assessmentExportXlsxInput = assessmentIdInput;
export const assessmentExportDocxInput = z.strictObject({
  id,
  preset: z.enum(DOCUMENT_PRESETS, { error: '请选择版式' }).default('gbt9704'),
});

/** A meeting record behind an indicator, enough to list it and link to it. */
export interface EvidenceRecord {
  id: number;
  /** ISO meeting date. */
  date: string;
  /** e.g. 支部委员会会议 / 第一党小组会 */
  typeLabel: string;
  topic: string;
}

export interface AssessmentIndicatorView {
  id: string;
  dimensionId: string;
  text: string;
  criteria: string | null;
  /** 佐证材料 the template asks for. */
  evidenceNeeded: string;
  maxPoints: number;
  scoringType: ScoringType;
  /** The scoring rule in full (grade labels of a graded indicator, target, thresholds…), to offer the right answers. */
  scoring: Scoring;
  required: boolean;
  rule: string | null;
  /** What the records propose: computed at start and by assessments:refresh (drafts only), so frozen once submitted. Records deleted since are left out of `records`. */
  proposal: {
    answer: IndicatorAnswer | null;
    points: number | null;
    manual: boolean;
    text: string;
    records: EvidenceRecord[];
  };
  /** The secretary's entries. */
  answer: IndicatorAnswer | null;
  finalScore: number | null;
  note: string | null;
  /** Computed by the engine from the above. */
  points: number;
  overridden: boolean;
  met: boolean;
  /** Files for evidence that lives outside the app (扫描件, 照片…), stored like meeting attachments. */
  attachments: { id: number; fileName: string; size: number; mime: string; addedAt: string }[];
}

export interface AssessmentHistoryEntry {
  /** ISO timestamp. */
  at: string;
  action: 'created' | 'submitted' | 'reopened' | 'reviewed' | 'refreshed';
  /** e.g. the reason given for reopening. */
  note: string | null;
}

export interface AssessmentView {
  id: number;
  year: number;
  status: AssessmentStatus;
  template: {
    id: string;
    name: string;
    version: number;
    status: RubricStatus;
    scope: RubricScope[];
    issuer: string;
    sourceNote: string;
  };
  dimensions: { id: string; name: string; kind: DimensionKind; maxPoints: number }[];
  /** The template's levels, highest first (the reviewer's level is one of these names). */
  levels: { id: string; name: string }[];
  indicators: AssessmentIndicatorView[];
  vetoes: { id: string; text: string; hit: boolean; note: string | null }[];
  summary: string | null;
  /** The engine's result of the secretary's entries: totals, stars, level, problems to fix before submitting. */
  result: AssessmentResult;
  /** Date the proposals were last computed from the records (ISO). */
  proposedAsOf: string;
  submittedOn: string | null;
  review: { reviewedOn: string; reviewerScore: number; reviewerLevel: string | null; reviewComment: string | null } | null;
  history: AssessmentHistoryEntry[];
  createdAt: string;
  updatedAt: string;
}

/** One row of the assessments list, also used to compare years. */
export interface AssessmentSummary {
  id: number;
  year: number;
  status: AssessmentStatus;
  templateId: string;
  templateName: string;
  templateVersion: number;
  totalPoints: number;
  maxPoints: number;
  level: string;
  starCount: number;
  dimensions: { id: string; name: string; points: number; maxPoints: number; lit: boolean }[];
  submittedOn: string | null;
  reviewerScore: number | null;
  reviewerLevel: string | null;
  updatedAt: string;
}

export interface AssessmentExportResult {
  /** 2025年度五星三强自评打分表.xlsx / 2025年度五星三强自评报告.docx */
  fileName: string;
  contentBase64: string;
  fontNotes: string[];
}

export const assessmentsContract = {
  'assessments:templates': { input: noInput, output: returns<AssessmentTemplateItem[]>() },
  'assessments:propose': { input: assessmentsProposeInput, output: returns<AssessmentProposal>() },
  // The yearly assessment. Every method that changes one answers with the whole view. Refusals:
  // NOT_FOUND for an unknown id; CONFLICT for a second one of the same year and template, and for
  // changing a submitted/reviewed one (only reopen, and review of a submitted one, are allowed);
  // VALIDATION with field-level details whose paths name the indicator by id:
  // `indicators.<indicatorId>.answer|finalScore|note`, `vetoes.<vetoId>.note`, or the input field.
  'assessments:list': { input: noInput, output: returns<AssessmentSummary[]>() },
  'assessments:get': { input: assessmentIdInput, output: returns<AssessmentView>() },
  'assessments:start': { input: assessmentStartInput, output: returns<AssessmentView>() },
  'assessments:refresh': { input: assessmentIdInput, output: returns<AssessmentView>() },
  'assessments:save': { input: assessmentSaveInput, output: returns<AssessmentView>() },
  'assessments:submit': { input: assessmentSubmitInput, output: returns<AssessmentView>() },
  'assessments:reopen': { input: assessmentReopenInput, output: returns<AssessmentView>() },
  'assessments:review': { input: assessmentReviewInput, output: returns<AssessmentView>() },
  'assessments:delete': { input: assessmentIdInput, output: returns<{ id: number }>() },
  'assessments:addAttachment': { input: assessmentAttachmentAddInput, output: returns<AssessmentView>() },
  'assessments:removeAttachment': { input: assessmentAttachmentIdInput, output: returns<AssessmentView>() },
  'assessments:getAttachment': { input: assessmentAttachmentIdInput, output: returns<AttachmentContent>() },
} as const;

export const ASSESSMENTS_FIELD_LABELS: Record<string, string> = {
  templateId: '评分模板',
  year: '年度',
  indicators: '指标',
  answer: '答案',
  finalScore: '最终得分',
  note: '说明',
  vetoes: '一票否决事项',
  summary: '总体情况',
  submittedOn: '提交日期',
  reason: '重新打开的原因',
  reviewedOn: '审核日期',
  reviewerScore: '审核得分',
  reviewerLevel: '审核等级',
  reviewComment: '审核意见',
  preset: '版式',
  indicatorId: '指标',
  fileName: '文件名',
  contentBase64: '文件内容',
  attachmentId: '附件',
};
