import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlanItem } from '../../src/shared/domain/annualPlan';
import type { MeetingType } from '../../src/shared/domain/meetingTypes';
import { periodAround, plannedForAttention, planProgress, planRecordLink, typePeriods, type PlanRecord } from '../../src/shared/domain/planProgress';
import { applyOverrides, parseRulePack, type EffectivePack, type RulePeriod } from '../../src/shared/domain/rulePacks';

function pack(file: string): EffectivePack {
  const parsed = parseRulePack(file, JSON.parse(readFileSync(join(__dirname, '../../seeds/rulePacks', file), 'utf8')));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const applied = applyOverrides(parsed.value, []);
  if (!applied.ok) throw new Error(applied.errors.join('\n'));
  return applied.value;
}

const PERIODS = typePeriods(pack('national.json'));

function item(plannedOn: string, types: MeetingType[], partyGroupId: number | null = null): PlanItem {
  return { plannedOn, types, partyGroupId, topic: `计划：${types.join('+')}`, owner: '' };
}

let nextId = 1;
function record(heldOn: string, types: MeetingType[], partyGroupId: number | null = null): PlanRecord {
  return { id: nextId++, heldOn, types, partyGroupId, topic: `记录 ${heldOn}` };
}

describe('the period an item stands for', () => {
  it('takes each type’s shortest rule in force, a year when no rule names it', () => {
    expect(PERIODS).toMatchObject({ committeeMeeting: 'month', memberAssembly: 'quarter', groupMeeting: 'month', themedPartyDay: 'month', orgLifeMeeting: 'year' });
    expect(PERIODS.partyLecture).toBe('year');
    // 浙江机关: a quarterly branch 党课 and a yearly 书记 one — the quarter.
    expect(typePeriods(pack('zhejiang-organs.json')).partyLecture).toBe('quarter');
    expect(typePeriods({ rules: [] }).committeeMeeting).toBe('year');
  });

  it.each<[RulePeriod, string, string, string]>([
    ['month', '2024-02-10', '2024-02-01', '2024-02-29'],
    ['quarter', '2026-05-31', '2026-04-01', '2026-06-30'],
    ['quarter', '2026-12-31', '2026-10-01', '2026-12-31'],
    ['halfYear', '2026-07-01', '2026-07-01', '2026-12-31'],
    ['year', '2026-03-03', '2026-01-01', '2026-12-31'],
  ])('%s around %s is %s – %s', (kind, iso, start, end) => {
    expect(periodAround(kind, iso)).toEqual({ start, end });
  });
});

describe('planProgress', () => {
  it('a record in the same month makes a monthly item held; one in the next month does not', () => {
    const items = [item('2026-05-25', ['committeeMeeting']), item('2026-06-18', ['committeeMeeting'])];
    const may = record('2026-05-31', ['committeeMeeting']);
    const july = record('2026-07-01', ['committeeMeeting']);
    const [first, second] = planProgress(items, [may, july], PERIODS, '2026-07-02');
    expect(first).toEqual({ status: 'held', record: { id: may.id, heldOn: '2026-05-31', topic: '记录 2026-05-31' }, missingTypes: [] });
    // June ended with no 支委会: the July record is July's, not June's.
    expect(second).toEqual({ status: 'missed', record: null, missingTypes: ['committeeMeeting'] });
  });

  it('a quarterly item is held by a record in another month of its quarter, not of the next quarter', () => {
    const items = [item('2026-05-25', ['memberAssembly']), item('2026-08-25', ['memberAssembly'])];
    const april = record('2026-04-02', ['memberAssembly']);
    const october = record('2026-10-01', ['memberAssembly']);
    const [q2, q3] = planProgress(items, [april, october], PERIODS, '2026-10-10');
    expect(q2.status).toBe('held');
    expect(q2.record?.id).toBe(april.id);
    expect(q3.status).toBe('missed');
  });

  it('the day passed with the period still open is 本期待开展; a day ahead is 待开展, today included', () => {
    const items = [item('2026-05-25', ['memberAssembly']), item('2026-06-25', ['committeeMeeting']), item('2026-06-26', ['committeeMeeting'])];
    expect(planProgress(items, [], PERIODS, '2026-06-26').map((progress) => progress.status)).toEqual(['due', 'due', 'upcoming']);
    // The last day of the quarter is still in it; the day after, it is missed.
    expect(planProgress(items, [], PERIODS, '2026-06-30')[0].status).toBe('due');
    expect(planProgress(items, [], PERIODS, '2026-07-01').map((progress) => progress.status)).toEqual(['missed', 'missed', 'missed']);
  });

  it('a 党小组会 needs its own group’s record', () => {
    const items = [item('2026-03-15', ['groupMeeting'], 1), item('2026-03-15', ['groupMeeting'], 2)];
    const other = record('2026-03-16', ['groupMeeting'], 2);
    const [first, second] = planProgress(items, [other], PERIODS, '2026-04-02');
    expect(first).toMatchObject({ status: 'missed', record: null });
    expect(second).toMatchObject({ status: 'held', record: { id: other.id } });
  });

  it('two items of a type in one month need two records, each taking the closer one', () => {
    const items = [item('2026-09-05', ['committeeMeeting']), item('2026-09-25', ['committeeMeeting'])];
    const early = record('2026-09-04', ['committeeMeeting']);
    const late = record('2026-09-28', ['committeeMeeting']);
    expect(planProgress(items, [late, early], PERIODS, '2026-10-01').map((progress) => progress.record?.id)).toEqual([early.id, late.id]);
    // Only one record: the closer item has it, the other is still open.
    expect(planProgress(items, [late], PERIODS, '2026-09-29').map((progress) => progress.status)).toEqual(['due', 'held']);
  });

  it('of two records for one item, the closest by date is shown', () => {
    const items = [item('2026-09-25', ['themedPartyDay'])];
    const first = record('2026-09-01', ['themedPartyDay']);
    const closest = record('2026-09-22', ['themedPartyDay']);
    expect(planProgress(items, [first, closest], PERIODS, '2026-10-01')[0].record?.id).toBe(closest.id);
  });

  it('a combined event is held only when every type has a record; one record can hold it all', () => {
    const items = [item('2026-06-25', ['memberAssembly', 'partyLecture', 'themedPartyDay'])];
    const themed = record('2026-06-25', ['themedPartyDay']);
    const [part] = planProgress(items, [themed], PERIODS, '2026-06-28');
    expect(part).toEqual({ status: 'due', record: { id: themed.id, heldOn: '2026-06-25', topic: '记录 2026-06-25' }, missingTypes: ['memberAssembly', 'partyLecture'] });
    expect(planRecordLink(items[0], part.missingTypes).query.type).toBe('memberAssembly,partyLecture');
    const all = record('2026-06-24', ['themedPartyDay', 'memberAssembly', 'partyLecture']);
    expect(planProgress(items, [all], PERIODS, '2026-06-28')[0]).toMatchObject({ status: 'held', record: { id: all.id }, missingTypes: [] });
  });

  it('a record with no matching type, or none at all (a deleted record is not listed), leaves the item open', () => {
    const items = [item('2026-02-25', ['themedPartyDay'])];
    expect(planProgress(items, [record('2026-02-25', ['committeeMeeting'])], PERIODS, '2026-02-26')[0]).toMatchObject({ status: 'due', record: null });
    expect(planProgress(items, [], PERIODS, '2026-03-01')[0].status).toBe('missed');
  });
});

describe('planned items on 首页', () => {
  const items = [
    item('2026-10-28', ['committeeMeeting']),
    item('2026-11-03', ['committeeMeeting']),
    item('2026-11-10', ['groupMeeting'], 2),
    item('2026-11-20', ['themedPartyDay']),
    item('2026-12-22', ['memberAssembly']),
    item('2026-12-23', ['orgLifeMeeting']),
  ];
  it('lists what is not held from the first of this month to 30 days ahead', () => {
    const held = record('2026-11-10', ['groupMeeting'], 2);
    const progress = planProgress(items, [held], PERIODS, '2026-11-22');
    // 10-28 is last month's (missed, shown by the obligations); 11-10 is held; 12-23 is 31 days ahead.
    expect(plannedForAttention(items, progress, '2026-11-22')).toEqual([1, 3, 4]);
  });

  it('fills the new record with the types, 党小组, day and topic', () => {
    expect(planRecordLink(items[2])).toEqual({ path: '/meetings/new', query: { type: 'groupMeeting', group: '2', date: '2026-11-10', topic: '计划：groupMeeting' } });
  });
});
