import { addMonths } from './dates';
import type { MemberCategory } from './member';
import { MEMBER_EVENT_LABELS, type MemberEvent, type MemberEventKind } from './memberHistory';
import type { AttendanceStatus } from './meetingTypes';
import { memberStateTimeline } from './memberTimeline';

// 党员参加组织生活情况 (issue 5, item 6; DOMAIN §5): for each member and each calendar month, did they
// take part in the organisational life they were expected at, and how long have they gone without it.
// DOMAIN §5: "Six consecutive months without organisational life or dues, without good reason, counts
// as leaving the party (自行脱党): warn at 3 months, flag at 6." Dues are not recorded yet, so the runs
// below count organisational life only (the UI and the sheet say so).
//
// Decisions, each from DOMAIN:
// - 补学 counts as taking part. DOMAIN §4: "Absent members catch up (补学/补课): who relayed the content,
//   when, how" — the branch relayed that meeting's content to the member and recorded it, so the member
//   did take part in the branch's life that month; someone who catches up is the opposite of a member
//   drifting away (自行脱党). The sheet still shows 补 rather than ✓ and 实际参加 counts only 出席, so an
//   inspector sees the difference. The makeup credits the month of the meeting it makes up for.
// - 请假 (leave, always with a kind and usually a reason, DOMAIN §4) is a good reason: an excused month
//   does not count toward the 3/6-month run. It does not end the run either — only taking part does —
//   so a member who skips three months, asks leave once, and skips three more has six months without
//   organisational life and no good reason for them.
// - A month with no meeting the member was expected at is no fault of the member (the branch's gap
//   shows in 落实情况), so it neither counts nor ends the run; likewise a month where the record does
//   not mark the member at all (未登记) and a month where the member was excluded from 应到 with
//   higher-level consent (DOMAIN §3: long illness, abroad…, itself a good reason).
// - A month with both 请假 and 缺席 and no attendance counts as 缺席: one unexcused absence is enough to
//   have gone without organisational life that month without good reason.
// - Leaving the branch (转出, 停止党籍…) ends a run; a member who comes back starts afresh. A month
//   counts as a member's when they belonged to the branch on at least one day of it.

/** How a member stood in one month. */
export type MonthKind = 'attended' | 'madeUp' | 'excused' | 'absent' | 'unrecorded' | 'exempted' | 'noMeeting' | 'notMember' | 'future';

/** The grid's symbols: ✓ 出席, 补 补学, 假 请假, ✗ 缺席, · 无会议, blank 非本支部党员. */
export const MONTH_SYMBOLS: Record<MonthKind, string> = {
  attended: '✓',
  madeUp: '补',
  excused: '假',
  absent: '✗',
  unrecorded: '？',
  exempted: '免',
  noMeeting: '·',
  notMember: '',
  future: '',
};

export const MONTH_KIND_LABELS: Record<MonthKind, string> = {
  attended: '出席',
  madeUp: '缺席或请假后已补学',
  excused: '请假',
  absent: '缺席',
  unrecorded: '记录中未登记其出勤',
  exempted: '经批准不计入应到',
  noMeeting: '无应参加的会议',
  notMember: '非本支部党员',
  future: '尚未到',
};

/** Where the warnings start: 3 months → 提醒, 6 months → 需要处理 (DOMAIN §5). */
export const REMIND_MONTHS = 3;
export const ACT_MONTHS = 6;
export type WarningLevel = 'remind' | 'act';
export const WARNING_LEVEL_LABELS: Record<WarningLevel, string> = { remind: '提醒', act: '需要处理' };

export const DUES_NOT_RECORDED = '党费记录尚未接入，仅按组织生活计算';

/** One record as participation needs it: who was expected (应到) on its date, who was excluded, and the marks. */
export interface ParticipationRecord {
  heldOn: string;
  /** 应到 on the meeting date (the meetings service decides: scope, history, exclusions). */
  expected: readonly number[];
  /** Excluded from 应到 with higher-level consent. */
  excluded: readonly number[];
  marks: readonly { memberId: number; status: AttendanceStatus; makeupOn: string | null }[];
}

export interface ParticipationMember {
  id: number;
  events: readonly MemberEvent[];
  declaredCategory: MemberCategory;
}

/** Counts of one member's expected records in a month. */
export interface MonthTally {
  expected: number;
  present: number;
  leave: number;
  absent: number;
  /** Of leave + absent, made up since (补学). */
  madeUp: number;
  /** Expected but not marked in the record. */
  unmarked: number;
  excluded: number;
}

export interface MonthCell extends MonthTally {
  /** YYYY-MM */
  month: string;
  kind: MonthKind;
}

/** A run of months without organisational life: `months` counted, from the first to the last such month (YYYY-MM). */
export interface AbsenceRun {
  months: number;
  from: string;
  to: string;
}

export interface MemberParticipation {
  memberId: number;
  cells: MonthCell[];
  /** The last date the member was present at (or made up) a record they were expected at. */
  lastAttendedOn: string | null;
  /** Every run, oldest first (each with at least one counted month). */
  runs: AbsenceRun[];
  /** The run still open at `asOf` (not ended by taking part or leaving), if any. */
  currentRun: AbsenceRun | null;
}

export const monthOf = (date: string) => date.slice(0, 7);
export const nextMonth = (month: string) => addMonths(`${month}-01`, 1).slice(0, 7);

/** YYYY-MM from `from` to `to`, inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = from; month <= to; month = nextMonth(month)) months.push(month);
  return months;
}

const emptyTally = (): MonthTally => ({ expected: 0, present: 0, leave: 0, absent: 0, madeUp: 0, unmarked: 0, excluded: 0 });

export function kindOf(tally: MonthTally, member: boolean): Exclude<MonthKind, 'future'> {
  if (!member) return 'notMember';
  if (tally.present > 0) return 'attended';
  if (tally.madeUp > 0) return 'madeUp';
  if (tally.absent > 0) return 'absent';
  if (tally.leave > 0) return 'excused';
  if (tally.unmarked > 0) return 'unrecorded';
  if (tally.excluded > 0) return 'exempted';
  return 'noMeeting';
}

const TAKES_PART: MonthKind[] = ['attended', 'madeUp'];

/**
 * Each member's months from `fromMonth` to `toMonth` (months after `asOf` are 'future'), in one pass
 * over the records. Records after `asOf` are ignored.
 */
export function computeParticipation(input: {
  members: readonly ParticipationMember[];
  records: readonly ParticipationRecord[];
  fromMonth: string;
  toMonth: string;
  asOf: string;
}): Map<number, MemberParticipation> {
  const months = monthsBetween(input.fromMonth, input.toMonth);
  const index = new Map(months.map((month, i) => [month, i]));
  const tallies = new Map<number, MonthTally[]>();
  const lastAttended = new Map<number, string>();
  for (const member of input.members) tallies.set(member.id, months.map(emptyTally));

  for (const record of input.records) {
    if (record.heldOn > input.asOf) continue;
    const at = index.get(monthOf(record.heldOn));
    if (at === undefined) continue;
    const marks = new Map(record.marks.map((mark) => [mark.memberId, mark]));
    for (const memberId of record.expected) {
      const tally = tallies.get(memberId)?.[at];
      if (!tally) continue;
      tally.expected += 1;
      const mark = marks.get(memberId);
      if (!mark) {
        tally.unmarked += 1;
        continue;
      }
      if (mark.status === 'present') tally.present += 1;
      else if (mark.status === 'leave') tally.leave += 1;
      else tally.absent += 1;
      const madeUp = mark.status !== 'present' && mark.makeupOn !== null && mark.makeupOn <= input.asOf;
      if (madeUp) tally.madeUp += 1;
      const attendedOn = mark.status === 'present' ? record.heldOn : madeUp ? mark.makeupOn! : null;
      if (attendedOn && attendedOn > (lastAttended.get(memberId) ?? '')) lastAttended.set(memberId, attendedOn);
    }
    for (const memberId of record.excluded) {
      const tally = tallies.get(memberId)?.[at];
      if (tally) tally.excluded += 1;
    }
  }

  const asOfMonth = monthOf(input.asOf);
  const result = new Map<number, MemberParticipation>();
  for (const member of input.members) {
    const belongs = monthlyMembership(member, months);
    const cells = months.map((month, i): MonthCell => ({ month, kind: month > asOfMonth ? 'future' : kindOf(tallies.get(member.id)![i], belongs[i]), ...tallies.get(member.id)![i] }));
    const { runs, open } = absenceRuns(cells);
    result.set(member.id, { memberId: member.id, cells, lastAttendedOn: lastAttended.get(member.id) ?? null, runs, currentRun: open });
  }
  return result;
}

/** Whether the member belonged to the branch on at least one day of each month. */
export function monthlyMembership(member: ParticipationMember, months: readonly string[]): boolean[] {
  const stateOn = memberStateTimeline(member.events, member.declaredCategory);
  const eventMonths = new Map<string, string[]>();
  for (const event of member.events) {
    const month = monthOf(event.occurredOn);
    eventMonths.set(month, [...(eventMonths.get(month) ?? []), event.occurredOn]);
  }
  return months.map((month) => stateOn(`${month}-01`).belongs || (eventMonths.get(month) ?? []).some((date) => stateOn(date).belongs));
}

/**
 * The runs of months without organisational life, by the rules at the top of this file: 缺席 counts,
 * taking part (出席 or 补学) or not belonging ends the run, every other month is passed over.
 */
export function absenceRuns(cells: readonly Pick<MonthCell, 'month' | 'kind'>[]): { runs: AbsenceRun[]; open: AbsenceRun | null } {
  const runs: AbsenceRun[] = [];
  let current: AbsenceRun | null = null;
  for (const cell of cells) {
    if (cell.kind === 'future') break;
    if (TAKES_PART.includes(cell.kind) || cell.kind === 'notMember') current = null;
    else if (cell.kind === 'absent') {
      if (current) {
        current.months += 1;
        current.to = cell.month;
      } else {
        current = { months: 1, from: cell.month, to: cell.month };
        runs.push(current);
      }
    }
  }
  return { runs, open: current };
}

/** The longest run with a month in [fromMonth, toMonth], counted whole (a run from last year's autumn counts its autumn months too). */
export function longestRunWithin(runs: readonly AbsenceRun[], fromMonth: string, toMonth: string): AbsenceRun | null {
  let longest: AbsenceRun | null = null;
  for (const run of runs) {
    if (run.to < fromMonth || run.from > toMonth) continue;
    if (!longest || run.months > longest.months) longest = run;
  }
  return longest;
}

export function warningLevel(run: AbsenceRun | null): WarningLevel | null {
  if (!run) return null;
  if (run.months >= ACT_MONTHS) return 'act';
  if (run.months >= REMIND_MONTHS) return 'remind';
  return null;
}

/** 出席 ÷ 应参加, or null when nothing was expected. */
export const attendanceRate = (present: number, expected: number): number | null => (expected > 0 ? present / expected : null);

const NOTED_EVENTS: MemberEventKind[] = ['admitted', 'transferredIn', 'transferredOut', 'flowedOut', 'flowedBack', 'lostContact', 'contactRestored', 'membershipStopped', 'deceased'];

/** What explains blank or unusual months in a year: 入党, 转入/转出, 流动, 失联… with their dates (M月D日). */
export function yearNote(events: readonly MemberEvent[], year: number): string | null {
  const notes = events
    .filter((event) => NOTED_EVENTS.includes(event.kind) && event.occurredOn.startsWith(`${year}-`))
    .sort((a, b) => (a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : 0))
    .map((event) => `${Number(event.occurredOn.slice(5, 7))}月${Number(event.occurredOn.slice(8, 10))}日${shortLabel(event.kind)}`);
  return notes.length > 0 ? notes.join('；') : null;
}

function shortLabel(kind: MemberEventKind): string {
  return kind === 'admitted' ? '入党' : MEMBER_EVENT_LABELS[kind];
}
