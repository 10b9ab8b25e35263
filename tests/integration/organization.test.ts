import { describe, expect, it } from 'vitest';
import type { CommitteeTermDetail } from '../../src/shared/contract/committee';
import type { PartyGroup } from '../../src/shared/contract/groups';
import type { Member } from '../../src/shared/contract/members';
import type { MemberEventRecord } from '../../src/shared/contract/memberEvents';
import { aBranch, aMember } from '../helpers/builders';
import { call, fixedClock, tempCore } from '../helpers/tempCore';

describe('换届 before the old term ends', () => {
  it('ends the old term the day before, so only the new committee holds office', async () => {
    const core = tempCore({ clock: fixedClock('2026-11-22T10:00:00') });
    await call(core, 'branch:create', aBranch({ termStartsOn: '2024-03-15', termEndsOn: '2027-03-14' }));
    const a = await call<Member>(core, 'members:create', aMember());
    const b = await call<Member>(core, 'members:create', aMember({ name: '李红', idNumber: null }));
    const [old] = await call<CommitteeTermDetail[]>(core, 'committee:list');
    await call(core, 'committeeSeats:create', { termId: old.id, memberId: a.id, role: 'secretary', startsOn: '2024-03-15' });

    const next = await call<{ id: number }>(core, 'committee:create', { seq: 2, startsOn: '2026-11-22', endsOn: '2029-11-21' });
    await call(core, 'committeeSeats:create', { termId: next.id, memberId: b.id, role: 'secretary', startsOn: '2026-11-22' });

    const terms = await call<CommitteeTermDetail[]>(core, 'committee:list');
    expect(terms.map((term) => [term.seq, term.startsOn, term.endsOn, term.current])).toEqual([
      [2, '2026-11-22', '2029-11-21', true],
      [1, '2024-03-15', '2026-11-21', false],
    ]);
    expect((await call<Member>(core, 'members:get', { id: a.id })).partyPosts).toEqual([]);
    expect((await call<Member>(core, 'members:get', { id: b.id })).partyPosts).toEqual(['书记']);
  });

  it('refuses a term that overlaps a later one or starts before a seat of the old term', async () => {
    const core = tempCore({ clock: fixedClock('2026-11-22T10:00:00') });
    await call(core, 'branch:create', aBranch({ termStartsOn: '2024-03-15', termEndsOn: '2027-03-14' }));
    const a = await call<Member>(core, 'members:create', aMember());
    const [old] = await call<CommitteeTermDetail[]>(core, 'committee:list');
    await call(core, 'committeeSeats:create', { termId: old.id, memberId: a.id, role: 'publicity', startsOn: '2025-01-10' });

    const early = await core.dispatch('committee:create', { seq: 2, startsOn: '2025-01-01', endsOn: '2027-12-31' });
    expect(early).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ path: 'startsOn' }] } });
    const overlapping = await core.dispatch('committee:create', { seq: 2, startsOn: '2023-01-01', endsOn: '2025-12-31' });
    expect(overlapping).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ path: 'startsOn' }] } });
    // An earlier term that ends before the recorded one starts is history, not a conflict.
    await call(core, 'committee:create', { seq: 2, startsOn: '2021-03-15', endsOn: '2024-03-14' });
    expect((await call<CommitteeTermDetail[]>(core, 'committee:list')).find((term) => term.id === old.id)!.endsOn).toBe('2027-03-14');
  });
});

describe('deleting a mistaken 转出', () => {
  it('puts the member back into the 党小组 the 转出 took them out of', async () => {
    const core = tempCore({ clock: fixedClock('2026-11-22T10:00:00') });
    await call(core, 'branch:create', aBranch());
    const group = await call<PartyGroup>(core, 'groups:create', { name: '第一党小组' });
    const member = await call<Member>(core, 'members:create', aMember({ partyGroupId: group.id }));
    const out = await call<MemberEventRecord>(core, 'memberEvents:create', { memberId: member.id, kind: 'transferredOut', occurredOn: '2026-10-01', detail: '某支部' });
    expect((await call<Member>(core, 'members:get', { id: member.id })).partyGroupId).toBeNull();

    await call(core, 'memberEvents:delete', { id: out.id });
    const back = await call<Member>(core, 'members:get', { id: member.id });
    expect(back.state.belongs).toBe(true);
    expect(back.partyGroupId).toBe(group.id);
    expect(core.store.groups.memberIdsOn(group.id, '2026-11-22')).toEqual([member.id]);
  });
});
