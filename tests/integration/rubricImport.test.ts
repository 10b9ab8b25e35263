import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AssessmentProposal, AssessmentTemplateItem, AssessmentView } from '../../src/shared/contract/assessments';
import type { RubricImportPreview, RubricTemplateList, RubricTemplateSaved } from '../../src/shared/contract/rubricTemplates';
import type { RubricTemplate } from '../../src/shared/domain/rubricTemplate';
import { createRubricTemplatesService } from '../../src/main/services/rubricTemplates.service';
import { RUBRIC_FIXTURE_ROWS as ROWS, rubricSheetXlsx, type RubricSheetOptions } from '../fixtures/make-rubric-sheet';
import { demoBranch } from '../helpers/demo';
import { call, fixedClock, tempCore } from '../helpers/tempCore';

// Issue 6 item 4: an official-looking 评分细则 (merged 一级指标 cells, multi-line criteria, 小计 and
// 合计 rows) → preview → import → stored template version → the catalog → an assessment proposal;
// broken sheets and broken edits store nothing and never replace a working version.

const META = { name: '两新党组织五星三强', scope: ['两新'], issuer: '金华市两新工委', effectiveYear: 2025, status: '官方' } as const;

async function fixture(options: RubricSheetOptions = {}) {
  const sheet = await rubricSheetXlsx(options);
  return { fileName: sheet.fileName, contentBase64: Buffer.from(sheet.bytes).toString('base64') };
}

async function failure(core: ReturnType<typeof tempCore>, method: string, input: unknown) {
  const result = await core.dispatch(method, input);
  if (result.ok) throw new Error(`${method} should have failed`);
  return result.error;
}

const ids = (list: RubricTemplateList) => list.templates.map((template) => template.id);

describe('shipped templates in the store', () => {
  it('are copied in at start as version 1, marked 参考 and 软件自带, and not copied twice', async () => {
    const core = tempCore();
    const list = await call<RubricTemplateList>(core, 'rubricTemplates:list');
    expect(ids(list)).toEqual(['wuxing-sanqiang-reference', 'wuxing-shuangqiang', 'star-branch-100']);
    expect(list.problems).toEqual([]);
    expect(list.templates[0]).toMatchObject({ status: '参考', newestVersion: 1, versions: [{ version: 1, origin: 'shipped', readable: true, totalPoints: 130 }] });
    // A second start (another service over the same store) adds nothing.
    createRubricTemplatesService({ store: core.store, clock: fixedClock(), host: 'cli', dataDir: core.dataDir, appVersion: 'test', installedFonts: () => null }).list();
    expect(core.store.rubricTemplates.list()).toHaveLength(3);
  });

  it('a broken shipped file never replaces the stored working version; a newer good one is added beside it', async () => {
    const core = tempCore();
    const context = { store: core.store, clock: fixedClock(), host: 'cli' as const, dataDir: core.dataDir, appVersion: 'test', installedFonts: () => null };
    const good = JSON.parse(readFileSync(join(__dirname, '../../seeds/rubrics/star-branch-100.json'), 'utf8')) as RubricTemplate;
    const broken = { ...good, version: 2, dimensions: good.dimensions.map((d, i) => (i === 0 ? { ...d, maxPoints: 99 } : d)) };
    const service = createRubricTemplatesService(context, [{ fileName: 'star-branch-100.json', json: broken }]);
    const list = service.list();
    expect(list.problems).toHaveLength(1);
    expect(list.problems[0]).toContain('仍使用已有的“星级党支部（百分制参考）”第 1 版');
    expect(list.problems[0]).toContain('maxPoints');
    expect(service.catalog().find('star-branch-100')?.version).toBe(1);

    const newer = createRubricTemplatesService(context, [{ fileName: 'star-branch-100.json', json: { ...good, version: 2, name: '星级党支部（第二版）' } }]);
    expect(newer.catalog().find('star-branch-100')).toMatchObject({ version: 2, name: '星级党支部（第二版）' });
    expect(newer.catalog().find('star-branch-100', 1)?.name).toBe('星级党支部（百分制参考）');
  });

  it('a stored version whose body no longer validates is listed as unreadable and never used', async () => {
    const core = tempCore();
    const template = await call<RubricTemplate>(core, 'rubricTemplates:get', { id: 'star-branch-100' });
    await call(core, 'rubricTemplates:save', { template: { ...template, name: '星级党支部（本支部）' } });
    core.store.unsafeDatabase().prepare(`UPDATE rubric_templates SET body = json_set(body, '$.totalPoints', 7) WHERE id = 'star-branch-100' AND version = 2`).run();
    const list = await call<RubricTemplateList>(core, 'rubricTemplates:list');
    const item = list.templates.find((candidate) => candidate.id === 'star-branch-100')!;
    expect(item.newestVersion).toBe(1);
    expect(item.versions.map((version) => [version.version, version.readable])).toEqual([
      [2, false],
      [1, true],
    ]);
    expect(list.problems).toContain('已存储的“星级党支部（本支部）”第 2 版无法读取，不会使用，仍使用其他可读的版本。');
    expect((await call<RubricTemplate>(core, 'rubricTemplates:get', { id: 'star-branch-100' })).version).toBe(1);
    expect((await failure(core, 'rubricTemplates:get', { id: 'star-branch-100', version: 2 })).code).toBe('NOT_FOUND');
  });
});

describe('importing an official 评分细则', () => {
  it('previews the sheet (writing nothing), imports it as a new template, and scores an assessment with it', async () => {
    const demo = await demoBranch();
    const core = demo.core;
    const file = await fixture();
    const preview = await call<RubricImportPreview>(core, 'rubricTemplates:importPreview', { ...file, meta: {} });
    expect(preview.errors).toEqual([]);
    expect(preview).toMatchObject({ sheetName: '评分细则', headerRowNumber: 2, suggestedName: '两新党组织“五星三强”', suggestedYear: 2025, targetId: 'imported-1', targetVersion: 1 });
    const template = preview.template!;
    // Merged 一级指标 cells carried down; 小计, 合计 and the note after 合计 dropped; numbering stripped.
    expect(template.dimensions.map((d) => [d.name, d.kind, d.maxPoints])).toEqual([
      ['班子建设星', 'star', 20],
      ['组织生活星', 'star', 20],
      ['组织力强', 'qualifier', 10],
    ]);
    expect(template.totalPoints).toBe(50);
    expect(template.indicators.map((indicator) => [indicator.text, indicator.maxPoints, indicator.scoring.type])).toEqual([
      ['支委会按期换届', 5, 'yesNo'],
      ['支委会每月召开', 8, 'deduction'],
      ['书记抓党建述职', 7, 'graded'],
      ['三会一课落实', 8, 'deduction'],
      ['组织生活会', 6, 'yesNo'],
      ['主题党日', 6, 'yesNo'],
      ['发展党员工作', 10, 'graded'],
      ['获县级以上表彰', 4, 'bonus'],
    ]);
    // Multi-line criteria keep their line breaks; the row merged under 组织生活会 joins it.
    expect(template.indicators[1].criteria).toBe('每月召开1次支委会。\n每少1次扣1分，扣完为止。');
    expect(template.indicators[4]).toMatchObject({ criteria: '召开组织生活会；\n整改清单全部销号。', evidence: '组织生活会记录、整改清单' });
    expect(template.indicators[3].scoring).toEqual({ type: 'deduction', perOccurrence: 0.5, floor: 0 });
    expect(template.indicators[7]).toMatchObject({ dimensionId: 'd3', scoring: { type: 'bonus', perItem: 2, cap: 4 } });
    expect(template.levels.map((level) => level.name)).toEqual(['二星一强', '二星', '一星', '未评星']);
    expect(preview.warnings).toContain(`第 ${ROWS.lecture} 行：评分方式按“分档评分（优 7 分、良 5.5 分、中 4 分、差 0 分）”导入（各档分数为估计），请核对`);
    expect(preview.rows.find((row) => row.rowNumber === ROWS.subtotal1)).toMatchObject({ kind: 'subtotal', points: 20, problems: [] });
    expect(preview.rows.find((row) => row.rowNumber === ROWS.orgLifeMeetingMore)?.kind).toBe('continuation');
    expect(core.store.rubricTemplates.list()).toHaveLength(3);

    const saved = await call<RubricTemplateSaved>(core, 'rubricTemplates:import', { ...file, meta: META });
    expect(saved).toMatchObject({ id: 'imported-1', version: 1, name: '两新党组织五星三强' });
    const stored = core.services.rubricTemplates.catalog().find('imported-1')!;
    expect(stored).toMatchObject({ status: '官方', issuer: '金华市两新工委', effectiveYear: 2025, version: 1 });
    expect(stored.sourceNote).toContain('2025年五星三强评分细则.xlsx');
    const list = await call<RubricTemplateList>(core, 'rubricTemplates:list');
    expect(list.templates.at(-1)).toMatchObject({ id: 'imported-1', status: '官方', versions: [{ origin: 'imported', fileName: '2025年五星三强评分细则.xlsx' }] });

    const templates = await call<AssessmentTemplateItem[]>(core, 'assessments:templates');
    expect(templates.find((item) => item.id === 'imported-1')).toMatchObject({ name: '两新党组织五星三强', status: '官方', totalPoints: 50 });
    const proposal = await call<AssessmentProposal>(core, 'assessments:propose', { templateId: 'imported-1', year: 2025 });
    expect(proposal).toMatchObject({ templateId: 'imported-1', templateVersion: 1, year: 2025 });
    expect(proposal.indicators).toHaveLength(8);
    // Imported rows carry no automatic rule: each says 需手工评分 until the secretary scores it.
    expect(proposal.indicators.every((indicator) => indicator.manual)).toBe(true);
    expect(proposal.result.dimensions.map((dimension) => dimension.id)).toEqual(['d1', 'd2', 'd3']);

    // The year's assessment on the imported template keeps its exact version, even after an edit makes a 第 2 版.
    const started = await call<AssessmentView>(core, 'assessments:start', { templateId: 'imported-1', year: 2025 });
    expect(started.template).toMatchObject({ id: 'imported-1', version: 1, name: '两新党组织五星三强', status: '官方' });
    expect(started.indicators).toHaveLength(8);
    expect(started.indicators[0].criteria).toContain('\n');
    const edited = await call<RubricTemplate>(core, 'rubricTemplates:get', { id: 'imported-1' });
    await call(core, 'rubricTemplates:save', { template: { ...edited, name: '两新党组织五星三强（修订）' } });
    expect((await call<AssessmentView>(core, 'assessments:get', { id: started.id })).template).toMatchObject({ version: 1, name: '两新党组织五星三强' });
  });

  it.each([
    ['a missing 分值 column', { noPointsColumn: true }, ['第 2 行像是标题行，但没有“分值”列']],
    ['text in 分值', { textPoints: true }, [`第 ${ROWS.threeOne} 行：分值“十分”不是数字`]],
    ['a 合计 that does not add up', { wrongTotal: true }, [`第 ${ROWS.total} 行：合计写为 60 分，但各项分值（不含加分项）合计 50 分，请核对`]],
    ['a 小计 that does not add up', { wrongSubtotal: true }, [`第 ${ROWS.subtotal1} 行：小计写为 21 分，但“班子建设星”上面各项分值合计 20 分，请核对`]],
  ] as const)('refuses %s, naming the row, and stores nothing', async (_name, options, expected) => {
    const core = tempCore();
    const file = await fixture(options);
    const preview = await call<RubricImportPreview>(core, 'rubricTemplates:importPreview', { ...file, meta: {} });
    expect(preview.template).toBeNull();
    // One mistake, one message: an unreadable 分值 is not repeated as wrong 小计 and 合计.
    expect(preview.errors).toHaveLength(1);
    expect(preview.errors[0]).toContain(expected[0]);
    const error = await failure(core, 'rubricTemplates:import', { ...file, meta: META });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('未导入');
    expect(error.message).toContain(expected[0]);
    expect(core.store.rubricTemplates.list()).toHaveLength(3);
  });

  it('refuses files that are not .xlsx with a message saying what to do', async () => {
    const core = tempCore();
    const error = await failure(core, 'rubricTemplates:importPreview', { fileName: '细则.docx', contentBase64: Buffer.from('not a sheet').toString('base64'), meta: {} });
    expect(error).toMatchObject({ code: 'VALIDATION' });
    expect(error.message).toContain('不是 Excel 表格');
  });

  it('imports a revised table as the next version of the same template; the earlier version stays', async () => {
    const core = tempCore();
    const file = await fixture();
    await call(core, 'rubricTemplates:import', { ...file, meta: META });
    const preview = await call<RubricImportPreview>(core, 'rubricTemplates:importPreview', { ...file, meta: { updateId: 'imported-1' } });
    expect(preview).toMatchObject({ targetId: 'imported-1', targetVersion: 2 });
    const saved = await call<RubricTemplateSaved>(core, 'rubricTemplates:import', { ...file, meta: { ...META, name: '五星三强（2026修订）', updateId: 'imported-1' } });
    expect(saved).toMatchObject({ id: 'imported-1', version: 2 });
    const catalog = core.services.rubricTemplates.catalog();
    expect(catalog.find('imported-1')?.name).toBe('五星三强（2026修订）');
    expect(catalog.find('imported-1', 1)?.name).toBe('两新党组织五星三强');
    expect(catalog.list().filter((template) => template.id === 'imported-1')).toHaveLength(1);

    const shipped = await failure(core, 'rubricTemplates:import', { ...file, meta: { ...META, updateId: 'wuxing-sanqiang-reference' } });
    expect(shipped.message).toContain('软件自带的参考模板，不能用导入的细则更新');
  });
});

describe('editing a template', () => {
  it('saves an edit as a new version, validated; a broken or stale edit stores nothing and the working version stays', async () => {
    const core = tempCore();
    const original = await call<RubricTemplate>(core, 'rubricTemplates:get', { id: 'star-branch-100' });

    // Raising one indicator by 2 without the dimension's maximum: the engine's message names the item.
    const broken = structuredClone(original);
    broken.indicators[0].maxPoints += 2;
    const error = await failure(core, 'rubricTemplates:save', { template: broken });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('模板未保存');
    expect(error.message).toContain('维度“组织建设”满分为 20，但其指标分值（不含加分项）合计 22');
    expect(core.store.rubricTemplates.versions('star-branch-100')).toHaveLength(1);
    expect((await call<RubricTemplate>(core, 'rubricTemplates:get', { id: 'star-branch-100' })).indicators[0].maxPoints).toBe(original.indicators[0].maxPoints);

    // The same change made consistently (dimension and total follow) is saved as version 2.
    const edited = structuredClone(broken);
    edited.dimensions[0].maxPoints += 2;
    edited.totalPoints = (edited.totalPoints ?? 0) + 2;
    const saved = await call<RubricTemplateSaved>(core, 'rubricTemplates:save', { template: edited });
    expect(saved).toMatchObject({ id: 'star-branch-100', version: 2 });
    expect((await call<RubricTemplate>(core, 'rubricTemplates:get', { id: 'star-branch-100' })).totalPoints).toBe(102);
    expect((await call<RubricTemplate>(core, 'rubricTemplates:get', { id: 'star-branch-100', version: 1 })).totalPoints).toBe(100);
    const list = await call<RubricTemplateList>(core, 'rubricTemplates:list');
    expect(list.templates.find((template) => template.id === 'star-branch-100')?.versions.map((version) => [version.version, version.origin])).toEqual([
      [2, 'edited'],
      [1, 'shipped'],
    ]);
    // assessments pick up the newest version.
    const templates = await call<AssessmentTemplateItem[]>(core, 'assessments:templates');
    expect(templates.find((template) => template.id === 'star-branch-100')).toMatchObject({ version: 2, totalPoints: 102 });

    // An edit started from version 1 after version 2 was saved is refused, not silently merged.
    const stale = await failure(core, 'rubricTemplates:save', { template: { ...original, name: '旧的修改' } });
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toContain('已有更新的第 2 版');
    expect(core.store.rubricTemplates.versions('star-branch-100')).toHaveLength(2);
  });

  it('refuses to save a template that does not exist', async () => {
    const core = tempCore();
    const error = await failure(core, 'rubricTemplates:save', { template: { id: 'nope', version: 1 } });
    expect(error.code).toBe('NOT_FOUND');
  });
});
