import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/core';
import type { DocumentPresetView } from '../../src/shared/contract/documentPresets';
import type { MeetingExportResult, MeetingListItem } from '../../src/shared/contract/meetings';
import type { ParticipationYear } from '../../src/shared/contract/participation';
import type { ReportDocument, YearSummaryDraft } from '../../src/shared/contract/reports';
import type { DemocraticReview } from '../../src/shared/contract/democraticReview';
import type { ComplianceReport } from '../../src/shared/domain/compliance';
import type { ReviewGrade } from '../../src/shared/domain/democraticReview';
import type { PresetSettings } from '../../src/shared/domain/presetSettings';
import { attr, readDocx, runFonts, tables } from '../helpers/docx';
import { demoBranch } from '../helpers/demo';
import { call } from '../helpers/tempCore';

// Word reports for submission (issue 7 items 1–2), read back from the .docx: page setup per preset
// and per ADJUSTED preset, grid, eastAsia faces, page numbers on odd and even footers, page breaks
// between records, the contents list, and the 年度工作总结 draft's numbers against the services.
// REPORTS_OUT=<folder> also writes every file there for scripts/render-check.mjs.

const twips = (mm: number) => Math.round((mm * 1440) / 25.4);

function keep(result: ReportDocument | MeetingExportResult, name = result.fileName): void {
  const folder = process.env.REPORTS_OUT;
  if (!folder) return;
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, name), Buffer.from(result.contentBase64, 'base64'));
}

async function refusal(core: Core, method: string, input: unknown) {
  const result = await core.dispatch(method, input);
  if (result.ok) throw new Error(`${method} should have been refused`);
  return result.error;
}

/** Body paragraphs whose runs carry eastAsia `face` (the text of each). */
function textsInFace(document: string, face: string): string[] {
  return [...document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((match) => runFonts(match[0]))
    .filter((runs) => runs.length > 0 && runs.every((run) => run.eastAsia === face))
    .map((runs) => runs.map((run) => run.text).join(''));
}

describe('会议记录 of a period', () => {
  let demo: Awaited<ReturnType<typeof demoBranch>>;
  let spring: MeetingListItem[];
  beforeEach(async () => {
    demo = await demoBranch();
    const year = await call<MeetingListItem[]>(demo.core, 'meetings:list', { year: 2025 });
    spring = year.filter((item) => item.heldOn >= '2025-03-01' && item.heldOn <= '2025-04-30').sort((a, b) => a.heldOn.localeCompare(b.heldOn) || a.id - b.id);
  });

  it('separate (GB/T 9704): every record of the period, each from a new page, 公文 page setup, grid, faces and outside page numbers', async () => {
    const result = await call<ReportDocument>(demo.core, 'reports:minutesBook', { from: '2025-03-01', to: '2025-04-30', mode: 'separate', preset: 'gbt9704' });
    keep(result, 'separate-gbt9704.docx');
    expect(result.fileName).toBe('2025-03-01至2025-04-30会议记录.docx');
    expect(result.pageHint).toBe(`${spring.length}份记录`);
    const doc = await readDocx(result.contentBase64);
    // Page: A4, 37/35/28/26 mm, 22 lines through linesAndChars.
    expect(attr(doc.document, 'w:pgSz', 'w:w')).toBe('11906');
    expect(attr(doc.document, 'w:pgMar', 'w:top')).toBe(String(twips(37)));
    expect(attr(doc.document, 'w:pgMar', 'w:bottom')).toBe(String(twips(35)));
    expect(attr(doc.document, 'w:pgMar', 'w:left')).toBe(String(twips(28)));
    expect(attr(doc.document, 'w:pgMar', 'w:right')).toBe(String(twips(26)));
    expect(attr(doc.document, 'w:docGrid', 'w:type')).toBe('linesAndChars');
    expect(attr(doc.document, 'w:docGrid', 'w:linePitch')).toBe(String(Math.floor((16838 - twips(37) - twips(35)) / 22)));
    // Each record after the first starts a new page, and its title says what it is, in date order.
    expect(doc.document.match(/<w:pageBreakBefore\/>/g)).toHaveLength(spring.length - 1);
    const titles = textsInFace(doc.document, '方正小标宋简体').filter((text) => /记录$/.test(text));
    expect(titles).toHaveLength(spring.length);
    expect(tables(doc.document).map((table) => table[1][1])).toEqual(spring.map((item) => item.topic));
    // Every run names a Chinese face; body text in 仿宋_GB2312, level-1 headings in 黑体.
    const runs = runFonts(doc.document);
    expect(runs.every((run) => run.eastAsia)).toBe(true);
    expect(textsInFace(doc.document, '黑体')).toContain('一、会议议题');
    // “— N —” on odd pages (right) and even pages (left).
    expect(doc.settings).toContain('<w:evenAndOddHeaders/>');
    expect(doc.footers).toHaveLength(2);
    for (const footer of doc.footers) {
      expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
      expect(footer).toContain('— ');
      expect(attr(footer, 'w:rFonts', 'w:eastAsia')).toBe('宋体');
    }
    expect(doc.footers.map((footer) => attr(footer, 'w:jc', 'w:val')).sort()).toEqual(['left', 'right']);
  });

  it('bound (单位常用格式): cover, contents with one row and a PAGEREF per record, each record bookmarked and from a new page', async () => {
    const result = await call<ReportDocument>(demo.core, 'reports:minutesBook', { from: '2025-01-01', to: '2025-12-31', mode: 'bound', preset: 'unit' });
    keep(result, 'bound-unit.docx');
    const all = await call<MeetingListItem[]>(demo.core, 'meetings:list', { year: 2025 });
    expect(result.fileName).toBe('2025年度会议记录汇编.docx');
    const doc = await readDocx(result.contentBase64);
    expect(doc.paragraphs.slice(0, 4)).toEqual(['中共浙江金帆智能科技有限公司支部委员会', '2025年度会议记录汇编', `共${all.length}份记录`, '编印日期：2026年11月22日']);
    // The cover has its own (empty) footer; Word asks to update the contents' fields on open.
    expect(doc.document).toContain('<w:titlePg/>');
    expect(doc.settings).toContain('<w:updateFields/>');
    // Unit layout: 2.54/3.17 cm, no grid, one centred page number.
    expect(attr(doc.document, 'w:pgMar', 'w:top')).toBe('1440');
    expect(attr(doc.document, 'w:pgMar', 'w:left')).toBe(String(twips(31.7)));
    expect(attr(doc.document, 'w:docGrid', 'w:type')).not.toBe('linesAndChars');
    expect(doc.footers.some((footer) => /PAGE<\/w:instrText>/.test(footer) && attr(footer, 'w:jc', 'w:val') === 'center')).toBe(true);

    const [contents] = tables(doc.document);
    expect(contents[0]).toEqual(['序号', '日期', '类型', '主题', '页码']);
    expect(contents).toHaveLength(all.length + 1);
    const first = [...all].sort((a, b) => a.heldOn.localeCompare(b.heldOn) || a.id - b.id)[0];
    // One calendar year: the year is in the title, the date column reads 1月8日; a 党小组会 names its group.
    expect(contents[1].slice(0, 4)).toEqual(['1', '1月8日', '支部委员会会议', first.topic]);
    expect(contents.some((row) => /^第一党小组（研发）会$/.test(row[2]))).toBe(true);
    const refs = [...doc.document.matchAll(/<w:instrText[^>]*>\s*PAGEREF (\w+)/g)].map((match) => match[1]);
    expect(refs).toHaveLength(all.length);
    const marks = [...doc.document.matchAll(/<w:bookmarkStart [^>]*w:name="([^"]+)"/g)].map((match) => match[1]);
    expect(new Set(marks)).toEqual(new Set(refs));
    // Contents and every record start a new page.
    expect(doc.document.match(/<w:pageBreakBefore\/>/g)).toHaveLength(all.length + 1);
  });

  it('filters by type and says so when the period has nothing: NOT_FOUND with what to change, no file', async () => {
    const lectures = await call<ReportDocument>(demo.core, 'reports:minutesBook', { from: '2025-01-01', to: '2025-12-31', types: ['partyLecture'], preset: 'gbt9704' });
    const doc = await readDocx(lectures.contentBase64);
    expect(doc.document.match(/<w:pageBreakBefore\/>/g)).toHaveLength(3);
    const empty = await refusal(demo.core, 'reports:minutesBook', { from: '2024-01-01', to: '2024-12-31', preset: 'gbt9704' });
    expect(empty).toMatchObject({ code: 'NOT_FOUND', message: '2024年度没有会议记录，未生成文件。请调整日期范围或会议类型。' });
    const reversed = await refusal(demo.core, 'reports:minutesBook', { from: '2025-12-31', to: '2025-01-01' });
    expect(reversed.code).toBe('VALIDATION');
    expect(reversed.message).toContain('结束日期不能早于开始日期');
  });
});

describe('文书格式 per branch', () => {
  let demo: Awaited<ReturnType<typeof demoBranch>>;
  beforeEach(async () => {
    demo = await demoBranch();
  });

  const adjusted = (base: PresetSettings): PresetSettings => ({
    ...base,
    margins: { top: 30, bottom: 30, left: 25, right: 25 },
    fonts: { ...base.fonts, title: { face: '华文中宋', size: 18 }, body: { face: '仿宋', size: 15 }, heading1: { face: '黑体', size: 15 } },
    line: { rule: 'grid', lines: 24, chars: 30 },
  });

  it('defaults are the shipped presets; bad values are refused field by field in Chinese and nothing is saved', async () => {
    const [gbt, unit] = await call<DocumentPresetView[]>(demo.core, 'documentPresets:get', {});
    expect(gbt).toMatchObject({ name: 'gbt9704', adjusted: false, settings: { margins: { top: 37, bottom: 35, left: 28, right: 26 }, line: { rule: 'grid', lines: 22, chars: 28 } } });
    expect(gbt.settings.fonts.title).toEqual({ face: '方正小标宋简体', size: 22 });
    expect(unit.settings).toMatchObject({ margins: { top: 25.4, left: 31.7 }, line: { rule: 'exact', points: 31 }, firstLineChars: 2 });

    const bad = { ...gbt.settings, margins: { ...gbt.settings.margins, top: 5 }, fonts: { ...gbt.settings.fonts, body: { face: '仿宋', size: 13 } } };
    const error = await refusal(demo.core, 'documentPresets:save', { preset: 'gbt9704', settings: bad });
    expect(error.code).toBe('VALIDATION');
    expect(error.details).toEqual([
      { path: 'margins.top', label: '上边距', message: '上边距应在 10–50 毫米之间' },
      { path: 'fonts.body.size', label: '正文字号', message: '正文的字号应从初号到小五中选择' },
    ]);
    const tooTight = await refusal(demo.core, 'documentPresets:save', { preset: 'unit', settings: { ...unit.settings, line: { rule: 'exact', points: 12 } } });
    expect(tooTight.details?.[0]).toMatchObject({ path: 'line.points', message: '固定行距不能小于正文字号（16 磅），否则文字会被截断' });
    expect((await call<DocumentPresetView[]>(demo.core, 'documentPresets:get', {})).every((view) => !view.adjusted)).toBe(true);
  });

  it('an adjusted preset reaches every Word builder (会议记录, 年度计划, 总结) and 恢复默认 brings the shipped one back', async () => {
    const [gbt] = await call<DocumentPresetView[]>(demo.core, 'documentPresets:get', {});
    const saved = await call<DocumentPresetView[]>(demo.core, 'documentPresets:save', { preset: 'gbt9704', settings: adjusted(gbt.settings) });
    expect(saved[0]).toMatchObject({ adjusted: true, settings: { margins: { top: 30 } } });
    expect(saved[1].adjusted).toBe(false);

    const [record] = await call<MeetingListItem[]>(demo.core, 'meetings:list', { year: 2025, type: 'memberAssembly' });
    const minutes = await call<MeetingExportResult>(demo.core, 'meetings:export', { id: record.id, preset: 'gbt9704' });
    const summary = await call<YearSummaryDraft>(demo.core, 'reports:summaryDraft', { year: 2025 });
    const summaryDoc = await call<ReportDocument>(demo.core, 'reports:summaryExport', { year: 2025, sections: summary.sections, preset: 'gbt9704' });
    keep(summaryDoc, 'summary-adjusted.docx');
    for (const file of [minutes, summaryDoc]) {
      const doc = await readDocx(file.contentBase64);
      expect(attr(doc.document, 'w:pgMar', 'w:top')).toBe(String(twips(30)));
      expect(attr(doc.document, 'w:pgMar', 'w:left')).toBe(String(twips(25)));
      expect(attr(doc.document, 'w:docGrid', 'w:linePitch')).toBe(String(Math.floor((16838 - 2 * twips(30)) / 24)));
      const runs = runFonts(doc.document);
      expect(runs.some((run) => run.eastAsia === '华文中宋')).toBe(true);
      expect(runs.some((run) => run.eastAsia === '方正小标宋简体')).toBe(false);
      expect(doc.document).toMatch(/<w:rFonts [^>]*w:eastAsia="仿宋"[^>]*\/><w:b w:val="false"\/><w:bCs w:val="false"\/><w:spacing w:val="-?\d+"\/><w:sz w:val="30"\/>/);
    }
    // The unit layout is untouched by the other's adjustments.
    const unitMinutes = await readDocx((await call<MeetingExportResult>(demo.core, 'meetings:export', { id: record.id, preset: 'unit' })).contentBase64);
    expect(attr(unitMinutes.document, 'w:pgMar', 'w:top')).toBe('1440');

    const reset = await call<DocumentPresetView[]>(demo.core, 'documentPresets:reset', { preset: 'gbt9704' });
    expect(reset[0]).toMatchObject({ adjusted: false, settings: { margins: { top: 37 } } });
    const back = await readDocx((await call<MeetingExportResult>(demo.core, 'meetings:export', { id: record.id, preset: 'gbt9704' })).contentBase64);
    expect(attr(back.document, 'w:pgMar', 'w:top')).toBe(String(twips(37)));
    expect(runFonts(back.document).some((run) => run.eastAsia === '方正小标宋简体')).toBe(true);
  });
});

describe('年度工作总结', () => {
  let demo: Awaited<ReturnType<typeof demoBranch>>;
  let draft: YearSummaryDraft;
  beforeEach(async () => {
    demo = await demoBranch();
    draft = await call<YearSummaryDraft>(demo.core, 'reports:summaryDraft', { year: 2025 });
  });

  it('draft numbers are the services’ own: 落实情况, 参加组织生活, records per type, member history', async () => {
    const compliance = await call<ComplianceReport>(demo.core, 'compliance:year', { year: 2025 });
    const participation = await call<ParticipationYear>(demo.core, 'participation:year', { year: 2025 });
    const records = await call<MeetingListItem[]>(demo.core, 'meetings:list', { year: 2025 });
    const { facts } = draft;
    expect(facts.compliance).toEqual({ done: compliance.summary.done, total: compliance.summary.total, overdue: compliance.summary.overdue });
    expect(facts.attendance).toEqual({ expected: participation.totals.expected, present: participation.totals.present, rate: participation.totals.rate });
    expect(facts.records).toBe(records.length);
    for (const entry of facts.byType) expect(entry.count).toBe(records.filter((item) => item.types.includes(entry.type)).length);
    expect(facts.members).toEqual({
      full: participation.rows.filter((row) => row.belongs && row.category === 'full').length,
      probationary: participation.rows.filter((row) => row.belongs && row.category === 'probationary').length,
    });
    expect(facts.admitted.map((person) => person.name)).toEqual(['宋佳', '郑浩', '谢雨萱']);
    expect(facts.confirmed).toEqual([{ name: '梁宇', on: '2025-12-20' }]);

    const text = draft.sections.flatMap((section) => section.paragraphs).join('\n');
    const rate = `${Math.round(participation.totals.rate! * 1000) / 10}%`;
    expect(text).toContain(`实际参加${participation.totals.present}人次，参加率${rate}`);
    expect(text).toContain(`已落实${compliance.summary.done}项`);
    expect(text).toContain(`支部党员大会${facts.byType[0].count}次（3月18日、6月24日、12月19日、12月26日）`);
    expect(text).toContain('按期办理预备党员转正1名：梁宇（12月20日）');
    expect(draft.sections.map((section) => section.heading)).toEqual(['基本情况', '组织生活开展情况', '学习教育和主题活动', '党员队伍建设', '决议落实和问题整改', '存在的不足', '下一步工作打算']);
    expect(draft.savedAt).toBeNull();
  });

  it('keeps the secretary’s edits and exports them as a 公文: 小标宋 title, 黑体 一、, 楷体 （一）, 落款 with an Arabic date', async () => {
    const sections = draft.sections.map((section, index) =>
      index === 0 ? { ...section, paragraphs: ['（一）支部基本情况', '支部坚持每月开展主题党日，党员参与热情高。', ...section.paragraphs] } : section,
    );
    const { savedAt } = await call<{ savedAt: string }>(demo.core, 'reports:summarySave', { year: 2025, sections });
    const reread = await call<YearSummaryDraft>(demo.core, 'reports:summaryDraft', { year: 2025 });
    expect(reread).toMatchObject({ savedAt, sections });
    expect((await call<YearSummaryDraft>(demo.core, 'reports:summaryDraft', { year: 2025, regenerate: true })).sections).toEqual(draft.sections);

    for (const preset of ['gbt9704', 'unit'] as const) {
      const result = await call<ReportDocument>(demo.core, 'reports:summaryExport', { year: 2025, sections, preset });
      keep(result, `summary-${preset}.docx`);
      expect(result.fileName).toBe('2025年度工作总结.docx');
      const doc = await readDocx(result.contentBase64);
      expect(textsInFace(doc.document, '方正小标宋简体').join('')).toBe('中共浙江金帆智能科技有限公司支部委员会2025年度工作总结');
      expect(textsInFace(doc.document, '黑体')).toEqual(['一、基本情况', '二、组织生活开展情况', '三、学习教育和主题活动', '四、党员队伍建设', '五、决议落实和问题整改', '六、存在的不足', '七、下一步工作打算']);
      expect(textsInFace(doc.document, '楷体_GB2312')).toEqual(['（一）支部基本情况']);
      expect(doc.paragraphs).toContain('支部坚持每月开展主题党日，党员参与热情高。');
      expect(doc.paragraphs.slice(-2)).toEqual(['中共浙江金帆智能科技有限公司支部委员会', '2026年11月22日']);
      expect(doc.footers.every((footer) => /PAGE<\/w:instrText>/.test(footer))).toBe(true);
    }
  });

  it('an empty year is a clear notice, not an empty document', async () => {
    expect(await refusal(demo.core, 'reports:summaryDraft', { year: 2024 })).toMatchObject({
      code: 'NOT_FOUND',
      message: '2024年没有任何组织生活记录，无法生成年度工作总结。请先录入该年度的会议记录，或选择其他年度。',
    });
    const blank = draft.sections.map((section) => ({ ...section, paragraphs: [''] }));
    const error = await refusal(demo.core, 'reports:summaryExport', { year: 2025, sections: blank });
    expect(error).toMatchObject({ code: 'VALIDATION', message: '总结内容：各部分都没有文字，未生成文件。请先填写或重新生成草稿。' });
  });
});

describe('组织生活会 materials and 民主评议 results', () => {
  let demo: Awaited<ReturnType<typeof demoBranch>>;
  let meetingId: number;
  beforeEach(async () => {
    demo = await demoBranch();
    [{ id: meetingId }] = await call<MeetingListItem[]>(demo.core, 'meetings:list', { year: 2025, type: 'orgLifeMeeting' });
  });

  it('says what to fill in before there is anything to print', async () => {
    expect((await refusal(demo.core, 'reports:orgLifeDocx', { meetingId })).message).toBe(
      '2025年12月26日的组织生活会还没有填写材料（方案、问题清单、整改清单），未生成文件。请先在会议记录的“组织生活会材料”中填写。',
    );
    expect((await refusal(demo.core, 'reports:democraticReviewDocx', { year: 2025 })).message).toBe('2025年12月26日的民主评议还没有评定等次，未生成文件。请先在会议记录中评定等次并保存。');
    expect((await refusal(demo.core, 'reports:democraticReviewDocx', { year: 2024 })).code).toBe('NOT_FOUND');
    expect((await refusal(demo.core, 'reports:democraticReviewDocx', {})).code).toBe('VALIDATION');
  });

  it('组织生活会: 方案, 问题清单, 对照检查, 整改清单 as sections and tables, each from a new page', async () => {
    const { byName } = demo;
    await call(demo.core, 'orgLife:save', {
      meetingId,
      version: 0,
      plan: '会前开展学习研讨、广泛征求意见、深入谈心谈话、认真撰写对照检查材料。',
      planApprovedOn: '2025-11-28',
      problems: [
        { text: '理论学习不够系统深入', category: 'ideological', source: 'selfCheck' },
        { text: '联系服务群众不够经常', category: 'conduct', source: 'solicited' },
      ],
      selfReviews: [{ memberId: byName('陈建华'), submitted: true, submittedOn: '2025-12-20', summary: '对照检查了四个方面的问题' }],
      rectifications: [
        { problemIndex: 0, measure: '制定年度学习计划，每月集中学习一次', ownerMemberId: byName('张晓燕'), dueOn: '2026-03-31', status: 'done', doneOn: '2026-03-20' },
        { problemIndex: 1, measure: '支委每季度走访联系党员和职工', ownerName: '支部委员会', dueOn: '2026-06-30' },
      ],
    });
    for (const preset of ['gbt9704', 'unit'] as const) {
      const result = await call<ReportDocument>(demo.core, 'reports:orgLifeDocx', { meetingId, preset });
      keep(result, `orglife-${preset}.docx`);
      expect(result.fileName).toBe('2025-12-26_组织生活会材料.docx');
      const doc = await readDocx(result.contentBase64);
      expect(textsInFace(doc.document, '黑体')).toEqual(['一、组织生活会方案', '二、问题清单', '三、对照检查', '四、整改清单']);
      expect(doc.document.match(/<w:pageBreakBefore\/>/g)).toHaveLength(3);
      const [, problems, reviews, rectifications] = tables(doc.document);
      expect(problems.slice(1)).toEqual([
        ['1', '思想', '自查', '理论学习不够系统深入'],
        ['2', '作风', '征求意见', '联系服务群众不够经常'],
      ]);
      expect(reviews).toHaveLength(26);
      expect(reviews.find((row) => row[1] === '陈建华')).toEqual([expect.any(String), '陈建华', '正式党员', '2025年12月20日', '对照检查了四个方面的问题']);
      expect(rectifications.slice(1)).toEqual([
        ['1', '1. 理论学习不够系统深入', '制定年度学习计划，每月集中学习一次', '张晓燕', '2026年3月31日', '已完成（2026年3月20日）'],
        ['2', '2. 联系服务群众不够经常', '支委每季度走访联系党员和职工', '支部委员会', '2026年6月30日', '已逾期'],
      ]);
    }
  });

  it('民主评议: the grades of everyone on the roster and the counts against the 优秀 cap', async () => {
    const review = await call<DemocraticReview>(demo.core, 'democraticReview:get', { meetingId });
    const gradable = review.rows.filter((row) => row.gradable);
    const grades = gradable.map((row, index) => ({ memberId: row.memberId, grade: (index < 7 ? 'excellent' : 'qualified') as ReviewGrade, note: null }));
    await call(demo.core, 'democraticReview:save', { meetingId, version: 0, grades });
    for (const preset of ['gbt9704', 'unit'] as const) {
      const result = await call<ReportDocument>(demo.core, 'reports:democraticReviewDocx', { year: 2025, preset });
      keep(result, `review-${preset}.docx`);
      expect(result.fileName).toBe('2025年度民主评议党员结果.docx');
      const doc = await readDocx(result.contentBase64);
      expect(doc.paragraphs).toContain('参加评议的正式党员22名，评定优秀7名（占31.8%），合格15名，基本合格0名，不合格0名。');
      expect(doc.paragraphs).toContain('优秀等次未超过参评正式党员的三分之一（不超过7名）。');
      const grid = tables(doc.document)[1];
      expect(grid[0]).toEqual(['序号', '姓名', '党员类别', '评定等次', '处置意见或说明']);
      expect(grid).toHaveLength(26);
      expect(grid.filter((row) => row[3] === '优秀')).toHaveLength(7);
      expect(grid.find((row) => row[1] === '宋佳')?.[3]).toBe('不评定等次');
    }
    // The same document by the meeting's id.
    const byId = await call<ReportDocument>(demo.core, 'reports:democraticReviewDocx', { meetingId });
    expect((await readDocx(byId.contentBase64)).paragraphs).toContain('参加评议的正式党员22名，评定优秀7名（占31.8%），合格15名，基本合格0名，不合格0名。');
  });
});
