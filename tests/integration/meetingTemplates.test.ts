import { describe, expect, it } from 'vitest';
import type { MeetingStart, MeetingStartOption } from '../../src/shared/contract/meetingTemplates';
import type { MeetingAssessment, MeetingInput, MeetingRecord } from '../../src/shared/contract/meetings';
import type { PartyGroup } from '../../src/shared/contract/groups';
import { aBranch } from '../helpers/builders';
import { demoBranch } from '../helpers/demo';
import { call, fixedClock, tempCore } from '../helpers/tempCore';

const demo = () => demoBranch();

describe('starting a new record (meetingTemplates:list, get)', () => {
  it('offers a template per type and the last record of each type', async () => {
    const { core } = await demo();
    const options = await call<MeetingStartOption[]>(core, 'meetingTemplates:list');
    const committee = options.find((option) => option.type === 'committeeMeeting')!;
    expect(committee.template?.agenda).toContain('研究讨论支部工作');
    // The demo year (2025) ends with a 支委会 in December.
    expect(committee.last?.heldOn.slice(0, 7)).toBe('2025-12');
    expect(options.find((option) => option.type === 'heartToHeartTalk')!.template).toBeNull();
  });

  it('fills a 支委会 template with the 书记 as host and the last 支委会 recorder, place and times', async () => {
    const { core, nameOf } = await demo();
    const start = await call<MeetingStart>(core, 'meetingTemplates:get', { type: 'committeeMeeting', from: 'template' });
    const last = await call<MeetingRecord>(core, 'meetings:get', { id: start.source!.id });
    expect(start.draft.types).toEqual(['committeeMeeting']);
    expect(start.draft.agenda.map((item) => item.title)).toEqual(['传达学习上级精神', '通报上次会议议定事项落实情况', '研究讨论支部工作', '议定事项']);
    expect(nameOf(start.draft.hostMemberId)).toBe('陈建华');
    expect(start.draft.recorderMemberId).toBe(last.recorderMemberId);
    expect(start.draft).toMatchObject({ location: last.location, startsAt: last.startsAt, endsAt: last.endsAt, topic: '', partyGroupId: null });
  });

  it('has the standard 组织生活会 steps', async () => {
    const { core } = await demo();
    const start = await call<MeetingStart>(core, 'meetingTemplates:get', { type: 'orgLifeMeeting', from: 'template' });
    expect(start.draft.agenda.map((item) => item.title)).toEqual([
      '通报上年度整改落实情况',
      '书记代表支委会作对照检查',
      '支委成员个人对照检查',
      '党员逐一对照检查，开展批评和自我批评',
      '明确整改措施',
    ]);
  });

  it('remembers the 党小组 and lets its 组长 chair a 党小组会', async () => {
    const { core } = await demo();
    const groups = await call<PartyGroup[]>(core, 'groups:list');
    const start = await call<MeetingStart>(core, 'meetingTemplates:get', { type: 'groupMeeting', from: 'template' });
    const group = groups.find((candidate) => candidate.id === start.draft.partyGroupId)!;
    const last = await call<MeetingRecord>(core, 'meetings:get', { id: start.source!.id });
    expect(group.id).toBe(last.partyGroupId);
    expect(start.draft.hostMemberId).toBe(group.leaderId);
    const other = groups.find((candidate) => candidate.id !== group.id)!;
    const forOther = await call<MeetingStart>(core, 'meetingTemplates:get', { type: 'groupMeeting', from: 'template', partyGroupId: other.id });
    expect(forOther.draft).toMatchObject({ partyGroupId: other.id, hostMemberId: other.leaderId });
  });

  it('copies the last record of a type without its date, topic, attendance, speeches, votes or decisions', async () => {
    const { core, byName } = await demo();
    const check = await call<MeetingAssessment>(core, 'meetings:check', { types: ['memberAssembly', 'partyLecture'], partyGroupId: null, heldOn: '2026-09-15', exclusions: [] });
    const input: MeetingInput = {
      types: ['memberAssembly', 'partyLecture'],
      heldOn: '2026-09-15',
      startsAt: '14:30',
      endsAt: '16:30',
      location: '公司三楼党员活动室',
      topic: '讨论接收预备党员；专题党课',
      hostMemberId: byName('陈建华'),
      recorderMemberId: byName('李志强'),
      lecturerMemberId: byName('陈建华'),
      lectureTitle: '学习贯彻党的二十届四中全会精神',
      agenda: [{ title: '讨论接收预备党员', speeches: [{ speakerMemberId: byName('王丽萍'), summary: '介绍培养考察情况' }] }, { title: '专题党课', speeches: [] }],
      votes: [{ subject: '接收张三为预备党员', yes: 20, no: 0, abstain: 0 }],
      decisions: [{ text: '报上级党委审批', ownerMemberId: byName('李志强'), dueOn: '2026-10-15' }],
      attendance: check.expected.map((person) => ({ memberId: person.memberId, status: 'present' as const })),
    };
    await call(core, 'meetings:create', input);
    const copy = await call<MeetingStart>(core, 'meetingTemplates:get', { type: 'partyLecture', from: 'last' });
    expect(copy.source).toMatchObject({ heldOn: '2026-09-15', topic: '讨论接收预备党员；专题党课' });
    expect(copy.draft).toEqual({
      types: ['memberAssembly', 'partyLecture'],
      partyGroupId: null,
      startsAt: '14:30',
      endsAt: '16:30',
      location: '公司三楼党员活动室',
      topic: '',
      hostMemberId: byName('陈建华'),
      recorderMemberId: byName('李志强'),
      lecturerMemberId: byName('陈建华'),
      lecturerName: '陈建华',
      lectureTitle: null,
      agenda: [{ title: '讨论接收预备党员' }, { title: '专题党课' }],
    });
  });

  it('says so when there is nothing to copy or no template', async () => {
    const core = tempCore({ clock: fixedClock('2026-11-22T10:00:00') });
    await call(core, 'branch:create', aBranch());
    const none = await core.dispatch('meetingTemplates:get', { type: 'committeeMeeting', from: 'last' });
    expect(none).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('还没有支部委员会会议记录可以复制') } });
    // A new branch still gets the template, with nobody guessed.
    const fresh = await call<MeetingStart>(core, 'meetingTemplates:get', { type: 'committeeMeeting', from: 'template' });
    expect(fresh).toMatchObject({ source: null, draft: { hostMemberId: null, recorderMemberId: null, location: null, agenda: expect.arrayContaining([{ title: '议定事项' }]) } });
    const noTemplate = await core.dispatch('meetingTemplates:get', { type: 'heartToHeartTalk', from: 'template' });
    expect(noTemplate).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('没有预置模板') } });
  });
});

describe('meetings:check with the draft attendance and votes', () => {
  it('returns the same counts and verdicts that saving stores', async () => {
    const { core, byName } = await demo();
    const heldOn = '2026-09-15';
    const base = await call<MeetingAssessment>(core, 'meetings:check', { types: ['memberAssembly'], partyGroupId: null, heldOn, exclusions: [] });
    const away = new Set(['韩冬', '马超', '高峰'].map(byName));
    const attendance: MeetingInput['attendance'] = base.expected.map((person, index) =>
      index === 0
        ? { memberId: person.memberId, status: 'absent', reason: '未请假' }
        : away.has(person.memberId)
          ? { memberId: person.memberId, status: 'leave', leaveKind: 'business' }
          : { memberId: person.memberId, status: 'present' },
    );
    const votes = [
      { subject: '接收张三为预备党员', yes: 17, no: 1, abstain: 0, writtenYes: 1 },
      { subject: '接收李四为预备党员', yes: 10, no: 5, abstain: 2 },
    ];
    const draft = await call<MeetingAssessment>(core, 'meetings:check', { types: ['memberAssembly'], partyGroupId: null, heldOn, exclusions: [], attendance, votes });
    const saved = await call<MeetingRecord>(core, 'meetings:create', {
      types: ['memberAssembly'],
      heldOn,
      topic: '讨论接收预备党员',
      attendance,
      votes,
    });
    expect(draft.counts).toEqual(saved.assessment.counts);
    expect(draft.counts).toMatchObject({ expected: 25, present: 21, leave: 3, absent: 1, unmarked: 0 });
    expect(draft.quorum).toEqual(saved.assessment.quorum);
    expect(draft.votes).toEqual(saved.assessment.votes);
    expect(draft.votes.map((vote) => vote.valid)).toEqual([true, false]);
    expect(draft.votes[1].explanation).toContain('至少需要 12 票');
    expect(draft.voteProblems).toEqual([[], []]);

    // The editor sends only what was marked: the others are present, as it saves them.
    const marked = attendance!.filter((entry) => entry.status !== 'present');
    const editorDraft = await call<MeetingAssessment>(core, 'meetings:check', { types: ['memberAssembly'], partyGroupId: null, heldOn, exclusions: [], attendance: marked, assumePresent: true, votes });
    expect(editorDraft.counts).toEqual(saved.assessment.counts);
    expect(editorDraft.quorum).toEqual(saved.assessment.quorum);
    expect(editorDraft.votes).toEqual(saved.assessment.votes);
    const plain = await call<MeetingAssessment>(core, 'meetings:check', { types: ['memberAssembly'], partyGroupId: null, heldOn, exclusions: [], attendance: marked, votes });
    expect(plain.counts).toMatchObject({ present: 0, unmarked: 21 });
  });

  it('explains numbers that do not add up, and accepts a vote still being typed', async () => {
    const { core } = await demo();
    const base = await call<MeetingAssessment>(core, 'meetings:check', { types: ['committeeMeeting'], partyGroupId: null, heldOn: '2026-09-08', exclusions: [] });
    const attendance = base.expected.map((person, index) => ({ memberId: person.memberId, status: index < 2 ? ('absent' as const) : ('present' as const) }));
    const check = await call<MeetingAssessment>(core, 'meetings:check', {
      types: ['committeeMeeting'],
      partyGroupId: null,
      heldOn: '2026-09-08',
      exclusions: [],
      attendance,
      votes: [{ subject: '', yes: 4 }, { subject: '列为发展对象', yes: 3, no: 0, abstain: 0, writtenNo: 3 }],
    });
    expect(check.quorum).toMatchObject({ rule: 'committee', valid: true, explanation: '支委会委员 5 名，到会 3 名，超过半数，会议有效。' });
    expect(check.voteProblems[0]).toEqual(['赞成、反对、弃权合计 4 票，超过到会有表决权的党员 3 名']);
    expect(check.voteProblems[1]).toEqual(['书面意见 3 份，超过未到会的有表决权党员 2 名']);
    // A 支委会 vote has no 党员大会 verdict.
    expect(check.votes).toEqual([]);
  });
});
