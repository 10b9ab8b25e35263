import ExcelJS from 'exceljs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AssessmentExportResult, AssessmentView } from '../../src/shared/contract/assessments';
import { assessmentBranchInfo, createAssessmentsExportService } from '../../src/main/services/assessmentsExport.service';
import { ASSESSMENT_HEADERS, ASSESSMENT_SHEET_NAME } from '../../src/main/documents/assessmentSheet';
import { assessmentViewOf, DEMO_SECRETARY_ENTRIES, type ViewOptions } from '../helpers/assessmentView';
import { demoBranch } from '../helpers/demo';
import { attr, readDocx, runFonts, tables } from '../helpers/docx';

// 自评打分表.xlsx and 自评报告.docx (issue 6 item 5) built from an AssessmentView made of the demo
// branch's real 2025 proposal plus a secretary's entries (tests/helpers/assessmentView.ts), exported
// through the service and read back. ASSESSMENT_OUT=<folder> also writes the files there for
// scripts/render-check.mjs.

type Demo = Awaited<ReturnType<typeof demoBranch>>;

async function setup(options: ViewOptions = {}, fonts: ReadonlySet<string> | null = null) {
  const demo: Demo = await demoBranch();
  const view = await assessmentViewOf(demo.core, options);
  const context = { store: demo.core.store, clock: demo.clock, host: 'cli' as const, dataDir: demo.core.dataDir, appVersion: 'test', installedFonts: () => fonts };
  const service = createAssessmentsExportService(context, {
    getView: (id) => {
      if (id !== view.id) throw new Error(`no view ${id}`);
      return view;
    },
    branchInfo: assessmentBranchInfo(context, demo.core.services.members),
  });
  return { demo, view, service };
}

function keep(result: AssessmentExportResult, prefix = ''): void {
  const out = process.env.ASSESSMENT_OUT;
  if (!out) return;
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, `${prefix}${result.fileName}`), Buffer.from(result.contentBase64, 'base64'));
}

async function sheetOf(result: AssessmentExportResult): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(result.contentBase64, 'base64') as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(ASSESSMENT_SHEET_NAME);
  if (!sheet) throw new Error(`no sheet named ${ASSESSMENT_SHEET_NAME}`);
  return sheet;
}

const cellText = (sheet: ExcelJS.Worksheet, row: number, column: number) => {
  const value = sheet.getCell(row, column).value;
  return value === null || value === undefined ? null : String(value);
};

function rowsWhere(sheet: ExcelJS.Worksheet, column: number, test: (text: string) => boolean): number[] {
  const found: number[] = [];
  for (let row = 1; row <= sheet.rowCount; row += 1) {
    const text = cellText(sheet, row, column);
    if (text !== null && test(text)) found.push(row);
  }
  return found;
}

const dimensionOf = (view: AssessmentView, id: string) => view.result.dimensions.find((dimension) => dimension.id === id)!;
const indicatorOf = (view: AssessmentView, id: string) => view.indicators.find((indicator) => indicator.id === id)!;
/** 2025-03-12 → 3月12日 (an oracle independent of the report's own helper). */
const md = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

describe('the fixture: the demo proposal plus the secretary entries, scored by the engine', () => {
  it('lights five stars and 服务力强, not 组织力强 or 发展力强: level 五星, with no problems left', async () => {
    const { view } = await setup();
    expect(view.result.problems).toEqual([]);
    expect(view.result.litStars).toEqual(['leadership', 'org-life', 'members', 'base', 'role']);
    expect(view.result.litQualifiers).toEqual(['strong-service']);
    expect(view.result.level.name).toBe('五星');
    expect(indicatorOf(view, 'leadership-committee-meeting').proposal.records).toHaveLength(11);
  });
});

describe('assessments:exportXlsx — 自评打分表', () => {
  it('lists every indicator with 分值, 建议分 and 自评得分 as numbers, subtotals per dimension equal to the result, the total and the level', async () => {
    const { view, service } = await setup();
    const result = await service.exportXlsx({ id: view.id });
    keep(result);
    expect(result.fileName).toBe('2025年度五星三强自评打分表（草稿）.xlsx');
    const sheet = await sheetOf(result);

    expect(cellText(sheet, 1, 1)).toBe('中共浙江金帆智能科技有限公司支部委员会2025年度“五星三强”自评打分表（草稿）');
    expect(cellText(sheet, 2, 1)).toBe('评分模板：五星三强（参考模板）第1版  系统建议分依据截至2026年11月22日的记录');
    expect(cellText(sheet, 2, 8)).toBe('状态：草稿：尚未提交，请勿报送');
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual([...ASSESSMENT_HEADERS]);

    // One row per indicator, numbered 1…30 in the template's order, numbers as numbers.
    const indicatorRows = rowsWhere(sheet, 1, (text) => /^\d+$/.test(text));
    expect(indicatorRows).toHaveLength(view.indicators.length);
    view.indicators.forEach((indicator, index) => {
      const row = indicatorRows[index];
      expect(sheet.getCell(row, 1).value).toBe(index + 1);
      expect(cellText(sheet, row, 3)).toBe(`${indicator.text}${indicator.required ? '（必达）' : ''}`);
      expect(sheet.getCell(row, 5).value).toBe(indicator.maxPoints);
      expect(sheet.getCell(row, 6).value).toBe(indicator.proposal.points);
      expect(sheet.getCell(row, 7).value).toBe(indicator.points);
    });

    // 支委会: 11 records listed by date and type (more than eight: dates per type), the secretary's note.
    const committee = indicatorRows[view.indicators.findIndex((indicator) => indicator.id === 'leadership-committee-meeting')];
    expect(sheet.getCell(committee, 6).value).toBe(7.33);
    expect(cellText(sheet, committee, 8)).toMatch(/^支部委员会会议应开12次，已开11次（8月未开）\n支部委员会会议 11 份：/);
    for (const record of indicatorOf(view, 'leadership-committee-meeting').proposal.records) {
      expect(cellText(sheet, committee, 8)).toContain(`${Number(record.date.slice(5, 7))}/${Number(record.date.slice(8, 10))}`);
    }
    expect(cellText(sheet, committee, 9)).toBe('8月因生产旺季，支委会议题并入9月3日支委会研究');
    // 党员大会: four records, one line each “2025-03-20 支部党员大会 主题”.
    const assembly = indicatorRows[view.indicators.findIndex((indicator) => indicator.id === 'org-life-assembly')];
    const assemblyRecords = indicatorOf(view, 'org-life-assembly').proposal.records;
    expect(assemblyRecords.length).toBeLessThanOrEqual(8);
    for (const record of assemblyRecords) expect(cellText(sheet, assembly, 8)).toContain(`${record.date} ${record.typeLabel} ${[...record.topic].slice(0, 10).join('')}`);
    expect(cellText(sheet, assembly, 8)).toMatch(/\n2025-12-26 支部党员大会暨组织生活会暨民主评议党员 2025年度组织生活会暨民主评…$/);
    // A manual indicator: what the template asks for, or the files attached.
    const election = indicatorRows[0];
    expect(cellText(sheet, election, 8)).toBe('附件：2024年支部换届选举结果的批复.pdf');
    expect(sheet.getCell(election, 6).value).toBeNull();
    const duties = indicatorRows[3];
    expect(cellText(sheet, duties, 8)).toBe('应备材料：支委分工文件、履职情况');
    // A rule that could not score (议定事项 not recorded), scored by the secretary: the note, not 需手工评分.
    const followup = indicatorRows[view.indicators.findIndex((indicator) => indicator.id === 'role-followup')];
    expect(cellText(sheet, followup, 8)).toBe('应备材料：会议议定事项及落实情况');
    expect(cellText(sheet, followup, 9)).toBe('议定事项多在会后落实，未在系统中登记，按基本落实计');
    // An override: 谈心谈话 proposed 0.4, scored 3 with the note, in bold.
    const talks = indicatorRows[view.indicators.findIndex((indicator) => indicator.id === 'members-talks')];
    expect([sheet.getCell(talks, 6).value, sheet.getCell(talks, 7).value]).toEqual([0.4, 3]);
    expect(sheet.getCell(talks, 7).font.bold).toBe(true);
    // 台账: the records find 49 missing elements (none of the 49 has any 会议内容) → 5 − 49, floored at 0;
    // the secretary answered 1 from the paper minute book: 4, in bold as it differs from the proposal.
    // The list of 49 records is cut to the first three and the count, the records' dates per type below.
    const ledger = indicatorRows[view.indicators.findIndex((indicator) => indicator.id === 'base-ledger')];
    expect([sheet.getCell(ledger, 6).value, sheet.getCell(ledger, 7).value]).toEqual([0, 4]);
    expect(sheet.getCell(ledger, 7).font.bold).toBe(true);
    const ledgerLines = cellText(sheet, ledger, 8)!.split('\n');
    expect(ledgerLines[0]).toBe(
      '49份会议记录中49份要素不全，共缺49项：2025年1月8日支部委员会会议缺会议内容（主要内容、议题或决议）；2025年1月15日主题党日缺会议内容（主要内容、议题或决议）；2025年1月22日党小组会缺会议内容（主要内容、议题或决议）等49份',
    );
    expect(ledgerLines.slice(1).map((text) => text.split(' ')[0])).toEqual(['支部委员会会议', '主题党日', '第一党小组会', '第二党小组会', '党课暨主题党日', '支部党员大会', '支部党员大会暨组织生活会暨民主评议党员']);
    expect(cellText(sheet, ledger, 9)).toBe(DEMO_SECRETARY_ENTRIES['base-ledger'].note);
    // 组织生活会 without a 整改清单 is 需手工评分; answered 是 with a note, so the record and the note, not the request.
    const orgLife = indicatorRows[view.indicators.findIndex((indicator) => indicator.id === 'org-life-meeting')];
    expect([sheet.getCell(orgLife, 6).value, sheet.getCell(orgLife, 7).value]).toEqual([null, 4]);
    expect(cellText(sheet, orgLife, 8)).toBe('2025-12-26 支部党员大会暨组织生活会暨民主评议党员 2025年度组织生活会暨民主评…');
    // 民主评议: the fact, without the request to enter the grades.
    const review = indicatorRows[view.indicators.findIndex((indicator) => indicator.id === 'members-review')];
    expect(cellText(sheet, review, 8)).toMatch(/^民主评议党员已于2025年12月26日开展\n2025-12-26 /);

    // 小计 per dimension = the engine's dimension points, with 已点亮/未点亮.
    const subtotals = rowsWhere(sheet, 1, (text) => text.endsWith('小计'));
    expect(subtotals).toHaveLength(view.dimensions.length);
    view.dimensions.forEach((dimension, index) => {
      const row = subtotals[index];
      const scored = dimensionOf(view, dimension.id);
      expect(cellText(sheet, row, 1)).toBe(`${dimension.name}小计`);
      expect(sheet.getCell(row, 5).value).toBe(dimension.maxPoints);
      expect(sheet.getCell(row, 7).value).toBe(scored.points);
      expect(cellText(sheet, row, 8)!.startsWith(scored.lit ? '已点亮' : '未点亮')).toBe(true);
    });
    expect(sheet.getCell(subtotals[0], 7).value).toBe(19.33);
    expect(cellText(sheet, subtotals[5], 8)).toBe('未点亮：得分率80%，需达到90%');
    // Subtotal sits right under its dimension's indicators, each of which names the dimension.
    expect(subtotals[0]).toBe(indicatorRows[3] + 1);
    expect(indicatorRows.slice(0, 4).map((row) => cellText(sheet, row, 2))).toEqual(Array(4).fill('班子建设星'));
    // Where the records propose nothing (every 强 indicator is manual) the proposal subtotal is blank, not 0;
    // where some do, the sum of those: 组织生活星 3 + 2.5 + 2.25 (党课 3 quarters of 4) + 4 + 1, the
    // 组织生活会 (需手工评分, no 整改清单) adding nothing → 12.75 (assessmentsGolden's DIMENSIONS).
    expect(sheet.getCell(subtotals[5], 6).value).toBeNull();
    expect(sheet.getCell(subtotals[1], 6).value).toBe(12.75);
    // 组织生活星 scored: 3 + 2.5 + 2.25 + 4 + 4 (组织生活会 answered 是) + 1 = 16.75 of 20 (83.75%) → lit.
    expect(sheet.getCell(subtotals[1], 7).value).toBe(16.75);

    // 合计 and the lines below: 19.33 + 16.75 + 19 + 19 + 19 (five stars, each ≥ 80%) + 8 + 7.5 + 9.75
    // (组织力强 80% of a 90% bar, 发展力强 75%, 服务力强 97.5%) = 118.33.
    const [total] = rowsWhere(sheet, 1, (text) => text === '合计');
    expect(total).toBe(subtotals.at(-1)! + 1);
    expect(sheet.getCell(total, 5).value).toBe(view.result.maxPoints);
    expect(sheet.getCell(total, 7).value).toBe(view.result.totalPoints);
    expect(view.result.totalPoints).toBe(subtotals.reduce((sum, row) => sum + Number(sheet.getCell(row, 7).value), 0));
    expect(cellText(sheet, total, 8)).toBe('自评等级：五星');
    expect(cellText(sheet, total + 1, 1)).toBe(
      '自评等级：五星。自评总分 118.33 分（满分 130 分），点亮 5 颗星（班子建设星、组织生活星、党员队伍星、阵地保障星、作用发挥星），达到“服务力强”。',
    );
    const below = Array.from({ length: sheet.rowCount - total }, (_, index) => cellText(sheet, total + 1 + index, 1) ?? '');
    expect(below).toContain('一票否决事项：');
    expect(below).toContain('1. 支部班子成员发生严重违纪违法行为：无');
    expect(below.some((text) => text.startsWith('说明：本自评依据参考模板“五星三强（参考模板）”（第1版）评分。'))).toBe(true);
    expect(below.at(-1)).toMatch(/^填表人（签字）：_+ +支部书记（签字）：_+ +日期：_+年_+月_+日$/);
  });

  it('prints as a DOMAIN §8 台账: A4 landscape one page wide, title rows repeated, frozen header, page footer, a draft header, wrapped text', async () => {
    const { view, service } = await setup();
    const sheet = await sheetOf(await service.exportXlsx({ id: view.id }));
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:3' });
    expect(sheet.headerFooter.oddFooter).toContain('第 &P 页 共 &N 页');
    expect(sheet.headerFooter.oddHeader).toContain('草稿');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3, xSplit: 0 });
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((column) => sheet.getColumn(column).width)).toEqual([5, 10, 24, 20, 6, 7.5, 7.5, 48, 20]);
    expect(sheet.model.merges).toContain('A1:I1');
    expect(sheet.getCell('H4').alignment).toMatchObject({ wrapText: true });
    expect(sheet.getCell('C4').font).toMatchObject({ name: '宋体', size: 10 });
    expect(sheet.getCell('C4').border?.left?.style).toBe('thin');
    // Rows are as tall as their wrapped text: the 党小组会 row lists 22 dates.
    const groupRow = rowsWhere(sheet, 3, (text) => text.startsWith('党小组会每月召开'))[0];
    expect(sheet.getRow(groupRow).height).toBeGreaterThan(60);
  });

  it('a submitted assessment has no 草稿 anywhere, says when it was submitted, and shows the veto hit and the review', async () => {
    const { view, service } = await setup({
      status: 'reviewed',
      submittedOn: '2026-01-10',
      vetoes: { 'veto-fraud': '' },
      review: { reviewedOn: '2026-02-20', reviewerScore: 110, reviewerLevel: '四星', reviewComment: '谈心谈话记录不全' },
    });
    const result = await service.exportXlsx({ id: view.id });
    expect(result.fileName).toBe('2025年度五星三强自评打分表.xlsx');
    const sheet = await sheetOf(result);
    expect(cellText(sheet, 1, 1)).not.toContain('草稿');
    expect(sheet.headerFooter.oddHeader ?? '').not.toContain('草稿');
    expect(cellText(sheet, 2, 8)).toBe('状态：已审核（2026年2月20日）');
    const texts = Array.from({ length: sheet.rowCount }, (_, index) => cellText(sheet, index + 1, 1) ?? '');
    expect(texts).toContain('3. 评星材料弄虚作假：有');
    expect(texts).toContain('审核结果（2026年2月20日）：审核得分 110 分，审核等级 四星。审核意见：谈心谈话记录不全');
    expect(view.result.level.name).toBe('不评星');
    expect(texts.some((text) => text.startsWith('自评等级：不评星。'))).toBe(true);
  });
});

describe('assessments:exportDocx — 自评报告', () => {
  it('lays out the GB/T 9704 preset: A4, 37/35/28/26 mm, 22 lines × 28 characters, page numbers outside', async () => {
    const { view, service } = await setup();
    const result = await service.exportDocx({ id: view.id, preset: 'gbt9704' });
    keep(result, 'gbt9704_');
    expect(result.fileName).toBe('2025年度五星三强自评报告（草稿）.docx');
    expect(result.fontNotes).toEqual([]);
    const doc = await readDocx(result.contentBase64);
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
    // 22 lines: the text block's height / linePitch; 28 characters: width / (16 pt + charSpace).
    const charSpace = Number(attr(doc.document, 'w:docGrid', 'w:charSpace'));
    expect(Math.round((11906 - 1587 - 1474) / 20 / (16 + charSpace / 4096))).toBe(28);
    expect(Math.floor((16838 - 2098 - 1984) / 579)).toBe(22);
    expect(doc.settings).toContain('<w:evenAndOddHeaders');
    expect(doc.footers.map((footer) => attr(footer, 'w:jc', 'w:val')).sort()).toEqual(['left', 'right']);
  });

  it('names the GB/T 9704 faces on the eastAsia slot: 方正小标宋简体 title, 黑体 一、, 楷体_GB2312 （一）, 仿宋_GB2312 body and tables', async () => {
    const { view, service } = await setup();
    const doc = await readDocx((await service.exportDocx({ id: view.id, preset: 'gbt9704' })).contentBase64);
    const runs = runFonts(doc.document);
    for (const run of runs) {
      expect(run.eastAsia, run.text).toMatch(/^(方正小标宋简体|仿宋_GB2312|黑体|楷体_GB2312)$/);
      expect(run.ascii, run.text).toBe('Times New Roman');
    }
    const fontOf = (text: string) => runs.find((run) => run.text.startsWith(text))?.eastAsia;
    expect(fontOf('中共浙江金帆智能科技有限公司支部委员会')).toBe('方正小标宋简体');
    expect(fontOf('2025年度“五星三强”创建自评报告')).toBe('方正小标宋简体');
    expect(fontOf('一、支部基本情况')).toBe('黑体');
    expect(fontOf('附：佐证材料目录')).toBe('黑体');
    expect(fontOf('（一）班子建设星')).toBe('楷体_GB2312');
    expect(fontOf('根据上级党组织')).toBe('仿宋_GB2312');
    expect(fontOf('班子建设星')).toBe('仿宋_GB2312'); // the score table's first cell
    // 二号 title, 三号 body, 四号 tables.
    expect(doc.document).toMatch(/<w:sz w:val="44"\/>[^]*?创建自评报告/);
    expect(doc.document).toMatch(/<w:sz w:val="32"\/>[^]*?根据上级党组织/);
  });

  it('falls back to installed faces on a PC without the 公文 fonts and says so', async () => {
    const { view, service } = await setup({}, new Set(['宋体', '黑体', '仿宋', '楷体', '华文中宋']));
    const result = await service.exportDocx({ id: view.id, preset: 'gbt9704' });
    expect(new Set(runFonts((await readDocx(result.contentBase64)).document).map((run) => run.eastAsia))).toEqual(new Set(['华文中宋', '仿宋', '黑体', '楷体']));
    expect(result.fontNotes).toEqual(['本机未安装“方正小标宋简体”，已改用“华文中宋”。', '本机未安装“仿宋_GB2312”，已改用“仿宋”。', '本机未安装“楷体_GB2312”，已改用“楷体”。']);
  });

  it('writes the title from the template name, a 草稿 notice, the branch facts, and the 参考 template notice', async () => {
    const { view, service } = await setup();
    const { paragraphs } = await readDocx((await service.exportDocx({ id: view.id, preset: 'gbt9704' })).contentBase64);
    expect(paragraphs.slice(0, 4)).toEqual(['中共浙江金帆智能科技有限公司支部委员会', '2025年度“五星三强”创建自评报告', '（草稿）', '【草稿】本报告由尚未提交的自评生成，仅供修改，请勿报送。自评提交后重新导出即为正式文本。']);
    expect(paragraphs).toContain(
      '中共浙江金帆智能科技有限公司支部委员会成立于2015年6月26日，隶属中共金华经济技术开发区新经济与新社会组织工作委员会。截至2025年12月31日，支部共有党员25名，其中正式党员22名、预备党员3名；下设第一党小组（研发）、第二党小组（生产与管理）2个党小组。',
    );
    expect(paragraphs.find((text) => text.startsWith('支部委员会由'))).toMatch(/^支部委员会由\d名委员组成：书记陈建华，/);
    expect(paragraphs).toContain(
      '本自评依据参考模板“五星三强（参考模板）”（第1版）评分。该模板由本软件按公开资料拟定，不是上级党组织下发的官方评分细则，分值和点亮条件仅供参考，正式自评请以上级下发的评分细则为准。',
    );
    expect(paragraphs).toContain('经自评，自评总分118.33分（满分130分），点亮班子建设星、组织生活星、党员队伍星、阵地保障星、作用发挥星共5颗星，达到“服务力强”，“组织力强”“发展力强”均未达到，自评等级为“五星”。');
    // 落款 after 四、 and before the appendix: the branch and the date (a draft: today), Arabic numerals.
    const appendix = paragraphs.indexOf('附：佐证材料目录');
    expect(paragraphs.slice(appendix - 2, appendix)).toEqual(['中共浙江金帆智能科技有限公司支部委员会', '2026年11月22日']);
  });

  it('puts a score table whose rows and total equal the result, with 已点亮/未点亮 and the level', async () => {
    const { view, service } = await setup();
    const doc = await readDocx((await service.exportDocx({ id: view.id, preset: 'gbt9704' })).contentBase64);
    const [scoreTable] = tables(doc.document);
    expect(scoreTable[0]).toEqual(['序号', '项目', '满分', '自评得分', '是否点亮']);
    view.result.dimensions.forEach((dimension, index) => {
      expect(scoreTable[index + 1]).toEqual([String(index + 1), dimension.name, String(dimension.maxPoints), String(dimension.points), dimension.lit ? '已点亮' : '未点亮']);
    });
    const total = scoreTable[view.result.dimensions.length + 1];
    expect(total).toEqual(['合计', '130', '118.33', '5颗星']);
    expect(Number(total[2])).toBe(view.result.totalPoints);
    expect(Number(total[2])).toBeCloseTo(view.result.dimensions.reduce((sum, dimension) => sum + dimension.points, 0), 6);
    expect(scoreTable.at(-1)).toEqual(['自评等级', '五星']);
  });

  it('drafts each dimension from the evidence: meeting counts and dates, what is missing, the notes and the scores', async () => {
    const { view, service } = await setup();
    const { paragraphs } = await readDocx((await service.exportDocx({ id: view.id, preset: 'gbt9704' })).contentBase64);
    const committeeDates = indicatorOf(view, 'leadership-committee-meeting').proposal.records.map((record) => md(record.date));
    expect(committeeDates).toHaveLength(11);
    expect(paragraphs).toContain(
      `2. 支委会每月召开1次，研究支部重要事项。支部委员会会议应开12次，已开11次（8月未开）。支部委员会会议11次：${committeeDates.join('、')}。8月因生产旺季，支委会议题并入9月3日支委会研究。自评7.33分（满分8分）。`,
    );
    expect(paragraphs).toContain('（一）班子建设星');
    expect(paragraphs).toContain('本项满分20分，自评19.33分，已点亮（得分率96.6%，需达到80%；必达指标全部达标）。');
    // 党小组会 per group, the group that missed months named.
    const groups = paragraphs.find((text) => text.startsWith('2. 党小组会每月召开1次。'))!;
    expect(groups).toContain('第二党小组（生产与管理）10/12（2月、10月未开）');
    expect(groups).toMatch(/第一党小组会12次：1月\d+日、/);
    expect(groups).toMatch(/第二党小组会10次：1月\d+日、3月/);
    // Many records (出勤): counted, not listed.
    expect(paragraphs.find((text) => text.startsWith('6. 党员参加组织生活的到会率。'))).toMatch(/参加率88\.9%。以上依据全年\d+份会议记录统计。自评1分（满分2分）。$/);
    // An override with its note and the proposal; an ISO date in an engine sentence printed in Chinese.
    const talks = paragraphs.find((text) => text.startsWith('2. 书记与支委、支委之间、支委与党员谈心谈话全覆盖。'))!;
    expect(talks).toContain('支委与党员谈心谈话多结合走访进行，约三分之二未在系统登记，纸质记录另附。自评3分（满分4分，系统建议0.4分）。');
    // 党课 counted by quarter: 4 lectures, none in Q2 → 3 of 4 quarters → 3 × 3/4 = 2.25.
    expect(paragraphs.find((text) => text.startsWith('3. 每季度上1次党课'))).toBe(
      '3. 每季度上1次党课，书记每年至少讲1次。党课每季度应开4次，已开3次（第2季度未开）；书记讲党课2次（2025年3月14日、2025年7月1日）。党课暨主题党日4次：3月14日、7月1日、9月15日、11月14日。自评2.25分（满分3分）。',
    );
    expect(paragraphs).toContain('本项满分20分，自评16.75分，已点亮（得分率83.8%，需达到80%；必达指标全部达标）。');
    // The fact, not the app's request to enter the grades.
    expect(paragraphs.find((text) => text.startsWith('1. 每年开展民主评议党员'))).toContain('民主评议党员已于2025年12月26日开展。支部党员大会暨组织生活会暨民主评议党员1次：12月26日。');
    // 组织生活会 without a 整改清单 is 需手工评分: answered 是, the record and the secretary's note, no 需手工评分.
    expect(paragraphs.find((text) => text.startsWith('5. 按要求召开组织生活会'))).toBe(
      '5. 按要求召开组织生活会，查摆问题并完成整改。支部党员大会暨组织生活会暨民主评议党员1次：12月26日。12月26日召开组织生活会，整改清单6项已全部完成，纸质清单另附。自评4分（满分4分）。',
    );
    // 台账: the 49 records' list cut to three and the count; the secretary's own answer against the proposal.
    expect(paragraphs.find((text) => text.startsWith('4. 三会一课等台账资料完整规范。'))).toBe(
      `4. 三会一课等台账资料完整规范。49份会议记录中49份要素不全，共缺49项：2025年1月8日支部委员会会议缺会议内容（主要内容、议题或决议）；2025年1月15日主题党日缺会议内容（主要内容、议题或决议）；2025年1月22日党小组会缺会议内容（主要内容、议题或决议）等49份。以上依据全年49份会议记录统计。${DEMO_SECRETARY_ENTRIES['base-ledger'].note}。自评4分（满分5分，系统建议0分）。`,
    );
    expect(paragraphs.join('\n')).not.toMatch(/需手工评分|请在|请录入/);
    // Several records on one day are counted once with their number (only talks covering a counted pair are listed).
    const talkDays = indicatorOf(view, 'members-talks').proposal.records.map((record) => record.date);
    expect(talkDays).toHaveLength(11);
    const repeated = talkDays.find((day, index) => talkDays.indexOf(day) !== index)!;
    expect(talks).toContain(`${md(repeated)}（${talkDays.filter((day) => day === repeated).length}次）`);
    // Manual indicators: the answer given, a file, a bonus.
    expect(paragraphs).toContain('2. 党组织标识、制度上墙，党建宣传阵地规范。评定为“齐全”档。自评4分（满分4分）。');
    expect(paragraphs).toContain('1. 支部委员会（书记）按期换届，届中增补程序规范。佐证材料：2024年支部换届选举结果的批复.pdf。自评5分（满分5分）。');
    expect(paragraphs.find((text) => text.startsWith('5. 支部或党员获县级以上表彰。'))).toBe('5. 支部或党员获县级以上表彰。支部书记陈建华获评2025年度开发区优秀党务工作者。加2分（最多加4分）。');
  });

  it('drafts problems and next steps from the indicators not met when there is no summary', async () => {
    const { view, service } = await setup();
    const { paragraphs } = await readDocx((await service.exportDocx({ id: view.id, preset: 'gbt9704' })).contentBase64);
    const from = paragraphs.indexOf('四、存在问题和下一步打算');
    const to = paragraphs.indexOf('附：佐证材料目录') - 2; // before the 落款
    const section = paragraphs.slice(from + 1, to);
    const unmet = view.indicators.filter((indicator) => !indicator.met && indicator.scoringType !== 'bonus');
    expect(unmet.map((indicator) => indicator.id)).toEqual([
      'leadership-committee-meeting',
      'org-life-assembly',
      'org-life-group',
      'org-life-lecture',
      'org-life-attendance',
      'members-talks',
      'base-ledger',
      'role-pioneer',
      'role-followup',
      'strong-org-involvement',
      'strong-dev-projects',
      'strong-service-requests',
    ]);
    expect(section[0]).toBe('（一）存在的问题');
    expect(section.slice(1, 1 + unmet.length).map((text) => text.replace(/^\d+\. /, '').split('：')[0])).toEqual(unmet.map((indicator) => indicator.text.replace(/ (?=\d)|(?<=\d) /g, '')));
    expect(section).toContain('1. 支委会每月召开1次，研究支部重要事项：8月因生产旺季，支委会议题并入9月3日支委会研究（自评7.33分，满分8分）。');
    expect(section).toContain('2. 支部党员大会每季度召开1次：支部党员大会应开4次，已开3次（第3季度未开）（自评3分，满分4分）。');
    // 党课 below its target now that it counts quarters: what the records show.
    expect(section).toContain('4. 每季度上1次党课，书记每年至少讲1次：党课每季度应开4次，已开3次（第2季度未开）；书记讲党课2次（2025年3月14日、2025年7月1日）（自评2.25分，满分3分）。');
    // A manual indicator without a note: the answer given.
    expect(section).toContain('8. 设立党员先锋岗、责任区，党员作用发挥明显：评定为“较明显”档（自评4分，满分6分）。');
    expect(section[1 + unmet.length]).toBe('（二）下一步打算');
    // Four 组织生活星 indicators short: three named, then 等.
    expect(section).toContain('2. 围绕“组织生活星”巩固提升，重点抓好“支部党员大会每季度召开1次”“党小组会每月召开1次”“每季度上1次党课，书记每年至少讲1次”等工作。');
    expect(section).toContain('1. 围绕“班子建设星”巩固提升，重点抓好“支委会每月召开1次，研究支部重要事项”工作。');
    expect(section).toContain('6. 围绕“组织力强”补齐短板，重点抓好“党组织参与单位重大事项决策，出资人（负责人）支持党建”工作，力争下一年度点亮。');
    expect(section.at(-1)).toMatch(/^\d+\. 坚持组织生活随开随记、佐证材料随时归档/);
  });

  it('uses the secretary’s summary for problems and next steps when written', async () => {
    const summary = '（一）存在的问题\n8月支委会未按时召开，谈心谈话登记不全。\n（二）下一步打算\n严格落实支委会每月例会制度，谈心谈话当场登记。';
    const { view, service } = await setup({ summary, status: 'submitted', submittedOn: '2026-01-10' });
    const result = await service.exportDocx({ id: view.id, preset: 'gbt9704' });
    keep(result, 'submitted_');
    expect(result.fileName).toBe('2025年度五星三强自评报告.docx');
    const { paragraphs, document } = await readDocx(result.contentBase64);
    const from = paragraphs.indexOf('四、存在问题和下一步打算');
    expect(paragraphs.slice(from + 1, from + 5)).toEqual(summary.split('\n'));
    expect(paragraphs.join('')).not.toContain('草稿');
    expect(paragraphs.slice(paragraphs.indexOf('附：佐证材料目录') - 2, paragraphs.indexOf('附：佐证材料目录'))).toEqual(['中共浙江金帆智能科技有限公司支部委员会', '2026年1月10日']);
    expect(runFonts(document).find((run) => run.text === '（二）下一步打算')?.eastAsia).toBe('楷体_GB2312');
  });

  it('ends with an evidence index: every record and file numbered once per indicator, with its date; repeats referred to by number', async () => {
    const { view, service } = await setup();
    const doc = await readDocx((await service.exportDocx({ id: view.id, preset: 'gbt9704' })).contentBase64);
    const index = tables(doc.document).at(-1)!;
    expect(index[0]).toEqual(['序号', '佐证材料', '日期']);
    const numbered = index.filter((row) => row.length === 3 && /^\d+$/.test(row[0]));
    expect(numbered.map((row) => Number(row[0]))).toEqual(numbered.map((_, i) => i + 1));
    // Every record behind any indicator appears exactly once, with its Chinese date.
    const records = new Map(view.indicators.flatMap((indicator) => indicator.proposal.records.map((record) => [record.id, record] as const)));
    for (const record of records.values()) {
      const rows = numbered.filter((row) => row[1] === `${record.typeLabel}记录：${record.topic}` && row[2] === md(record.date));
      expect(rows.length, record.topic).toBeGreaterThanOrEqual(1);
    }
    const recordRows = numbered.filter((row) => row[1].includes('记录：'));
    expect(recordRows).toHaveLength(records.size);
    // Files and paper evidence.
    expect(numbered.map((row) => row[1])).toContain('附件：2024年支部换届选举结果的批复.pdf');
    expect(numbered.map((row) => row[1])).toContain('支委分工文件、履职情况（纸质材料，另附）');
    // Group rows per indicator; the 组织生活会 record, listed under 党员大会 already, is referred to by number.
    expect(index.filter((row) => row.length === 1)).toHaveLength(view.indicators.length);
    const orgLife = index.findIndex((row) => row[0] === '组织生活星：按要求召开组织生活会，查摆问题并完成整改');
    expect(index[orgLife + 1][1]).toMatch(/^会议记录另见第\d+号$/);
  });

  it('lays out the unit preset: 2.54/3.17 cm margins, fixed 31 pt lines, no grid, page number centred, same content', async () => {
    const { view, service } = await setup();
    const unit = await service.exportDocx({ id: view.id, preset: 'unit' });
    keep(unit, 'unit_');
    const gbt = await readDocx((await service.exportDocx({ id: view.id, preset: 'gbt9704' })).contentBase64);
    const doc = await readDocx(unit.contentBase64);
    expect({
      top: attr(doc.document, 'w:pgMar', 'w:top'),
      bottom: attr(doc.document, 'w:pgMar', 'w:bottom'),
      left: attr(doc.document, 'w:pgMar', 'w:left'),
      right: attr(doc.document, 'w:pgMar', 'w:right'),
    }).toEqual({ top: '1440', bottom: '1440', left: '1797', right: '1797' });
    expect(doc.document).not.toContain('linesAndChars');
    expect(doc.document).toContain('<w:spacing w:after="0" w:before="0" w:line="620" w:lineRule="exact"/>');
    expect(doc.footers).toHaveLength(1);
    expect(attr(doc.footers[0], 'w:jc', 'w:val')).toBe('center');
    // The unit layout's narrower line breaks the branch name before 支部委员会; the rest is the same text.
    expect(doc.paragraphs.slice(0, 2)).toEqual(['中共浙江金帆智能科技有限公司', '支部委员会']);
    expect(doc.paragraphs.slice(2)).toEqual(gbt.paragraphs.slice(1));
  });
});

describe('another template, straight from the proposal (no entries yet)', () => {
  it('星级党支部 (百分制, scored parts that light nothing): titles from its name, — for 是否点亮, the unscored count, problems drafted', async () => {
    const { view, service } = await setup({ templateId: 'star-branch-100', entries: {} });
    const open = view.result.problems.filter((problem) => problem.kind === 'unscored').length;
    expect(open).toBeGreaterThan(0);
    const report = await service.exportDocx({ id: view.id, preset: 'gbt9704' });
    keep(report, 'star100_');
    expect(report.fileName).toBe('2025年度星级党支部自评报告（草稿）.docx');
    const doc = await readDocx(report.contentBase64);
    expect(doc.paragraphs[1]).toBe('2025年度“星级党支部”创建自评报告');
    expect(doc.paragraphs).toContain(`尚有${open}项指标未评分，提交前请补全。`);
    const [scoreTable] = tables(doc.document);
    expect(scoreTable.slice(1, 6).map((row) => row[4])).toEqual(Array(5).fill('—'));
    expect(scoreTable.at(-2)).toEqual(['合计', '100', String(view.result.totalPoints), '—']);
    // An unscored manual indicator says so in the narrative and in the problems.
    const manual = view.indicators.find((indicator) => indicator.proposal.manual && indicator.scoringType !== 'bonus')!;
    expect(doc.paragraphs.some((text) => text.includes(`${manual.text.replace(/ (?=\d)|(?<=\d) /g, '')}。`) && text.endsWith('尚未评分。'))).toBe(true);
    expect(doc.paragraphs.some((text) => /^\d+\. /.test(text) && text.includes('：尚未评分。'))).toBe(true);

    const sheet = await sheetOf(await service.exportXlsx({ id: view.id }));
    expect(cellText(sheet, 1, 1)).toBe('中共浙江金帆智能科技有限公司支部委员会2025年度“星级党支部”自评打分表（草稿）');
    const subtotal = rowsWhere(sheet, 1, (text) => text.endsWith('小计'))[0];
    expect(cellText(sheet, subtotal, 8)).toMatch(/^得分[\d.]+\/20$/);
    const unscoredRow = rowsWhere(sheet, 3, (text) => text.startsWith(manual.text))[0];
    const rowOf = (id: string) => rowsWhere(sheet, 3, (text) => text.startsWith(indicatorOf(view, id).text))[0];
    // Unscored with a rule that cannot score: the reason stays in view (the demo has no 议定事项), and so does
    // what to enter while a 组织生活会 has no 整改清单.
    expect(cellText(sheet, rowOf('role-followup'), 8)).toBe('需手工评分：2025年的会议没有登记议定事项\n应备材料：议定事项落实情况');
    expect(cellText(sheet, rowOf('life-meeting'), 8)).toMatch(/^需手工评分：组织生活会已于2025年12月26日召开，但没有录入整改清单，无法判断整改是否完成。请在该记录的组织生活会材料中录入整改清单，或对照材料评分\n/);
    // 台账 computed from the records (49 missing elements × 2 → floored at 0): the list cut short.
    const ledger = rowOf('rec-ledger');
    expect(sheet.getCell(ledger, 6).value).toBe(0);
    expect(cellText(sheet, ledger, 8)).toMatch(/^49份会议记录中49份要素不全，共缺49项：(2025年[^；]+；){2}2025年1月22日党小组会缺会议内容（主要内容、议题或决议）等49份\n/);
    expect(sheet.getCell(unscoredRow, 7).value).toBeNull();
    expect(cellText(sheet, unscoredRow, 9)).toBe('尚未评分');
  });
});

describe('assessments:exportXlsx / exportDocx through dispatch', () => {
  it('refuses an unknown assessment and an unknown preset in Chinese', async () => {
    const { demo } = await setup();
    const missing = await demo.core.dispatch('assessments:exportXlsx', { id: 999 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await demo.core.dispatch('assessments:exportDocx', { id: 999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const preset = await demo.core.dispatch('assessments:exportDocx', { id: 1, preset: 'a4' });
    expect(preset).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('请选择版式') } });
  });

  it('exports an assessment started and submitted through the workflow: the stored override and its note reach both files', async () => {
    const demo = await demoBranch();
    const call = async <T>(method: string, input: unknown): Promise<T> => {
      const result = await demo.core.dispatch(method as never, input as never);
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
      return result.value as T;
    };
    const started = await call<AssessmentView>('assessments:start', { templateId: 'wuxing-sanqiang-reference', year: 2025 });
    const note = '8月因厂区搬迁未开，酌减';
    await call('assessments:save', { id: started.id, indicators: [{ id: 'leadership-committee-meeting', answer: null, finalScore: 6, note }], vetoes: [], summary: null });
    const sheet = await sheetOf(await call<AssessmentExportResult>('assessments:exportXlsx', { id: started.id }));
    const [row] = rowsWhere(sheet, 9, (text) => text === note);
    expect(row, 'the note is on the 支委会 row').toBeGreaterThan(0);
    expect(sheet.getCell(row, 7).value).toBe(6);
    const report = await call<AssessmentExportResult>('assessments:exportDocx', { id: started.id, preset: 'gbt9704' });
    expect(report.fileName).toContain('草稿');
    const { paragraphs } = await readDocx(report.contentBase64);
    expect(paragraphs.join('\n')).toContain(note);
  });
});

