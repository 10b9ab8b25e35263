import { beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentProposal } from '../../src/shared/contract/assessments';
import type { MeetingListItem } from '../../src/shared/contract/meetings';
import type { ComplianceReport } from '../../src/shared/domain/compliance';
import type { MeetingType } from '../../src/shared/domain/meetingTypes';
import { demoBranch } from '../helpers/demo';
import { call } from '../helpers/tempCore';

// Golden test (issue 6, “Done means”): the demo branch (seeds/demo/demo-branch.json, its year 2025,
// clock on 2026-11-22, pack 全国默认) scored with 五星三强（参考模板）. Every number below was worked out
// by hand from the seed, not copied from the output:
//
// - 支委会 (8 分, 12 次): every month but August → 11 → 8 × 11/12 = 7.33.
// - 党员大会 (4 分, 4 次): 03-18, 06-24, 12-19, 12-26 → Q3 empty → 3 → 3.
// - 党小组会 (3 分, 12 次): 第一党小组 every month, 第二党小组 not in February and October → 10 months
//   where both met → 3 × 10/12 = 2.5.
// - 党课 (3 分, 每季度): 03-14, 07-01, 09-15, 11-14 → no lecture in Q2 → 3 quarters → 2.25. 书记 陈建华
//   lectured on 03-14 and 07-01.
// - 主题党日 (4 分, 12 次): one every month → 4.
// - 组织生活会 (4 分, 必达): held 12-26, but the seed has no 整改清单 → 需手工评分 (null).
// - 到会率 (2 分: ≥ 80% 1 分, ≥ 90% 2 分): the 49 records that are not only a 谈心谈话; 应到 summed over
//   them is 683 (branch scope: members admitted by the date; 党小组 scope: its members; 支委会: the 5
//   委员), absences listed in the seed 76 → 607 present → 88.9% → 1.
// - 民主评议 (5 分): held 12-26 → 5.
// - 谈心谈话 (4 分, linear): on 2025-12-31 the branch has 书记 1, 支委 4, 党员 20. Pairs: 书记与支委 4
//   (all talked, 11-03…11-06), 支委之间 6 (none), 支委与党员 5 × 20 = 100 (陈建华 with 梁宇, 宋佳, 郑浩;
//   李志强 with 杨帆, 赵敏; 王丽萍 with 韩冬; 张晓燕 with 罗娟: 7) → 11/110 = 0.1 → 0.4.
// - 无连续 6 个月未参加 (3 分, 每人扣 1): the longest run is 何俊's October–December (3 months) → 0 → 3.
// - 台账 (5 分, 每缺 1 项扣 1): the 49 records have 地点, 主持人, 记录人 and everyone marked, but none has
//   any content (主要内容, 议题 or 决议) → 49 → 0.
// - 议定事项 (4 分): the seed has no decisions → 需手工评分 (null).
// - Everything else has no rule → null.
// Total 7.33 + 12.75 + 8.4 = 28.48; no star reaches 80% (and 班子建设星, 组织生活星, 阵地保障星 miss a
// 必达 indicator) → 0 stars → 不评星. The 组织生活会 cap (最高三星) changes nothing below it.

const PROPOSED: Record<string, number | null> = {
  'leadership-election': null,
  'leadership-committee-meeting': 7.33,
  'leadership-training': null,
  'leadership-duties': null,
  'org-life-assembly': 3,
  'org-life-group': 2.5,
  'org-life-lecture': 2.25,
  'org-life-themed-day': 4,
  'org-life-meeting': null,
  'org-life-attendance': 1,
  'members-review': 5,
  'members-talks': 0.4,
  'members-recruit': null,
  'members-dues': null,
  'members-contact': 3,
  'base-venue': null,
  'base-signs': null,
  'base-funds': null,
  'base-ledger': 0,
  'role-pioneer': null,
  'role-service': null,
  'role-followup': null,
  'role-satisfaction': null,
  'role-honor': null,
  'strong-org-standard': null,
  'strong-org-involvement': null,
  'strong-dev-goals': null,
  'strong-dev-projects': null,
  'strong-service-requests': null,
  'strong-service-harmony': null,
};

const DIMENSIONS: Record<string, number> = {
  leadership: 7.33,
  'org-life': 12.75,
  members: 8.4,
  base: 0,
  role: 0,
  'strong-org': 0,
  'strong-dev': 0,
  'strong-service': 0,
};

// The seed's dates (2025) of the records behind each automatic indicator, by type.
const COMMITTEE = ['01-08', '02-07', '03-07', '04-08', '05-08', '06-09', '07-08', '09-08', '10-08', '11-07', '12-08'];
const ASSEMBLY = ['03-18', '06-24', '12-19', '12-26'];
const GROUP_1 = ['01-22', '02-21', '03-21', '04-22', '05-22', '06-23', '07-22', '08-22', '09-22', '10-22', '11-21', '12-22'];
const GROUP_2 = ['01-23', '03-24', '04-23', '05-23', '06-23', '07-23', '08-22', '09-23', '11-24', '12-23'];
const LECTURE = ['03-14', '07-01', '09-15', '11-14'];
const THEMED_DAY = ['01-15', '02-14', '03-14', '04-15', '05-15', '06-16', '07-01', '08-15', '09-15', '10-15', '11-14', '12-15'];
const ORG_LIFE = ['12-26'];
const TALKS = ['11-03', '11-04', '11-05', '11-06', '11-07', '11-10', '11-11', '11-12', '11-13'];

let proposal: AssessmentProposal;
let report: ComplianceReport;
let list: MeetingListItem[];

beforeAll(async () => {
  const demo = await demoBranch('2026-11-22T10:00:00');
  proposal = await call<AssessmentProposal>(demo.core, 'assessments:propose', { templateId: 'wuxing-sanqiang-reference', year: 2025 });
  report = await call<ComplianceReport>(demo.core, 'compliance:year', { year: 2025 });
  list = await call<MeetingListItem[]>(demo.core, 'meetings:list', { year: 2025 });
});

const sorted = (ids: Iterable<number>) => [...new Set(ids)].sort((a, b) => a - b);
/** The records of a type held on the given days of 2025 (every one of them, as meetings:list shows them). */
function idsOn(type: MeetingType, days: string[]): number[] {
  const dates = new Set(days.map((date) => `2025-${date}`));
  const ids = list.filter((item) => item.types.includes(type) && dates.has(item.heldOn)).map((item) => item.id);
  return sorted(ids);
}
function complianceIds(ruleId: string): number[] {
  const entry = report.rules.find((candidate) => candidate.rule.id === ruleId)!;
  return sorted(entry.rows.flatMap((row) => row.periods.flatMap((period) => period.recordIds)));
}
const indicator = (id: string) => proposal.indicators.find((item) => item.id === id)!;

describe('golden: the demo branch, 五星三强（参考模板）, 2025', () => {
  it('proposes exactly the hand-derived points for every indicator', () => {
    expect(Object.fromEntries(proposal.indicators.map((item) => [item.id, item.proposed]))).toEqual(PROPOSED);
    for (const item of proposal.indicators) expect(item.manual, item.id).toBe(PROPOSED[item.id] === null);
  });

  it('totals 28.48 of 130, lights no star and no 强, and rates 不评星', () => {
    const { result } = proposal;
    expect(Object.fromEntries(result.dimensions.map((dimension) => [dimension.id, dimension.points]))).toEqual(DIMENSIONS);
    expect(result).toMatchObject({ totalPoints: 28.48, maxPoints: 130, litStars: [], litQualifiers: [], vetoesHit: [], capsApplied: [] });
    expect(result.level).toEqual({ id: 'unrated', name: '不评星' });
    expect(result.earnedLevel).toEqual({ id: 'unrated', name: '不评星' });
    expect(result.explanation).toMatch(/^点亮 0 颗星；.*总分 28\.48\/130；未达“一星”：需点亮 1 颗星 → 不评星$/);
  });

  it('lists the records behind each automatic indicator, the same ones compliance:year and meetings:list give', () => {
    const recordsOf = (id: string) => indicator(id).evidence.recordIds;
    expect(recordsOf('leadership-committee-meeting')).toEqual(idsOn('committeeMeeting', COMMITTEE));
    expect(recordsOf('leadership-committee-meeting')).toEqual(complianceIds('committee-monthly'));
    expect(recordsOf('org-life-assembly')).toEqual(idsOn('memberAssembly', ASSEMBLY));
    expect(recordsOf('org-life-assembly')).toEqual(complianceIds('assembly-quarterly'));
    expect(recordsOf('org-life-group')).toEqual(idsOn('groupMeeting', [...GROUP_1, ...GROUP_2]));
    expect(recordsOf('org-life-group')).toHaveLength(22);
    expect(recordsOf('org-life-group')).toEqual(complianceIds('group-monthly'));
    expect(recordsOf('org-life-lecture')).toEqual(idsOn('partyLecture', LECTURE));
    expect(recordsOf('org-life-themed-day')).toEqual(idsOn('themedPartyDay', THEMED_DAY));
    expect(recordsOf('org-life-themed-day')).toEqual(complianceIds('themed-day-monthly'));
    expect(recordsOf('org-life-meeting')).toEqual(idsOn('orgLifeMeeting', ORG_LIFE));
    expect(recordsOf('org-life-meeting')).toEqual(complianceIds('org-life-yearly'));
    expect(recordsOf('members-review')).toEqual(complianceIds('democratic-review-yearly'));
    expect(recordsOf('members-talks')).toEqual(idsOn('heartToHeartTalk', TALKS));
    expect(recordsOf('members-talks')).toHaveLength(11);
    const notOnlyTalks = sorted(list.filter((item) => !(item.types.length === 1 && item.types[0] === 'heartToHeartTalk')).map((item) => item.id));
    expect(notOnlyTalks).toHaveLength(49);
    expect(recordsOf('org-life-attendance')).toEqual(notOnlyTalks);
    expect(recordsOf('base-ledger')).toEqual(notOnlyTalks);
    expect(recordsOf('members-contact')).toEqual([]);
    expect(recordsOf('role-followup')).toEqual([]);
  });

  it('states the facts in Chinese', () => {
    const text = (id: string) => indicator(id).evidence.text;
    expect(text('leadership-committee-meeting')).toBe('支部委员会会议应开 12 次，已开 11 次（8月未开）');
    expect(text('org-life-assembly')).toBe('支部党员大会应开 4 次，已开 3 次（第3季度未开）');
    expect(text('org-life-group')).toBe(
      '党小组会每月应开，各党小组都已召开的有 10 个月（2月、10月有党小组未开）；第一党小组（研发） 12/12，第二党小组（生产与管理） 10/12（2月、10月未开）',
    );
    expect(text('org-life-lecture')).toBe('党课每季度应开 4 次，已开 3 次（第2季度未开）；书记讲党课 2 次（2025-03-14、2025-07-01）');
    expect(text('org-life-themed-day')).toBe('主题党日应开 12 次，已开 12 次');
    expect(text('org-life-meeting')).toMatch(/^需手工评分：组织生活会已于 2025-12-26 召开，但没有录入整改清单/);
    expect(text('org-life-attendance')).toBe('49 次组织生活（谈心谈话不计），应参加 683 人次，实际出席 607 人次，参加率 88.9%');
    expect(text('members-review')).toBe('民主评议党员已于 2025-12-26 开展；评定等次尚未录入，请在该记录中补录');
    expect(text('members-talks')).toBe(
      '书记与支委谈话 4/4，支委之间谈话 0/6，支委与党员谈话 7/100，党员之间谈话 0/190；计分口径（书记与支委谈话、支委之间谈话、支委与党员谈话）11/110，覆盖率 10%',
    );
    expect(text('members-contact')).toBe('没有连续 6 个月以上未参加组织生活的党员');
    expect(text('base-ledger')).toMatch(/^49 份会议记录中 49 份要素不全，共缺 49 项：2025-01-08 支部委员会会议缺会议内容（主要内容、议题或决议）；/);
    expect(text('role-followup')).toBe('需手工评分：2025年的会议没有登记议定事项');
  });
});
