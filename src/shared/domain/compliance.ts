import { daysBetween, daysInMonth, formatChineseDate, formatIsoDate } from './dates';
import { MEETING_TYPE_LABELS, type MeetingType } from './meetingTypes';
import { formatWindow, PERIODS_PER_YEAR, type EffectivePack, type EffectiveRule, type RulePeriod, type RuleSeverity } from './rulePacks';

// The compliance engine (issue 5, DOMAIN §2): from the records alone, per rule and per period, what is
// done, due, overdue, not yet started or not applicable, and why. Pure: the service feeds it plain
// objects read from the store and today's date; the dashboard, the matrix and the plan read its output.
//
// Definitions (each one is tested in tests/unit/compliance.test.ts):
// - Periods are calendar periods inside the year: months, quarters (1–3, 4–6, 7–9, 10–12), half-years
//   (1–6, 7–12) and the year. A record counts for the period its 召开日期 (heldOn) falls in.
// - Only records held on or before `asOf` count: the report shows what was known on that day.
// - A record counts for every rule whose type it carries: one event can satisfy several obligations.
// - A record with valid === false (quorum not met) still counts — the meeting was held — but its id is
//   also listed in invalidRecordIds so the screens can mark it and the secretary can check it.
// - Status: done (count ≥ minimum); otherwise upcoming (period starts after asOf), due (asOf inside the
//   period), overdue (period ended before asOf). notApplicable wins over all of these.
// - daysRemaining (due periods only): calendar days from asOf to the period's last day, both included.
//   On the last day of a quarter it is 1 ("今天是最后一天"); on 03-20 in Q1 it is 12 (20…31 March).
// - Existence (branch founded, 党小组 founded or dissolved mid-period): a period is applicable only if the
//   branch — and for a 党小组 row, the group — existed for at least half of its days. The founding day
//   counts as a day of existence; a group's dissolvedOn is its first day of no longer existing (the same
//   exclusive end the group memberships use). Why half: a superior committee checks whether the branch
//   could reasonably have met the obligation. A branch founded on 28 March cannot be blamed for Q1 (and
//   its founding 党员大会 then falls in Q1 and does not carry over), while one founded on 5 February
//   had most of the quarter and is expected to have met. Half is the even cut and works the same way
//   for dissolution. Records held in a notApplicable period are still listed, never hidden.
// - 书记讲党课 (scope secretary): a 党课 counts if its 授课人 held the 书记 seat on the day it was given.
//   Across a 换届 both secretaries' lectures count for the office's yearly obligation; a lecture given
//   by the former secretary after leaving office, or by the new one before taking it, does not. A seat's
//   endsOn is the handover day; a lecture on that very day counts for either holder.

export type ComplianceStatus = 'done' | 'due' | 'overdue' | 'upcoming' | 'notApplicable';

export interface ComplianceRecord {
  id: number;
  heldOn: string;
  types: readonly MeetingType[];
  partyGroupId: number | null;
  /** False when quorum was not met; null when no quorum rule applies. */
  valid: boolean | null;
  lecturerMemberId: number | null;
}

export interface ComplianceGroup {
  id: number;
  name: string;
  /** null: since before records began. */
  foundedOn: string | null;
  /** First day the group no longer exists; null while it exists. */
  dissolvedOn: string | null;
}

/** Who held the 书记 seat and when (endsOn null: still in office). */
export interface SecretarySeat {
  memberId: number;
  startsOn: string;
  endsOn: string | null;
}

export interface ComplianceInput {
  /** The branch's pack after its overrides (applyOverrides / withoutOverrides). */
  pack: EffectivePack;
  year: number;
  /** Today, or the day the report is computed as of. */
  asOf: string;
  /** null: founded before the records begin. */
  branchFoundedOn: string | null;
  /** False for a branch with only a 书记 (no 支部委员会): rules with condition hasCommittee are skipped. */
  hasCommittee?: boolean;
  groups: readonly ComplianceGroup[];
  secretarySeats: readonly SecretarySeat[];
  records: readonly ComplianceRecord[];
}

export interface CompliancePeriod {
  kind: RulePeriod;
  /** 1-based: month 1–12, quarter 1–4, half-year 1–2, year 1. */
  index: number;
  start: string;
  end: string;
  /** 2026年3月, 2026年第1季度, 2026年上半年, 2026年 */
  label: string;
}

export interface PeriodCompliance {
  ruleId: string;
  groupId: number | null;
  period: CompliancePeriod;
  status: ComplianceStatus;
  severity: RuleSeverity;
  count: number;
  minimum: number;
  /** Records that count for this rule in this period, by date. */
  recordIds: number[];
  /** The subset of recordIds whose quorum was not met (counted, but flagged). */
  invalidRecordIds: number[];
  /** The subset of recordIds held outside the rule's usual window (a hint, not a failure). */
  outsideWindowRecordIds: number[];
  /** Due periods only: days from asOf to the period's last day, both included. */
  daysRemaining: number | null;
  /** Why a period is not applicable; null otherwise. */
  reason: string | null;
  /** One Chinese sentence for the dashboard, the matrix tooltip and the plan. */
  explanation: string;
}

export interface ComplianceRow {
  /** null for branch and secretary rules; the 党小组 for eachGroup rules. */
  groupId: number | null;
  groupName: string | null;
  periods: PeriodCompliance[];
}

export interface ComplianceSummary {
  done: number;
  /** Applicable periods: done + due + overdue + upcoming. */
  total: number;
  due: number;
  overdue: number;
  upcoming: number;
  notApplicable: number;
}

export interface RuleCompliance {
  rule: EffectiveRule;
  rows: ComplianceRow[];
  summary: ComplianceSummary;
}

export interface SkippedRule {
  ruleId: string;
  label: string;
  reason: string;
}

export interface ComplianceReport {
  year: number;
  asOf: string;
  packId: string;
  packVersion: number;
  rules: RuleCompliance[];
  /** Disabled rules, coverage rules (谈心谈话) and rules whose condition the branch does not meet. */
  skipped: SkippedRule[];
  summary: ComplianceSummary;
}

// ---- Periods ---------------------------------------------------------------------------------

const MONTHS_PER_PERIOD: Record<RulePeriod, number> = { month: 1, quarter: 3, halfYear: 6, year: 12 };

export function periodLabel(kind: RulePeriod, year: number, index: number): string {
  switch (kind) {
    case 'month':
      return `${year}年${index}月`;
    case 'quarter':
      return `${year}年第${index}季度`;
    case 'halfYear':
      return `${year}年${index === 1 ? '上' : '下'}半年`;
    case 'year':
      return `${year}年`;
  }
}

/** How the current period is named relative to asOf: 本月, 本季度, 上半年/下半年, 本年度. */
function currentPeriodWord(kind: RulePeriod, index: number): string {
  switch (kind) {
    case 'month':
      return '本月';
    case 'quarter':
      return '本季度';
    case 'halfYear':
      return index === 1 ? '上半年' : '下半年';
    case 'year':
      return '本年度';
  }
}

export function periodsOfYear(kind: RulePeriod, year: number): CompliancePeriod[] {
  const length = MONTHS_PER_PERIOD[kind];
  return Array.from({ length: PERIODS_PER_YEAR[kind] }, (_, offset) => {
    const firstMonth = offset * length + 1;
    const lastMonth = firstMonth + length - 1;
    return {
      kind,
      index: offset + 1,
      start: formatIsoDate(year, firstMonth, 1),
      end: formatIsoDate(year, lastMonth, daysInMonth(year, lastMonth)),
      label: periodLabel(kind, year, offset + 1),
    };
  });
}

/** Days from asOf to the period's last day, both included (1 on the last day). */
export function daysRemainingInPeriod(asOf: string, periodEnd: string): number {
  return daysBetween(asOf, periodEnd) + 1;
}

export function formatDaysRemaining(days: number): string {
  return days === 1 ? '今天是最后一天' : `剩余 ${days} 天`;
}

// ---- Existence ---------------------------------------------------------------------------------

interface Existence {
  /** First day of existence, inclusive; null: always. */
  from: string | null;
  /** First day of no longer existing; null: still exists. */
  until: string | null;
}

/** Days of [start, end] (inclusive) within the existence. */
function daysExisting(existence: Existence, start: string, end: string): number {
  const from = existence.from !== null && existence.from > start ? existence.from : start;
  // until is exclusive: the last day of existence is the day before.
  const lastDay = existence.until !== null && existence.until <= end ? existence.until : null;
  const days = lastDay !== null ? daysBetween(from, lastDay) : daysBetween(from, end) + 1;
  return Math.max(0, days);
}

function applicability(period: CompliancePeriod, branch: Existence, group: (Existence & { name: string }) | null): string | null {
  const periodDays = daysBetween(period.start, period.end) + 1;
  const branchDays = daysExisting(branch, period.start, period.end);
  if (branch.from !== null && branchDays * 2 < periodDays) {
    return branchDays === 0
      ? `本支部${formatChineseDate(branch.from)}成立，此前不作要求`
      : `本支部${formatChineseDate(branch.from)}成立，${period.label}存续不足一半，不作要求`;
  }
  if (group) {
    const both: Existence = {
      from: [branch.from, group.from].filter((day): day is string => day !== null).sort().at(-1) ?? null,
      until: group.until,
    };
    const groupDays = daysExisting(both, period.start, period.end);
    if (groupDays * 2 < periodDays) {
      if (group.from !== null && group.from > period.start) {
        return groupDays === 0
          ? `${group.name}${formatChineseDate(group.from)}成立，此前不作要求`
          : `${group.name}${formatChineseDate(group.from)}成立，${period.label}存续不足一半，不作要求`;
      }
      const until = group.until!;
      return groupDays === 0
        ? `${group.name}已于${formatChineseDate(until)}撤销`
        : `${group.name}${formatChineseDate(until)}撤销，${period.label}存续不足一半，不作要求`;
    }
  }
  return null;
}

// ---- Wording -----------------------------------------------------------------------------------

const ACTIONS: Record<MeetingType, string> = {
  memberAssembly: `召开${MEETING_TYPE_LABELS.memberAssembly}`,
  committeeMeeting: `召开${MEETING_TYPE_LABELS.committeeMeeting}`,
  groupMeeting: `召开${MEETING_TYPE_LABELS.groupMeeting}`,
  partyLecture: `上${MEETING_TYPE_LABELS.partyLecture}`,
  themedPartyDay: `开展${MEETING_TYPE_LABELS.themedPartyDay}`,
  orgLifeMeeting: `召开${MEETING_TYPE_LABELS.orgLifeMeeting}`,
  democraticReview: `开展${MEETING_TYPE_LABELS.democraticReview}`,
  heartToHeartTalk: `开展${MEETING_TYPE_LABELS.heartToHeartTalk}`,
};

function subjectAndAction(rule: EffectiveRule, groupName: string | null): { subject: string; action: string } {
  if (rule.scope === 'secretary') return { subject: '书记', action: '讲党课' };
  return { subject: groupName ?? '', action: ACTIONS[rule.type] };
}

function explain(
  rule: EffectiveRule,
  groupName: string | null,
  period: CompliancePeriod,
  status: ComplianceStatus,
  count: number,
  invalidCount: number,
  daysRemaining: number | null,
  reason: string | null,
): string {
  const { subject, action } = subjectAndAction(rule, groupName);
  const minimum = rule.minimum;
  switch (status) {
    case 'notApplicable':
      return reason!;
    case 'upcoming':
      return `${period.label}尚未开始`;
    case 'done': {
      const invalid = invalidCount ? `，其中 ${invalidCount} 次未达到规定的到会人数（已计入，请核实）` : '';
      return `${period.label}${subject}已${action} ${count} 次${invalid}`;
    }
    case 'due': {
      const window = rule.window ? `（一般安排在${formatWindow(rule.window)}）` : '';
      const current = currentPeriodWord(period.kind, period.index);
      const progress = count === 0 ? `${current}${subject}尚未${action}` : `${current}${subject}已${action} ${count} 次，还差 ${minimum - count} 次`;
      return `${progress}${window}，${formatDaysRemaining(daysRemaining!)}`;
    }
    case 'overdue':
      return count === 0 ? `${period.label}${subject}未${action}` : `${period.label}${subject}只${action} ${count} 次，少于规定的 ${minimum} 次`;
  }
}

// ---- Engine ------------------------------------------------------------------------------------

function heldBySecretary(record: ComplianceRecord, seats: readonly SecretarySeat[]): boolean {
  if (record.lecturerMemberId === null) return false;
  return seats.some(
    (seat) => seat.memberId === record.lecturerMemberId && seat.startsOn <= record.heldOn && (seat.endsOn === null || record.heldOn <= seat.endsOn),
  );
}

function emptySummary(): ComplianceSummary {
  return { done: 0, total: 0, due: 0, overdue: 0, upcoming: 0, notApplicable: 0 };
}

function tally(summary: ComplianceSummary, status: ComplianceStatus): void {
  summary[status] += 1;
  if (status !== 'notApplicable') summary.total += 1;
}

function skipReason(rule: EffectiveRule, hasCommittee: boolean): string | null {
  if (rule.disabled) return '本支部已停用这条规则';
  if (rule.kind === 'coverage') return `${rule.label}按谈话对象的覆盖面统计（每一对每年至少 1 次），不按次数统计，见谈心谈话覆盖表`;
  if (rule.condition === 'hasCommittee' && !hasCommittee) return '本支部未设支部委员会（只设书记），不召开支委会';
  return null;
}

/** Compliance of one year as of a date, per rule, per period and per 党小组. */
export function computeCompliance(input: ComplianceInput): ComplianceReport {
  const { pack, year, asOf } = input;
  const yearStart = formatIsoDate(year, 1, 1);
  const yearEnd = formatIsoDate(year, 12, 31);
  const yearRecords = input.records
    .filter((record) => record.heldOn >= yearStart && record.heldOn <= yearEnd && record.heldOn <= asOf)
    .sort((a, b) => (a.heldOn < b.heldOn ? -1 : a.heldOn > b.heldOn ? 1 : a.id - b.id));
  const branch: Existence = { from: input.branchFoundedOn, until: null };
  // Groups that existed at some point of the year get a row; the others are not part of this year.
  const groups = input.groups
    .filter((group) => (group.foundedOn === null || group.foundedOn <= yearEnd) && (group.dissolvedOn === null || group.dissolvedOn > yearStart))
    .sort((a, b) => a.id - b.id);

  const rules: RuleCompliance[] = [];
  const skipped: SkippedRule[] = [];
  const summary = emptySummary();

  for (const rule of pack.rules) {
    const skip = skipReason(rule, input.hasCommittee ?? true);
    if (skip) {
      skipped.push({ ruleId: rule.id, label: rule.label, reason: skip });
      continue;
    }
    const ofType = yearRecords.filter((record) => record.types.includes(rule.type));
    const matching = rule.scope === 'secretary' ? ofType.filter((record) => heldBySecretary(record, input.secretarySeats)) : ofType;
    const targets: { group: ComplianceGroup | null }[] = rule.scope === 'eachGroup' ? groups.map((group) => ({ group })) : [{ group: null }];
    const ruleSummary = emptySummary();
    const rows: ComplianceRow[] = targets.map(({ group }) => {
      const rowRecords = group ? matching.filter((record) => record.partyGroupId === group.id) : matching;
      const groupExistence = group ? { from: group.foundedOn, until: group.dissolvedOn, name: group.name } : null;
      const periods = periodsOfYear(rule.period, year).map((period): PeriodCompliance => {
        const inPeriod = rowRecords.filter((record) => record.heldOn >= period.start && record.heldOn <= period.end);
        const invalid = inPeriod.filter((record) => record.valid === false);
        const outsideWindow = rule.window ? inPeriod.filter((record) => !rule.window!.includes(Number(record.heldOn.slice(5, 7)))) : [];
        const reason = applicability(period, branch, groupExistence);
        const count = inPeriod.length;
        let status: ComplianceStatus;
        if (reason !== null) status = 'notApplicable';
        else if (count >= rule.minimum) status = 'done';
        else if (period.start > asOf) status = 'upcoming';
        else if (period.end >= asOf) status = 'due';
        else status = 'overdue';
        const daysRemaining = status === 'due' ? daysRemainingInPeriod(asOf, period.end) : null;
        tally(ruleSummary, status);
        return {
          ruleId: rule.id,
          groupId: group?.id ?? null,
          period,
          status,
          severity: rule.severity,
          count,
          minimum: rule.minimum,
          recordIds: inPeriod.map((record) => record.id),
          invalidRecordIds: invalid.map((record) => record.id),
          outsideWindowRecordIds: outsideWindow.map((record) => record.id),
          daysRemaining,
          reason,
          explanation: explain(rule, group?.name ?? null, period, status, count, invalid.length, daysRemaining, reason),
        };
      });
      return { groupId: group?.id ?? null, groupName: group?.name ?? null, periods };
    });
    for (const key of Object.keys(summary) as (keyof ComplianceSummary)[]) summary[key] += ruleSummary[key];
    rules.push({ rule, rows, summary: ruleSummary });
  }
  return { year, asOf, packId: pack.id, packVersion: pack.version, rules, skipped, summary };
}

export interface AttentionItem extends PeriodCompliance {
  label: string;
  groupName: string | null;
}

/**
 * What needs doing, for the dashboard: overdue periods first (oldest first), then due ones with the
 * fewest days left first; required rules before recommended ones within each.
 */
export function needsAttention(report: ComplianceReport): AttentionItem[] {
  const items: AttentionItem[] = [];
  for (const { rule, rows } of report.rules) {
    for (const row of rows) {
      for (const period of row.periods) {
        if (period.status === 'due' || period.status === 'overdue') items.push({ ...period, label: rule.label, groupName: row.groupName });
      }
    }
  }
  const rank = (item: AttentionItem) => (item.status === 'overdue' ? 0 : 1) * 2 + (item.severity === 'required' ? 0 : 1);
  return items.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.status === 'overdue' ? (a.period.end < b.period.end ? -1 : a.period.end > b.period.end ? 1 : 0) : a.daysRemaining! - b.daysRemaining!),
  );
}
