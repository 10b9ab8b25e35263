import { z } from 'zod';
import type { CoverageSummary, PairKind, TalkRole } from '../domain/talkCoverage';
import { id, optionalText, returns } from './common';

// 谈心谈话: a meeting record of type heartToHeartTalk (date, topic, summary live there) plus who
// took part and how; and the year's coverage matrix of pairs who talked (DOMAIN §2).

export const TALK_FORMS = ['inPerson', 'phone', 'video'] as const;
export type TalkForm = (typeof TALK_FORMS)[number];
export const TALK_FORM_LABELS: Record<TalkForm, string> = { inPerson: '面谈', phone: '电话', video: '视频' };

export const talksGetInput = z.strictObject({ meetingId: id });

export const talksSaveInput = z.strictObject({
  meetingId: id,
  /** 0 when no participants have been saved yet. */
  version: z.number({ error: '应为数字' }).int().min(0),
  form: z.enum(TALK_FORMS, { error: '请选择谈话方式' }).nullish().transform((value) => value ?? null),
  participants: z
    .array(
      z.strictObject({
        /** A member of the branch; null for someone from outside (then `name` is required). */
        memberId: id.nullish().transform((value) => value ?? null),
        name: optionalText(30),
      }),
    )
    .max(50),
});

export const talksCoverageInput = z.strictObject({
  year: z.number({ error: '应为年份' }).int('应为年份').min(1921, '年份有误').max(2200, '年份有误'),
});

export type TalksSaveInput = z.input<typeof talksSaveInput>;

export interface TalkDetail {
  meetingId: number;
  heldOn: string;
  /** 0 when nothing has been saved yet. */
  version: number;
  form: TalkForm | null;
  participants: { memberId: number | null; name: string }[];
}

export interface TalkCoverage {
  year: number;
  /** Whose talks are due: the branch roster and committee on this date (year end, or today). */
  asOf: string;
  people: { memberId: number; name: string; role: TalkRole }[];
  /** Every required pair (a < b) with the dates it talked; empty dates = not yet. */
  pairs: { a: number; b: number; kind: PairKind; dates: string[] }[];
  summary: CoverageSummary[];
  /** “书记与支委谈话 4/4，支委之间谈话 …” */
  sentence: string;
  /** 谈心谈话 records of the year (with or without participants entered). */
  talks: number;
  /** Records of the year still without participants: they cannot count yet. */
  talksWithoutParticipants: number;
}

export const talksContract = {
  'talks:get': { input: talksGetInput, output: returns<TalkDetail>() },
  'talks:save': { input: talksSaveInput, output: returns<TalkDetail>() },
  'talks:coverage': { input: talksCoverageInput, output: returns<TalkCoverage>() },
} as const;

export const TALKS_FIELD_LABELS: Record<string, string> = {
  meetingId: '会议记录',
  version: '版本号',
  form: '谈话方式',
  participants: '谈话人员',
  memberId: '党员',
  name: '姓名',
  year: '年度',
};
