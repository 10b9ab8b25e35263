import { describe, expect, it } from 'vitest';
import { computeCompliance } from '../../src/shared/domain/compliance';
import {
  attentionYears,
  electionReminder,
  linkHref,
  newRecordLink,
  PROBATION_NOTICE_DAYS,
  probationReminder,
  splitObligations,
} from '../../src/shared/domain/homeAttention';
import { withoutOverrides, type RulePack } from '../../src/shared/domain/rulePacks';

// The dashboard's boundaries: which years show, when 转正 and 换届 appear, where items link.

describe('attentionYears', () => {
  it.each([
    ['2026-01-01', [2025, 2026]],
    ['2026-02-28', [2025, 2026]],
    ['2028-02-29', [2027, 2028]],
    ['2026-03-01', [2026]],
    ['2026-12-31', [2026]],
  ])('on %s shows %j', (today, years) => {
    expect(attentionYears(today)).toEqual(years);
  });
});

describe('probationReminder', () => {
  const member = (probationEndsOn: string | null) => ({ memberId: 7, name: '张三', probationEndsOn });

  it('appears when the 预备期 ends in 60 days, not in 61', () => {
    expect(PROBATION_NOTICE_DAYS).toBe(60);
    expect(probationReminder(member('2026-12-05'), '2026-10-06')).toMatchObject({ daysLeft: 60, ended: false, text: '张三预备期将于2026年12月5日届满，请按期讨论转正' });
    expect(probationReminder(member('2026-12-05'), '2026-10-05')).toBeNull();
  });

  it('counts across a leap day', () => {
    expect(probationReminder(member('2028-03-30'), '2028-01-30')!.daysLeft).toBe(60);
    expect(probationReminder(member('2028-03-31'), '2028-01-30')).toBeNull();
  });

  it('says so on the day and after it has ended without 转正', () => {
    expect(probationReminder(member('2026-12-05'), '2026-12-05')).toMatchObject({ daysLeft: 0, ended: false, text: '张三预备期今天（2026年12月5日）届满，请按期讨论转正' });
    expect(probationReminder(member('2026-12-05'), '2026-12-06')).toMatchObject({ daysLeft: -1, ended: true, text: '张三预备期已于2026年12月5日届满，尚未登记转正，请及时讨论转正并登记' });
  });

  it('links to the member and ignores members with no 预备期', () => {
    expect(probationReminder(member('2026-12-05'), '2026-12-01')!.link).toEqual({ path: '/members/7', query: {} });
    expect(probationReminder(member(null), '2026-12-01')).toBeNull();
  });
});

describe('electionReminder', () => {
  const term = { seq: 3, endsOn: '2027-03-14' };

  it('appears six months before the term ends, not a day earlier', () => {
    expect(electionReminder(term, '2026-09-13')).toBeNull();
    expect(electionReminder(term, '2026-09-14')).toMatchObject({ daysLeft: 181, overdue: false, text: '第3届支委会任期将于2027年3月14日届满（还有 181 天），请提前做好换届准备' });
  });

  it('clamps six months back from a month end', () => {
    // 31 August less six months is 28 February (2027 is not a leap year).
    expect(electionReminder({ seq: 1, endsOn: '2027-08-31' }, '2027-02-27')).toBeNull();
    expect(electionReminder({ seq: 1, endsOn: '2027-08-31' }, '2027-02-28')).not.toBeNull();
  });

  it('on the day and after the term has ended', () => {
    expect(electionReminder(term, '2027-03-14')).toMatchObject({ daysLeft: 0, overdue: false, text: '第3届支委会任期今天（2027年3月14日）届满，请按程序换届' });
    expect(electionReminder(term, '2027-05-01')).toMatchObject({ daysLeft: -48, overdue: true, link: { path: '/organization', query: {} } });
  });

  it('is absent without a term', () => {
    expect(electionReminder(null, '2027-05-01')).toBeNull();
  });
});

describe('links', () => {
  it('open the new-record page with the type and, for a 党小组, the group', () => {
    expect(linkHref(newRecordLink('memberAssembly', null))).toBe('/meetings/new?type=memberAssembly');
    expect(linkHref(newRecordLink('groupMeeting', 4))).toBe('/meetings/new?type=groupMeeting&group=4');
    expect(linkHref({ path: '/organization', query: {} })).toBe('/organization');
  });
});

describe('splitObligations', () => {
  const pack: RulePack = {
    id: 'test',
    name: '测试',
    version: 1,
    description: '',
    rules: [
      { id: 'assembly', type: 'memberAssembly', label: '支部党员大会', period: 'quarter', minimum: 1, scope: 'branch', severity: 'required', source: '条例' },
      { id: 'group', type: 'groupMeeting', label: '党小组会', period: 'month', minimum: 1, scope: 'eachGroup', severity: 'required', source: '条例' },
    ],
  } as unknown as RulePack;
  const report = (year: number, asOf: string) =>
    computeCompliance({
      pack: withoutOverrides(pack),
      year,
      asOf,
      branchFoundedOn: null,
      groups: [{ id: 2, name: '第一党小组', foundedOn: null, dissolvedOn: null }],
      secretarySeats: [],
      records: [{ id: 1, heldOn: '2025-12-10', types: ['memberAssembly'], partyGroupId: null, valid: true, lecturerMemberId: null }],
    });

  it('puts last year’s missed periods before this year’s, and due ones by days left', () => {
    const { due, overdue } = splitObligations([report(2026, '2026-02-10'), report(2025, '2026-02-10')]);
    // Within a year, by the period's end; on the same end day, in the pack's rule order.
    const month = (index: number) => `2025:group:2:month${index}`;
    expect(overdue.map((item) => item.key)).toEqual([
      ...[1, 2].map(month),
      '2025:assembly:-:quarter1',
      ...[3, 4, 5].map(month),
      '2025:assembly:-:quarter2',
      ...[6, 7, 8].map(month),
      '2025:assembly:-:quarter3',
      ...[9, 10, 11, 12].map(month),
      '2026:group:2:month1',
    ]);
    expect(due.map((item) => [item.key, item.daysRemaining, item.text])).toEqual([
      ['2026:group:2:month2', 19, '本月第一党小组尚未召开党小组会，剩余 19 天'],
      ['2026:assembly:-:quarter1', 50, '本季度尚未召开支部党员大会，剩余 50 天'],
    ]);
    expect(due[0].link).toEqual({ path: '/meetings/new', query: { type: 'groupMeeting', group: '2' } });
  });
});
