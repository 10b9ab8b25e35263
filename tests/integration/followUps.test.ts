import { describe, expect, it } from 'vitest';
import type { FollowUp, FollowUpDetail } from '../../src/shared/contract/followUps';
import { unchangedUpdate, type MeetingAssessment, type MeetingInput, type MeetingRecord } from '../../src/shared/contract/meetings';
import { demoBranch } from '../helpers/demo';
import { call, type tempCore } from '../helpers/tempCore';

type Core = ReturnType<typeof tempCore>;

const demo = () => demoBranch();

/** A 支委会 with everyone present and the given decisions. */
async function committee(core: Core, heldOn: string, topic: string, decisions: MeetingInput['decisions']): Promise<MeetingInput> {
  const check = await call<MeetingAssessment>(core, 'meetings:check', { types: ['committeeMeeting'], partyGroupId: null, heldOn, exclusions: [] });
  return {
    types: ['committeeMeeting'],
    heldOn,
    topic,
    recordedOn: heldOn,
    decisions,
    attendance: check.expected.map((person) => ({ memberId: person.memberId, status: 'present' as const })),
  };
}

/** The record's decisions as the editor sends them back: with their ids. */
const asEdited = (record: MeetingRecord) => record.decisions.map(({ id, text, agendaPosition, ownerMemberId, dueOn }) => ({ id, text, agendaPosition, ownerMemberId, dueOn }));


/** An update input from a saved record: the same content, decisions with their ids. */
function updateOf(record: MeetingRecord, change: Partial<MeetingInput> = {}) {
  return { ...unchangedUpdate(record), ...change };
}

async function errorOf(core: Core, method: string, input: unknown) {
  const result = await core.dispatch(method, input);
  expect(result.ok, `${method} should be refused`).toBe(false);
  if (result.ok) throw new Error('unreachable');
  return result.error;
}

describe('decisions keep their identity across edits', () => {
  it('keeps a closed follow-up closed when the record is edited, reordered and reworded', async () => {
    const { core, byName } = await demo();
    const first = await call<MeetingRecord>(
      core,
      'meetings:create',
      await committee(core, '2026-09-08', '研究三季度工作', [
        { text: '整理2026年度党费收缴台账', ownerMemberId: byName('李志强'), dueOn: '2026-09-30' },
        { text: '组织党员参观红色教育基地', ownerMemberId: byName('王丽萍'), dueOn: '2026-10-31' },
      ]),
    );
    const later = await call<MeetingRecord>(core, 'meetings:create', await committee(core, '2026-10-13', '研究四季度工作', []));
    const ledger = first.decisions[0];
    await call(core, 'followUps:close', { id: ledger.id, closedOn: '2026-10-10', note: '已整理完毕并报上级党委', closedMeetingId: later.id });

    // The secretary edits the record: rewords the closed decision, puts it second, adds a third.
    const [closed, other] = asEdited(first);
    const edited = await call<MeetingRecord>(
      core,
      'meetings:update',
      updateOf(first, { topic: '研究三季度重点工作', decisions: [other, { ...closed, text: '整理2026年度党费收缴台账并公示' }, { text: '更新党员信息采集表', ownerMemberId: byName('李志强'), dueOn: null }] }),
    );
    expect(edited.decisions.map((decision) => [decision.text, decision.closedOn])).toEqual([
      ['组织党员参观红色教育基地', null],
      ['整理2026年度党费收缴台账并公示', '2026-10-10'],
      ['更新党员信息采集表', null],
    ]);
    expect(edited.decisions[1]).toMatchObject({ id: ledger.id, closedNote: '已整理完毕并报上级党委', closedMeeting: { id: later.id, heldOn: '2026-10-13', topic: '研究四季度工作' } });

    // Removing a decision deletes it, and only it.
    const trimmed = await call<MeetingRecord>(core, 'meetings:update', updateOf(edited, { decisions: asEdited(edited).slice(1) }));
    expect(trimmed.decisions.map((decision) => decision.id)).toEqual([ledger.id, edited.decisions[2].id]);
    expect(trimmed.decisions[0].closedOn).toBe('2026-10-10');
    const open = await call<FollowUp[]>(core, 'followUps:list', { status: 'open' });
    expect(open.map((item) => item.text)).toEqual(['更新党员信息采集表']);
  });

  it('refuses a decision id from another record, and moving the meeting after a decision was closed', async () => {
    const { core, byName } = await demo();
    const one = await call<MeetingRecord>(core, 'meetings:create', await committee(core, '2026-09-08', '研究三季度工作', [{ text: '整理党费台账', ownerMemberId: byName('李志强'), dueOn: null }]));
    const two = await call<MeetingRecord>(core, 'meetings:create', await committee(core, '2026-10-13', '研究四季度工作', [{ text: '更新党员信息', ownerMemberId: byName('李志强'), dueOn: null }]));
    const stolen = await errorOf(core, 'meetings:update', updateOf(two, { decisions: [...asEdited(two), ...asEdited(one)] }));
    expect(stolen).toMatchObject({ code: 'VALIDATION', details: [{ path: 'decisions', message: expect.stringContaining('不是这条记录中已保存的决议') }] });

    await call(core, 'followUps:close', { id: one.decisions[0].id, closedOn: '2026-09-20', note: null });
    const moved = await errorOf(core, 'meetings:update', updateOf(one, { heldOn: '2026-09-25', recordedOn: '2026-09-25' }));
    expect(moved.details).toContainEqual(expect.objectContaining({ path: 'heldOn', message: expect.stringContaining('已于 2026-09-20 办结') }));
    const unchanged = await call<MeetingRecord>(core, 'meetings:get', { id: one.id });
    expect(unchanged).toMatchObject({ heldOn: '2026-09-08', version: 1 });
  });
});

describe('follow-ups (followUps:list, get, close, reopen)', () => {
  it('lists open ones overdue first with the days overdue, and leaves out decisions nobody follows up', async () => {
    const { core, byName } = await demo();
    const record = await call<MeetingRecord>(
      core,
      'meetings:create',
      await committee(core, '2026-09-08', '研究三季度工作', [
        { text: '报送发展对象材料', ownerMemberId: byName('李志强'), dueOn: '2026-12-01' },
        { text: '同意列为发展对象', ownerMemberId: null, dueOn: null },
        { text: '整理党费台账', ownerMemberId: byName('王丽萍'), dueOn: '2026-11-02' },
        { text: '走访困难党员', ownerMemberId: null, dueOn: '2026-11-12' },
        { text: '修订学习制度', ownerMemberId: byName('陈建华'), dueOn: null },
      ]),
    );
    const open = await call<FollowUp[]>(core, 'followUps:list', { status: 'open' });
    expect(open.map((item) => [item.text, item.status, item.daysOverdue])).toEqual([
      ['整理党费台账', 'overdue', 20],
      ['走访困难党员', 'overdue', 10],
      ['报送发展对象材料', 'open', null],
      ['修订学习制度', 'open', null],
    ]);
    expect(open[0]).toMatchObject({ ownerName: '王丽萍', meeting: { id: record.id, heldOn: '2026-09-08', topic: '研究三季度工作', types: ['committeeMeeting'] } });
    expect((await call<FollowUp[]>(core, 'followUps:list', { status: 'overdue' })).map((item) => item.text)).toEqual(['整理党费台账', '走访困难党员']);
    expect(await call<FollowUp[]>(core, 'followUps:list', { status: 'closed' })).toEqual([]);
    expect(await call<FollowUp[]>(core, 'followUps:list')).toHaveLength(4);
  });

  it('closes with a date, a note and a later meeting, and reopens', async () => {
    const { core, byName } = await demo();
    const earlier = await call<MeetingRecord>(core, 'meetings:create', await committee(core, '2026-08-04', '研究八月工作', []));
    const record = await call<MeetingRecord>(core, 'meetings:create', await committee(core, '2026-09-08', '研究三季度工作', [{ text: '整理党费台账', ownerMemberId: byName('王丽萍'), dueOn: '2026-10-31' }]));
    const later = await call<MeetingRecord>(core, 'meetings:create', await committee(core, '2026-11-10', '研究四季度工作', []));
    const decisionId = record.decisions[0].id;

    const detail = await call<FollowUpDetail>(core, 'followUps:get', { id: decisionId });
    expect(detail.laterMeetings.map((meeting) => meeting.id)).toEqual([later.id]);
    expect(detail.laterMeetings).not.toContainEqual(expect.objectContaining({ id: earlier.id }));

    const closed = await call<FollowUp>(core, 'followUps:close', { id: decisionId, closedOn: '2026-11-05', note: '  台账已整理，报上级党委  ', closedMeetingId: later.id });
    expect(closed).toMatchObject({ status: 'closed', daysOverdue: null, closedOn: '2026-11-05', closedNote: '台账已整理，报上级党委', closedMeeting: { id: later.id, heldOn: '2026-11-10' } });
    expect(await call<FollowUp[]>(core, 'followUps:list', { status: 'open' })).toEqual([]);
    expect((await call<FollowUp[]>(core, 'followUps:list', { status: 'closed' })).map((item) => item.id)).toEqual([decisionId]);
    const shown = await call<MeetingRecord>(core, 'meetings:get', { id: record.id });
    expect(shown.decisions[0]).toMatchObject({ closedOn: '2026-11-05', closedMeeting: { id: later.id } });

    const reopened = await call<FollowUp>(core, 'followUps:reopen', { id: decisionId });
    expect(reopened).toMatchObject({ status: 'overdue', daysOverdue: 22, closedOn: null, closedNote: null, closedMeeting: null });
  });

  it.each([
    ['a closing date before the meeting', { closedOn: '2026-09-01' }, 'closedOn', '不能早于作出决议的会议召开日期（2026-09-08）'],
    ['a closing date after today', { closedOn: '2026-11-23' }, 'closedOn', '不能晚于今天'],
    ['an earlier meeting as where it was reported', { closedMeeting: 'earlier' }, 'closedMeetingId', '早于作出决议的会议'],
    ['the same meeting as where it was reported', { closedMeeting: 'same' }, 'closedMeetingId', '不能是作出决议的这次会议'],
    ['a meeting that does not exist', { closedMeeting: 'missing' }, 'closedMeetingId', '不存在'],
    ['an unreadable date', { closedOn: '2026-02-30' }, 'closedOn', '应为有效日期'],
  ] as const)('refuses %s, naming the field, and closes nothing', async (_label, change, path, message) => {
    const { core, byName } = await demo();
    const earlier = await call<MeetingRecord>(core, 'meetings:create', await committee(core, '2026-08-04', '研究八月工作', []));
    const record = await call<MeetingRecord>(core, 'meetings:create', await committee(core, '2026-09-08', '研究三季度工作', [{ text: '整理党费台账', ownerMemberId: byName('王丽萍'), dueOn: '2026-10-31' }]));
    const meetingIds = { earlier: earlier.id, same: record.id, missing: record.id + 100 };
    const closedMeeting = 'closedMeeting' in change ? meetingIds[change.closedMeeting] : null;
    const error = await errorOf(core, 'followUps:close', {
      id: record.decisions[0].id,
      closedOn: 'closedOn' in change ? change.closedOn : '2026-11-01',
      note: '已完成',
      closedMeetingId: closedMeeting,
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.details).toContainEqual(expect.objectContaining({ path, message: expect.stringContaining(message) }));
    const [item] = await call<FollowUp[]>(core, 'followUps:list');
    expect(item).toMatchObject({ status: 'overdue', closedOn: null });
  });

  it('answers NOT_FOUND for a decision that is gone', async () => {
    const { core } = await demo();
    expect(await errorOf(core, 'followUps:close', { id: 9999, closedOn: '2026-11-01' })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await errorOf(core, 'followUps:reopen', { id: 9999 })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('keeps a meeting cited as where a decision was reported from moving before that decision', async () => {
    const { core, byName } = await demo();
    const record = await call<MeetingRecord>(core, 'meetings:create', await committee(core, '2026-09-08', '研究三季度工作', [{ text: '整理党费台账', ownerMemberId: byName('王丽萍'), dueOn: null }]));
    const later = await call<MeetingRecord>(core, 'meetings:create', await committee(core, '2026-10-13', '研究四季度工作', []));
    await call(core, 'followUps:close', { id: record.decisions[0].id, closedOn: '2026-10-13', closedMeetingId: later.id });
    const error = await errorOf(core, 'meetings:update', updateOf(later, { heldOn: '2026-09-01', recordedOn: '2026-09-01' }));
    expect(error.details).toContainEqual(expect.objectContaining({ path: 'heldOn', message: expect.stringContaining('不能早于 2026-09-08') }));
    // Deleting the later meeting keeps the follow-up closed, without the link.
    await call(core, 'meetings:delete', { id: later.id });
    const [item] = await call<FollowUp[]>(core, 'followUps:list');
    expect(item).toMatchObject({ status: 'closed', closedOn: '2026-10-13', closedMeeting: null });
  });
});

describe('follow-ups of a deleted record', () => {
  it('leave the open list while the record is deleted and come back when the deletion is undone', async () => {
    const { core, byName } = await demo();
    const source = await call<MeetingRecord>(
      core,
      'meetings:create',
      await committee(core, '2026-10-10', '研究第四季度工作', [{ text: '完成党费收缴', ownerMemberId: byName('李志强'), dueOn: '2026-10-31' }]),
    );
    const later = await call<MeetingRecord>(core, 'meetings:create', await committee(core, '2026-11-10', '听取汇报', []));
    const openIds = async () => (await call<FollowUp[]>(core, 'followUps:list', { status: 'open' })).map((item) => item.text);
    expect(await openIds()).toContain('完成党费收缴');

    await call(core, 'meetings:delete', { id: source.id });
    expect(await openIds()).not.toContain('完成党费收缴');
    await call(core, 'meetings:restore', { id: source.id });
    expect(await openIds()).toContain('完成党费收缴');

    // A deleted later meeting is not offered as where the follow-up was reported.
    const decisionId = (await call<MeetingRecord>(core, 'meetings:get', { id: source.id })).decisions[0].id;
    await call(core, 'meetings:delete', { id: later.id });
    const detail = await call<FollowUpDetail>(core, 'followUps:get', { id: decisionId });
    expect(JSON.stringify(detail)).not.toContain('听取汇报');
    const refused = await errorOf(core, 'followUps:close', { id: decisionId, closedOn: '2026-11-20', note: '已完成', closedMeetingId: later.id });
    expect(refused.code).toMatch(/VALIDATION|NOT_FOUND/);
  });
});
