import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import { PARTICIPATION_HEADERS, PARTICIPATION_SHEET_NAME } from '../../src/main/documents/participation.xlsx';
import type { PartyGroup } from '../../src/shared/contract/groups';
import type { MeetingRecord } from '../../src/shared/contract/meetings';
import type { Member } from '../../src/shared/contract/members';
import type { ParticipationExportResult, ParticipationRow, ParticipationWarnings, ParticipationYear } from '../../src/shared/contract/participation';
import { MONTH_SYMBOLS } from '../../src/shared/domain/participation';
import { aBranch, aMember } from '../helpers/builders';
import { call, fixedClock, tempCore } from '../helpers/tempCore';

type Status = 'present' | 'leave' | 'absent';

/**
 * A hand-built branch, today 2026-11-22, with a 主题党日 on the 15th of every month from October 2025:
 * 甲 always there; 乙 absent from May 2026 on (and a 党小组会 and a 谈心谈话 in between); 丙 transferred in
 * on 20 March 2026; 丁 absent Oct 2025–Jan 2026, on leave in February, back in March; 戊 absent in
 * August (made up on the 25th) and from September on; 己 absent April and May, transferred out 10 June.
 */
async function branch() {
  const core = tempCore({ clock: fixedClock('2026-11-22T10:00:00') });
  await call(core, 'branch:create', aBranch());
  const add = async (name: string, idNumber: string | null, extra: Record<string, unknown> = {}) =>
    (await call<Member>(core, 'members:create', aMember({ name, idNumber, ...extra }))).id;
  const ids = {
    甲: await add('甲', null),
    乙: await add('乙', null),
    丙: await add('丙', null, { admittedOn: null, confirmedOn: null }),
    丁: await add('丁', null),
    戊: await add('戊', null),
    己: await add('己', null),
  };
  await call(core, 'memberEvents:create', { memberId: ids.丙, kind: 'transferredIn', occurredOn: '2026-03-20', detail: '中共某局第二支部委员会' });
  await call(core, 'memberEvents:create', { memberId: ids.己, kind: 'transferredOut', occurredOn: '2026-06-10', detail: '中共某局第三支部委员会' });
  const group = await call<PartyGroup>(core, 'groups:create', { name: '第一党小组' });
  for (const id of [ids.甲, ids.乙]) {
    const member = await call<Member>(core, 'members:get', { id });
    await call(core, 'members:update', { ...memberUpdate(member), partyGroupId: group.id });
  }

  const statusOf = (name: keyof typeof ids, month: string): Status | 'makeup' => {
    if (name === '乙') return month >= '2026-05' ? 'absent' : 'present';
    if (name === '丁') return month <= '2026-01' ? 'absent' : month === '2026-02' ? 'leave' : 'present';
    if (name === '戊') return month === '2026-08' ? 'makeup' : month >= '2026-09' ? 'absent' : 'present';
    if (name === '己') return month === '2026-04' || month === '2026-05' ? 'absent' : 'present';
    return 'present';
  };
  for (let i = 0; i < 14; i += 1) {
    const month = new Date(Date.UTC(2025, 9 + i, 1)).toISOString().slice(0, 7);
    const heldOn = `${month}-15`;
    const expected = await call<{ expected: { memberId: number }[] }>(core, 'meetings:check', { types: ['themedPartyDay'], partyGroupId: null, heldOn, exclusions: [] });
    const nameOf = (id: number) => (Object.keys(ids) as (keyof typeof ids)[]).find((name) => ids[name] === id)!;
    await meeting(core, ['themedPartyDay'], heldOn, null, expected.expected.map(({ memberId }) => {
      const status = statusOf(nameOf(memberId), month);
      return status === 'makeup'
        ? { memberId, status: 'absent', makeupOn: '2026-08-25', makeupBy: '甲', makeupMethod: '个别传达' }
        : { memberId, status, ...(status === 'leave' ? { leaveKind: 'sick', reason: '住院' } : {}) };
    }));
  }
  // A 党小组会 in May: 乙 absent again; 甲 expected twice that month.
  await meeting(core, ['groupMeeting'], '2026-05-20', group.id, [
    { memberId: ids.甲, status: 'present' },
    { memberId: ids.乙, status: 'absent' },
  ]);
  // A 谈心谈话 with 乙 in October: the branch reaching out, not 乙 taking part.
  await meeting(core, ['heartToHeartTalk'], '2026-10-10', null, [
    { memberId: ids.甲, status: 'present' },
    { memberId: ids.乙, status: 'present' },
  ]);
  // A record where 乙 was present, then deleted: it counts for nothing.
  const deleted = await meeting(core, ['memberAssembly'], '2026-11-18', null, [ids.甲, ids.乙, ids.丙, ids.丁, ids.戊].map((memberId) => ({ memberId, status: 'present' })));
  await call(core, 'meetings:delete', { id: deleted.id });
  return { core, ids };
}

function memberUpdate(member: Member) {
  return {
    id: member.id,
    version: member.version,
    name: member.name,
    gender: member.gender,
    ethnicity: member.ethnicity,
    birthDate: member.birthDate,
    idNumber: member.idNumber,
    education: member.education,
    admittedOn: member.admittedOn,
    confirmedOn: member.confirmedOn,
    category: member.category,
    partyGroupId: member.partyGroupId,
    phone: member.phone,
    note: member.note,
  };
}

async function meeting(core: Core, types: string[], heldOn: string, partyGroupId: number | null, attendance: Record<string, unknown>[]) {
  return call<MeetingRecord>(core, 'meetings:create', { types, heldOn, partyGroupId, topic: `${heldOn} 学习`, recordedOn: heldOn, attendance });
}

const symbols = (row: ParticipationRow) => row.months.map((month) => MONTH_SYMBOLS[month.kind] || ' ').join('');
const rowOf = (year: ParticipationYear, name: string) => year.rows.find((row) => row.name === name)!;

describe('participation:year', () => {
  it('gives each member’s months, totals and runs, from the records and the dated histories', async () => {
    const { core } = await branch();
    const year = await call<ParticipationYear>(core, 'participation:year', { year: 2026 });
    expect(year).toMatchObject({ year: 2026, asOf: '2026-11-22', duesRecorded: false });
    expect(year.rows.map((row) => row.name)).toEqual(['甲', '乙', '丁', '戊', '丙', '己']);

    expect(symbols(rowOf(year, '甲'))).toBe('✓✓✓✓✓✓✓✓✓✓✓ ');
    expect(rowOf(year, '甲').totals).toEqual({ expected: 12, present: 12, leave: 0, absent: 0, madeUp: 0, rate: 1 });
    expect(rowOf(year, '甲').partyGroupName).toBe('第一党小组');

    // The 谈心谈话 in October and the deleted November record do not count.
    const yi = rowOf(year, '乙');
    expect(symbols(yi)).toBe('✓✓✓✓✗✗✗✗✗✗✗ ');
    expect(yi.totals).toMatchObject({ expected: 12, present: 4, absent: 8 });
    expect(yi.currentRun).toEqual({ months: 7, from: '2026-05', to: '2026-11' });
    expect(yi.lastAttendedOn).toBe('2026-04-15');

    // Transferred in on 20 March: not a member in Jan–Feb, and the 15 March meeting was before.
    const bing = rowOf(year, '丙');
    expect(symbols(bing)).toBe('  ·✓✓✓✓✓✓✓✓ ');
    expect(bing.note).toBe('3月20日组织关系转入');
    expect(bing.totals.expected).toBe(8);

    // The run from October 2025 counts whole in 2026's sheet.
    const ding = rowOf(year, '丁');
    expect(symbols(ding)).toBe('✗假✓✓✓✓✓✓✓✓✓ ');
    expect(ding.longestRun).toEqual({ months: 4, from: '2025-10', to: '2026-01' });
    expect(ding.currentRun).toBeNull();
    expect(ding.totals).toMatchObject({ expected: 11, present: 9, leave: 1, absent: 1 });

    const wu = rowOf(year, '戊');
    expect(symbols(wu)).toBe('✓✓✓✓✓✓✓补✗✗✗ ');
    expect(wu.totals).toMatchObject({ absent: 4, madeUp: 1, present: 7 });
    expect(wu.lastAttendedOn).toBe('2026-08-25');

    const ji = rowOf(year, '己');
    expect(symbols(ji)).toBe('✓✓✓✗✗·      ');
    expect(ji).toMatchObject({ belongs: false, currentRun: null, note: '6月10日组织关系转出' });

    expect(year.totals).toMatchObject({ expected: 12 + 12 + 8 + 11 + 11 + 5, present: 12 + 4 + 8 + 9 + 7 + 3 });
    expect(year.totals.rate).toBeCloseTo(43 / 59);
  });

  it('shows a past year whole, with the people of that year', async () => {
    const { core } = await branch();
    const year = await call<ParticipationYear>(core, 'participation:year', { year: 2025 });
    expect(year.rows.map((row) => row.name)).toEqual(['甲', '乙', '丁', '戊', '己']);
    expect(symbols(rowOf(year, '丁'))).toBe('·········✗✗✗');
    expect(rowOf(year, '丁').currentRun).toBeNull();
    expect(rowOf(year, '丁').longestRun?.months).toBe(3);
  });

  it('refuses a year that has not come, naming the field', async () => {
    const { core } = await branch();
    const result = await core.dispatch('participation:year', { year: 2027 });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ path: 'year', label: '年度' }] } });
    const junk = await core.dispatch('participation:year', { year: '去年' });
    expect(junk).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('participation:warnings', () => {
  it('lists members in the branch today at 3 months (提醒) and 6 (需要处理), most months first', async () => {
    const { core, ids } = await branch();
    const warnings = await call<ParticipationWarnings>(core, 'participation:warnings');
    expect(warnings).toMatchObject({ asOf: '2026-11-22', remindAt: 3, actAt: 6, duesRecorded: false });
    expect(warnings.items).toEqual([
      expect.objectContaining({ memberId: ids.乙, name: '乙', level: 'act', run: { months: 7, from: '2026-05', to: '2026-11' }, lastAttendedOn: '2026-04-15', partyGroupName: '第一党小组' }),
      expect.objectContaining({ memberId: ids.戊, name: '戊', level: 'remind', run: { months: 3, from: '2026-09', to: '2026-11' }, lastAttendedOn: '2026-08-25' }),
    ]);
  });

  it('says when a warned member is 流动 (they may take part where they are)', async () => {
    const { core, ids } = await branch();
    await call(core, 'memberEvents:create', { memberId: ids.戊, kind: 'flowedOut', occurredOn: '2026-09-01', detail: '杭州' });
    const warnings = await call<ParticipationWarnings>(core, 'participation:warnings');
    expect(warnings.items.find((item) => item.name === '戊')?.flowing).toEqual({ since: '2026-09-01', detail: '杭州' });
  });

  it('is empty, not an error, before a branch exists', async () => {
    const core = tempCore({ clock: fixedClock('2026-11-22T10:00:00') });
    expect((await call<ParticipationWarnings>(core, 'participation:warnings')).items).toEqual([]);
  });
});

describe('the demo branch', () => {
  it('shows 何俊 absent October to December and warns about him; 韩冬’s months on leave are not a run', async () => {
    const core = tempCore({ clock: fixedClock('2026-11-22T10:00:00') });
    await call(core, 'demo:create');
    const year = await call<ParticipationYear>(core, 'participation:year', { year: 2025 });
    expect(year.rows).toHaveLength(25);
    expect(symbols(rowOf(year, '何俊'))).toBe('✓✓✓✓✓✓✓✓✓✗✗✗');
    expect(symbols(rowOf(year, '韩冬'))).toBe('✓假假✓假✓假假✓假✓假');
    expect(rowOf(year, '韩冬').longestRun).toBeNull();
    // 谢雨萱 was admitted on 19 December: a member in December only.
    expect(symbols(rowOf(year, '谢雨萱'))).toBe('           ✓');
    const warnings = await call<ParticipationWarnings>(core, 'participation:warnings');
    expect(warnings.items.map((item) => [item.name, item.level, item.run.months, item.lastAttendedOn])).toEqual([['何俊', 'remind', 3, '2025-09-22']]);
  });
});

describe('participation:exportXlsx', () => {
  async function readBack(file: ParticipationExportResult) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(PARTICIPATION_SHEET_NAME);
    if (!sheet) throw new Error('no sheet');
    return sheet;
  }

  it('writes the title, the two header rows, a row per member, the totals and the legend', async () => {
    const { core } = await branch();
    const file = await call<ParticipationExportResult>(core, 'participation:exportXlsx', { year: 2026 });
    expect(file.fileName).toBe('党员年度参加组织生活情况_2026年.xlsx');
    expect(file.rowCount).toBe(6);
    const sheet = await readBack(file);
    expect(sheet.getCell('A1').value).toBe('中共金华市示例局机关第一支部委员会2026年度党员参加组织生活情况');
    expect(String(sheet.getCell('A2').value)).toBe('统计截至 2026年11月22日  共 6 名党员（其中年内离开本支部 1 名）');
    expect(sheet.getCell('V2').value).toBe('党费记录尚未接入，仅按组织生活计算');
    expect(sheet.getCell('E3').value).toBe('各月参加组织生活情况');
    expect(sheet.getCell('Q3').value).toBe('全年合计');
    const header = PARTICIPATION_HEADERS.map((title, i) => String(sheet.getCell(title.endsWith('月') || i >= 16 && i < 22 ? 4 : 3, i + 1).value).replace(/\n/g, ''));
    expect(header).toEqual(PARTICIPATION_HEADERS);
    expect(PARTICIPATION_HEADERS.slice(0, 5)).toEqual(['序号', '姓名', '党员类别', '党小组', '1月']);

    const row = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1, 24);
    expect(row(6)).toEqual([2, '乙', '正式党员', '第一党小组', '✓', '✓', '✓', '✓', '✗', '✗', '✗', '✗', '✗', '✗', '✗', undefined, 12, 4, 0, 8, 0, 4 / 12, 7]);
    expect(sheet.getCell('V6').numFmt).toBe('0.0%');
    expect(sheet.getRow(10).getCell(2).value).toBe('己');
    expect(sheet.getRow(10).getCell(24).value).toBe('6月10日组织关系转出');
    expect(sheet.getCell('A11').value).toBe('合计');
    expect(sheet.getCell('Q11').value).toBe(59);
    expect(String(sheet.getCell('A12').value)).toContain('党费记录尚未接入');
  });

  it('prints as a 台账: A4 landscape, one page wide, title rows repeated, 第 N 页 共 M 页, frozen header', async () => {
    const { core } = await branch();
    const sheet = await readBack(await call<ParticipationExportResult>(core, 'participation:exportXlsx', { year: 2026 }));
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:4' });
    expect(sheet.headerFooter.oddFooter).toContain('第 &P 页 共 &N 页');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 4 });
    expect(sheet.model.merges).toEqual(expect.arrayContaining(['A1:X1', 'E3:P3', 'Q3:V3', 'A3:A4', 'X3:X4']));
    expect(sheet.getCell('X7').alignment).toMatchObject({ wrapText: true });
    expect(sheet.getColumn(5).width).toBeLessThan(sheet.getColumn(2).width!);
  });
});
