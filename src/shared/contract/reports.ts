import { z } from 'zod';
import { DOCUMENT_PRESETS } from '../domain/documentPresets';
import { MEETING_TYPES } from '../domain/meetingTypes';
import type { YearSummaryFacts, YearSummarySection } from '../domain/yearSummary';
import { id, isoDate, returns } from './common';

// Word reports for submission (issue 7 item 2): 会议记录 of a period (one file, each record on a new
// page, or bound as an annual 汇编), 年度工作总结 (a draft from the year's facts, edited, exported),
// 组织生活会 materials and 民主评议 results. Each is also called by the inspection package.

const preset = z.enum(DOCUMENT_PRESETS, { error: '请选择版式' }).default('gbt9704');
const year = z.number({ error: '应为年份' }).int('应为年份').min(1921, '年份有误').max(2200, '年份有误');

export const MINUTES_BOOK_MODES = ['separate', 'bound'] as const;
export type MinutesBookMode = (typeof MINUTES_BOOK_MODES)[number];

export const minutesBookInput = z
  .strictObject({
    from: isoDate,
    to: isoDate,
    /** Only records counting for one of these; omitted or empty: all. */
    types: z.array(z.enum(MEETING_TYPES, { error: '未知的会议类型' })).max(MEETING_TYPES.length).optional(),
    mode: z.enum(MINUTES_BOOK_MODES, { error: '请选择：逐份分页或装订成汇编' }).default('separate'),
    preset,
  })
  .refine((value) => value.from <= value.to, { path: ['to'], message: '结束日期不能早于开始日期' });

/** A Word document built for submission; the inspection package writes it as it is. */
export interface ReportDocument {
  fileName: string;
  contentBase64: string;
  /** Fonts this PC lacks and what was written instead (desktop only), in Chinese. */
  fontNotes: string[];
  /** For a contents list: “12份记录”, “4个部分”. */
  pageHint?: string;
}

export const summaryDraftInput = z.strictObject({
  year,
  /** Build afresh from the records, ignoring the saved edits. */
  regenerate: z.boolean({ error: '应为是或否' }).optional(),
});

const MAX_PARAGRAPH = 5000;
export const summarySectionsSchema = z
  .array(
    z.strictObject({
      key: z.string({ error: '应为文字' }).max(40),
      heading: z.string({ error: '应为文字' }).trim().min(1, '请填写部分标题').max(60, '部分标题不能超过60个字'),
      paragraphs: z.array(z.string({ error: '应为文字' }).max(MAX_PARAGRAPH, `一段不能超过${MAX_PARAGRAPH}个字`)).max(100, '一个部分不能超过100段'),
    }),
    { error: '总结内容应为分部分的列表' },
  )
  .min(1, '总结至少要有一个部分')
  .max(20, '总结不能超过20个部分');

export const summarySaveInput = z.strictObject({ year, sections: summarySectionsSchema });
export const summaryExportInput = z.strictObject({ year, sections: summarySectionsSchema, preset });

export interface YearSummaryDraft {
  year: number;
  branchName: string;
  /** “2025年度工作总结” */
  title: string;
  sections: YearSummarySection[];
  /** The facts the generated text was built from (numbers a reader can check). */
  facts: YearSummaryFacts;
  /** When the shown sections were last saved (the secretary's edits); null: freshly generated. */
  savedAt: string | null;
}

export const orgLifeDocxInput = z.strictObject({ meetingId: id, preset });

export const democraticReviewDocxInput = z
  .strictObject({ meetingId: id.optional(), year: year.optional(), preset })
  .refine((value) => value.meetingId !== undefined || value.year !== undefined, { path: ['year'], message: '请选择民主评议的会议记录或年度' });

export const REPORTS_FIELD_LABELS: Record<string, string> = {
  from: '开始日期',
  to: '结束日期',
  types: '会议类型',
  mode: '装订方式',
  preset: '版式',
  year: '年度',
  sections: '总结内容',
  heading: '部分标题',
  paragraphs: '段落',
  meetingId: '会议记录',
};

export const reportsContract = {
  /** 会议记录 of a period in one .docx: each record from a new page, or bound with a cover and contents. */
  'reports:minutesBook': { input: minutesBookInput, output: returns<ReportDocument>() },
  /** 年度工作总结: the saved edits, or a draft built from the year's records. */
  'reports:summaryDraft': { input: summaryDraftInput, output: returns<YearSummaryDraft>() },
  /** Keeps the secretary's edits of the 年度工作总结 (so they survive navigation and restarts). */
  'reports:summarySave': { input: summarySaveInput, output: returns<{ savedAt: string }>() },
  'reports:summaryExport': { input: summaryExportInput, output: returns<ReportDocument>() },
  /** 组织生活会 materials: 方案, 问题清单, 对照检查, 整改清单. */
  'reports:orgLifeDocx': { input: orgLifeDocxInput, output: returns<ReportDocument>() },
  /** 民主评议党员 results: the grades table and the summary. */
  'reports:democraticReviewDocx': { input: democraticReviewDocxInput, output: returns<ReportDocument>() },
} as const;
