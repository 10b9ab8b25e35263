import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MeetingExportResult } from '../../src/shared/contract/meetings';
import { attr, readDocx, runFonts, tables } from '../helpers/docx';
import { demoBranch } from '../helpers/demo';
import { call, fixedClock, tempCore } from '../helpers/tempCore';

// 签到表 printed before a meeting: the 应到 list as of the meeting date with each person's 职务,
// and blank 签名 / 请假事由 columns tall enough to sign in. MINUTES_OUT=<folder> keeps the files.

async function demo() {
  const branch = await demoBranch();
  return { ...branch, members: branch.members.filter((member) => member.status === 'active') };
}

const plan = { types: ['memberAssembly'], partyGroupId: null, heldOn: '2026-12-01', startsAt: '14:30', endsAt: null, location: '党员活动室', topic: '学习贯彻全会精神', exclusions: [] };

async function sheet(core: Awaited<ReturnType<typeof demo>>['core'], input: Record<string, unknown>) {
  const result = await call<MeetingExportResult>(core, 'meetings:signInSheet', input);
  if (process.env.MINUTES_OUT) {
    mkdirSync(process.env.MINUTES_OUT, { recursive: true });
    writeFileSync(join(process.env.MINUTES_OUT, `${String(input.preset ?? 'gbt9704')}_${result.fileName}`), Buffer.from(result.contentBase64, 'base64'));
  }
  const doc = await readDocx(result.contentBase64);
  const [facts, attendees] = tables(doc.document);
  return { result, doc, facts, attendees };
}

describe('签到表 (meetings:signInSheet)', () => {
  it('lists everyone expected on the date with 职务, and blank columns to sign and give a reason', async () => {
    const { core, members } = await demo();
    const { result, doc, facts, attendees } = await sheet(core, plan);
    expect(result.fileName).toBe('2026-12-01_支部党员大会会议签到表.docx');
    expect(doc.paragraphs.slice(0, 2)).toEqual(['中共浙江金帆智能科技有限公司支部委员会', '支部党员大会会议签到表']);
    expect(Object.fromEntries(facts)).toMatchObject({ 会议主题: '学习贯彻全会精神', 时间: '2026年12月1日 14:30', 地点: '党员活动室', 应到人数: '25人（正式党员22人、预备党员3人）' });

    expect(attendees[0]).toEqual(['序号', '姓名', '职务', '签名', '请假事由']);
    const rows = attendees.slice(1);
    const current = members.filter((member) => member.status === 'active');
    expect(rows.map((row) => row[1]).sort()).toEqual(current.map((member) => member.name).sort());
    expect(rows.map((row) => row[0])).toEqual(rows.map((_, index) => String(index + 1)));
    const roleOf = (name: string) => rows.find((row) => row[1] === name)?.[2];
    expect(roleOf('陈建华')).toBe('书记');
    for (const member of current.filter((person) => person.category === 'probationary')) expect(roleOf(member.name)).toBe('预备党员');
    expect(rows.every((row) => row[3] === '' && row[4] === '')).toBe(true);
    // Rows tall enough to sign in: at least 30 pt, the header repeated on every page.
    expect(doc.document).toContain('<w:trHeight w:val="600" w:hRule="atLeast"/>');
    expect(doc.document).toContain('<w:tblHeader/>');
    for (const run of runFonts(doc.document)) expect(run.eastAsia, run.text).toMatch(/^(方正小标宋简体|仿宋_GB2312)$/);
  });

  it('takes 应到 from the 党小组 for a 党小组会 and leaves out members excluded with approval', async () => {
    const { core, members } = await demo();
    const groups = await call<{ id: number; name: string }[]>(core, 'groups:list');
    const group = groups[0];
    const inGroup = members.filter((member) => member.status === 'active' && member.partyGroupId === group.id);
    const excluded = inGroup[0];
    const { doc, attendees, facts } = await sheet(core, {
      ...plan,
      types: ['groupMeeting'],
      partyGroupId: group.id,
      exclusions: [{ memberId: excluded.id, reason: '长期病休' }],
    });
    // A long unit name is broken over two title lines.
    const titleEnd = doc.paragraphs.indexOf('党小组会议签到表');
    expect(doc.paragraphs.slice(0, titleEnd).join('')).toBe(`中共浙江金帆智能科技有限公司支部委员会${group.name}`);
    const names = attendees.slice(1).map((row) => row[1]);
    expect(names.sort()).toEqual(inGroup.slice(1).map((member) => member.name).sort());
    expect(Object.fromEntries(facts)['应到人数']).toMatch(new RegExp(`^${inGroup.length - 1}人`));
  });

  it('prints blank rows for an activity without a fixed list, and hours to fill in when no time is planned', async () => {
    const { core } = await demo();
    const { attendees, facts } = await sheet(core, { ...plan, types: ['heartToHeartTalk'], startsAt: null, topic: null });
    expect(attendees).toHaveLength(16);
    expect(attendees.slice(1).every((row) => row[1] === '')).toBe(true);
    expect(Object.fromEntries(facts)).toMatchObject({ 会议主题: '', 应到人数: '' });
    expect(Object.fromEntries(facts)['时间']).toMatch(/^2026年12月1日 +时 +分$/);
  });

  it('lays out both presets on A4 with their own margins', async () => {
    const { core } = await demo();
    const gbt = await sheet(core, plan);
    const unit = await sheet(core, { ...plan, preset: 'unit' });
    expect(attr(gbt.doc.document, 'w:pgMar', 'w:top')).toBe('2098');
    expect(attr(unit.doc.document, 'w:pgMar', 'w:top')).toBe('1440');
    expect(attr(unit.doc.document, 'w:pgSz', 'w:w')).toBe('11906');
    expect(unit.attendees).toEqual(gbt.attendees);
  });

  it('refuses a plan without a type or date in Chinese', async () => {
    const { core } = await demo();
    const reply = await core.dispatch('meetings:signInSheet', { ...plan, types: [], heldOn: '2026-13-01' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const fields = (reply as { error: { details: { path: string; message: string }[] } }).error.details.map((problem) => problem.path);
    expect(fields).toEqual(expect.arrayContaining(['types', 'heldOn']));
  });
});

describe('fonts of exported documents', () => {
  it('writes the preferred 公文 faces where the PC’s fonts are unknown (CLI, browser mode)', async () => {
    const { core } = await demo();
    const result = await call<MeetingExportResult>(core, 'meetings:signInSheet', plan);
    expect(result.fontNotes).toEqual([]);
    expect(new Set(runFonts((await readDocx(result.contentBase64)).document).map((run) => run.eastAsia))).toEqual(new Set(['方正小标宋简体', '仿宋_GB2312']));
  });

  it('falls back along the chains on a PC without them and tells the user', async () => {
    const core = tempCore({ clock: fixedClock('2026-11-22T10:00:00'), installedFonts: () => new Set(['宋体', '仿宋', '楷体', '黑体', '华文中宋']) });
    await call(core, 'demo:create');
    const result = await call<MeetingExportResult>(core, 'meetings:signInSheet', plan);
    expect(new Set(runFonts((await readDocx(result.contentBase64)).document).map((run) => run.eastAsia))).toEqual(new Set(['华文中宋', '仿宋']));
    expect(result.fontNotes).toEqual(['本机未安装“方正小标宋简体”，已改用“华文中宋”。', '本机未安装“仿宋_GB2312”，已改用“仿宋”。', '本机未安装“楷体_GB2312”，已改用“楷体”。']);
  });
});
