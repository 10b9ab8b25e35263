import { describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import { proposeEvidence } from '../../src/main/services/rubricEvidence';
import type { CommitteeTermDetail } from '../../src/shared/contract/committee';
import type { FollowUp } from '../../src/shared/contract/followUps';
import type { PartyGroup } from '../../src/shared/contract/groups';
import type { MeetingAssessment, MeetingRecord } from '../../src/shared/contract/meetings';
import type { Member } from '../../src/shared/contract/members';
import type { OrgLifeMaterial } from '../../src/shared/contract/orgLife';
import type { MeetingType } from '../../src/shared/domain/meetingTypes';
import { scoreAnswer } from '../../src/shared/domain/rubricScoring';
import type { AutoRule, RubricIndicator, Scoring } from '../../src/shared/domain/rubricTemplate';
import { aBranch, aMember } from '../helpers/builders';
import { call, fixedClock, tempCore } from '../helpers/tempCore';

// Every automatic evidence rule (issue 6 item 2) against small hand-built branches, through the real
// services on a temporary store. Today is 2026-11-22 and the year scored is 2025, so every period of
// it has ended; the pack is 全国默认. Each test states the facts it builds and the answer, points,
// record ids and sentence they must give; each rule has a case one record away from another score.

const YEAR = 2025;
type Name = '甲' | '乙' | '丙' | '丁' | '戊' | '己' | '庚';

/**
 * 书记甲, 支委乙 and 支委丙 (seats since 2024-03-15), 党员丁, 戊 and 己 (正式, since 2015); 己 transfers out
 * on 2025-06-10 and 庚 joins as 预备党员 on 2025-09-01. With `groups`, 甲乙丙 are in 第一党小组 and 丁戊己 in
 * 第二党小组.
 */
async function branch(options: { groups?: boolean } = {}) {
  const core = tempCore({ clock: fixedClock('2026-11-22T10:00:00') });
  await call(core, 'branch:create', aBranch({ termStartsOn: '2024-03-15', termEndsOn: '2027-03-14' }));
  const groups: PartyGroup[] = options.groups
    ? [await call<PartyGroup>(core, 'groups:create', { name: '第一党小组' }), await call<PartyGroup>(core, 'groups:create', { name: '第二党小组' })]
    : [];
  const ids = {} as Record<Name, number>;
  const names: Name[] = ['甲', '乙', '丙', '丁', '戊', '己'];
  for (const [index, name] of names.entries()) {
    const partyGroupId = groups.length ? groups[index < 3 ? 0 : 1].id : null;
    ids[name] = (await call<Member>(core, 'members:create', aMember({ name, idNumber: null, partyGroupId }))).id;
  }
  ids.庚 = (await call<Member>(core, 'members:create', aMember({ name: '庚', idNumber: null, admittedOn: '2025-09-01', confirmedOn: null, category: 'probationary', partyGroupId: groups[1]?.id ?? null }))).id;
  await call(core, 'memberEvents:create', { memberId: ids.己, kind: 'transferredOut', occurredOn: '2025-06-10', detail: '中共某局第三支部委员会' });
  const [term] = await call<CommitteeTermDetail[]>(core, 'committee:list');
  for (const [name, role] of [['甲', 'secretary'], ['乙', 'organization'], ['丙', 'publicity']] as const) {
    await call(core, 'committeeSeats:create', { termId: term.id, memberId: ids[name], role, startsOn: '2024-03-15' });
  }
  return { core, ids, groups };
}

interface RecordOptions {
  group?: number | null;
  absent?: number[];
  leave?: number[];
  /** 应到 people left without a mark. */
  unmarked?: number[];
  /** 谈心谈话: who talked. */
  people?: number[];
  host?: number | null;
  recorder?: number | null;
  location?: string | null;
  summary?: string | null;
  lecturer?: number;
  decisions?: { text: string; dueOn?: string }[];
}

/** A record entered through meetings:create: everyone in 应到 present unless marked otherwise, with the usual elements filled in. */
async function record(core: Core, types: MeetingType[], heldOn: string, options: RecordOptions = {}): Promise<MeetingRecord> {
  const partyGroupId = options.group ?? null;
  let people = options.people;
  if (!people) {
    const check = await call<MeetingAssessment>(core, 'meetings:check', { types, partyGroupId, heldOn, exclusions: [] });
    people = check.expected.map((person) => person.memberId);
  }
  const marked = people.filter((id) => !options.unmarked?.includes(id));
  const attendance = marked.map((memberId) =>
    options.absent?.includes(memberId)
      ? { memberId, status: 'absent' }
      : options.leave?.includes(memberId)
        ? { memberId, status: 'leave', leaveKind: 'personal', reason: '事假' }
        : { memberId, status: 'present' },
  );
  const present = marked.filter((id) => !options.absent?.includes(id) && !options.leave?.includes(id));
  return call<MeetingRecord>(core, 'meetings:create', {
    types,
    heldOn,
    partyGroupId,
    topic: `${heldOn} 学习`,
    recordedOn: heldOn,
    location: options.location === undefined ? '党员活动室' : options.location,
    hostMemberId: options.host === undefined ? (present[0] ?? null) : options.host,
    recorderMemberId: options.recorder === undefined ? (present[1] ?? present[0] ?? null) : options.recorder,
    summary: options.summary === undefined ? '传达学习上级精神，结合工作讨论落实措施。' : options.summary,
    ...(types.includes('partyLecture') ? { lecturerMemberId: options.lecturer ?? present[0], lectureTitle: '党课' } : {}),
    decisions: (options.decisions ?? []).map((decision) => ({ text: decision.text, dueOn: decision.dueOn ?? null })),
    attendance,
  });
}

async function talk(core: Core, heldOn: string, people: number[]): Promise<MeetingRecord> {
  const created = await record(core, ['heartToHeartTalk'], heldOn, { people, summary: null });
  await call(core, 'talks:save', { meetingId: created.id, version: 0, form: 'inPerson', participants: people.map((memberId) => ({ memberId })) });
  return created;
}

const months = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);
const day = (year: number, month: number, date = 15) => `${year}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);

/** One indicator's proposal from the real services, and the points its scoring gives. */
function propose(core: Core, auto: AutoRule, scoring: Scoring, maxPoints: number, year = YEAR) {
  const services = core.services;
  const result = proposeEvidence(auto, { year, scoring, sources: services, compliance: () => services.compliance.year({ year }) });
  const indicator = { id: 'x', dimensionId: 'd', text: '指标', maxPoints, scoring, evidence: '材料' } as RubricIndicator;
  const scored = result.answer ? scoreAnswer(indicator, result.answer) : null;
  return { ...result, points: scored && 'points' in scored ? scored.points : null };
}

const COUNT_12: Scoring = { type: 'countTarget', target: 12, proportional: true };
const COUNT_4: Scoring = { type: 'countTarget', target: 4, proportional: true };
const YES_NO: Scoring = { type: 'yesNo' };
const LINEAR: Scoring = { type: 'ratio', mode: 'linear' };
const DEDUCT_1: Scoring = { type: 'deduction', perOccurrence: 1, floor: 0 };

describe('obligationMet', () => {
  const committee: AutoRule = { rule: 'obligationMet', type: 'committeeMeeting' };

  it('no records at all: 0 of 12 months, 0 points, no records', async () => {
    const { core } = await branch();
    const result = propose(core, committee, COUNT_12, 8);
    expect(result).toMatchObject({ answer: { kind: 'count', value: 0 }, points: 0 });
    expect(result.evidence.recordIds).toEqual([]);
    expect(result.evidence.text).toContain('支部委员会会议应开 12 次，已开 0 次（1月、2月、3月、4月、5月、6月、7月、8月、9月、10月、11月、12月未开）');
  });

  it('exactly at target: 12 months, full marks and yes', async () => {
    const { core } = await branch();
    const ids = [];
    for (const month of months(1, 12)) ids.push((await record(core, ['committeeMeeting'], day(YEAR, month))).id);
    const result = propose(core, committee, COUNT_12, 8);
    expect(result).toMatchObject({ answer: { kind: 'count', value: 12 }, points: 8 });
    expect(result.evidence.recordIds).toEqual(sorted(ids));
    expect(result.evidence.text).toBe('支部委员会会议应开 12 次，已开 12 次');
    expect(propose(core, committee, YES_NO, 8)).toMatchObject({ answer: { kind: 'yesNo', value: true }, points: 8 });
  });

  it('one short: August missing; its deleted record and the Augusts of 2024 and 2026 do not count; a second July meeting does not fill it', async () => {
    const { core } = await branch();
    const ids = [];
    for (const month of [...months(1, 7), ...months(9, 12)]) ids.push((await record(core, ['committeeMeeting'], day(YEAR, month))).id);
    ids.push((await record(core, ['committeeMeeting'], day(YEAR, 7, 28))).id);
    const deleted = await record(core, ['committeeMeeting'], day(YEAR, 8));
    await call(core, 'meetings:delete', { id: deleted.id });
    await record(core, ['committeeMeeting'], day(2024, 8));
    await record(core, ['committeeMeeting'], day(2026, 8));
    const result = propose(core, committee, COUNT_12, 8);
    expect(result).toMatchObject({ answer: { kind: 'count', value: 11 }, points: 7.33 });
    expect(result.evidence.recordIds).toEqual(sorted(ids));
    expect(result.evidence.text).toBe('支部委员会会议应开 12 次，已开 11 次（8月未开）');
    expect(propose(core, committee, YES_NO, 8)).toMatchObject({ answer: { kind: 'yesNo', value: false }, points: 0 });
  });

  it('a 支委会 that missed its quorum (1 of 3 委员) is listed but not counted', async () => {
    const { core, ids } = await branch();
    const held = [];
    for (const month of months(1, 12)) {
      const options = month === 3 ? { absent: [ids.乙, ids.丙], host: ids.甲, recorder: ids.甲 } : {};
      held.push(await record(core, ['committeeMeeting'], day(YEAR, month), options));
    }
    expect(held[2].assessment.quorum?.valid).toBe(false);
    const result = propose(core, committee, COUNT_12, 8);
    expect(result).toMatchObject({ answer: { kind: 'count', value: 11 }, points: 7.33 });
    expect(result.evidence.recordIds).toEqual(sorted(held.map((item) => item.id)));
    expect(result.evidence.text).toBe('支部委员会会议应开 12 次，已开 11 次（3月未开）；2025-03-15 的支部委员会会议未达到规定的到会人数，不计入');
  });

  it('党课 by quarter (the pack sets only 书记讲党课): two in Q1 and none in Q2 give 3 of 4 quarters, not 4 records', async () => {
    const { core, ids } = await branch();
    const lectures = [
      await record(core, ['partyLecture'], day(YEAR, 2), { lecturer: ids.甲 }),
      await record(core, ['partyLecture', 'themedPartyDay'], day(YEAR, 3), { lecturer: ids.丁 }),
      await record(core, ['partyLecture'], day(YEAR, 8), { lecturer: ids.乙 }),
      await record(core, ['partyLecture'], day(YEAR, 11), { lecturer: ids.甲 }),
    ];
    await record(core, ['partyLecture'], day(2024, 5), { lecturer: ids.甲 });
    const result = propose(core, { rule: 'obligationMet', type: 'partyLecture', period: 'quarter' }, COUNT_4, 3);
    expect(result).toMatchObject({ answer: { kind: 'count', value: 3 }, points: 2.25 });
    expect(result.evidence.recordIds).toEqual(sorted(lectures.map((item) => item.id)));
    expect(result.evidence.text).toBe(`党课每季度应开 4 次，已开 3 次（第2季度未开）；书记讲党课 2 次（2025-02-15、2025-11-15）`);
  });

  it('党小组会: a month counts only when every 党小组 met; each group’s gaps are named', async () => {
    const { core, groups } = await branch({ groups: true });
    const ids = [];
    for (const month of months(1, 12)) {
      ids.push((await record(core, ['groupMeeting'], day(YEAR, month), { group: groups[0].id })).id);
      if (month !== 2 && month !== 10) ids.push((await record(core, ['groupMeeting'], day(YEAR, month, 20), { group: groups[1].id })).id);
    }
    const result = propose(core, { rule: 'obligationMet', type: 'groupMeeting' }, COUNT_12, 3);
    expect(result).toMatchObject({ answer: { kind: 'count', value: 10 }, points: 2.5 });
    expect(result.evidence.recordIds).toEqual(sorted(ids));
    expect(result.evidence.text).toBe('党小组会每月应开，各党小组都已召开的有 10 个月（2月、10月有党小组未开）；第一党小组 12/12，第二党小组 10/12（2月、10月未开）');
  });

  it('党小组会 in a branch without 党小组 is 需手工评分, not 0', async () => {
    const { core } = await branch();
    const result = propose(core, { rule: 'obligationMet', type: 'groupMeeting' }, COUNT_12, 3);
    expect(result).toMatchObject({ answer: null, points: null, evidence: { recordIds: [] } });
    expect(result.evidence.text).toBe('需手工评分：本支部2025年未设党小组，“党小组会”不适用');
  });
});

describe('obligationShortfall', () => {
  const threeMeetings: AutoRule = { rule: 'obligationShortfall', types: ['committeeMeeting', 'memberAssembly', 'groupMeeting', 'partyLecture'] };

  it('no records at all: every period of every rule is missed — 12 + 4 + 2 × 12 + 1', async () => {
    const { core } = await branch({ groups: true });
    const result = propose(core, threeMeetings, DEDUCT_1, 8);
    expect(result).toMatchObject({ answer: { kind: 'occurrences', value: 41 }, points: 0 });
    expect(result.evidence.recordIds).toEqual([]);
    expect(result.evidence.text).toContain('应开未开 41 次');
    expect(result.evidence.text).toContain('支部党员大会 第1季度、第2季度、第3季度、第4季度未开');
    expect(result.evidence.text).toContain('书记讲党课 2025年未开');
  });

  it('counts each missed period once per 党小组; a quorum-less 党员大会 and a deleted record do not fill a period', async () => {
    const { core, ids, groups } = await branch({ groups: true });
    const counted: number[] = [];
    for (const month of months(1, 12)) {
      if (month !== 8) counted.push((await record(core, ['committeeMeeting'], day(YEAR, month))).id);
      counted.push((await record(core, ['groupMeeting'], day(YEAR, month, 20), { group: groups[0].id })).id);
      if (month !== 2) counted.push((await record(core, ['groupMeeting'], day(YEAR, month, 21), { group: groups[1].id })).id);
    }
    counted.push((await record(core, ['memberAssembly', 'partyLecture'], day(YEAR, 3, 25), { lecturer: ids.甲 })).id);
    counted.push((await record(core, ['memberAssembly'], day(YEAR, 6, 25))).id);
    // Q4: 2 of the 5 with a vote (庚 is 预备) present — no quorum (more than half, i.e. 3, needed).
    const noQuorum = await record(core, ['memberAssembly'], day(YEAR, 12, 25), { absent: [ids.丙, ids.丁, ids.戊, ids.庚] });
    expect(noQuorum.assessment.quorum?.valid).toBe(false);
    counted.push(noQuorum.id);
    const deleted = await record(core, ['memberAssembly'], day(YEAR, 9, 25));
    await call(core, 'meetings:delete', { id: deleted.id });
    const result = propose(core, threeMeetings, DEDUCT_1, 8);
    // 支委会 8月, 第二党小组 2月, 党员大会 Q3 and Q4: 4 missed.
    expect(result).toMatchObject({ answer: { kind: 'occurrences', value: 4 }, points: 4 });
    expect(result.evidence.recordIds).toEqual(sorted(counted));
    expect(result.evidence.text).toBe(
      '应开未开 4 次：支部委员会会议 8月未开；支部党员大会 第3季度、第4季度未开；党小组会 第二党小组 2月未开；按期召开：书记讲党课；2025-12-25 的支部党员大会未达到规定的到会人数，不计入',
    );
  });

  it('a branch with only a 书记 is not checked for 支委会, and says so', async () => {
    const core = tempCore({ clock: fixedClock('2026-11-22T10:00:00') });
    await call(core, 'branch:create', aBranch());
    await call(core, 'members:create', aMember({ name: '甲', idNumber: null }));
    await record(core, ['memberAssembly'], day(YEAR, 2));
    await record(core, ['memberAssembly'], day(YEAR, 5));
    await record(core, ['memberAssembly'], day(YEAR, 11));
    const result = propose(core, { rule: 'obligationShortfall', types: ['committeeMeeting', 'memberAssembly'] }, DEDUCT_1, 8);
    expect(result).toMatchObject({ answer: { kind: 'occurrences', value: 1 }, points: 7 });
    expect(result.evidence.text).toBe('应开未开 1 次：支部党员大会 第3季度未开；支部委员会会议不检查（本支部未设支部委员会（只设书记），不召开支委会）');
  });

  it('a bad parameter is 需手工评分 naming it', async () => {
    const { core } = await branch();
    const result = propose(core, { rule: 'obligationShortfall', types: ['committeeMeeting', 'meeting'] }, DEDUCT_1, 8);
    expect(result).toMatchObject({ answer: null, evidence: { recordIds: [], text: expect.stringMatching(/^需手工评分：自动规则参数 types 应为会议类型.*“meeting”/) } });
  });
});

/** Saves a 整改清单 on a 组织生活会 record: each item open or done. */
async function rectify(core: Core, meetingId: number, items: { measure: string; dueOn: string; doneOn?: string }[]) {
  return call<OrgLifeMaterial>(core, 'orgLife:save', {
    meetingId,
    version: 0,
    rectifications: items.map((item) => ({ measure: item.measure, dueOn: item.dueOn, status: item.doneOn ? 'done' : 'open', doneOn: item.doneOn ?? null })),
  });
}

describe('orgLifeMeetingRectified', () => {
  const auto: AutoRule = { rule: 'orgLifeMeetingRectified' };

  it('none in the year (one in 2024, one deleted): not met, no records', async () => {
    const { core } = await branch();
    const old = await record(core, ['orgLifeMeeting'], day(2024, 12));
    await rectify(core, old.id, [{ measure: '加强学习', dueOn: '2025-03-31', doneOn: '2025-03-01' }]);
    const deleted = await record(core, ['orgLifeMeeting'], day(YEAR, 12));
    await rectify(core, deleted.id, [{ measure: '加强学习', dueOn: '2026-03-31', doneOn: '2026-03-01' }]);
    await call(core, 'meetings:delete', { id: deleted.id });
    const result = propose(core, auto, YES_NO, 4);
    expect(result).toMatchObject({ answer: { kind: 'yesNo', value: false }, points: 0, evidence: { recordIds: [], text: '2025年未召开组织生活会' } });
  });

  it('held but no 整改清单 entered: 需手工评分, with the record', async () => {
    const { core } = await branch();
    const held = await record(core, ['orgLifeMeeting', 'democraticReview'], day(YEAR, 12, 20));
    const result = propose(core, auto, YES_NO, 4);
    expect(result).toMatchObject({ answer: null, points: null, evidence: { recordIds: [held.id] } });
    expect(result.evidence.text).toMatch(/^需手工评分：组织生活会已于 2025-12-20 召开，但没有录入整改清单/);
  });

  it('one 整改 item of two still open: not met, the open item named with its overdue deadline; closing it gives full marks', async () => {
    const { core } = await branch();
    const held = await record(core, ['orgLifeMeeting'], day(YEAR, 12, 20));
    const saved = await rectify(core, held.id, [
      { measure: '每月开展一次专题学习', dueOn: '2026-03-31', doneOn: '2026-03-20' },
      { measure: '建立谈心谈话台账', dueOn: '2026-06-30' },
    ]);
    const open = propose(core, auto, YES_NO, 4);
    expect(open).toMatchObject({ answer: { kind: 'yesNo', value: false }, points: 0, evidence: { recordIds: [held.id] } });
    expect(open.evidence.text).toBe('组织生活会已于 2025-12-20 召开；整改清单 2 项，已完成 1 项，未完成 1 项：建立谈心谈话台账（期限 2026-06-30，已逾期）');
    await call(core, 'orgLife:save', {
      meetingId: held.id,
      version: saved.version,
      rectifications: saved.rectifications.map((item) => ({ id: item.id, measure: item.measure, dueOn: item.dueOn, status: 'done', doneOn: item.doneOn ?? '2026-07-10' })),
    });
    const closed = propose(core, auto, YES_NO, 4);
    expect(closed).toMatchObject({ answer: { kind: 'yesNo', value: true }, points: 4 });
    expect(closed.evidence.text).toBe('组织生活会已于 2025-12-20 召开；整改清单 2 项，已完成 2 项，全部完成');
  });
});

describe('democraticReviewDone', () => {
  const auto: AutoRule = { rule: 'democraticReviewDone' };

  it('not done in the year (2024’s and a deleted one do not count): not met', async () => {
    const { core } = await branch();
    await record(core, ['democraticReview'], day(2024, 12));
    const deleted = await record(core, ['democraticReview'], day(YEAR, 12));
    await call(core, 'meetings:delete', { id: deleted.id });
    expect(propose(core, auto, YES_NO, 5)).toMatchObject({ answer: { kind: 'yesNo', value: false }, points: 0, evidence: { recordIds: [], text: '2025年未开展民主评议党员' } });
  });

  it('done: met, with the grades entered (预备党员 庚 not graded, 己 gone by then)', async () => {
    const { core, ids } = await branch();
    const held = await record(core, ['democraticReview', 'memberAssembly'], day(YEAR, 12, 26));
    const first = propose(core, auto, YES_NO, 5);
    expect(first).toMatchObject({ answer: { kind: 'yesNo', value: true }, points: 5, evidence: { recordIds: [held.id], text: '民主评议党员已于 2025-12-26 开展；评定等次尚未录入，请在该记录中补录' } });
    const grades = [ids.甲, ids.乙, ids.丙, ids.丁, ids.戊].map((memberId, index) => ({ memberId, grade: index === 0 ? 'excellent' : 'qualified' }));
    await call(core, 'democraticReview:save', { meetingId: held.id, version: 0, grades });
    expect(propose(core, auto, YES_NO, 5).evidence.text).toBe('民主评议党员已于 2025-12-26 开展；评定等次：优秀 1 人、合格 4 人');
  });
});

describe('orgLifeAndReviewDone', () => {
  const auto: AutoRule = { rule: 'orgLifeAndReviewDone' };

  it('组织生活会 with its 整改清单 but no 民主评议: not met, saying what is missing', async () => {
    const { core } = await branch();
    const held = await record(core, ['orgLifeMeeting'], day(YEAR, 12, 20));
    await rectify(core, held.id, [{ measure: '加强学习', dueOn: '2026-03-31' }]);
    await record(core, ['democraticReview'], day(2024, 12, 20));
    const result = propose(core, auto, YES_NO, 4);
    expect(result).toMatchObject({ answer: { kind: 'yesNo', value: false }, points: 0, evidence: { recordIds: [held.id] } });
    expect(result.evidence.text).toBe('组织生活会已于 2025-12-20 召开，整改清单 1 项（已完成 0 项）；2025年未开展民主评议党员');
  });

  it('both held, no 整改清单: 需手工评分; with the 整改清单 (still open): met, both records listed', async () => {
    const { core } = await branch();
    const orgLife = await record(core, ['orgLifeMeeting'], day(YEAR, 12, 20));
    const review = await record(core, ['democraticReview'], day(YEAR, 11, 20));
    const undecided = propose(core, auto, YES_NO, 4);
    expect(undecided).toMatchObject({ answer: null, points: null, evidence: { recordIds: sorted([orgLife.id, review.id]) } });
    expect(undecided.evidence.text).toMatch(/^需手工评分：组织生活会已于 2025-12-20 召开，但没有录入整改清单；民主评议党员已于 2025-11-20 开展/);
    await rectify(core, orgLife.id, [{ measure: '加强学习', dueOn: '2026-12-31' }]);
    const met = propose(core, auto, YES_NO, 4);
    expect(met).toMatchObject({ answer: { kind: 'yesNo', value: true }, points: 4, evidence: { recordIds: sorted([orgLife.id, review.id]) } });
    expect(met.evidence.text).toBe('组织生活会已于 2025-12-20 召开，整改清单 1 项（已完成 0 项）；民主评议党员已于 2025-11-20 开展');
  });
});

describe('attendanceRate', () => {
  const auto: AutoRule = { rule: 'attendanceRate' };
  const thresholds: Scoring = { type: 'ratio', mode: 'thresholds', thresholds: [ { atLeast: 0.8, points: 1 }, { atLeast: 0.9, points: 2 } ] };

  it('no records: 需手工评分', async () => {
    const { core } = await branch();
    expect(propose(core, auto, thresholds, 2)).toMatchObject({ answer: null, evidence: { recordIds: [], text: '需手工评分：2025年没有应参加的组织生活记录' } });
  });

  it('18 of 20 is exactly 90%: 2 points; 己 counted until she left, 庚 from joining; talks, deleted records and other years left out; one more absence drops it to 1 point', async () => {
    const { core, ids } = await branch();
    const counted = [
      await record(core, ['themedPartyDay'], day(YEAR, 3), { absent: [ids.己] }), // 6 expected (甲…己), 5 present
      await record(core, ['themedPartyDay'], day(YEAR, 7)), // 5 expected (己 gone), 5 present
      await record(core, ['themedPartyDay'], day(YEAR, 10), { leave: [ids.丁] }), // 6 expected (庚 joined), 5 present
      await record(core, ['committeeMeeting'], day(YEAR, 11)), // 3 expected, 3 present
    ];
    expect(counted.map((item) => [item.assessment.counts.expected, item.assessment.counts.present])).toEqual([[6, 5], [5, 5], [6, 5], [3, 3]]);
    await talk(core, day(YEAR, 5), [ids.甲, ids.丁]);
    const deleted = await record(core, ['themedPartyDay'], day(YEAR, 4), { absent: [ids.乙, ids.丙] });
    await call(core, 'meetings:delete', { id: deleted.id });
    await record(core, ['themedPartyDay'], day(2024, 12), { absent: [ids.乙, ids.丙] });
    await record(core, ['themedPartyDay'], day(2026, 1), { absent: [ids.乙, ids.丙] });
    const result = propose(core, auto, thresholds, 2);
    expect(result).toMatchObject({ answer: { kind: 'ratio', value: 0.9 }, points: 2 });
    expect(result.evidence.recordIds).toEqual(sorted(counted.map((item) => item.id)));
    expect(result.evidence.text).toBe('4 次组织生活（谈心谈话不计），应参加 20 人次，实际出席 18 人次，参加率 90%');
    const another = await record(core, ['committeeMeeting'], day(YEAR, 12), { absent: [ids.丙] });
    const lower = propose(core, auto, thresholds, 2);
    expect(lower).toMatchObject({ answer: { kind: 'ratio', value: 0.8696 }, points: 1 });
    expect(lower.evidence.recordIds).toEqual(sorted([...counted.map((item) => item.id), another.id]));
  });
});

describe('talkCoverage', () => {
  it('the committee’s pairs among the members at the year’s end: 3 of 12; the records that covered one are listed', async () => {
    const { core, ids } = await branch();
    // Required (甲 书记; 乙丙 支委; 丁戊庚 党员 on 2025-12-31): 书记与支委 2, 支委之间 1, 支委与党员 9.
    const covering = [await talk(core, day(YEAR, 11, 1), [ids.甲, ids.乙]), await talk(core, day(YEAR, 11, 2), [ids.甲, ids.丁]), await talk(core, day(YEAR, 11, 3), [ids.乙, ids.庚])];
    await talk(core, day(YEAR, 5, 1), [ids.甲, ids.己]); // 己 left in June: not required
    await talk(core, day(YEAR, 11, 4), [ids.丁, ids.戊]); // 党员之间: not counted by default
    await talk(core, day(2024, 11, 5), [ids.甲, ids.丙]); // last year
    const deleted = await talk(core, day(YEAR, 11, 6), [ids.乙, ids.丙]);
    await call(core, 'meetings:delete', { id: deleted.id });
    const result = propose(core, { rule: 'talkCoverage' }, LINEAR, 4);
    expect(result).toMatchObject({ answer: { kind: 'ratio', value: 0.25 }, points: 1 });
    expect(result.evidence.recordIds).toEqual(sorted(covering.map((item) => item.id)));
    expect(result.evidence.text).toBe(
      '书记与支委谈话 1/2，支委之间谈话 0/1，支委与党员谈话 2/9，党员之间谈话 1/3；计分口径（书记与支委谈话、支委之间谈话、支委与党员谈话）3/12，覆盖率 25%',
    );
    const secretaryOnly = propose(core, { rule: 'talkCoverage', kinds: ['secretaryCommittee'] }, LINEAR, 4);
    expect(secretaryOnly).toMatchObject({ answer: { kind: 'ratio', value: 0.5 }, points: 2, evidence: { recordIds: [covering[0].id] } });
  });
});

describe('followUpsClosed', () => {
  const auto: AutoRule = { rule: 'followUpsClosed' };

  it('no 议定事项 in the year: 需手工评分', async () => {
    const { core } = await branch();
    await record(core, ['committeeMeeting'], day(2024, 3), { decisions: [{ text: '制定学习计划', dueOn: '2024-04-30' }] });
    expect(propose(core, auto, LINEAR, 4)).toMatchObject({ answer: null, evidence: { recordIds: [], text: '需手工评分：2025年的会议没有登记议定事项' } });
  });

  it('3 of 4 closed: 75%, 3 points; the open one named as overdue; 2024’s and a deleted meeting’s decisions left out', async () => {
    const { core } = await branch();
    const march = await record(core, ['committeeMeeting'], day(YEAR, 3), {
      decisions: [{ text: '制定学习计划', dueOn: '2025-04-30' }, { text: '调整党小组', dueOn: '2025-05-31' }, { text: '开展志愿服务', dueOn: '2025-06-30' }],
    });
    const may = await record(core, ['memberAssembly'], day(YEAR, 5), { decisions: [{ text: '推荐优秀党员', dueOn: '2025-07-31' }] });
    await record(core, ['committeeMeeting'], day(2024, 3), { decisions: [{ text: '去年的事项', dueOn: '2024-06-30' }] });
    const deleted = await record(core, ['committeeMeeting'], day(YEAR, 4), { decisions: [{ text: '删除的事项', dueOn: '2025-06-30' }] });
    await call(core, 'meetings:delete', { id: deleted.id });
    const items = await call<FollowUp[]>(core, 'followUps:list', {});
    for (const item of items.filter((candidate) => candidate.text !== '开展志愿服务')) await call(core, 'followUps:close', { id: item.id, closedOn: '2025-09-30', note: '已完成' });
    const result = propose(core, auto, LINEAR, 4);
    expect(result).toMatchObject({ answer: { kind: 'ratio', value: 0.75 }, points: 3 });
    expect(result.evidence.recordIds).toEqual(sorted([march.id, may.id]));
    expect(result.evidence.text).toBe('议定事项 4 项，已办结 3 项（75%）；未办结 1 项：开展志愿服务（2025-03-15 会议，期限 2025-06-30，已逾期）');
  });
});

describe('memberGaps', () => {
  const auto: AutoRule = { rule: 'memberGaps', months: 6 };

  it('no records: nobody has a gap, full marks', async () => {
    const { core } = await branch();
    expect(propose(core, auto, DEDUCT_1, 3)).toMatchObject({ answer: { kind: 'occurrences', value: 0 }, points: 3, evidence: { recordIds: [], text: '没有连续 6 个月以上未参加组织生活的党员' } });
  });

  it('6 months counts, 5 does not; a run wholly in 2024 does not, one from 2024 into 2025 counts whole; the records missed are listed', async () => {
    const { core, ids } = await branch();
    // 2024, May–December: 乙 absent May–October (a run wholly in 2024), 丙 absent November and December.
    const records = new Map<string, number>();
    for (const month of months(5, 12)) {
      const absent = [...(month <= 10 ? [ids.乙] : []), ...(month >= 11 ? [ids.丙] : [])];
      records.set(day(2024, month), (await record(core, ['themedPartyDay'], day(2024, month), { absent })).id);
    }
    // 2025: 丙 absent January–April (6 months with 2024's two), 丁 March–August (6), 戊 March–July (5) and
    // on leave in August (neither counts nor ends the run), 丁 on leave in September.
    for (const month of months(1, 12)) {
      const absent = [...(month <= 4 ? [ids.丙] : []), ...(month >= 3 && month <= 8 ? [ids.丁] : []), ...(month >= 3 && month <= 7 ? [ids.戊] : [])];
      const leave = month === 8 ? [ids.戊] : month === 9 ? [ids.丁] : [];
      records.set(day(YEAR, month), (await record(core, ['themedPartyDay'], day(YEAR, month), { absent, leave })).id);
    }
    // A deleted August record where 戊 was absent: counted, it would make her run six months.
    const deleted = await record(core, ['themedPartyDay'], day(YEAR, 8, 25), { absent: [ids.戊] });
    await call(core, 'meetings:delete', { id: deleted.id });
    const result = propose(core, auto, DEDUCT_1, 3);
    expect(result).toMatchObject({ answer: { kind: 'occurrences', value: 2 }, points: 1 });
    const dates = [...['2024-11', '2024-12', '2025-01', '2025-02', '2025-03', '2025-04'], ...['2025-05', '2025-06', '2025-07', '2025-08']].map((month) => `${month}-15`);
    expect(result.evidence.recordIds).toEqual(sorted(dates.map((date) => records.get(date)!)));
    expect(result.evidence.text).toBe('连续 6 个月以上未参加组织生活的党员 2 人：丙（2024-11—2025-04，6 个月）、丁（2025-03—2025-08，6 个月）');
  });
});

describe('recordsComplete', () => {
  const auto: AutoRule = { rule: 'recordsComplete' };

  it('no records: 需手工评分', async () => {
    const { core } = await branch();
    expect(propose(core, auto, DEDUCT_1, 5)).toMatchObject({ answer: null, evidence: { recordIds: [], text: expect.stringMatching(/^需手工评分：2025年没有会议记录/) } });
  });

  it('each missing element is one occurrence; incomplete records listed; talks, deleted records and 2024 not checked', async () => {
    const { core, ids } = await branch();
    await record(core, ['committeeMeeting'], day(YEAR, 1));
    await record(core, ['themedPartyDay', 'partyLecture'], day(YEAR, 2));
    await record(core, ['memberAssembly'], day(YEAR, 3), { summary: null, decisions: [{ text: '通过年度计划' }] });
    const noPlaceNoRecorder = await record(core, ['committeeMeeting'], day(YEAR, 4), { location: null, recorder: null });
    const notAllMarked = await record(core, ['themedPartyDay'], day(YEAR, 5), { unmarked: [ids.丁] });
    const noContent = await record(core, ['themedPartyDay'], day(YEAR, 6), { summary: null });
    await talk(core, day(YEAR, 7), [ids.甲, ids.丁]);
    const deleted = await record(core, ['themedPartyDay'], day(YEAR, 8), { summary: null, location: null });
    await call(core, 'meetings:delete', { id: deleted.id });
    await record(core, ['themedPartyDay'], day(2024, 8), { summary: null, location: null });
    const result = propose(core, auto, DEDUCT_1, 5);
    expect(result).toMatchObject({ answer: { kind: 'occurrences', value: 4 }, points: 1 });
    expect(result.evidence.recordIds).toEqual(sorted([noPlaceNoRecorder.id, notAllMarked.id, noContent.id]));
    expect(result.evidence.text).toBe(
      '6 份会议记录中 3 份要素不全，共缺 4 项：2025-04-15 支部委员会会议缺地点、记录人；2025-05-15 主题党日缺出勤登记（1 人未登记）；2025-06-15 主题党日缺会议内容（主要内容、议题或决议）',
    );
  });
});

describe('rule lookup', () => {
  it('a rule name that is an Object property (constructor, toString) is unknown, not called', async () => {
    const { core } = await branch();
    for (const name of ['constructor', 'toString', 'hasOwnProperty']) {
      expect(propose(core, { rule: name }, YES_NO, 4)).toMatchObject({ answer: null, evidence: { recordIds: [], text: `需手工评分：本软件不认识自动规则“${name}”，请对照材料评分` } });
    }
  });
});
