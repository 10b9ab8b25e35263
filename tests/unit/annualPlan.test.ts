import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeThemedDay, draftPlan, themedDateOf, workdayOnOrBefore, type DraftPlanInput, type PlanGroup } from '../../src/shared/domain/annualPlan';
import { applyOverrides, parseRulePack, type EffectivePack, type RuleOverride } from '../../src/shared/domain/rulePacks';

function pack(file: string, overrides: RuleOverride[] = []): EffectivePack {
  const parsed = parseRulePack(file, JSON.parse(readFileSync(join(__dirname, '../../seeds/rulePacks', file), 'utf8')));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const applied = applyOverrides(parsed.value, overrides);
  if (!applied.ok) throw new Error(applied.errors.join('\n'));
  return applied.value;
}

const GROUPS: PlanGroup[] = [
  { id: 1, name: '第一党小组', leaderName: '王丽萍', foundedOn: '2020-01-01', dissolvedOn: null },
  { id: 2, name: '第二党小组', leaderName: null, foundedOn: '2026-06-10', dissolvedOn: null },
];

function draft(input: Partial<DraftPlanInput> = {}) {
  return draftPlan({ pack: pack('zhejiang-organs.json'), year: 2026, themedDay: { kind: 'dayOfMonth', day: 25 }, hasCommittee: true, groups: GROUPS, secretaryName: '陈建华', ...input });
}

describe('主题党日 day', () => {
  it('finds a fixed day of the month, or the n-th / last weekday', () => {
    expect(themedDateOf(2026, 2, { kind: 'dayOfMonth', day: 25 })).toBe('2026-02-25');
    // 31 January 2026 is a Saturday: the last Friday is the 30th.
    expect(themedDateOf(2026, 1, { kind: 'weekdayOfMonth', nth: -1, weekday: 5 })).toBe('2026-01-30');
    // 1 February 2026 is a Sunday: the first Monday is the 2nd, the fourth Sunday the 22nd.
    expect(themedDateOf(2026, 2, { kind: 'weekdayOfMonth', nth: 1, weekday: 1 })).toBe('2026-02-02');
    expect(themedDateOf(2026, 2, { kind: 'weekdayOfMonth', nth: 4, weekday: 7 })).toBe('2026-02-22');
    expect(themedDateOf(2028, 2, { kind: 'weekdayOfMonth', nth: -1, weekday: 2 })).toBe('2028-02-29');
    expect(describeThemedDay({ kind: 'weekdayOfMonth', nth: -1, weekday: 5 })).toBe('每月最后一个星期五');
    expect(describeThemedDay({ kind: 'dayOfMonth', day: 25 })).toBe('每月25日');
  });

  it('moves weekend dates to the Friday before, across a month boundary too', () => {
    expect(workdayOnOrBefore('2026-04-25')).toBe('2026-04-24');
    expect(workdayOnOrBefore('2026-10-25')).toBe('2026-10-23');
    expect(workdayOnOrBefore('2026-02-01')).toBe('2026-01-30');
    expect(workdayOnOrBefore('2026-02-25')).toBe('2026-02-25');
  });
});

describe('draft plan', () => {
  it('puts branch-wide obligations on the 主题党日, quarter meetings mid-quarter, 组织生活会 and 民主评议 in November', () => {
    const items = draft();
    const on = (date: string) => items.filter((item) => item.plannedOn === date && item.partyGroupId === null).map((item) => item.types);
    expect(on('2026-01-25')).toEqual([['themedPartyDay']]);
    expect(on('2026-02-25')).toEqual([['memberAssembly', 'partyLecture', 'themedPartyDay']]);
    expect(on('2026-07-25')).toEqual([['partyLecture', 'themedPartyDay']]); // 书记讲党课 around 七一
    expect(on('2026-11-25')).toEqual([['memberAssembly', 'partyLecture', 'themedPartyDay', 'orgLifeMeeting', 'democraticReview']]);
    const assemblies = items.filter((item) => item.types.includes('memberAssembly')).map((item) => item.plannedOn);
    expect(assemblies).toEqual(['2026-02-25', '2026-05-25', '2026-08-25', '2026-11-25']);
    expect(items.find((item) => item.plannedOn === '2026-07-25')!.topic).toBe('7月主题党日：集中学习；书记讲党课（课题待定）');
    expect(items.every((item) => item.plannedOn.startsWith('2026-'))).toBe(true);
    expect(items.map((item) => item.plannedOn)).toEqual([...items.map((item) => item.plannedOn)].sort());
  });

  it('holds 支委会 a week before on a workday, 党小组会 per existing group, 谈心谈话 the month before 组织生活会', () => {
    const items = draft();
    const committee = items.filter((item) => item.types.includes('committeeMeeting'));
    expect(committee).toHaveLength(12);
    expect(committee[1]).toMatchObject({ plannedOn: '2026-02-18', owner: '陈建华' });
    expect(committee[3].plannedOn).toBe('2026-04-17'); // 18 April is a Saturday
    const first = items.filter((item) => item.partyGroupId === 1);
    const second = items.filter((item) => item.partyGroupId === 2);
    expect(first).toHaveLength(12);
    expect(first[1]).toMatchObject({ plannedOn: '2026-02-13', owner: '王丽萍', topic: '学习讨论，交流思想和工作情况' }); // 15 Feb is a Sunday
    // Founded on 10 June: from June on; no 组长 yet, so no owner.
    expect(second.map((item) => item.plannedOn.slice(5, 7))).toEqual(['06', '07', '08', '09', '10', '11', '12']);
    expect(second[0].owner).toBe('');
    expect(items.filter((item) => item.types.includes('heartToHeartTalk'))).toEqual([
      { plannedOn: '2026-10-09', types: ['heartToHeartTalk'], partyGroupId: null, topic: '组织生活会前开展谈心谈话（支委之间、支委与党员、党员之间）', owner: '陈建华' },
    ]);
  });

  it('follows the rules in force: no 支委会 without a committee, overrides, disabled rules', () => {
    const items = draft({
      hasCommittee: false,
      pack: pack('zhejiang-organs.json', [{ ruleId: 'lecture-quarterly', period: 'halfYear' }, { ruleId: 'themed-day-monthly', disabled: true }]),
    });
    expect(items.some((item) => item.types.includes('committeeMeeting'))).toBe(false);
    expect(items.some((item) => item.types.includes('themedPartyDay'))).toBe(false);
    const lectures = items.filter((item) => item.types.includes('partyLecture')).map((item) => [item.plannedOn, item.topic]);
    expect(lectures).toEqual([
      ['2026-04-25', '党课（课题待定）'],
      ['2026-07-25', '书记讲党课（课题待定）'],
      ['2026-10-25', '党课（课题待定）'],
    ]);
  });

  it('spreads a minimum of 2 a month over the month and keeps a first-of-month 支委会 inside its month', () => {
    const twice = draft({ pack: pack('national.json', [{ ruleId: 'themed-day-monthly', minimum: 2 }]), themedDay: { kind: 'dayOfMonth', day: 5 } });
    const march = twice.filter((item) => item.types.includes('themedPartyDay') && item.plannedOn.startsWith('2026-03')).map((item) => item.plannedOn);
    expect(march).toEqual(['2026-03-05', '2026-03-12']);
    const first = draft({ themedDay: { kind: 'dayOfMonth', day: 1 } });
    const committee = first.filter((item) => item.types.includes('committeeMeeting'));
    expect(committee).toHaveLength(12);
    expect(committee[0].plannedOn).toBe('2026-01-01');
  });
});
