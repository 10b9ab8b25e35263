import { describe, expect, it } from 'vitest';
import type { MemberListItem, MemberView } from '../../src/shared/contract/members';
import { aBranch, aMember } from '../helpers/builders';
import { call, fixedClock, tempCore } from '../helpers/tempCore';

async function withBranch() {
  const core = tempCore({ clock: fixedClock('2026-11-22T10:00:00') });
  await call(core, 'branch:create', aBranch());
  return core;
}

describe('members service through dispatch', () => {
  it('creates, reads, updates and deletes a member', async () => {
    const core = await withBranch();
    const created = await call<MemberView>(core, 'members:create', aMember());
    expect(created).toMatchObject({ name: '张建国', idNumberMasked: '110101********4477', phoneMasked: '138****0000', category: 'full' });
    expect(await call(core, 'members:get', { id: created.id })).toEqual(created);

    const updated = await call<MemberView>(core, 'members:update', { ...aMember({ phone: '0579-82345678' }), id: created.id, version: created.version });
    expect(updated.phoneMasked).toBe('057*-****5678');
    expect(await call(core, 'members:revealSensitive', { id: created.id, field: 'phone' })).toEqual({ value: '0579-82345678' });

    await call(core, 'members:delete', { id: created.id });
    const missing = await core.dispatch('members:get', { id: created.id });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('lists members with masked ID numbers and derived age and 党龄', async () => {
    const core = await withBranch();
    await call(core, 'members:create', aMember());
    const [row] = await call<MemberListItem[]>(core, 'members:list');
    expect(row.idNumberMasked).toBe('110101********4477');
    expect(row).not.toHaveProperty('idNumber');
    expect(row.age).toBe(36);
    expect(row.partyStandingYears).toBe(10);
  });

  it('searches by part of the name, treating % and _ literally', async () => {
    const core = await withBranch();
    await call(core, 'members:create', aMember({ name: '陈建华', idNumber: null }));
    await call(core, 'members:create', aMember({ name: '王丽萍', idNumber: null }));
    expect((await call<MemberListItem[]>(core, 'members:list', { query: '建' })).map((m) => m.name)).toEqual(['陈建华']);
    expect(await call<MemberListItem[]>(core, 'members:list', { query: '%' })).toEqual([]);
    expect(await call<MemberListItem[]>(core, 'members:list', { query: '_' })).toEqual([]);
  });

  it('refuses the same ID number twice, naming the holder', async () => {
    const core = await withBranch();
    await call(core, 'members:create', aMember());
    const result = await core.dispatch('members:create', aMember({ name: '李四' }));
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: [{ path: 'idNumber' }] } });
    expect(result.ok || result.error.message).toContain('张建国');
    expect(await call<unknown[]>(core, 'members:list')).toHaveLength(1);
  });

  it('lets a member keep their own ID number on update', async () => {
    const core = await withBranch();
    const created = await call<MemberView>(core, 'members:create', aMember());
    await expect(call(core, 'members:update', { ...aMember({ name: '张建国（改）' }), id: created.id, version: created.version })).resolves.toBeTruthy();
  });

  it.each([
    ['转正 before 入党', { admittedOn: '2016-06-30', confirmedOn: '2015-06-30' }, 'confirmedOn', '不能早于入党时间'],
    ['入党 before 18', { birthDate: '2000-01-01', idNumber: null, admittedOn: '2017-06-30', confirmedOn: '2018-06-30' }, 'admittedOn', '年满18周岁'],
    ['预备 with a past 转正时间', { category: 'probationary' as const }, 'category', '应为正式党员'],
    ['正式 within the probation year', { admittedOn: '2026-06-24', confirmedOn: null }, 'category', '应为预备党员'],
    ['a date in the future', { admittedOn: '2027-01-01', confirmedOn: null, category: 'probationary' as const }, 'admittedOn', '不能晚于今天'],
    ['an unknown 党小组', { partyGroupId: 999 }, 'partyGroupId', '党小组不存在'],
  ])('refuses %s with a message on the field, writing nothing', async (_case, overrides, path, message) => {
    const core = await withBranch();
    const result = await core.dispatch('members:create', aMember(overrides));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path, message: expect.stringContaining(message) })]));
    expect(await call<unknown[]>(core, 'members:list')).toHaveLength(0);
  });

  it('accepts a 预备党员 admitted this year without 转正时间', async () => {
    const core = await withBranch();
    const member = await call<MemberView>(core, 'members:create', aMember({ admittedOn: '2026-06-24', confirmedOn: null, category: 'probationary' }));
    expect(member.category).toBe('probationary');
  });

  it('keeps a member named in meeting records: delete is refused with the reason', async () => {
    const core = tempCore({ clock: fixedClock('2026-11-22T10:00:00') });
    await call(core, 'demo:create');
    const [first] = await call<MemberListItem[]>(core, 'members:list', { query: '陈建华' });
    const result = await core.dispatch('members:delete', { id: first.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(result.ok || result.error.message).toContain('转出');
    expect(await call<unknown[]>(core, 'members:list')).toHaveLength(25);
  });

  it('reports NOT_FOUND for updating a member that does not exist', async () => {
    const core = await withBranch();
    expect(await core.dispatch('members:update', { ...aMember(), id: 4242, version: 1 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
