import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import type { MeetingListItem } from '../../src/shared/contract/meetings';
import type { MemberListItem, MemberView } from '../../src/shared/contract/members';
import { aBranch, aMember } from '../helpers/builders';
import { call, fixedClock, tempCore } from '../helpers/tempCore';

// 公民身份号码 and 联系电话 leave the core masked, everywhere, unless a secretary asks for one.

const ID = '110101199003074477';
const PHONE = '13912345678';

async function withMember() {
  const core = tempCore({ clock: fixedClock('2026-11-22T10:00:00') });
  await call(core, 'branch:create', aBranch());
  const member = await call<MemberView>(core, 'members:create', aMember({ idNumber: ID, phone: PHONE }));
  return { core, member };
}

const reveal = (core: Core, id: number, field: string) => call<{ value: string | null }>(core, 'members:revealSensitive', { id, field });

/** Every text part of an .xlsx or .docx, as one string. */
async function zipText(base64: string): Promise<string> {
  const zip = await JSZip.loadAsync(Buffer.from(base64, 'base64'));
  const parts = await Promise.all(Object.values(zip.files).filter((file) => !file.dir).map((file) => file.async('string')));
  return parts.join('\n');
}

describe('masked by default', () => {
  it('lists and member details carry only masked numbers', async () => {
    const { core, member } = await withMember();
    const [row] = await call<MemberListItem[]>(core, 'members:list');
    expect(row).toMatchObject({ idNumberMasked: '110101********4477', phoneMasked: '139****5678' });
    expect(member).toMatchObject({ idNumberMasked: '110101********4477', phoneMasked: '139****5678' });
    const detail = await call<MemberView>(core, 'members:get', { id: member.id });
    for (const answer of [row, member, detail]) {
      expect(answer).not.toHaveProperty('idNumber');
      expect(answer).not.toHaveProperty('phone');
      expect(JSON.stringify(answer)).not.toContain('19900307');
      expect(JSON.stringify(answer)).not.toContain('12345678');
    }
  });

  it('gives the full number of one field only when asked for it', async () => {
    const { core, member } = await withMember();
    expect(await reveal(core, member.id, 'idNumber')).toEqual({ value: ID });
    expect(await reveal(core, member.id, 'phone')).toEqual({ value: PHONE });
    const none = await call<MemberView>(core, 'members:create', aMember({ name: '李四', idNumber: null, phone: null }));
    expect(none).toMatchObject({ idNumberMasked: null, phoneMasked: null });
    expect(await reveal(core, none.id, 'phone')).toEqual({ value: null });
  });

  it('refuses to reveal another field, a missing member or malformed input', async () => {
    const { core, member } = await withMember();
    expect(await core.dispatch('members:revealSensitive', { id: member.id, field: 'note' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ path: 'field' }] } });
    expect(await core.dispatch('members:revealSensitive', { id: 999, field: 'idNumber' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await core.dispatch('members:revealSensitive', { id: member.id })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('no export of the demo branch carries a full ID or phone number unless asked for the roster in full', async () => {
    const core = tempCore({ clock: fixedClock('2026-11-22T10:00:00') });
    await call(core, 'demo:create');
    const members = await call<MemberListItem[]>(core, 'members:list', { scope: 'all' });
    const secrets: string[] = [];
    for (const member of members) {
      for (const field of ['idNumber', 'phone']) {
        const { value } = await reveal(core, member.id, field);
        if (value) secrets.push(value);
      }
    }
    expect(secrets.length).toBeGreaterThan(20);

    const meetings = (await call<MeetingListItem[]>(core, 'meetings:list', {})).slice(0, 3);
    const files = [
      await call<{ contentBase64: string }>(core, 'members:export', { includeLeft: true }),
      await call<{ contentBase64: string }>(core, 'participation:exportXlsx', { year: 2026 }),
      await call<{ contentBase64: string }>(core, 'compliance:exportXlsx', { year: 2026 }),
      await call<{ contentBase64: string }>(core, 'compliance:exportDocx', { year: 2026 }),
      ...(await Promise.all(meetings.map((meeting) => call<{ contentBase64: string }>(core, 'meetings:export', { id: meeting.id })))),
    ];
    for (const file of files) {
      const text = await zipText(file.contentBase64);
      expect(secrets.filter((secret) => text.includes(secret))).toEqual([]);
    }

    const full = await zipText((await call<{ contentBase64: string }>(core, 'members:export', { includeFullNumbers: true })).contentBase64);
    const current = await call<MemberListItem[]>(core, 'members:list');
    const firstId = (await reveal(core, current[0].id, 'idNumber')).value!;
    const firstPhone = (await reveal(core, current[0].id, 'phone')).value!;
    expect(full).toContain(firstId);
    expect(full).toContain(firstPhone);
  });
});

describe('editing a member whose numbers the form never showed', () => {
  const edit = (member: MemberView, changes: Record<string, unknown>) => {
    const { idNumber: _id, phone: _phone, ...rest } = aMember({ name: '张建国', workplace: '新单位' });
    return { ...rest, id: member.id, version: member.version, ...changes };
  };

  it('keeps the stored numbers when the update leaves them out', async () => {
    const { core, member } = await withMember();
    const saved = await call<MemberView>(core, 'members:update', edit(member, {}));
    expect(saved.workplace).toBe('新单位');
    expect(await reveal(core, member.id, 'idNumber')).toEqual({ value: ID });
    expect(await reveal(core, member.id, 'phone')).toEqual({ value: PHONE });
  });

  it('refuses a masked value sent back as if it were the number, and keeps the real one', async () => {
    const { core, member } = await withMember();
    for (const changes of [{ idNumber: member.idNumberMasked }, { phone: member.phoneMasked }]) {
      const result = await core.dispatch('members:update', edit(member, changes));
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      expect(result.ok || result.error.message).toContain('脱敏');
      expect(result.ok || result.error.details?.[0].path).toBe(Object.keys(changes)[0]);
    }
    expect(await reveal(core, member.id, 'idNumber')).toEqual({ value: ID });
    expect(await reveal(core, member.id, 'phone')).toEqual({ value: PHONE });
    expect((await call<MemberView>(core, 'members:get', { id: member.id })).version).toBe(member.version);
  });

  it('changes or clears a number that is sent, and a new member cannot be created with a masked one', async () => {
    const { core, member } = await withMember();
    const saved = await call<MemberView>(core, 'members:update', edit(member, { phone: '0579-82345678', idNumber: null }));
    expect(saved).toMatchObject({ phoneMasked: '057*-****5678', idNumberMasked: null });
    expect(await reveal(core, member.id, 'idNumber')).toEqual({ value: null });
    const masked = await core.dispatch('members:create', aMember({ name: '王五', idNumber: '110101********4477' }));
    expect(masked).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ path: 'idNumber' }] } });
  });

  it('still finds a duplicate ID number kept from before when another member takes it', async () => {
    const { core } = await withMember();
    const other = await call<MemberView>(core, 'members:create', aMember({ name: '李四', idNumber: null }));
    const result = await core.dispatch('members:update', { ...aMember({ name: '李四' }), id: other.id, version: other.version });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});
