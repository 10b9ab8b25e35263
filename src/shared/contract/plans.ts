import { z } from 'zod';
import { themedDaySchema, type PlanItem, type ThemedDay } from '../domain/annualPlan';
import { DOCUMENT_PRESETS } from '../domain/documentPresets';
import { MEETING_TYPES } from '../domain/meetingTypes';
import type { PlanItemProgress } from '../domain/planProgress';
import { id, isoDate, returns } from './common';
import type { MeetingExportResult } from './meetings';

// 年度计划 (issue 5 item 5): a draft from the rules in force, edited and saved by the secretary,
// exported to Word.

export interface AnnualPlan {
  year: number;
  themedDay: ThemedDay;
  items: PlanItem[];
  /** When the plan was last saved; null for a draft not saved yet (or no plan at all). */
  savedAt: string | null;
  /** The rules the draft was built from: “浙江机关（第 1 版）”. */
  packName: string;
  /**
   * A saved plan against the records, one entry per item in the items' order (已开展 with its record,
   * 待开展, 本期待开展, 已过期未开展); empty for a draft.
   */
  progress: PlanItemProgress[];
}

const year = z.number({ error: '应为年份' }).int('应为年份').min(1921, '年份有误').max(2200, '年份有误');

export const planYearInput = z.strictObject({ year });

export const planDraftInput = z.strictObject({
  year,
  /** The 主题党日 day to plan on; the branch's setting when omitted. */
  themedDay: themedDaySchema.optional(),
});

export const MAX_PLAN_ITEMS = 400;

export const planItemInput = z.strictObject({
  plannedOn: isoDate,
  types: z.array(z.enum(MEETING_TYPES, { error: '未知的会议类型' }), { error: '请选择类型' }).min(1, '请至少选择一个类型').max(MEETING_TYPES.length),
  partyGroupId: id.nullish().transform((value) => value ?? null),
  topic: z.string({ error: '应为文字' }).trim().min(1, '请填写主题').max(200, '主题不能超过200个字'),
  owner: z.string({ error: '应为文字' }).trim().max(40, '负责人不能超过40个字').default(''),
});

export const planSaveInput = z.strictObject({
  year,
  themedDay: themedDaySchema,
  items: z.array(planItemInput, { error: '计划事项应为列表' }).max(MAX_PLAN_ITEMS, `计划事项不能超过 ${MAX_PLAN_ITEMS} 项`),
});

export const planExportInput = z.strictObject({
  year,
  preset: z.enum(DOCUMENT_PRESETS, { error: '请选择版式' }).default('gbt9704'),
});

export const PLANS_FIELD_LABELS: Record<string, string> = {
  year: '年度',
  themedDay: '主题党日',
  kind: '固定方式',
  day: '每月几日',
  nth: '第几个',
  weekday: '星期几',
  items: '计划事项',
  plannedOn: '日期',
  types: '类型',
  partyGroupId: '党小组',
  topic: '主题',
  owner: '负责人',
  preset: '版式',
};

export const plansContract = {
  /** The saved plan of a year (items empty and savedAt null when none is saved). */
  'plans:get': { input: planYearInput, output: returns<AnnualPlan>() },
  /** A fresh draft from the rules in force; nothing is saved. */
  'plans:draft': { input: planDraftInput, output: returns<AnnualPlan>() },
  'plans:save': { input: planSaveInput, output: returns<AnnualPlan>() },
  /** The saved plan as a Word table (月份, 日期, 类型, 主题, 负责人). */
  'plans:export': { input: planExportInput, output: returns<MeetingExportResult>() },
} as const;
