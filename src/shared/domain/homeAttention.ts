import { needsAttention, type CompliancePeriod, type ComplianceReport, type ComplianceSummary } from './compliance';
import { addMonths, daysBetween, formatChineseDate } from './dates';
import type { MeetingType } from './meetingTypes';
import type { RuleSeverity } from './rulePacks';

// 首页 “what needs doing” (issue 5, DOMAIN §2, §5, §6): the pure rules behind home:attention. The
// service reads the store and the compliance engine; these functions decide what is shown, when, and
// where each item is fixed. Each boundary here is tested in tests/unit/homeAttention.test.ts.

/** A 预备党员's 转正 shows from this many days before the 预备期 ends (and stays until 转正 is recorded). */
export const PROBATION_NOTICE_DAYS = 60;
/** 换届 shows on the dashboard from this many months before the term ends (the banner from three). */
export const ELECTION_ATTENTION_MONTHS = 6;
/** Secretaries close the year in January and February, so last year's gaps still show until March. */
export const YEAR_CLOSING_MONTHS = 2;

/** Where an item is fixed: a route of the app and its query (the renderer joins them). */
export interface AttentionLink {
  path: string;
  query: Record<string, string>;
}

export function linkHref(link: AttentionLink): string {
  const query = new URLSearchParams(link.query).toString();
  return query ? `${link.path}?${query}` : link.path;
}

/** The years whose obligations the dashboard shows on `today`: this year, and last year in January–February. */
export function attentionYears(today: string): number[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return month <= YEAR_CLOSING_MONTHS ? [year - 1, year] : [year];
}

// ---- Obligations (三会一课 and the rest) -------------------------------------------------------------

export interface ObligationItem {
  /** Unique on the page: year, rule, 党小组 and period. */
  key: string;
  year: number;
  ruleId: string;
  label: string;
  type: MeetingType;
  groupId: number | null;
  groupName: string | null;
  status: 'due' | 'overdue';
  severity: RuleSeverity;
  period: CompliancePeriod;
  count: number;
  minimum: number;
  /** Due items: days to the period's last day, both included (1 on the last day). */
  daysRemaining: number | null;
  /** The engine's sentence: “本季度尚未召开支部党员大会，剩余 12 天”, “2025年8月未召开支部委员会会议”. */
  text: string;
  /** The new-record page with the type (and 党小组) chosen. */
  link: AttentionLink;
}

/** The new-record page for an obligation: `/meetings/new?type=groupMeeting&group=2`. */
export function newRecordLink(type: MeetingType, groupId: number | null): AttentionLink {
  return { path: '/meetings/new', query: groupId === null ? { type } : { type, group: String(groupId) } };
}

/** Due and overdue periods of one year's report, in needsAttention's order (overdue first). */
export function obligationItems(report: ComplianceReport): ObligationItem[] {
  const types = new Map(report.rules.map(({ rule }) => [rule.id, rule.type]));
  return needsAttention(report).map((item) => {
    const type = types.get(item.ruleId)!;
    return {
      key: `${report.year}:${item.ruleId}:${item.groupId ?? '-'}:${item.period.kind}${item.period.index}`,
      year: report.year,
      ruleId: item.ruleId,
      label: item.label,
      type,
      groupId: item.groupId,
      groupName: item.groupName,
      status: item.status as 'due' | 'overdue',
      severity: item.severity,
      period: item.period,
      count: item.count,
      minimum: item.minimum,
      daysRemaining: item.daysRemaining,
      text: item.explanation,
      link: newRecordLink(type, item.groupId),
    };
  });
}

/**
 * What is due now (open periods, fewest days left first) and what was missed (closed periods,
 * earlier years first, then as needsAttention orders them).
 */
export function splitObligations(reports: readonly ComplianceReport[]): { due: ObligationItem[]; overdue: ObligationItem[] } {
  const sorted = [...reports].sort((a, b) => a.year - b.year);
  const items = sorted.flatMap(obligationItems);
  return { due: items.filter((item) => item.status === 'due'), overdue: items.filter((item) => item.status === 'overdue') };
}

// ---- Year completion at a glance ----------------------------------------------------------------

export interface RuleCompletion {
  ruleId: string;
  label: string;
  done: number;
  /** Applicable periods of the year (done + due + overdue + upcoming). */
  total: number;
  due: number;
  overdue: number;
}

export interface YearCompletion {
  year: number;
  summary: ComplianceSummary;
  rules: RuleCompletion[];
  /** The year's matrix (年度落实情况). */
  link: AttentionLink;
}

export function yearCompletion(report: ComplianceReport): YearCompletion {
  return {
    year: report.year,
    summary: report.summary,
    rules: report.rules
      .filter(({ summary }) => summary.total > 0)
      .map(({ rule, summary }) => ({ ruleId: rule.id, label: rule.label, done: summary.done, total: summary.total, due: summary.due, overdue: summary.overdue })),
    link: { path: '/compliance', query: { year: String(report.year) } },
  };
}

// ---- 换届 ---------------------------------------------------------------------------------------

export interface ElectionReminder {
  termSeq: number;
  endsOn: string;
  /** Negative once the term has ended. */
  daysLeft: number;
  overdue: boolean;
  text: string;
  link: AttentionLink;
}

/** 换届 from six months before the term ends, and louder after; null before that. */
export function electionReminder(term: { seq: number; endsOn: string } | null, today: string): ElectionReminder | null {
  if (!term || today < addMonths(term.endsOn, -ELECTION_ATTENTION_MONTHS)) return null;
  const daysLeft = daysBetween(today, term.endsOn);
  const ends = formatChineseDate(term.endsOn);
  const text =
    daysLeft < 0
      ? `第${term.seq}届支委会任期已于${ends}届满，已超期 ${-daysLeft} 天，请及时按程序换届`
      : daysLeft === 0
        ? `第${term.seq}届支委会任期今天（${ends}）届满，请按程序换届`
        : `第${term.seq}届支委会任期将于${ends}届满（还有 ${daysLeft} 天），请提前做好换届准备`;
  return { termSeq: term.seq, endsOn: term.endsOn, daysLeft, overdue: daysLeft < 0, text, link: { path: '/organization', query: {} } };
}

// ---- 转正 ---------------------------------------------------------------------------------------

export interface ProbationReminder {
  memberId: number;
  name: string;
  /** The day the 预备期 (or its extension) ends. */
  endsOn: string;
  /** Negative once it has ended without 转正 recorded. */
  daysLeft: number;
  ended: boolean;
  text: string;
  link: AttentionLink;
}

/**
 * A 预备党员 whose 预备期 ends within 60 days, or has ended with no 转正 recorded; null otherwise.
 * `probationEndsOn` is the member's state as of today (memberStateOn), so an extension is honoured
 * and a recorded 转正 (the member is no longer 预备) ends the reminder.
 */
export function probationReminder(member: { memberId: number; name: string; probationEndsOn: string | null }, today: string): ProbationReminder | null {
  if (!member.probationEndsOn) return null;
  const daysLeft = daysBetween(today, member.probationEndsOn);
  if (daysLeft > PROBATION_NOTICE_DAYS) return null;
  const ends = formatChineseDate(member.probationEndsOn);
  const text =
    daysLeft < 0
      ? `${member.name}预备期已于${ends}届满，尚未登记转正，请及时讨论转正并登记`
      : daysLeft === 0
        ? `${member.name}预备期今天（${ends}）届满，请按期讨论转正`
        : `${member.name}预备期将于${ends}届满，请按期讨论转正`;
  return {
    memberId: member.memberId,
    name: member.name,
    endsOn: member.probationEndsOn,
    daysLeft,
    ended: daysLeft < 0,
    text,
    link: { path: `/members/${member.memberId}`, query: {} },
  };
}

/** Ended first (longest ago first), then by the day the 预备期 ends. */
export function byProbationEnd(a: ProbationReminder, b: ProbationReminder): number {
  return a.daysLeft - b.daysLeft || a.memberId - b.memberId;
}
