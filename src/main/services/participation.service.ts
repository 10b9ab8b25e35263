import type { z } from 'zod';
import { AppError } from '../../shared/contract/errors';
import type {
  ParticipationExportResult,
  ParticipationRow,
  ParticipationTotals,
  ParticipationWarnings,
  ParticipationYear,
  participationYearInput,
} from '../../shared/contract/participation';
import { todayIso } from '../../shared/domain/dates';
import { memberStateOn, type MemberEvent } from '../../shared/domain/memberHistory';
import {
  ACT_MONTHS,
  attendanceRate,
  computeParticipation,
  longestRunWithin,
  monthOf,
  REMIND_MONTHS,
  warningLevel,
  yearNote,
  type ParticipationRecord,
} from '../../shared/domain/participation';
import { buildParticipationXlsx } from '../documents/participation.xlsx';
import type { ServiceContext } from './context';
import type { MeetingsService } from './meetings.service';

type YearInput = z.output<typeof participationYearInput>;

const NO_BRANCH = '还没有建立支部，没有参加组织生活情况可统计。请先填写支部信息。';

/**
 * 参加组织生活情况 (issue 5, item 6): the store's records, with 应到 decided by the meetings service as
 * for every record (scope, dated histories, exclusions), fed to the pure rules in domain/participation.
 * A record that is only a 谈心谈话 is left out: its 应到 is the two people who talked, and a talk the
 * secretary holds with a member who has drifted away is the branch reaching out (what the warning asks
 * for), not the member taking part — counting it would silence the very warning it answers.
 */
export function createParticipationService({ store, clock }: ServiceContext, meetings: MeetingsService) {
  /** Every member's months from the first record (or `fromMonth`, if earlier) to `toMonth`, as of `asOf`. */
  function compute(toMonth: string, asOf: string, fromMonth: string) {
    const rows = store.participation.recordsUpTo(asOf).filter((record) => record.types.some((type) => type !== 'heartToHeartTalk'));
    const expected = meetings.expectedOfMany(
      rows.map((row) => ({ ...row, exclusions: row.excludedIds.map((memberId) => ({ memberId, reason: '' })), participants: row.marks.map((mark) => mark.memberId) })),
    );
    const records: ParticipationRecord[] = rows.map((row, i) => ({
      heldOn: row.heldOn,
      expected: expected[i].expected.map((person) => person.memberId),
      excluded: expected[i].excluded.map((person) => person.memberId),
      marks: row.marks,
    }));
    const first = rows.length > 0 ? monthOf(rows[0].heldOn) : fromMonth;
    const events = store.memberEvents.byMember();
    const members = store.members.all();
    const result = computeParticipation({
      members: members.map((member) => ({ id: member.id, events: events.get(member.id) ?? [], declaredCategory: member.category })),
      records,
      fromMonth: first < fromMonth ? first : fromMonth,
      toMonth,
      asOf,
    });
    return { members, events, result };
  }

  /** The 党小组 a member was in on `date` (or last was before it). */
  function groupNamesOn(date: string): (memberId: number) => string | null {
    const names = new Map(store.groups.list(true).map((group) => [group.id, group.name]));
    const memberships = store.groups.membershipsByMember();
    return (memberId) => {
      const held = (memberships.get(memberId) ?? []).filter((membership) => membership.fromOn === null || membership.fromOn <= date);
      const current = held.find((membership) => membership.toOn === null || membership.toOn > date) ?? held.at(-1);
      return current ? (names.get(current.groupId) ?? null) : null;
    };
  }

  function totalsOf(rows: readonly Pick<ParticipationTotals, 'expected' | 'present' | 'leave' | 'absent' | 'madeUp'>[]): ParticipationTotals {
    const sum = (pick: (row: (typeof rows)[number]) => number) => rows.reduce((total, row) => total + pick(row), 0);
    const expected = sum((row) => row.expected);
    const present = sum((row) => row.present);
    return { expected, present, leave: sum((row) => row.leave), absent: sum((row) => row.absent), madeUp: sum((row) => row.madeUp), rate: attendanceRate(present, expected) };
  }

  function year({ year }: YearInput): ParticipationYear {
    if (!store.branch.get()) throw new AppError('NOT_FOUND', NO_BRANCH);
    const today = todayIso(clock());
    const thisYear = Number(today.slice(0, 4));
    if (year > thisYear) {
      const message = `${year}年尚未到来，请选择 ${thisYear} 年或以前的年度`;
      throw new AppError('VALIDATION', `年度：${message}`, [{ path: 'year', label: '年度', message }]);
    }
    // Records up to today (a December meeting made up in January counts); who the member was, as of the year's end.
    const periodEnd = year === thisYear ? today : `${year}-12-31`;
    const { members, events, result } = compute(`${year}-12`, today, `${year}-01`);
    const groupOf = groupNamesOn(periodEnd);
    const from = `${year}-01`;
    const to = `${year}-12`;

    const rows: (ParticipationRow & { order: [number, number, string, number] })[] = [];
    for (const member of members) {
      const participation = result.get(member.id)!;
      const months = participation.cells.filter((cell) => cell.month >= from && cell.month <= to);
      if (!months.some((cell) => cell.kind !== 'notMember' && cell.kind !== 'future')) continue;
      const history: MemberEvent[] = events.get(member.id) ?? [];
      const state = memberStateOn(history, member.category, periodEnd);
      rows.push({
        memberId: member.id,
        name: member.name,
        category: state.category,
        partyGroupName: groupOf(member.id),
        belongs: state.belongs,
        months: months.map(({ month, kind, expected, present, leave, absent, madeUp }) => ({ month, kind, expected, present, leave, absent, madeUp })),
        totals: totalsOf(months),
        longestRun: longestRunWithin(participation.runs, from, to),
        currentRun: year === thisYear ? participation.currentRun : null,
        lastAttendedOn: participation.lastAttendedOn,
        note: yearNote(history, year),
        // The roster's order: members still in the branch first, 正式 before 预备, then by 入党时间.
        order: [Number(!state.belongs), Number(state.category === 'probationary'), state.admittedOn ?? '9999', member.id],
      });
    }
    rows.sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1] || a.order[2].localeCompare(b.order[2]) || a.order[3] - b.order[3]);
    return { year, asOf: today, rows: rows.map(({ order: _order, ...row }) => row), totals: totalsOf(rows.map((row) => row.totals)), duesRecorded: false };
  }

  return {
    year,

    /** Members in the branch today whose current run has reached 3 months (提醒) or 6 (需要处理). */
    warnings(): ParticipationWarnings {
      const asOf = todayIso(clock());
      const empty: ParticipationWarnings = { asOf, remindAt: REMIND_MONTHS, actAt: ACT_MONTHS, items: [], duesRecorded: false };
      if (!store.branch.get()) return empty;
      const { members, events, result } = compute(monthOf(asOf), asOf, monthOf(asOf));
      const groupOf = groupNamesOn(asOf);
      const items: ParticipationWarnings['items'] = [];
      for (const member of members) {
        const participation = result.get(member.id)!;
        const level = warningLevel(participation.currentRun);
        if (!level || !participation.currentRun) continue;
        const state = memberStateOn(events.get(member.id) ?? [], member.category, asOf);
        if (!state.belongs) continue;
        items.push({
          memberId: member.id,
          name: member.name,
          level,
          run: participation.currentRun,
          lastAttendedOn: participation.lastAttendedOn,
          partyGroupName: groupOf(member.id),
          flowing: state.flowing,
          lostContact: state.lostContact,
        });
      }
      items.sort((a, b) => b.run.months - a.run.months || a.run.from.localeCompare(b.run.from) || a.memberId - b.memberId);
      return { ...empty, items };
    },

    async exportXlsx(input: YearInput): Promise<ParticipationExportResult> {
      const branch = store.branch.get();
      if (!branch) throw new AppError('NOT_FOUND', NO_BRANCH);
      const sheet = year(input);
      const bytes = await buildParticipationXlsx({ branchName: branch.name, sheet, createdAt: clock() });
      return { fileName: `党员年度参加组织生活情况_${input.year}年.xlsx`, contentBase64: bytes.toString('base64'), rowCount: sheet.rows.length };
    },
  };
}

export type ParticipationService = ReturnType<typeof createParticipationService>;
