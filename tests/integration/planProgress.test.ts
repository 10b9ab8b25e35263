import { describe, expect, it } from 'vitest';
import type { HomeAttention } from '../../src/shared/contract/home';
import type { MeetingRecord } from '../../src/shared/contract/meetings';
import type { AnnualPlan } from '../../src/shared/contract/plans';
import type { PlanItem } from '../../src/shared/domain/annualPlan';
import type { MeetingType } from '../../src/shared/domain/meetingTypes';
import { call, fixedClock, tempCore } from '../helpers/tempCore';

// 年度计划 against the records (issue 5 item 5): plans:get says which planned items were held (with
// the record), and home:attention lists the next 30 days' items not held yet, each with 登记.

const THEMED_DAY = { kind: 'dayOfMonth', day: 25 };

async function demoAt(iso: string) {
  const clock = fixedClock(iso);
  const core = tempCore({ clock });
  await call(core, 'demo:create');
  const groups = await call<{ id: number; name: string }[]>(core, 'groups:list');
  return { core, clock, groups: groups.map((group) => group.id) };
}

function item(plannedOn: string, types: MeetingType[], topic: string, partyGroupId: number | null = null): PlanItem {
  return { plannedOn, types, partyGroupId, topic, owner: '陈建华' };
}

const record = (types: MeetingType[], heldOn: string, topic: string, partyGroupId: number | null = null) => ({ types, heldOn, topic, partyGroupId });

describe('a saved plan against the records', () => {
  it('plans:get gives each item its status and record; home:attention lists what is ahead or passed this month', async () => {
    const { core, clock, groups } = await demoAt('2026-11-22T10:00:00');
    const [first, second] = groups;
    const items = [
      item('2026-08-25', ['memberAssembly'], '三季度党员大会'),
      item('2026-10-15', ['groupMeeting'], '第二党小组学习', second),
      item('2026-10-23', ['committeeMeeting'], '研究十月工作'),
      item('2026-11-10', ['themedPartyDay'], '十一月主题党日：参观红色教育基地'),
      item('2026-11-25', ['committeeMeeting'], '研究年终工作'),
      item('2026-12-18', ['memberAssembly', 'orgLifeMeeting'], '召开组织生活会'),
      item('2026-12-28', ['democraticReview'], '民主评议党员'),
    ];
    await call(core, 'plans:save', { year: 2026, themedDay: THEMED_DAY, items });

    // 党员大会 in July (same quarter as the planned August); the 党小组会 was the other group's;
    // a 支委会 in October; a 主题党日 on 11-09 entered and then deleted.
    const assembly = await call<MeetingRecord>(core, 'meetings:create', record(['memberAssembly'], '2026-07-10', '学习全会精神'));
    await call(core, 'meetings:create', record(['groupMeeting'], '2026-10-14', '第一党小组学习', first));
    const committee = await call<MeetingRecord>(core, 'meetings:create', record(['committeeMeeting'], '2026-10-20', '研究十月工作'));
    const deleted = await call<MeetingRecord>(core, 'meetings:create', record(['themedPartyDay'], '2026-11-09', '主题党日'));
    await call(core, 'meetings:delete', { id: deleted.id });

    const plan = await call<AnnualPlan>(core, 'plans:get', { year: 2026 });
    expect(plan.items).toEqual(items);
    expect(plan.progress.map((progress) => progress.status)).toEqual(['held', 'missed', 'held', 'due', 'upcoming', 'upcoming', 'upcoming']);
    expect(plan.progress[0].record).toEqual({ id: assembly.id, heldOn: '2026-07-10', topic: '学习全会精神' });
    expect(plan.progress[2].record?.id).toBe(committee.id);
    expect(plan.progress[3]).toEqual({ status: 'due', record: null, missingTypes: ['themedPartyDay'] });

    const attention = await call<HomeAttention>(core, 'home:attention');
    expect(attention.plan).toMatchObject({ year: 2026, saved: true, suggest: false, link: { path: '/meetings/plan', query: { year: '2026' } } });
    // 12-28 is 36 days ahead; held and October items are not listed.
    expect(attention.plan.items.map((entry) => [entry.plannedOn, entry.status, entry.daysAhead])).toEqual([
      ['2026-11-10', 'due', -12],
      ['2026-11-25', 'upcoming', 3],
      ['2026-12-18', 'upcoming', 26],
    ]);
    expect(attention.plan.items[0]).toMatchObject({
      types: ['themedPartyDay'],
      topic: '十一月主题党日：参观红色教育基地',
      owner: '陈建华',
      link: { path: '/meetings/new', query: { type: 'themedPartyDay', date: '2026-11-10', topic: '十一月主题党日：参观红色教育基地' } },
    });

    // Held now: it leaves the dashboard and the plan shows the record.
    const held = await call<MeetingRecord>(core, 'meetings:create', record(['themedPartyDay'], '2026-11-12', '十一月主题党日：参观红色教育基地'));
    expect((await call<AnnualPlan>(core, 'plans:get', { year: 2026 })).progress[3]).toMatchObject({ status: 'held', record: { id: held.id, heldOn: '2026-11-12' } });
    expect((await call<HomeAttention>(core, 'home:attention')).plan.items.map((entry) => entry.plannedOn)).toEqual(['2026-11-25', '2026-12-18']);

    // In mid-December the 30 days reach into next year's plan.
    await call(core, 'plans:save', { year: 2027, themedDay: THEMED_DAY, items: [item('2027-01-08', ['groupMeeting'], '第二党小组一月学习', second)] });
    clock.set('2026-12-20T09:00:00');
    const december = await call<HomeAttention>(core, 'home:attention');
    expect(december.plan.items.map((entry) => [entry.plannedOn, entry.status])).toEqual([
      ['2026-12-18', 'due'],
      ['2026-12-28', 'upcoming'],
      ['2027-01-08', 'upcoming'],
    ]);
    expect(december.plan.items[2]).toMatchObject({ groupName: '第二党小组（生产与管理）', link: { query: { type: 'groupMeeting', group: String(second) } } });
  });

  it('shows nothing without a saved plan, and a quiet link to make one in January–February', async () => {
    const { core, clock } = await demoAt('2026-11-22T10:00:00');
    expect((await call<HomeAttention>(core, 'home:attention')).plan).toMatchObject({ saved: false, items: [], suggest: false });
    expect((await call<AnnualPlan>(core, 'plans:get', { year: 2026 })).progress).toEqual([]);
    // A draft is not matched: nothing is saved.
    expect((await call<AnnualPlan>(core, 'plans:draft', { year: 2026 })).progress).toEqual([]);
    clock.set('2027-02-10T09:00:00');
    expect((await call<HomeAttention>(core, 'home:attention')).plan).toMatchObject({ year: 2027, saved: false, items: [], suggest: true, link: { query: { year: '2027' } } });
    clock.set('2027-03-01T09:00:00');
    expect((await call<HomeAttention>(core, 'home:attention')).plan.suggest).toBe(false);
  });
});
