import { describe, expect, it } from 'vitest';
import type { CommitteeTermDetail } from '../../src/shared/contract/committee';
import type { DemocraticReview } from '../../src/shared/contract/democraticReview';
import type { MeetingListItem, MeetingRecord } from '../../src/shared/contract/meetings';
import type { Member } from '../../src/shared/contract/members';
import type { OrgLifeMaterial, OrgLifeSaveInput, RectificationListItem } from '../../src/shared/contract/orgLife';
import type { TalkCoverage, TalkDetail } from '../../src/shared/contract/talks';
import type { ReviewGrade } from '../../src/shared/domain/democraticReview';
import type { Core } from '../../src/main/core';
import { aBranch, aMember } from '../helpers/builders';
import { demoBranch } from '../helpers/demo';
import { call, fixedClock, tempCore } from '../helpers/tempCore';

/** The demo branch (its year is 2025 with this clock) and its 2025-12-26 组织生活会暨民主评议. */
async function demo() {
  const branch = await demoBranch();
  const [review] = await call<MeetingListItem[]>(branch.core, 'meetings:list', { year: 2025, type: 'democraticReview' });
  return { ...branch, meetingId: review.id };
}

async function refusal(core: Core, method: string, input: unknown) {
  const result = await core.dispatch(method, input);
  if (result.ok) throw new Error(`${method} should have been refused`);
  return result.error;
}

describe('民主评议', () => {
  it('grades the 正式党员 on the roster of the review date; 预备党员 listed without a grade', async () => {
    const { core, meetingId } = await demo();
    const review = await call<DemocraticReview>(core, 'democraticReview:get', { meetingId });
    expect(review).toMatchObject({ heldOn: '2025-12-26', version: 0 });
    expect(review.rows.filter((row) => row.gradable)).toHaveLength(22);
    const probationary = review.rows.filter((row) => !row.gradable);
    expect(probationary.map((row) => row.name).sort()).toEqual(['宋佳', '谢雨萱', '郑浩'].sort());
    expect(probationary[0].notGradedReason).toContain('不评定等次');
    // 梁宇 became 正式 on 2025-12-20, six days before the review: graded.
    expect(review.rows.find((row) => row.name === '梁宇')).toMatchObject({ category: 'full', gradable: true });
  });

  it('refuses 8 优秀 of 22 with the numbers, saving nothing; accepts 7 and keeps notes', async () => {
    const { core, meetingId, byName } = await demo();
    const review = await call<DemocraticReview>(core, 'democraticReview:get', { meetingId });
    const gradable = review.rows.filter((row) => row.gradable);
    const grades = (excellent: number) =>
      gradable.map((row, index) => ({ memberId: row.memberId, grade: (index < excellent ? 'excellent' : 'qualified') as ReviewGrade, note: null as string | null }));

    const error = await refusal(core, 'democraticReview:save', { meetingId, version: 0, grades: grades(8) });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('评为“优秀”的 8 名');
    expect(error.message).toContain('正式党员 22 名');
    expect(error.message).toContain('最多 7 名');
    expect(await call<DemocraticReview>(core, 'democraticReview:get', { meetingId })).toMatchObject({ version: 0, counts: { graded: 0 } });

    const seven = grades(7);
    const last = seven.length - 1;
    seven[last] = { ...seven[last], grade: 'basicallyQualified', note: null };
    const noNote = await refusal(core, 'democraticReview:save', { meetingId, version: 0, grades: seven });
    expect(noNote.details?.[0]).toMatchObject({ path: `grades.${last}`, message: expect.stringContaining('请填写处置意见') });
    seven[last].note = '限期整改，由支部书记谈话提醒';

    const saved = await call<DemocraticReview>(core, 'democraticReview:save', { meetingId, version: 0, grades: seven });
    expect(saved.version).toBe(1);
    expect(saved.counts).toMatchObject({ graded: 22, excellent: 7, qualified: 14, basicallyQualified: 1, cap: 7 });
    expect(saved.rows.find((row) => row.memberId === seven[last].memberId)).toMatchObject({ grade: 'basicallyQualified', note: '限期整改，由支部书记谈话提醒' });

    // A grade for a 预备党员 is refused, and so is a save from a stale window.
    const withProbationary = [...seven, { memberId: byName('宋佳'), grade: 'qualified', note: null }];
    expect((await refusal(core, 'democraticReview:save', { meetingId, version: 1, grades: withProbationary })).message).toContain('预备党员参加评议，但不评定等次');
    expect((await refusal(core, 'democraticReview:save', { meetingId, version: 0, grades: seven })).code).toBe('CONFLICT');
  });

  it('does not grade a member who joined the branch after the review date', async () => {
    const { core, meetingId } = await demo();
    const newcomer = await call<Member>(core, 'members:create', aMember({ name: '新转入', idNumber: null, admittedOn: null, confirmedOn: null, category: 'full' }));
    await call(core, 'memberEvents:create', { memberId: newcomer.id, kind: 'transferredIn', occurredOn: '2026-01-05', detail: '某某公司支部' });
    const review = await call<DemocraticReview>(core, 'democraticReview:get', { meetingId });
    expect(review.rows.some((row) => row.memberId === newcomer.id)).toBe(false);
    const grades = review.rows.filter((row) => row.gradable).map((row) => ({ memberId: row.memberId, grade: 'qualified', note: null }));
    const error = await refusal(core, 'democraticReview:save', { meetingId, version: 0, grades: [...grades, { memberId: newcomer.id, grade: 'qualified', note: null }] });
    expect(error.message).toContain('在评议日期不是本支部党员');
  });

  it('refuses the material of a record that is not of that type', async () => {
    const { core } = await demo();
    const [talk] = await call<MeetingListItem[]>(core, 'meetings:list', { year: 2025, type: 'heartToHeartTalk' });
    const error = await refusal(core, 'democraticReview:get', { meetingId: talk.id });
    expect(error.message).toContain('会议类型中没有“民主评议党员”');
    expect((await refusal(core, 'orgLife:get', { meetingId: 999999 })).code).toBe('NOT_FOUND');
  });
});

describe('组织生活会 materials', () => {
  function material(meetingId: number, byName: (name: string) => number): OrgLifeSaveInput {
    return {
      meetingId,
      version: 0,
      plan: '会前开展学习研讨、广泛征求意见、深入谈心谈话、认真撰写对照检查材料。',
      planApprovedOn: '2025-11-28',
      problems: [
        { text: '理论学习不够系统深入', category: 'ideological', source: 'selfCheck' },
        { text: '联系服务群众不够经常', category: 'conduct', source: 'solicited' },
      ],
      selfReviews: [{ memberId: byName('陈建华'), submitted: true, submittedOn: '2025-12-20', summary: '对照检查了四个方面的问题' }],
      rectifications: [
        { problemIndex: 0, measure: '制定年度学习计划，每月集中学习一次', ownerMemberId: byName('张晓燕'), dueOn: '2026-03-31' },
        { problemIndex: 1, measure: '支委每季度走访联系党员和职工', ownerName: '支部委员会', dueOn: '2026-06-30' },
      ],
    };
  }

  it('saves and reads back the whole material, with a row per member for 对照检查', async () => {
    const { core, meetingId, byName } = await demo();
    const saved = await call<OrgLifeMaterial>(core, 'orgLife:save', material(meetingId, byName));
    expect(saved.version).toBe(1);
    expect(saved.problems.map((problem) => problem.text)).toEqual(['理论学习不够系统深入', '联系服务群众不够经常']);
    expect(saved.rectifications[0]).toMatchObject({ problemId: saved.problems[0].id, ownerName: '张晓燕', status: 'open', overdue: true });
    expect(saved.rectifications[1]).toMatchObject({ problemId: saved.problems[1].id, ownerMemberId: null, ownerName: '支部委员会', overdue: true });
    expect(saved.selfReviews).toHaveLength(25);
    expect(saved.counts).toMatchObject({ problems: 2, selfReviewsSubmitted: 1, selfReviewsExpected: 25, rectifications: 2, rectificationsDone: 0 });
    expect(await call<OrgLifeMaterial>(core, 'orgLife:get', { meetingId })).toEqual(saved);
  });

  it('keeps rectification and problem ids across edits, so a status ticked later survives re-saving', async () => {
    const { core, meetingId, byName } = await demo();
    const first = await call<OrgLifeMaterial>(core, 'orgLife:save', material(meetingId, byName));
    const [study, visits] = first.rectifications;

    // Months later: the study plan is done; a problem and a measure are added in front.
    type Edit = OrgLifeSaveInput & Required<Pick<OrgLifeSaveInput, 'problems' | 'rectifications'>>;
    const edit = (base: OrgLifeMaterial, changes: Partial<Record<number, object>> = {}): Edit => ({
      meetingId,
      version: base.version,
      plan: base.plan,
      planApprovedOn: base.planApprovedOn,
      problems: base.problems.map(({ id, text, category, source }) => ({ id, text, category, source })),
      selfReviews: [],
      rectifications: base.rectifications.map(({ id, problemId, measure, ownerMemberId, ownerName, dueOn, status, doneOn, note }, index) => ({
        id,
        problemIndex: base.problems.findIndex((problem) => problem.id === problemId),
        measure,
        ownerMemberId,
        ownerName: ownerMemberId === null ? ownerName : null,
        dueOn,
        status,
        doneOn,
        note,
        ...changes[index],
      })),
    });
    const ticked = await call<OrgLifeMaterial>(core, 'orgLife:save', edit(first, { 0: { status: 'done', doneOn: '2026-03-20', note: '学习计划已印发执行' } }));
    expect(ticked.rectifications[0]).toMatchObject({ id: study.id, status: 'done', doneOn: '2026-03-20', overdue: false });

    const next = edit(ticked);
    next.problems.unshift({ id: null, text: '落实“三会一课”制度不够严格', category: 'discipline', source: 'superior' });
    next.rectifications = next.rectifications.map((item) => ({ ...item, problemIndex: item.problemIndex == null ? null : item.problemIndex + 1 }));
    next.rectifications.unshift({ id: null, problemIndex: 0, measure: '每月初公布组织生活安排', ownerMemberId: byName('李志强'), dueOn: '2026-12-31' });
    const third = await call<OrgLifeMaterial>(core, 'orgLife:save', next);
    expect(third.problems.slice(1).map((problem) => problem.id)).toEqual(first.problems.map((problem) => problem.id));
    expect(third.rectifications.map((item) => item.id).slice(1)).toEqual([study.id, visits.id]);
    expect(third.rectifications[1]).toMatchObject({ status: 'done', doneOn: '2026-03-20', note: '学习计划已印发执行', problemId: first.problems[0].id });
    expect(third.rectifications[0]).toMatchObject({ problemId: third.problems[0].id, status: 'open', overdue: false });
    expect(third.selfReviews.filter((row) => row.submitted)).toHaveLength(0);

    // Removing a problem keeps its rectification, unlinked; a stale window is refused.
    const dropped = edit(third);
    dropped.problems.splice(2, 1);
    dropped.rectifications = dropped.rectifications.map((item) => ({ ...item, problemIndex: item.problemIndex === 2 ? null : item.problemIndex }));
    const fourth = await call<OrgLifeMaterial>(core, 'orgLife:save', dropped);
    expect(fourth.rectifications.find((item) => item.id === visits.id)).toMatchObject({ problemId: null });
    expect((await refusal(core, 'orgLife:save', edit(third))).code).toBe('CONFLICT');

    const open = await call<RectificationListItem[]>(core, 'orgLife:rectifications', { status: 'open' });
    expect(open.map((item) => item.measure)).toEqual(['支委每季度走访联系党员和职工', '每月初公布组织生活安排']);
    expect(open[0]).toMatchObject({ meetingId, meetingHeldOn: '2025-12-26', overdue: true, problemText: null });
    const done = await call<RectificationListItem[]>(core, 'orgLife:rectifications', { status: 'done', year: 2025 });
    expect(done.map((item) => item.id)).toEqual([study.id]);
    expect(await call<RectificationListItem[]>(core, 'orgLife:rectifications', { year: 2024 })).toEqual([]);
  });

  it('refuses bad input whole: foreign ids, done without a date, a plan approved after the meeting', async () => {
    const { core, meetingId, byName } = await demo();
    const bad = material(meetingId, byName);
    bad.planApprovedOn = '2025-12-27';
    bad.problems![0] = { ...bad.problems![0], id: 424242 };
    bad.rectifications![0] = { ...bad.rectifications![0], status: 'done' };
    bad.rectifications![1] = { ...bad.rectifications![1], problemIndex: 5 };
    const error = await refusal(core, 'orgLife:save', bad);
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.map((problem) => problem.message)).toEqual([
      '不能晚于召开日期 2025-12-26（方案应在会前报批）',
      '第1条问题不属于这次组织生活会的问题清单，请刷新后重试',
      '第1项整改已完成，请填写完成日期',
      '第2项整改对应的问题不在问题清单中',
    ]);
    expect(error.details?.[0].label).toBe('方案批准日期');
    expect(await call<OrgLifeMaterial>(core, 'orgLife:get', { meetingId })).toMatchObject({ version: 0, problems: [], rectifications: [] });
  });
});

describe('谈心谈话', () => {
  /** A hand-built branch: 书记 A, 支委 B and C, 党员 D and E; E transfers out in October. */
  async function branch() {
    const core = tempCore({ clock: fixedClock('2026-11-22T10:00:00') });
    await call(core, 'branch:create', aBranch({ termStartsOn: '2024-03-15', termEndsOn: '2027-03-14' }));
    const ids: Record<string, number> = {};
    for (const name of ['书记甲', '支委乙', '支委丙', '党员丁', '党员戊']) ids[name] = (await call<Member>(core, 'members:create', aMember({ name, idNumber: null }))).id;
    const [term] = await call<CommitteeTermDetail[]>(core, 'committee:list');
    await call(core, 'committeeSeats:create', { termId: term.id, memberId: ids['书记甲'], role: 'secretary', startsOn: '2024-03-15' });
    await call(core, 'committeeSeats:create', { termId: term.id, memberId: ids['支委乙'], role: 'organization', startsOn: '2024-03-15' });
    await call(core, 'committeeSeats:create', { termId: term.id, memberId: ids['支委丙'], role: 'publicity', startsOn: '2024-03-15' });
    const talk = async (heldOn: string, names: string[], outsider?: string) => {
      const record = await call<MeetingRecord>(core, 'meetings:create', { types: ['heartToHeartTalk'], heldOn, topic: `谈心谈话：${names.join('与')}` });
      const participants = [...names.map((name) => ({ memberId: ids[name] })), ...(outsider ? [{ name: outsider }] : [])];
      return call<TalkDetail>(core, 'talks:save', { meetingId: record.id, version: 0, form: 'inPerson', participants });
    };
    return { core, ids, talk };
  }

  it('counts the pairs who talked in the year, by kind, and ignores other years', async () => {
    const { core, ids, talk } = await branch();
    await talk('2025-03-01', ['书记甲', '支委乙']);
    await talk('2025-03-02', ['支委丙', '书记甲']);
    await talk('2025-04-01', ['支委乙', '党员丁', '党员戊']);
    await talk('2025-05-01', ['党员丁'], '上级党委组织委员');
    await talk('2024-12-31', ['支委乙', '支委丙']);
    await talk('2026-01-02', ['支委乙', '支委丙']);

    const coverage = await call<TalkCoverage>(core, 'talks:coverage', { year: 2025 });
    expect(coverage.asOf).toBe('2025-12-31');
    expect(coverage.people.map((person) => [person.name, person.role])).toEqual([
      ['书记甲', 'secretary'],
      ['支委乙', 'committee'],
      ['支委丙', 'committee'],
      ['党员丁', 'member'],
      ['党员戊', 'member'],
    ]);
    expect(coverage.sentence).toBe('书记与支委谈话 2/2，支委之间谈话 0/1，支委与党员谈话 2/6，党员之间谈话 1/1');
    expect(coverage.talks).toBe(4);
    const pair = coverage.pairs.find((entry) => entry.a === Math.min(ids['书记甲'], ids['支委丙']) && entry.b === Math.max(ids['书记甲'], ids['支委丙']));
    expect(pair).toMatchObject({ kind: 'secretaryCommittee', dates: ['2025-03-02'] });

    // The current year counts up to today; a future year is refused in Chinese.
    const current = await call<TalkCoverage>(core, 'talks:coverage', { year: 2026 });
    expect(current.asOf).toBe('2026-11-22');
    expect(current.summary.find((entry) => entry.kind === 'committeeCommittee')).toMatchObject({ covered: 1, required: 1 });
    expect((await refusal(core, 'talks:coverage', { year: 2027 })).message).toContain('2027 年还没有到');
  });

  it('leaves out members who left before the reference date and counts talk records without participants', async () => {
    const { core, ids, talk } = await branch();
    await talk('2025-03-01', ['书记甲', '党员戊']);
    await call(core, 'memberEvents:create', { memberId: ids['党员戊'], kind: 'transferredOut', occurredOn: '2025-10-01', detail: '某某支部' });
    await call(core, 'meetings:create', { types: ['heartToHeartTalk'], heldOn: '2025-06-01', topic: '谈心谈话（待补录人员）' });
    const coverage = await call<TalkCoverage>(core, 'talks:coverage', { year: 2025 });
    expect(coverage.people.map((person) => person.name)).not.toContain('党员戊');
    expect(coverage.summary.find((entry) => entry.kind === 'committeeMember')).toMatchObject({ covered: 0, required: 3 });
    expect(coverage).toMatchObject({ talks: 2, talksWithoutParticipants: 1 });
  });

  it('checks participants: two or more, members on the roster of the date, no repeats', async () => {
    const { core, ids } = await branch();
    const record = await call<MeetingRecord>(core, 'meetings:create', { types: ['heartToHeartTalk'], heldOn: '2025-03-01', topic: '谈心谈话' });
    const save = (participants: object[]) => refusal(core, 'talks:save', { meetingId: record.id, version: 0, participants });
    expect((await save([{ memberId: ids['书记甲'] }])).message).toContain('至少要有两位谈话人员');
    expect((await save([{ name: '甲' }, { name: '乙' }])).message).toContain('至少要有一名本支部党员');
    expect((await save([{ memberId: ids['书记甲'] }, { memberId: ids['书记甲'] }])).message).toContain('书记甲重复填写了');
    const late = await call<Member>(core, 'members:create', aMember({ name: '后来者', idNumber: null, admittedOn: '2025-07-01', confirmedOn: null, category: 'probationary' }));
    expect((await save([{ memberId: ids['书记甲'] }, { memberId: late.id }])).message).toContain('后来者在谈话日期 2025-03-01 不是本支部党员');
    expect(await call<TalkDetail>(core, 'talks:get', { meetingId: record.id })).toMatchObject({ version: 0, participants: [] });

    const saved = await call<TalkDetail>(core, 'talks:save', { meetingId: record.id, version: 0, form: 'phone', participants: [{ memberId: ids['书记甲'] }, { memberId: null, name: '退休老党员王某' }, { memberId: null, name: null }] });
    expect(saved).toMatchObject({ version: 1, form: 'phone', participants: [{ memberId: ids['书记甲'], name: '书记甲' }, { memberId: null, name: '退休老党员王某' }] });
  });

  it('gives the demo talks their participants, so the demo year has coverage', async () => {
    const { core } = await demo();
    const coverage = await call<TalkCoverage>(core, 'talks:coverage', { year: 2025 });
    expect(coverage.summary.find((entry) => entry.kind === 'secretaryCommittee')).toMatchObject({ covered: 4, required: 4 });
    expect(coverage.talksWithoutParticipants).toBe(0);
  });
});
