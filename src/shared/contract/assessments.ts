import { z } from 'zod';
import type { AssessmentResult, IndicatorAnswer } from '../domain/rubricScoring';
import type { RubricScope, RubricStatus, ScoringType } from '../domain/rubricTemplate';
import { noInput, returns } from './common';

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

export const assessmentsContract = {
  'assessments:templates': { input: noInput, output: returns<AssessmentTemplateItem[]>() },
  'assessments:propose': { input: assessmentsProposeInput, output: returns<AssessmentProposal>() },
} as const;

export const ASSESSMENTS_FIELD_LABELS: Record<string, string> = {
  templateId: '评分模板',
  year: '年度',
};
