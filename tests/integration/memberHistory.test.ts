import { describe, expect, it } from 'vitest';
import type { Member, MemberListItem } from '../../src/shared/contract/members';
import type { MemberEventRecord } from '../../src/shared/contract/memberEvents';
import type { PartyGroup } from '../../src/shared/contract/groups';
import { aBranch, aMember } from '../helpers/builders';
import { call, fixedClock, tempCore } from '../helpers/tempCore';

async function branchWithMember() {
  const core = tempCore({ clock: fixedClock('2026-11-22T10:00:00') });
  await call(core, 'branch:create', aBranch());
  const member = await call<Member>(core, 'members:create', aMember());
  return { core, member };
}

describe('member events', () => {
  it('keeps 入党 and 转正 from the form as dated events', async () => {
    const { core, member } = await branchWithMember();
    const events = await call<MemberEventRecord[]>(core, 'memberEvents:list', { memberId: member.id });
    expect(events.map((e) => [e.kind, e.occurredOn])).toEqual([
      ['admitted', '2015-06-30'],
      ['confirmed', '2016-06-30'],
    ]);
    expect(member.state).toMatchObject({ status: 'active', category: 'full', entitledToVote: true });
  });

  it('a 转出 takes the member off the current roster but keeps them under 已离开', async () => {
    const { core, member } = await branchWithMember();
    await call(core, 'memberEvents:create', { memberId: member.id, kind: 'transferredOut', occurredOn: '2026-10-01', detail: '中共某局机关第二支部委员会' });
    expect(await call<MemberListItem[]>(core, 'members:list')).toHaveLength(0);
    const left = await call<MemberListItem[]>(core, 'members:list', { scope: 'left' });
    expect(left.map((m) => [m.name, m.status])).toEqual([['张建国', 'transferredOut']]);
    expect((await call<Member>(core, 'members:get', { id: member.id })).state.belongs).toBe(false);
  });

  it('ends the 党小组 membership on the day the member leaves', async () => {
    const core = tempCore({ clock: fixedClock('2026-11-22T10:00:00') });
    await call(core, 'branch:create', aBranch());
    const group = await call<PartyGroup>(core, 'groups:create', { name: '第一党小组' });
    const member = await call<Member>(core, 'members:create', aMember({ partyGroupId: group.id }));
    await call(core, 'memberEvents:create', { memberId: member.id, kind: 'deceased', occurredOn: '2026-09-01' });
    const [after] = await call<PartyGroup[]>(core, 'groups:list');
    expect(after.memberCount).toBe(0);
    expect(core.store.groups.memberIdsOn(group.id, '2026-08-31')).toEqual([member.id]);
    expect(core.store.groups.memberIdsOn(group.id, '2026-09-01')).toEqual([]);
  });

  it('refuses an event that cannot happen, naming the field, and writes nothing', async () => {
    const { core, member } = await branchWithMember();
    const result = await core.dispatch('memberEvents:create', { memberId: member.id, kind: 'flowedBack', occurredOn: '2026-01-01' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ path: 'kind', label: '变动类型', message: '没有未结束的外出流动记录' }] } });
    const probation = await core.dispatch('memberEvents:create', { memberId: member.id, kind: 'partyProbation', occurredOn: '2026-01-01' });
    expect(probation).toMatchObject({ ok: false, error: { details: [{ path: 'untilOn' }] } });
    expect(await call<MemberEventRecord[]>(core, 'memberEvents:list', { memberId: member.id })).toHaveLength(2);
  });

  it('refuses deleting an event that later ones depend on', async () => {
    const { core, member } = await branchWithMember();
    const flow = await call<MemberEventRecord>(core, 'memberEvents:create', { memberId: member.id, kind: 'flowedOut', occurredOn: '2026-02-01', detail: '上海' });
    await call(core, 'memberEvents:create', { memberId: member.id, kind: 'flowedBack', occurredOn: '2026-05-01' });
    const result = await core.dispatch('memberEvents:delete', { id: flow.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(result.ok || result.error.message).toContain('流动返回');
  });

  it('flags 流动 and 失联 members in the list and filters by them', async () => {
    const { core, member } = await branchWithMember();
    await call(core, 'members:create', aMember({ name: '李四', idNumber: null }));
    await call(core, 'memberEvents:create', { memberId: member.id, kind: 'flowedOut', occurredOn: '2026-02-01', detail: '上海' });
    const flowing = await call<MemberListItem[]>(core, 'members:list', { flowing: true });
    expect(flowing.map((m) => [m.name, m.flowing])).toEqual([['张建国', true]]);
    expect(await call<MemberListItem[]>(core, 'members:list', { lostContact: true })).toEqual([]);
  });
});

describe('member edits', () => {
  it('refuses a save based on an outdated version and keeps the other save', async () => {
    const { core, member } = await branchWithMember();
    await call(core, 'members:update', { ...aMember({ phone: '13900000001' }), id: member.id, version: member.version });
    const stale = await core.dispatch('members:update', { ...aMember({ phone: '13900000002' }), id: member.id, version: member.version });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(stale.ok || stale.error.message).toContain('其他窗口');
    expect(await call(core, 'members:revealSensitive', { id: member.id, field: 'phone' })).toEqual({ value: '13900000001' });
  });

  it('moves a member between 党小组 from the given date, keeping the old membership as history', async () => {
    const core = tempCore({ clock: fixedClock('2026-11-22T10:00:00') });
    await call(core, 'branch:create', aBranch());
    const first = await call<PartyGroup>(core, 'groups:create', { name: '第一党小组' });
    const second = await call<PartyGroup>(core, 'groups:create', { name: '第二党小组' });
    const member = await call<Member>(core, 'members:create', aMember({ partyGroupId: first.id }));
    await call(core, 'members:update', { ...aMember({ partyGroupId: second.id }), id: member.id, version: member.version, groupChangedOn: '2026-07-01' });
    expect(core.store.groups.memberIdsOn(first.id, '2026-06-30')).toEqual([member.id]);
    expect(core.store.groups.memberIdsOn(second.id, '2026-06-30')).toEqual([]);
    expect(core.store.groups.memberIdsOn(second.id, '2026-07-01')).toEqual([member.id]);
  });

  it('refuses a 转正 within the probation year', async () => {
    const { core } = await branchWithMember();
    const result = await core.dispatch('members:create', aMember({ name: '王五', idNumber: null, admittedOn: '2020-06-30', confirmedOn: '2021-03-01' }));
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ path: 'confirmedOn' }] } });
  });

  it('finds members by pinyin initials', async () => {
    const { core } = await branchWithMember();
    await call(core, 'members:create', aMember({ name: '陈建华', idNumber: null }));
    expect((await call<MemberListItem[]>(core, 'members:list', { query: 'cjh' })).map((m) => m.name)).toEqual(['陈建华']);
    expect((await call<MemberListItem[]>(core, 'members:list', { query: 'zjg' })).map((m) => m.name)).toEqual(['张建国']);
  });
});

describe('党小组 and 支委会', () => {
  it('will not dissolve a group that still has members, nor delete a used one', async () => {
    const core = tempCore({ clock: fixedClock('2026-11-22T10:00:00') });
    await call(core, 'branch:create', aBranch());
    const group = await call<PartyGroup>(core, 'groups:create', { name: '第一党小组' });
    const member = await call<Member>(core, 'members:create', aMember({ partyGroupId: group.id }));
    const dissolve = await core.dispatch('groups:update', { id: group.id, name: '第一党小组', foundedOn: null, leaderId: null, dissolvedOn: '2026-11-01' });
    expect(dissolve).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ path: 'dissolvedOn' }] } });
    expect(await core.dispatch('groups:delete', { id: group.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const led = await call<PartyGroup>(core, 'groups:update', { id: group.id, name: '第一党小组', foundedOn: null, leaderId: member.id, dissolvedOn: null });
    expect(led.leaderName).toBe('张建国');
    expect((await call<Member>(core, 'members:get', { id: member.id })).partyPosts).toEqual(['党小组组长']);
  });

  it('records 换届 as a new term and keeps one 书记 at a time', async () => {
    const core = tempCore({ clock: fixedClock('2026-11-22T10:00:00') });
    await call(core, 'branch:create', aBranch({ termStartsOn: '2023-11-20', termEndsOn: '2026-11-19' }));
    const a = await call<Member>(core, 'members:create', aMember());
    const b = await call<Member>(core, 'members:create', aMember({ name: '李红', idNumber: null }));
    const term = await call<{ id: number; seq: number }>(core, 'committee:create', { seq: 2, startsOn: '2026-11-20', endsOn: '2029-11-19' });
    await call(core, 'committeeSeats:create', { termId: term.id, memberId: a.id, role: 'secretary', startsOn: '2026-11-20' });
    const second = await core.dispatch('committeeSeats:create', { termId: term.id, memberId: b.id, role: 'secretary', startsOn: '2026-11-21' });
    expect(second).toMatchObject({ ok: false, error: { details: [{ path: 'role' }] } });
    const home = await call<{ term: { seq: number }; committee: { memberName: string }[] }>(core, 'home:get');
    expect(home.term.seq).toBe(2);
    expect(home.committee.map((seat) => seat.memberName)).toEqual(['张建国']);
    expect(await core.dispatch('committee:create', { seq: 2, startsOn: '2029-11-20', endsOn: '2032-11-19' })).toMatchObject({ ok: false, error: { details: [{ path: 'seq' }] } });
  });

  it('seats only 正式党员 of the branch', async () => {
    const core = tempCore({ clock: fixedClock('2026-11-22T10:00:00') });
    await call(core, 'branch:create', aBranch());
    const probationary = await call<Member>(core, 'members:create', aMember({ admittedOn: '2026-06-24', confirmedOn: null, category: 'probationary' }));
    const [term] = await call<{ id: number }[]>(core, 'committee:list');
    const result = await core.dispatch('committeeSeats:create', { termId: term.id, memberId: probationary.id, role: 'publicity', startsOn: '2026-07-01' });
    expect(result).toMatchObject({ ok: false, error: { details: [{ path: 'memberId' }] } });
  });
});

describe('党小组 moves keep history honest', () => {
  async function twoGroups() {
    const core = tempCore({ clock: fixedClock('2026-11-22T10:00:00') });
    await call(core, 'branch:create', aBranch());
    const first = await call<PartyGroup>(core, 'groups:create', { name: '第一党小组' });
    const second = await call<PartyGroup>(core, 'groups:create', { name: '第二党小组' });
    return { core, first, second };
  }

  it('a 组长 who moves to another group stops leading the old one', async () => {
    const { core, first, second } = await twoGroups();
    const member = await call<Member>(core, 'members:create', aMember({ partyGroupId: first.id }));
    await call(core, 'groups:update', { id: first.id, name: '第一党小组', foundedOn: null, leaderId: member.id, dissolvedOn: null });
    await call(core, 'members:update', { ...aMember({ partyGroupId: second.id }), id: member.id, version: member.version, groupChangedOn: '2026-10-01' });
    const groups = await call<PartyGroup[]>(core, 'groups:list');
    expect(groups.find((g) => g.id === first.id)!.leaderId).toBeNull();
    expect((await call<Member>(core, 'members:get', { id: member.id })).partyPosts).toEqual([]);
  });

  it('refuses a move dated in the future or before the current membership began', async () => {
    const { core, first, second } = await twoGroups();
    const member = await call<Member>(core, 'members:create', aMember({ partyGroupId: first.id }));
    const moved = await call<Member>(core, 'members:update', { ...aMember({ partyGroupId: second.id }), id: member.id, version: member.version, groupChangedOn: '2026-06-01' });
    const future = await core.dispatch('members:update', { ...aMember({ partyGroupId: first.id }), id: member.id, version: moved.version, groupChangedOn: '2027-01-01' });
    expect(future).toMatchObject({ ok: false, error: { details: [{ path: 'groupChangedOn', message: '不能晚于今天' }] } });
    const early = await core.dispatch('members:update', { ...aMember({ partyGroupId: first.id }), id: member.id, version: moved.version, groupChangedOn: '2026-05-01' });
    expect(early).toMatchObject({ ok: false, error: { details: [{ path: 'groupChangedOn' }] } });
    expect(core.store.groups.memberIdsOn(first.id, '2026-05-15')).toEqual([member.id]);
  });
});

describe('支委会 terms', () => {
  it('refuses moving a term onto another one', async () => {
    const core = tempCore({ clock: fixedClock('2026-11-22T10:00:00') });
    await call(core, 'branch:create', aBranch({ termStartsOn: '2023-11-20', termEndsOn: '2026-11-19' }));
    const term = await call<{ id: number }>(core, 'committee:create', { seq: 2, startsOn: '2026-11-20', endsOn: '2029-11-19' });
    const result = await core.dispatch('committee:update', { id: term.id, seq: 2, startsOn: '2026-01-01', endsOn: '2029-11-19' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ path: 'startsOn' }] } });
  });
});
