import { describe, expect, it } from 'vitest';
import type { MemberEvent } from '../../src/shared/domain/memberHistory';
import {
  absenceRuns,
  computeParticipation,
  longestRunWithin,
  monthsBetween,
  warningLevel,
  yearNote,
  type MonthKind,
  type ParticipationMember,
  type ParticipationRecord,
} from '../../src/shared/domain/participation';

const A = 1;
const B = 2;

const member = (id: number, events: MemberEvent[] = [{ kind: 'admitted', occurredOn: '2010-07-01' }]): ParticipationMember => ({ id, events, declaredCategory: 'full' });

type Mark = 'present' | 'leave' | 'absent' | 'makeup' | 'unmarked';

/** A record on `heldOn` expecting the members in `marks` (unless `expected` says otherwise). */
function record(heldOn: string, marks: Record<number, Mark>, extra: { excluded?: number[]; makeupOn?: string } = {}): ParticipationRecord {
  const entries = Object.entries(marks).map(([id, mark]) => [Number(id), mark] as const);
  return {
    heldOn,
    expected: entries.map(([id]) => id),
    excluded: extra.excluded ?? [],
    marks: entries
      .filter(([, mark]) => mark !== 'unmarked')
      .map(([memberId, mark]) => ({
        memberId,
        status: mark === 'makeup' ? ('absent' as const) : (mark as 'present' | 'leave' | 'absent'),
        makeupOn: mark === 'makeup' ? (extra.makeupOn ?? heldOn) : null,
      })),
  };
}

function kinds(records: ParticipationRecord[], options: { members?: ParticipationMember[]; from?: string; to?: string; asOf?: string; id?: number } = {}) {
  const result = computeParticipation({
    members: options.members ?? [member(A), member(B)],
    records,
    fromMonth: options.from ?? '2025-01',
    toMonth: options.to ?? '2025-12',
    asOf: options.asOf ?? '2025-12-31',
  });
  return result.get(options.id ?? A)!;
}

const kindList = (cells: { kind: MonthKind }[]) => cells.map((cell) => cell.kind);

/** Monthly records where member A is marked `marks[i]` in month i+1 of 2025 (B always present). */
function monthly(marks: (Mark | null)[], year = 2025): ParticipationRecord[] {
  return marks.flatMap((mark, i) => (mark ? [record(`${year}-${String(i + 1).padStart(2, '0')}-15`, { [A]: mark, [B]: 'present' })] : []));
}

describe('participation per month', () => {
  it('tells attended, excused, absent, made up and no meeting apart', () => {
    const p = kinds(monthly(['present', 'leave', 'absent', 'makeup', null, 'unmarked']), { to: '2025-06' });
    expect(kindList(p.cells)).toEqual(['attended', 'excused', 'absent', 'madeUp', 'noMeeting', 'unrecorded']);
    expect(p.cells[3]).toMatchObject({ expected: 1, absent: 1, madeUp: 1, present: 0 });
  });

  it('counts a month attended when present at one of several records, whatever the others say', () => {
    const p = kinds([record('2025-03-05', { [A]: 'absent' }), record('2025-03-20', { [A]: 'present' }), record('2025-03-25', { [A]: 'leave' })], { to: '2025-03' });
    expect(p.cells[2]).toMatchObject({ kind: 'attended', expected: 3, present: 1, leave: 1, absent: 1 });
  });

  it('counts a month with both 请假 and 缺席 (no attendance) as 缺席', () => {
    const p = kinds([record('2025-01-05', { [A]: 'leave' }), record('2025-01-20', { [A]: 'absent' })], { to: '2025-01' });
    expect(p.cells[0].kind).toBe('absent');
  });

  it('marks months before joining and after leaving as not a member; the joining and leaving months are the member’s', () => {
    const joinedMidMonth = member(A, [
      { kind: 'transferredIn', occurredOn: '2025-03-20' },
      { kind: 'transferredOut', occurredOn: '2025-08-10' },
    ]);
    // The March record was before the member arrived, so they were not expected at it.
    const records = [record('2025-03-05', { [B]: 'present' }), record('2025-04-15', { [A]: 'present', [B]: 'present' }), record('2025-08-05', { [A]: 'absent', [B]: 'present' })];
    const p = kinds(records, { members: [joinedMidMonth, member(B)] });
    expect(kindList(p.cells)).toEqual(['notMember', 'notMember', 'noMeeting', 'attended', 'noMeeting', 'noMeeting', 'noMeeting', 'absent', 'notMember', 'notMember', 'notMember', 'notMember']);
  });

  it('treats a member who left on the first of a month as belonging that day, and not the month after', () => {
    const left = member(A, [
      { kind: 'admitted', occurredOn: '2010-07-01' },
      { kind: 'membershipStopped', occurredOn: '2025-05-01' },
    ]);
    const p = kinds([], { members: [left], to: '2025-06' });
    // memberStateOn counts the event's own day as after it: on 1 May the member is already stopped.
    expect(kindList(p.cells).slice(3)).toEqual(['noMeeting', 'notMember', 'notMember']);
  });

  it('shows months after today as future and ignores records after today', () => {
    const p = kinds(monthly(['present', 'absent', 'absent']), { asOf: '2025-02-20' });
    expect(kindList(p.cells).slice(0, 4)).toEqual(['attended', 'absent', 'future', 'future']);
  });

  it('counts a month exempted when the member was excluded from 应到 with consent', () => {
    const excluded: ParticipationRecord = { heldOn: '2025-01-10', expected: [B], excluded: [A], marks: [{ memberId: B, status: 'present', makeupOn: null }] };
    expect(kinds([excluded], { to: '2025-01' }).cells[0].kind).toBe('exempted');
  });

  it('keeps the last date the member took part: 出席 on the meeting date, 补学 on the makeup date', () => {
    expect(kinds(monthly(['present', 'absent'])).lastAttendedOn).toBe('2025-01-15');
    expect(kinds([record('2025-01-15', { [A]: 'present' }), record('2025-02-15', { [A]: 'makeup' }, { makeupOn: '2025-03-02' })]).lastAttendedOn).toBe('2025-03-02');
    expect(kinds(monthly(['absent'])).lastAttendedOn).toBeNull();
  });

  it('does not count a 补学 dated after today', () => {
    const p = kinds([record('2025-01-15', { [A]: 'makeup' }, { makeupOn: '2025-02-10' })], { asOf: '2025-01-31', to: '2025-01' });
    expect(p.cells[0].kind).toBe('absent');
  });

  it('ignores marks of members the record did not expect', () => {
    const stray: ParticipationRecord = { heldOn: '2025-01-10', expected: [B], excluded: [], marks: [{ memberId: A, status: 'present', makeupOn: null }] };
    expect(kinds([stray], { to: '2025-01' }).cells[0].kind).toBe('noMeeting');
  });
});

describe('runs without organisational life', () => {
  it('reaches exactly 3 and exactly 6 months', () => {
    const three = kinds(monthly(['present', 'absent', 'absent', 'absent']), { asOf: '2025-04-30' });
    expect(three.currentRun).toEqual({ months: 3, from: '2025-02', to: '2025-04' });
    expect(warningLevel(three.currentRun)).toBe('remind');

    const two = kinds(monthly(['present', 'absent', 'absent']), { asOf: '2025-03-31' });
    expect(warningLevel(two.currentRun)).toBeNull();

    const five = kinds(monthly(['present', 'absent', 'absent', 'absent', 'absent', 'absent']), { asOf: '2025-06-30' });
    expect(five.currentRun?.months).toBe(5);
    expect(warningLevel(five.currentRun)).toBe('remind');

    const six = kinds(monthly(['present', 'absent', 'absent', 'absent', 'absent', 'absent', 'absent']), { asOf: '2025-07-31' });
    expect(six.currentRun).toEqual({ months: 6, from: '2025-02', to: '2025-07' });
    expect(warningLevel(six.currentRun)).toBe('act');
  });

  it('counts a run across the new year', () => {
    const records = [...monthly([null, null, null, null, null, null, null, null, 'present', 'absent', 'absent', 'absent'], 2024), ...monthly(['absent', 'absent', 'present'], 2025)];
    const p = kinds(records, { from: '2024-01', to: '2025-12', asOf: '2025-12-31' });
    expect(p.runs).toEqual([{ months: 5, from: '2024-10', to: '2025-02' }]);
    expect(p.currentRun).toBeNull();
    expect(longestRunWithin(p.runs, '2025-01', '2025-12')).toEqual({ months: 5, from: '2024-10', to: '2025-02' });
    expect(longestRunWithin(p.runs, '2023-01', '2023-12')).toBeNull();
  });

  it('keeps a run open through months with no meeting, and ends it with 出席', () => {
    const open = kinds(monthly(['absent', 'absent', null, null, 'absent']), { asOf: '2025-08-31' });
    expect(open.currentRun).toEqual({ months: 3, from: '2025-01', to: '2025-05' });
    const ended = kinds(monthly(['absent', 'absent', 'absent', 'present']), { asOf: '2025-08-31' });
    expect(ended.currentRun).toBeNull();
    expect(ended.runs).toEqual([{ months: 3, from: '2025-01', to: '2025-03' }]);
  });

  it('does not count 请假 toward the run, nor let it end the run', () => {
    const leave = kinds(monthly(['present', 'leave', 'leave', 'leave', 'leave', 'leave', 'leave', 'leave']), { asOf: '2025-08-31' });
    expect(leave.currentRun).toBeNull();
    const mixed = kinds(monthly(['absent', 'absent', 'absent', 'leave', 'absent', 'absent', 'absent']), { asOf: '2025-07-31' });
    expect(mixed.currentRun).toEqual({ months: 6, from: '2025-01', to: '2025-07' });
  });

  it('counts 补学 as taking part: it ends the run', () => {
    const p = kinds(monthly(['absent', 'absent', 'makeup', 'absent', 'absent']), { asOf: '2025-05-31' });
    expect(p.runs.map((run) => run.months)).toEqual([2, 2]);
    expect(p.currentRun?.months).toBe(2);
  });

  it('ends the run when the member leaves; coming back starts afresh', () => {
    const away = member(A, [
      { kind: 'admitted', occurredOn: '2010-07-01' },
      { kind: 'transferredOut', occurredOn: '2025-03-10' },
      { kind: 'transferredIn', occurredOn: '2025-06-10' },
    ]);
    const records = [record('2025-01-15', { [A]: 'absent' }), record('2025-02-15', { [A]: 'absent' }), record('2025-03-05', { [A]: 'absent' }), record('2025-07-15', { [A]: 'absent' })];
    const p = kinds(records, { members: [away], asOf: '2025-07-31' });
    expect(kindList(p.cells).slice(0, 7)).toEqual(['absent', 'absent', 'absent', 'notMember', 'notMember', 'noMeeting', 'absent']);
    expect(p.runs).toEqual([
      { months: 3, from: '2025-01', to: '2025-03' },
      { months: 1, from: '2025-07', to: '2025-07' },
    ]);
    expect(p.currentRun?.months).toBe(1);
  });

  it('finds runs from cells alone, stopping at future months', () => {
    const cells = (['absent', 'absent', 'future', 'absent'] as MonthKind[]).map((kind, i) => ({ kind, month: `2025-0${i + 1}` }));
    expect(absenceRuns(cells)).toEqual({ runs: [{ months: 2, from: '2025-01', to: '2025-02' }], open: { months: 2, from: '2025-01', to: '2025-02' } });
  });
});

describe('helpers', () => {
  it('lists months across a year end', () => {
    expect(monthsBetween('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
  });

  it('notes the year’s 入党, 转入, 转出 and 流动 with dates', () => {
    const events: MemberEvent[] = [
      { kind: 'transferredIn', occurredOn: '2025-03-20' },
      { kind: 'admitted', occurredOn: '2019-06-01' },
      { kind: 'flowedOut', occurredOn: '2025-09-01', detail: '杭州' },
      { kind: 'confirmed', occurredOn: '2025-06-01' },
    ];
    expect(yearNote(events, 2025)).toBe('3月20日组织关系转入；9月1日外出流动');
    expect(yearNote(events, 2024)).toBeNull();
  });
});
