import { z } from 'zod';
import type { MemberCategory } from '../domain/member';
import { id, MAX_LONG_TEXT, optionalIsoDate, optionalText, returns, text } from './common';

// 组织生活会 materials (DOMAIN §2, §6), attached to a meeting record of type orgLifeMeeting:
// 方案 → 问题清单 → 对照检查材料 per member → the meeting → 整改清单, ticked off later.

export const PROBLEM_CATEGORIES = ['political', 'ideological', 'conduct', 'discipline', 'other'] as const;
export type ProblemCategory = (typeof PROBLEM_CATEGORIES)[number];
export const PROBLEM_CATEGORY_LABELS: Record<ProblemCategory, string> = { political: '政治', ideological: '思想', conduct: '作风', discipline: '纪律', other: '其他' };

export const PROBLEM_SOURCES = ['solicited', 'selfCheck', 'talk', 'superior'] as const;
export type ProblemSource = (typeof PROBLEM_SOURCES)[number];
export const PROBLEM_SOURCE_LABELS: Record<ProblemSource, string> = { solicited: '征求意见', selfCheck: '自查', talk: '谈心谈话', superior: '上级点评' };

export const RECTIFICATION_STATUSES = ['open', 'done'] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];
export const RECTIFICATION_STATUS_LABELS: Record<RectificationStatus, string> = { open: '未完成', done: '已完成' };

const nullableId = id.nullish().transform((value) => value ?? null);
const index = z.number({ error: '应为数字' }).int().min(0).max(199).nullish().transform((value) => value ?? null);

export const orgLifeGetInput = z.strictObject({ meetingId: id });

export const orgLifeSaveInput = z.strictObject({
  meetingId: id,
  /** 0 when no material has been saved yet. */
  version: z.number({ error: '应为数字' }).int().min(0),
  plan: optionalText(MAX_LONG_TEXT),
  planApprovedOn: optionalIsoDate,
  problems: z
    .array(
      z.strictObject({
        /** The stored problem being edited; absent for a new one. */
        id: nullableId,
        text: text(500),
        category: z.enum(PROBLEM_CATEGORIES, { error: '请选择问题类别' }),
        source: z.enum(PROBLEM_SOURCES, { error: '请选择问题来源' }),
      }),
    )
    .max(200)
    .default([]),
  selfReviews: z
    .array(
      z.strictObject({
        memberId: id,
        submitted: z.boolean({ error: '请选择是否已提交' }),
        submittedOn: optionalIsoDate,
        summary: optionalText(MAX_LONG_TEXT),
      }),
    )
    .max(2000)
    .default([]),
  rectifications: z
    .array(
      z.strictObject({
        /** The stored rectification being edited; absent for a new one. Keeps its status history. */
        id: nullableId,
        /** Index into `problems` of this same input (new problems have no id yet). */
        problemIndex: index,
        measure: text(500),
        ownerMemberId: nullableId,
        /** Someone or something outside the roster: “支部委员会”, a department. */
        ownerName: optionalText(30),
        dueOn: optionalIsoDate,
        status: z.enum(RECTIFICATION_STATUSES, { error: '请选择整改状态' }).default('open'),
        doneOn: optionalIsoDate,
        note: optionalText(500),
      }),
    )
    .max(200)
    .default([]),
});

export const orgLifeRectificationsInput = z
  .strictObject({
    status: z.enum(RECTIFICATION_STATUSES, { error: '请选择整改状态' }).optional(),
    year: z.number({ error: '应为年份' }).int().min(1921).max(2200).optional(),
  })
  .optional();

export type OrgLifeSaveInput = z.input<typeof orgLifeSaveInput>;

export interface OrgLifeProblem {
  id: number;
  text: string;
  category: ProblemCategory;
  source: ProblemSource;
}

export interface OrgLifeRectification {
  id: number;
  problemId: number | null;
  measure: string;
  ownerMemberId: number | null;
  ownerName: string | null;
  dueOn: string | null;
  status: RectificationStatus;
  doneOn: string | null;
  note: string | null;
  /** Open and past its due date (as of today). */
  overdue: boolean;
}

export interface OrgLifeSelfReview {
  memberId: number;
  name: string;
  category: MemberCategory;
  submitted: boolean;
  submittedOn: string | null;
  summary: string | null;
}

export interface OrgLifeMaterial {
  meetingId: number;
  heldOn: string;
  topic: string;
  /** 0 when nothing has been saved yet. */
  version: number;
  plan: string | null;
  planApprovedOn: string | null;
  problems: OrgLifeProblem[];
  /** One row per member expected at the meeting (roster as of its date), saved or not. */
  selfReviews: OrgLifeSelfReview[];
  rectifications: OrgLifeRectification[];
  counts: { problems: number; selfReviewsSubmitted: number; selfReviewsExpected: number; rectifications: number; rectificationsDone: number };
}

/** One 整改 item across all 组织生活会 (for 首页 and reports). */
export interface RectificationListItem extends OrgLifeRectification {
  meetingId: number;
  meetingHeldOn: string;
  meetingTopic: string;
  problemText: string | null;
}

export const orgLifeContract = {
  'orgLife:get': { input: orgLifeGetInput, output: returns<OrgLifeMaterial>() },
  'orgLife:save': { input: orgLifeSaveInput, output: returns<OrgLifeMaterial>() },
  'orgLife:rectifications': { input: orgLifeRectificationsInput, output: returns<RectificationListItem[]>() },
} as const;

export const ORG_LIFE_FIELD_LABELS: Record<string, string> = {
  meetingId: '会议记录',
  version: '版本号',
  plan: '组织生活会方案',
  planApprovedOn: '方案批准日期',
  problems: '问题清单',
  text: '问题',
  category: '问题类别',
  source: '问题来源',
  selfReviews: '对照检查材料',
  memberId: '党员',
  submitted: '是否提交',
  submittedOn: '提交日期',
  summary: '主要内容',
  rectifications: '整改清单',
  problemIndex: '对应问题',
  measure: '整改措施',
  ownerMemberId: '责任人',
  ownerName: '责任人',
  dueOn: '整改时限',
  status: '整改状态',
  doneOn: '完成日期',
  note: '完成情况说明',
  year: '年度',
};
