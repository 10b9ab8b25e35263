import { describe, expect, it } from 'vitest';
import type { MeetingAssessment, MeetingInput, MeetingListItem, MeetingRecord } from '../../src/shared/contract/meetings';
import type { PartyGroup } from '../../src/shared/contract/groups';
import { demoBranch } from '../helpers/demo';
import { call } from '../helpers/tempCore';

const demo = () => demoBranch();

/** A 党员大会 that is also a 党课, everyone expected present except the given absentees. */
async function assemblyInput(core: Awaited<ReturnType<typeof demo>>['core'], byName: (name: string) => number, absent: string[]): Promise<MeetingInput> {
  const heldOn = '2026-09-15';
  const check = await call<MeetingAssessment>(core, 'meetings:check', { types: ['memberAssembly', 'partyLecture'], partyGroupId: null, heldOn, exclusions: [] });
  const absentIds = new Set(absent.map(byName));
  return {
    types: ['memberAssembly', 'partyLecture'],
    heldOn,
    startsAt: '14:30',
    endsAt: '16:30',
    location: '公司三楼党员活动室',
    topic: '讨论接收入党积极分子为预备党员；专题党课',
    hostMemberId: byName('陈建华'),
    recorderMemberId: byName('李志强'),
    lecturerMemberId: byName('陈建华'),
    lectureTitle: '学习贯彻党的二十届四中全会精神',
    recordedOn: '2026-09-18',
    agenda: [{ title: '讨论接收预备党员', speeches: [{ speakerMemberId: byName('王丽萍'), summary: '介绍发展对象培养考察情况' }] }],
    decisions: [{ text: '同意接收为中共预备党员，报上级党委审批', agendaPosition: 0, ownerMemberId: byName('李志强'), dueOn: '2026-10-15' }],
    votes: [],
    attendance: check.expected.map((person) =>
      absentIds.has(person.memberId)
        ? { memberId: person.memberId, status: 'leave' as const, leaveKind: 'business' as const, reason: '出差' }
        : { memberId: person.memberId, status: 'present' as const },
    ),
    guests: [{ kind: 'activist', name: '发展对象 张三' }],
    exclusions: [],
  };
}

describe('meeting records', () => {
  it('proposes 应到 from the roster as of the meeting date, split 正式/预备', async () => {
    const { core } = await demo();
    const check = await call<MeetingAssessment>(core, 'meetings:check', { types: ['memberAssembly'], partyGroupId: null, heldOn: '2026-09-15', exclusions: [] });
    expect(check.counts).toMatchObject({ expected: 25, expectedFull: 22, expectedProbationary: 3, present: 0, unmarked: 25 });
    // Before the June admissions of the demo year, two of today's 预备党员 were not members yet.
    const earlier = await call<MeetingAssessment>(core, 'meetings:check', { types: ['memberAssembly'], partyGroupId: null, heldOn: '2025-03-18', exclusions: [] });
    expect(earlier.counts.expected).toBe(22);
  });

  it('records a 党员大会 that is also a 党课, with absences, a vote and the quorum verdict', async () => {
    const { core, byName } = await demo();
    const input = await assemblyInput(core, byName, ['韩冬', '马超']);
    input.votes = [{ subject: '接收张三为预备党员', agendaPosition: 0, yes: 18, no: 1, abstain: 1, writtenYes: 1 }];
    const record = await call<MeetingRecord>(core, 'meetings:create', input);
    expect(record.types).toEqual(['memberAssembly', 'partyLecture']);
    expect(record.assessment.counts).toMatchObject({ expected: 25, present: 23, presentProbationary: 3, unmarked: 0 });
    expect(record.assessment.quorum).toMatchObject({ rule: 'assembly', valid: true });
    expect(record.assessment.votes[0]).toMatchObject({ valid: true, subject: '接收张三为预备党员' });
    expect(record.assessment.votes[0].explanation).toContain('含书面同意意见 1 份');
    expect(record.recordLagDays).toBe(3);
    expect(record.lecturerName).toBe('陈建华');
    expect(record.agenda[0].speeches[0].speakerName).toBe('王丽萍');
    expect(record.decisions[0]).toMatchObject({ ownerName: '李志强', dueOn: '2026-10-15', closedOn: null });
    expect(record.attendance.find((entry) => entry.name === '韩冬')).toMatchObject({ status: 'leave', leaveKind: 'business' });
  });

  it('saves a meeting that missed its quorum, marked, with the reason in Chinese', async () => {
    const { core, byName } = await demo();
    const absentees = ['刘国平', '吴军', '韩冬', '高峰', '徐海燕', '黄伟', '张晓燕', '马超', '赵敏', '林晓丽', '杨帆', '胡静'];
    const record = await call<MeetingRecord>(core, 'meetings:create', await assemblyInput(core, byName, absentees));
    expect(record.assessment.quorum).toMatchObject({ valid: false, needed: 12 });
    expect(record.assessment.quorum!.explanation).toContain('未超过半数');
    const list = await call<MeetingListItem[]>(core, 'meetings:list', { year: 2026 });
    expect(list.map((item) => [item.id, item.valid])).toEqual([[record.id, false]]);
  });

  it('counts only 党小组 members as of the date for a 党小组会', async () => {
    const { core } = await demo();
    const [group] = await call<PartyGroup[]>(core, 'groups:list');
    const check = await call<MeetingAssessment>(core, 'meetings:check', { types: ['groupMeeting'], partyGroupId: group.id, heldOn: '2026-09-22', exclusions: [] });
    expect(check.counts.expected).toBe(group.memberCount);
    expect(check.quorum).toBeNull();
  });

  it('takes 支委会 应到 from the committee seats of the day', async () => {
    const { core } = await demo();
    const check = await call<MeetingAssessment>(core, 'meetings:check', { types: ['committeeMeeting'], partyGroupId: null, heldOn: '2026-09-08', exclusions: [] });
    expect(check.expected.map((person) => person.name).sort()).toEqual(['刘国平', '张晓燕', '李志强', '王丽萍', '陈建华'].sort());
    expect(check.quorum).toMatchObject({ rule: 'committee', valid: false, needed: 3 });
  });

  it('sets members excluded with approval apart from 应到', async () => {
    const { core, byName } = await demo();
    const check = await call<MeetingAssessment>(core, 'meetings:check', {
      types: ['memberAssembly'],
      partyGroupId: null,
      heldOn: '2026-09-15',
      exclusions: [{ memberId: byName('韩冬'), reason: '长期在外地项目部驻场，经上级党组织同意' }],
    });
    expect(check.counts.expected).toBe(24);
    expect(check.excluded).toEqual([{ memberId: byName('韩冬'), name: '韩冬', reason: '长期在外地项目部驻场，经上级党组织同意' }]);
  });

  it.each([
    ['an end before the start', (input: MeetingInput) => ({ ...input, endsAt: '14:00' }), 'endsAt', '应晚于开始时间'],
    ['a 党课 without a title', (input: MeetingInput) => ({ ...input, lectureTitle: null }), 'lectureTitle', '课题'],
    ['a recorder marked absent', (input: MeetingInput) => ({
      ...input,
      attendance: input.attendance!.map((entry) => (entry.memberId === input.recorderMemberId ? { memberId: entry.memberId, status: 'absent' as const } : entry)),
    }), 'recorderMemberId', '记录人应出席'],
    ['a person in two attendance states', (input: MeetingInput) => ({ ...input, attendance: [...input.attendance!, { memberId: input.attendance![0].memberId, status: 'absent' as const }] }), 'attendance', '只能有一种出勤状态'],
    ['more votes than members present', (input: MeetingInput) => ({ ...input, votes: [{ subject: '表决事项', yes: 30, no: 0, abstain: 0 }] }), 'votes', '超过到会有表决权的党员'],
    ['a leave without its kind', (input: MeetingInput) => ({ ...input, attendance: input.attendance!.map((entry, index) => (index === 1 ? { memberId: entry.memberId, status: 'leave' as const } : entry)) }), 'attendance', '请选择请假类别'],
    ['a meeting in the future', (input: MeetingInput) => ({ ...input, heldOn: '2027-01-01', recordedOn: null }), 'heldOn', '不能晚于今天'],
  ])('refuses %s, naming the problem, and saves nothing', async (_label, change, path, message) => {
    const { core, byName } = await demo();
    const before = (await call<MeetingListItem[]>(core, 'meetings:list')).length;
    const result = await core.dispatch('meetings:create', change(await assemblyInput(core, byName, ['韩冬'])));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path, message: expect.stringContaining(message) })]));
    expect(await call<MeetingListItem[]>(core, 'meetings:list')).toHaveLength(before);
  });

  it('refuses attendance for someone who was not a member on the meeting date', async () => {
    const { core, byName } = await demo();
    const input = await assemblyInput(core, byName, []);
    const result = await core.dispatch('meetings:create', { ...input, heldOn: '2025-03-18', recordedOn: '2025-03-20' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(result.ok || result.error.message).toContain('不属于本次会议的应到人员');
  });

  it('updates with a version check and deletes', async () => {
    const { core, byName } = await demo();
    const record = await call<MeetingRecord>(core, 'meetings:create', await assemblyInput(core, byName, []));
    const input = await assemblyInput(core, byName, []);
    const updated = await call<MeetingRecord>(core, 'meetings:update', { ...input, id: record.id, version: record.version, topic: '改过的主题' });
    expect(updated).toMatchObject({ topic: '改过的主题', version: record.version + 1 });
    expect(await core.dispatch('meetings:update', { ...input, id: record.id, version: record.version })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await call(core, 'meetings:delete', { id: record.id });
    expect(await core.dispatch('meetings:get', { id: record.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('lists the demo year with its verdicts', async () => {
    const { core } = await demo();
    const list = await call<MeetingListItem[]>(core, 'meetings:list', { year: 2025 });
    expect(list).toHaveLength(60);
    const assemblies = await call<MeetingListItem[]>(core, 'meetings:list', { year: 2025, type: 'memberAssembly' });
    expect(assemblies).toHaveLength(4);
    for (const item of assemblies) expect(item.valid).toBe(true);
  });
});
