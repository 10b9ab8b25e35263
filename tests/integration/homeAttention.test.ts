import { describe, expect, it } from 'vitest';
import type { HomeAttention } from '../../src/shared/contract/home';
import type { Member } from '../../src/shared/contract/members';
import { needsAttention, type ComplianceReport } from '../../src/shared/domain/compliance';
import { addDays, addYears } from '../../src/shared/domain/dates';
import { aBranch, aMember } from '../helpers/builders';
import { validIdNumber } from '../helpers/idNumbers';
import { call, fixedClock, tempCore } from '../helpers/tempCore';

// home:attention (issue 5, 首页) over the real store, and the golden test of the demo branch.

const G2 = '第二党小组（生产与管理）';

/**
 * The demo branch's known gaps under the national pack, counted by hand from
 * seeds/demo/demo-branch.json (60 records of 2025, moved to last year on load):
 * - 支委会 monthly: records in every month but August (07-08, then 09-08).
 * - 党员大会 quarterly: 03-18 (Q1), 06-24 (Q2), 12-19 and 12-26 (Q4); none in July–September.
 * - 党小组会 monthly per group: 第一党小组 meets every month; 第二党小组 has none in February
 *   (only 第一党小组 met on 02-21) and none in October (only 第一党小组 met on 10-22).
 * - 主题党日 every month (01-15 … 12-15, 07-01 in July); 书记 陈建华 lectured on 03-14 and 07-01;
 *   组织生活会 and 民主评议 together on 12-26.
 * Periods: 12 + 4 + 2×12 + 12 + 1 + 1 + 1 = 55, of which 4 missed.
 */
function demoGaps(year: number): string[] {
  return [`支部委员会会议｜—｜${year}年8月`, `支部党员大会｜—｜${year}年第3季度`, `党小组会｜${G2}｜${year}年2月`, `党小组会｜${G2}｜${year}年10月`].sort();
}

const describeItem = (item: { label: string; groupName: string | null; period: { label: string } }) => `${item.label}｜${item.groupName ?? '—'}｜${item.period.label}`;

async function demoAt(iso: string) {
  const clock = fixedClock(iso);
  const core = tempCore({ clock });
  await call(core, 'demo:create');
  return { core, clock };
}

describe('golden: the demo branch', () => {
  // The demo year is always last year; check it both unshifted (2025) and moved by a year.
  it.each([
    ['2026-02-10T10:00:00', 2025],
    ['2027-06-30T10:00:00', 2026],
  ])('on %s, compliance:year for %i has exactly the known gaps as overdue items', async (now, demoYear) => {
    const { core } = await demoAt(now);
    const report = await call<ComplianceReport>(core, 'compliance:year', { year: demoYear });
    const overdue = needsAttention(report).filter((item) => item.status === 'overdue');
    expect(overdue.map(describeItem).sort()).toEqual(demoGaps(demoYear));
    expect(needsAttention(report).filter((item) => item.status !== 'overdue')).toEqual([]);
    expect(report.summary).toMatchObject({ done: 51, total: 55, overdue: 4, due: 0, upcoming: 0, notApplicable: 0 });
    expect(overdue.find((item) => item.ruleId === 'assembly-quarterly')!.explanation).toBe(`${demoYear}年第3季度未召开支部党员大会`);
  });

  it('in February of the next year, 首页 shows the demo year’s gaps among the overdue items, each linked to a new record', async () => {
    const { core } = await demoAt('2026-02-10T10:00:00');
    const attention = (await call<HomeAttention>(core, 'home:attention'))!;
    expect(attention.years).toEqual([2025, 2026]);
    const lastYear = attention.obligations.overdue.filter((item) => item.year === 2025);
    expect(lastYear.map(describeItem).sort()).toEqual(demoGaps(2025));
    const groups = await call<{ id: number; name: string }[]>(core, 'groups:list');
    const g2 = groups.find((group) => group.name === G2)!.id;
    expect(lastYear.find((item) => item.period.label === '2025年10月')!.link).toEqual({ path: '/meetings/new', query: { type: 'groupMeeting', group: String(g2) } });
    expect(lastYear.find((item) => item.period.label === '2025年8月')!.link).toEqual({ path: '/meetings/new', query: { type: 'committeeMeeting' } });
    // Earlier years come first.
    expect(attention.obligations.overdue.slice(0, 4).every((item) => item.year === 2025)).toBe(true);

    // The demo holds nothing in 2026: January is missed, February, Q1 and the year are due.
    const thisYear = attention.obligations.overdue.filter((item) => item.year === 2026).map(describeItem).sort();
    expect(thisYear).toEqual(
      ['支部委员会会议｜—｜2026年1月', `党小组会｜第一党小组（研发）｜2026年1月`, `党小组会｜${G2}｜2026年1月`, '主题党日｜—｜2026年1月'].sort(),
    );
    const assembly = attention.obligations.due.find((item) => item.ruleId === 'assembly-quarterly')!;
    expect(assembly).toMatchObject({ daysRemaining: 50, text: '本季度尚未召开支部党员大会，剩余 50 天' });
    expect(attention.obligations.due.map((item) => item.daysRemaining)).toEqual([...attention.obligations.due.map((item) => item.daysRemaining)].sort((a, b) => a! - b!));

    // Completion at a glance: the demo year and this year.
    expect(attention.completion.map((year) => [year.year, year.summary.done, year.summary.total])).toEqual([
      [2025, 51, 55],
      [2026, 0, 55],
    ]);
    const committee = attention.completion[0].rules.find((rule) => rule.ruleId === 'committee-monthly')!;
    expect(committee).toMatchObject({ label: '支部委员会会议', done: 11, total: 12, overdue: 1 });
    expect(attention.completion[0].link).toEqual({ path: '/compliance', query: { year: '2025' } });
  });

  it('reports 谈心谈话 coverage of the demo year as counted by hand', async () => {
    // 25 members at the year's end, 5 on the committee. 陈建华 (书记) talked with each of the four
    // other 支委; 支委 talked with 7 members (陈建华 with 梁宇, 宋佳, 郑浩; 李志强 with 杨帆, 赵敏;
    // 王丽萍 with 韩冬; 张晓燕 with 罗娟); no talks among 支委 or among members.
    const { core } = await demoAt('2026-01-05T10:00:00');
    const attention = (await call<HomeAttention>(core, 'home:attention'))!;
    const demoYear = attention.talks.find((talks) => talks.year === 2025)!;
    expect(demoYear.sentence).toBe('书记与支委谈话 4/4，支委之间谈话 0/6，支委与党员谈话 7/100，党员之间谈话 0/190');
    expect(demoYear.link).toEqual({ path: '/meetings/talks', query: { year: '2025' } });
  });

  it('names the demo’s 预备党员 as their 预备期 nears its end, and no one too early', async () => {
    // 宋佳 and 郑浩 were accepted on 06-24 of the demo year, 谢雨萱 on 12-19.
    const early = await demoAt('2026-04-24T10:00:00');
    expect((await call<HomeAttention>(early.core, 'home:attention'))!.probations).toEqual([]);
    const { core } = await demoAt('2026-04-25T10:00:00');
    const attention = (await call<HomeAttention>(core, 'home:attention'))!;
    expect(attention.probations.map((item) => [item.name, item.daysLeft])).toEqual([
      ['宋佳', 60],
      ['郑浩', 60],
    ]);
    expect(attention.probations[0].text).toBe('宋佳预备期将于2026年6月24日届满，请按期讨论转正');
    expect(attention.probations[0].link.path).toMatch(/^\/members\/\d+$/);
    expect(attention.rectifications).toEqual([]);
    expect(attention.election).toBeNull();
  });

  it('shows 换届 from six months before the term ends (the demo term ends 03-14 two years after the demo year)', async () => {
    const before = await demoAt('2026-09-13T10:00:00');
    expect((await call<HomeAttention>(before.core, 'home:attention'))!.election).toBeNull();
    const { core, clock } = await demoAt('2026-09-14T10:00:00');
    expect((await call<HomeAttention>(core, 'home:attention'))!.election).toMatchObject({
      termSeq: 3,
      endsOn: '2027-03-14',
      daysLeft: 181,
      overdue: false,
      link: { path: '/organization', query: {} },
    });
    clock.set('2027-03-15T10:00:00');
    expect((await call<HomeAttention>(core, 'home:attention'))!.election).toMatchObject({ daysLeft: -1, overdue: true, text: '第3届支委会任期已于2027年3月14日届满，已超期 1 天，请及时按程序换届' });
  });
});

describe('home:attention', () => {
  it('answers null before the branch is set up', async () => {
    expect(await call(tempCore(), 'home:attention')).toBeNull();
  });

  it('lists a 预备党员 whose 预备期 ends in 60 days, not one in 61, and keeps one whose 预备期 ended until 转正 is recorded', async () => {
    const today = '2026-11-22';
    const core = tempCore({ clock: fixedClock(`${today}T10:00:00`) });
    await call(core, 'branch:create', aBranch());
    const probationary = (name: string, idNumber: string, endsOn: string) =>
      call<Member>(core, 'members:create', aMember({ name, idNumber, admittedOn: addYears(endsOn, -1), confirmedOn: null, category: 'probationary' }));
    const sixty = await probationary('钱六十', validIdNumber('1990-03-07', 'male', 1), addDays(today, 60));
    await probationary('孙六一', validIdNumber('1990-03-07', 'male', 2), addDays(today, 61));
    const ended = await probationary('李届满', validIdNumber('1990-03-07', 'male', 3), addDays(today, -3));

    let attention = (await call<HomeAttention>(core, 'home:attention'))!;
    expect(attention.probations.map((item) => [item.name, item.daysLeft, item.ended])).toEqual([
      ['李届满', -3, true],
      ['钱六十', 60, false],
    ]);
    expect(attention.probations[0].text).toBe('李届满预备期已于2026年11月19日届满，尚未登记转正，请及时讨论转正并登记');
    expect(attention.probations[1].link).toEqual({ path: `/members/${sixty.id}`, query: {} });

    await call(core, 'memberEvents:create', { memberId: ended.id, kind: 'confirmed', occurredOn: addDays(today, -1) });
    attention = (await call<HomeAttention>(core, 'home:attention'))!;
    expect(attention.probations.map((item) => item.name)).toEqual(['钱六十']);
  });

  it('lists open 整改 items, overdue first with the days past, each linked to its 组织生活会; done items leave', async () => {
    const { core } = await demoAt('2026-03-10T10:00:00');
    const [orgLife] = await call<{ id: number }[]>(core, 'meetings:list', { year: 2025, type: 'orgLifeMeeting' });
    const members = await call<Member[]>(core, 'members:list');
    const byName = (name: string) => members.find((member) => member.name === name)!.id;
    await call(core, 'orgLife:save', {
      meetingId: orgLife.id,
      version: 0,
      rectifications: [
        { measure: '每月初公布组织生活安排', ownerName: '支部委员会', dueOn: '2026-06-30' },
        { measure: '制定年度学习计划', ownerMemberId: byName('张晓燕'), dueOn: '2026-02-28' },
        { measure: '走访困难党员', dueOn: '2026-01-31', status: 'done', doneOn: '2026-01-20' },
        { measure: '建立党员联系群众台账' },
      ],
    });
    const attention = (await call<HomeAttention>(core, 'home:attention'))!;
    expect(attention.rectifications.map((item) => [item.measure, item.overdue, item.daysOverdue, item.ownerName])).toEqual([
      ['制定年度学习计划', true, 10, '张晓燕'],
      ['每月初公布组织生活安排', false, null, '支部委员会'],
      ['建立党员联系群众台账', false, null, null],
    ]);
    expect(attention.rectifications[0].link).toEqual({ path: `/meetings/${orgLife.id}`, query: {} });
  });

  it('shows last year’s missed obligations in January and February only', async () => {
    const clock = fixedClock('2026-01-01T09:00:00');
    const core = tempCore({ clock });
    await call(core, 'branch:create', aBranch());
    const lastYearCount = async () => (await call<HomeAttention>(core, 'home:attention'))!.obligations.overdue.filter((item) => item.year === 2025).length;
    const attention = (await call<HomeAttention>(core, 'home:attention'))!;
    expect(attention.years).toEqual([2025, 2026]);
    // A branch without records and without a 支委会: 党员大会 ×4, 主题党日 ×12, 书记讲党课, 组织生活会, 民主评议.
    expect(await lastYearCount()).toBe(19);
    expect(attention.obligations.overdue.filter((item) => item.year === 2026)).toEqual([]);
    expect(attention.completion.map((year) => year.year)).toEqual([2025, 2026]);
    clock.set('2026-02-28T23:00:00');
    expect(await lastYearCount()).toBe(19);
    clock.set('2026-03-01T08:00:00');
    const march = (await call<HomeAttention>(core, 'home:attention'))!;
    expect(march.years).toEqual([2026]);
    expect(march.obligations.overdue.every((item) => item.year === 2026)).toBe(true);
    expect(march.completion.map((year) => year.year)).toEqual([2026]);
  });
});
