import { z } from 'zod';
import { REVIEW_GRADES, type GradeCounts, type ReviewGrade } from '../domain/democraticReview';
import type { MemberCategory } from '../domain/member';
import { id, optionalText, returns } from './common';

// 民主评议党员 attached to a meeting record of type democraticReview (DOMAIN §6).

export const democraticReviewGetInput = z.strictObject({ meetingId: id });

export const democraticReviewSaveInput = z.strictObject({
  meetingId: id,
  /** 0 when no grades have been saved yet. */
  version: z.number({ error: '应为数字' }).int().min(0),
  grades: z
    .array(
      z.strictObject({
        memberId: id,
        grade: z.enum(REVIEW_GRADES, { error: '请选择等次：优秀、合格、基本合格或不合格' }),
        /** 处置意见: required for 基本合格 and 不合格. */
        note: optionalText(200),
      }),
    )
    .max(2000),
});

export type DemocraticReviewSaveInput = z.input<typeof democraticReviewSaveInput>;

export interface ReviewRow {
  memberId: number;
  name: string;
  category: MemberCategory;
  /** A 正式党员 expected at the review: gets a grade. */
  gradable: boolean;
  /** Why not, in Chinese, for everyone else (预备党员, excluded with approval). */
  notGradedReason: string | null;
  grade: ReviewGrade | null;
  note: string | null;
}

export interface DemocraticReview {
  meetingId: number;
  heldOn: string;
  topic: string;
  /** 0 when nothing has been saved yet. */
  version: number;
  rows: ReviewRow[];
  /** Counts of the saved grades, with the 优秀 cap for those graded. */
  counts: GradeCounts;
  /** Saved grades for people no longer on the review's roster (the roster was corrected later). */
  stale: { memberId: number; name: string; grade: ReviewGrade }[];
}

export const democraticReviewContract = {
  'democraticReview:get': { input: democraticReviewGetInput, output: returns<DemocraticReview>() },
  'democraticReview:save': { input: democraticReviewSaveInput, output: returns<DemocraticReview>() },
} as const;

export const DEMOCRATIC_REVIEW_FIELD_LABELS: Record<string, string> = {
  meetingId: '会议记录',
  version: '版本号',
  grades: '评定等次',
  memberId: '党员',
  grade: '等次',
  note: '处置意见',
};
