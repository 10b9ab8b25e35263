import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MeetingAssessment, MeetingExportResult, MeetingInput, MeetingRecord } from '../../src/shared/contract/meetings';
import { attr, readDocx, runFonts } from '../helpers/docx';
import { demoBranch } from '../helpers/demo';
import { call } from '../helpers/tempCore';

// 会议记录 exported as Word, read back from the .docx: page setup per preset, fonts on every run,
// and what a secretary signs (attendance facts, verdicts, signature line).
// MINUTES_OUT=<folder> also writes the files there for scripts/render-check.mjs.

const demo = () => demoBranch();

/** A 党员大会 that is also a 党课 (as in meetings.test.ts), with speeches, a vote, decisions and a 补学. */
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
    summary: '会议由支部书记陈建华主持，会前已公示发展对象情况，公示期内未收到反映。',
    agenda: [
      {
        title: '讨论接收预备党员',
        speeches: [
          { speakerMemberId: byName('王丽萍'), summary: '介绍发展对象培养考察情况：该同志入党动机端正，工作中能发挥骨干作用，培养联系人意见一致同意。' },
          { speakerMemberId: byName('刘国平'), summary: '同意接收，建议其在预备期内加强理论学习。' },
        ],
      },
      { title: '研究第四季度党建工作安排', speeches: [{ speakerMemberId: byName('陈建华'), summary: '部署第四季度主题党日和党费收缴工作。' }] },
    ],
    decisions: [
      { text: '同意接收张三为中共预备党员，报上级党委审批', agendaPosition: 0, ownerMemberId: byName('李志强'), dueOn: '2026-10-15' },
      { text: '第四季度主题党日赴革命纪念馆开展现场教学', agendaPosition: 1, ownerMemberId: byName('王丽萍'), dueOn: '2026-11-30' },
    ],
    votes: [{ subject: '接收张三为预备党员', agendaPosition: 0, yes: 18, no: 1, abstain: 1, writtenYes: 1 }],
    attendance: check.expected.map((person) =>
      absentIds.has(person.memberId)
        ? {
            memberId: person.memberId,
            status: 'leave' as const,
            leaveKind: 'business' as const,
            reason: '出差',
            makeupOn: '2026-09-20',
            makeupBy: '陈建华',
            makeupMethod: '个别传达',
          }
        : { memberId: person.memberId, status: 'present' as const },
    ),
    guests: [{ kind: 'activist', name: '张三', note: '发展对象' }],
    exclusions: [],
  };
}

async function exported(absent: string[]) {
  const { core, byName } = await demo();
  const record = await call<MeetingRecord>(core, 'meetings:create', await assemblyInput(core, byName, absent));
  const gbt = await call<MeetingExportResult>(core, 'meetings:export', { id: record.id });
  const unit = await call<MeetingExportResult>(core, 'meetings:export', { id: record.id, preset: 'unit' });
  const out = process.env.MINUTES_OUT;
  if (out) {
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, `gbt9704_${gbt.fileName}`), Buffer.from(gbt.contentBase64, 'base64'));
    writeFileSync(join(out, `unit_${unit.fileName}`), Buffer.from(unit.contentBase64, 'base64'));
  }
  return { core, record, gbt, unit };
}

describe('会议记录 export (meetings:export)', () => {
  it('names the file by date and type', async () => {
    const { gbt, unit } = await exported(['韩冬']);
    expect(gbt.fileName).toBe('2026-09-15_支部党员大会暨党课会议记录.docx');
    expect(unit.fileName).toBe(gbt.fileName);
  });

  it('lays out the GB/T 9704 preset: A4, 37/35/28/26 mm, 22 lines × 28 characters, page numbers outside', async () => {
    const { gbt } = await exported(['韩冬', '马超']);
    const doc = await readDocx(gbt.contentBase64);
    expect(attr(doc.document, 'w:pgSz', 'w:w')).toBe('11906');
    expect(attr(doc.document, 'w:pgSz', 'w:h')).toBe('16838');
    expect({
      top: attr(doc.document, 'w:pgMar', 'w:top'),
      bottom: attr(doc.document, 'w:pgMar', 'w:bottom'),
      left: attr(doc.document, 'w:pgMar', 'w:left'),
      right: attr(doc.document, 'w:pgMar', 'w:right'),
    }).toEqual({ top: '2098', bottom: '1984', left: '1587', right: '1474' });
    expect(attr(doc.document, 'w:docGrid', 'w:type')).toBe('linesAndChars');
    expect(Number(attr(doc.document, 'w:docGrid', 'w:linePitch'))).toBe(579);
    // Odd and even pages have their own footer: “— 1 —” right on odd pages, left on even ones.
    expect(doc.settings).toContain('<w:evenAndOddHeaders');
    expect(doc.document).toMatch(/<w:footerReference w:type="default"/);
    expect(doc.document).toMatch(/<w:footerReference w:type="even"/);
    expect(doc.footers).toHaveLength(2);
    for (const footer of doc.footers) {
      expect(footer).toMatch(/PAGE/);
      expect(footer).toContain('— ');
      expect(runFonts(footer).every((run) => run.eastAsia === '宋体')).toBe(true);
      expect(footer).toContain('<w:sz w:val="28"/>');
    }
    expect(doc.footers.map((footer) => attr(footer, 'w:jc', 'w:val')).sort()).toEqual(['left', 'right']);
  });

  it('lays out the unit preset: 2.54/3.17 cm margins, fixed 31 pt lines, first-line indent of 2 characters, no grid', async () => {
    const { unit } = await exported(['韩冬']);
    const doc = await readDocx(unit.contentBase64);
    expect(attr(doc.document, 'w:pgSz', 'w:w')).toBe('11906');
    expect({
      top: attr(doc.document, 'w:pgMar', 'w:top'),
      bottom: attr(doc.document, 'w:pgMar', 'w:bottom'),
      left: attr(doc.document, 'w:pgMar', 'w:left'),
      right: attr(doc.document, 'w:pgMar', 'w:right'),
    }).toEqual({ top: '1440', bottom: '1440', left: '1797', right: '1797' });
    expect(doc.document).not.toContain('linesAndChars');
    expect(doc.document).toContain('<w:spacing w:after="0" w:before="0" w:line="620" w:lineRule="exact"/>');
    expect(doc.document).toContain('w:firstLineChars="200"');
    expect(doc.footers).toHaveLength(1);
  });

  it.each(['gbt9704', 'unit'] as const)('names Chinese fonts on the eastAsia slot of every run and Times New Roman for Latin (%s)', async (preset) => {
    const { gbt, unit } = await exported(['韩冬']);
    const doc = await readDocx((preset === 'unit' ? unit : gbt).contentBase64);
    const runs = runFonts(doc.document);
    expect(runs.length).toBeGreaterThan(30);
    for (const run of runs) {
      expect(run.eastAsia, run.text).toMatch(/^(方正小标宋简体|仿宋_GB2312|黑体|楷体_GB2312)$/);
      expect(run.ascii, run.text).toBe('Times New Roman');
    }
    const fontOf = (text: string) => runs.find((run) => run.text.startsWith(text))?.eastAsia;
    expect(fontOf('中共浙江金帆智能科技有限公司')).toBe('方正小标宋简体');
    expect(fontOf('一、会议议题')).toBe('黑体');
    expect(fontOf('（一）讨论接收预备党员')).toBe('楷体_GB2312');
    expect(fontOf('介绍发展对象培养考察情况')).toBe('仿宋_GB2312');
    // 二号 title, 三号 body.
    expect(doc.document).toMatch(/<w:sz w:val="44"\/>[^]*?中共浙江金帆智能科技有限公司/);
  });

  it('prints the title, the attendance facts, the verdicts and the signature line', async () => {
    const { gbt, record } = await exported(['韩冬', '马超']);
    const { paragraphs } = await readDocx(gbt.contentBase64);
    expect(paragraphs.slice(0, 2)).toEqual(['中共浙江金帆智能科技有限公司支部委员会', '支部党员大会暨党课会议记录']);
    const row = (label: string) => paragraphs[paragraphs.indexOf(label) + 1];
    const { counts } = record.assessment;
    expect(row('应到人数')).toBe(`${counts.expected}人（正式党员${counts.expectedFull}人、预备党员${counts.expectedProbationary}人）`);
    expect(row('应到人数')).toBe('25人（正式党员22人、预备党员3人）');
    expect(row('实到人数')).toBe('23人（正式党员20人、预备党员3人）');
    expect(row('缺席人员及原因').split('、').sort()).toEqual(['韩冬（因公外出，出差）', '马超（因公外出，出差）'].sort());
    expect(row('时间')).toBe('2026年9月15日 14:30—16:30');
    expect(row('授课人')).toBe('陈建华');
    expect(row('列席人员')).toBe('张三（入党积极分子，发展对象）');
    expect(paragraphs).toContain('应到会有表决权的党员22名，实到20名，超过半数，会议有效。');
    expect(paragraphs).toContain('1. 接收张三为预备党员：赞成18票，反对1票，弃权1票；另有书面同意意见1份。赞成19票（含书面同意意见1份），超过应到会有表决权党员22名的半数，决议通过。');
    expect(paragraphs).toContain('1. 同意接收张三为中共预备党员，报上级党委审批（负责人：李志强；完成期限：2026年10月15日）');
    expect(paragraphs).toContain('韩冬于2026年9月20日通过个别传达完成补学，由陈建华传达会议精神。');
    expect(paragraphs.at(-1)).toBe('主持人（签字）：________    记录人（签字）：________');
  });

  it('refuses an unknown preset and a missing record in Chinese', async () => {
    const { core, record } = await exported(['韩冬']);
    expect(await core.dispatch('meetings:export', { id: record.id, preset: 'a4' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const missing = await core.dispatch('meetings:export', { id: record.id + 100 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('exports a demo-year record too (committee meeting, no 党课)', async () => {
    const { core } = await demo();
    const list = await call<{ id: number; types: string[] }[]>(core, 'meetings:list', { year: 2025, type: 'committeeMeeting' });
    const result = await call<MeetingExportResult>(core, 'meetings:export', { id: list[0].id, preset: 'gbt9704' });
    expect(result.fileName).toMatch(/^2025-\d\d-\d\d_支部委员会会议记录\.docx$/);
    const { paragraphs } = await readDocx(result.contentBase64);
    expect(paragraphs[1]).toBe('支部委员会会议记录');
    expect(paragraphs).not.toContain('授课人');
    expect(paragraphs.some((text) => text.startsWith('支委会委员'))).toBe(true);
    if (process.env.MINUTES_OUT) writeFileSync(join(process.env.MINUTES_OUT, `demo_${result.fileName}`), Buffer.from(result.contentBase64, 'base64'));
  });
});
