import { z } from 'zod';
import type { MemberCategory } from '../domain/member';
import type { AbsenceRun, MonthKind, WarningLevel } from '../domain/participation';
import { noInput, returns } from './common';

// 党员参加组织生活情况 (issue 5, item 6): each member × month of a year, the totals, the runs without
// organisational life, the 3/6-month warnings (DOMAIN §5) and the yearly sheet. Rules: domain/participation.ts.

export const participationYearInput = z.strictObject({
  year: z.number({ error: '应为年份' }).int('应为年份').min(1921, '年份有误').max(2200, '年份有误'),
});

export interface ParticipationTotals {
  /** 应参加次数: records the member was expected at (应到). */
  expected: number;
  /** 实际参加: marked 出席. */
  present: number;
  leave: number;
  absent: number;
  /** Of 请假 and 缺席, made up since (补学). */
  madeUp: number;
  /** 参加率 = 实际参加 ÷ 应参加 (0–1); null when nothing was expected. */
  rate: number | null;
}

export interface ParticipationMonth {
  /** YYYY-MM */
  month: string;
  kind: MonthKind;
  expected: number;
  present: number;
  leave: number;
  absent: number;
  madeUp: number;
}

export interface ParticipationRow {
  memberId: number;
  name: string;
  /** As of the year's end (or today): 党员类别 and 党小组. */
  category: MemberCategory;
  partyGroupName: string | null;
  /** Belongs to the branch at the year's end (or today). */
  belongs: boolean;
  /** Twelve months, January first. */
  months: ParticipationMonth[];
  totals: ParticipationTotals;
  /** The longest run without organisational life that touches this year, counted whole (it may start the year before). */
  longestRun: AbsenceRun | null;
  /** The run still open today (only for the current year). */
  currentRun: AbsenceRun | null;
  /** The last date the member took part (出席, or a 补学), up to today — it may be after the year. */
  lastAttendedOn: string | null;
  /** The year's 入党, 转入, 转出, 流动… with dates: what explains blank months. */
  note: string | null;
}

export interface ParticipationYear {
  year: number;
  /** Today: records (and 补学) up to this date are counted; 党员类别, 党小组 are as of the year's end (or today). */
  asOf: string;
  rows: ParticipationRow[];
  totals: ParticipationTotals;
  /** Dues (党费) are not recorded yet: the runs count organisational life only. */
  duesRecorded: false;
}

export interface ParticipationWarning {
  memberId: number;
  name: string;
  level: WarningLevel;
  run: AbsenceRun;
  lastAttendedOn: string | null;
  partyGroupName: string | null;
  /** 流动党员 may take part where they are: the secretary checks with the 流入地 before acting. */
  flowing: { since: string; detail: string | null } | null;
  lostContact: { since: string } | null;
}

export interface ParticipationWarnings {
  asOf: string;
  /** 3 and 6 (DOMAIN §5). */
  remindAt: number;
  actAt: number;
  /** Most months first. */
  items: ParticipationWarning[];
  duesRecorded: false;
}

export interface ParticipationExportResult {
  fileName: string;
  contentBase64: string;
  rowCount: number;
}

export const participationContract = {
  'participation:year': { input: participationYearInput, output: returns<ParticipationYear>() },
  'participation:warnings': { input: noInput, output: returns<ParticipationWarnings>() },
  'participation:exportXlsx': { input: participationYearInput, output: returns<ParticipationExportResult>() },
} as const;
