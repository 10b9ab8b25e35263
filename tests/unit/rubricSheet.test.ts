import { describe, expect, it } from 'vitest';
import { guessScoring, mapRubricSheets, parsePoints, stripNumbering, type RubricImportMeta, type RubricSheetGrid, type SheetMerge } from '../../src/shared/domain/rubricSheet';

// The pure mapping from a 评分细则 grid to a template: header detection, carried-down categories,
// continuation rows, 小计/合计 checks, scoring guesses and the messages that name the row.

const META: RubricImportMeta = {
  id: 'imported-1',
  version: 1,
  name: null,
  defaultName: '导入的细则',
  scope: ['两新'],
  issuer: '某两新工委',
  effectiveYear: null,
  defaultYear: 2026,
  status: '官方',
  sourceNote: '测试',
  starPercent: 80,
};

const grid = (rows: (string | number)[][], merges: SheetMerge[] = [], name = '评分细则'): RubricSheetGrid => ({
  name,
  hidden: false,
  rows: rows.map((row) => row.map(String)),
  merges,
});

const HEADER = ['一级指标', '二级指标', '评分标准', '分值'];

describe('small helpers', () => {
  it('strips the numbering prefixes official tables use, and nothing else', () => {
    expect(stripNumbering('一、班子建设')).toBe('班子建设');
    expect(stripNumbering('1.支委会')).toBe('支委会');
    expect(stripNumbering('1.2 支委会')).toBe('支委会');
    expect(stripNumbering('（1）书记述职')).toBe('书记述职');
    expect(stripNumbering('(12)书记述职')).toBe('书记述职');
    expect(stripNumbering('③ 主题党日')).toBe('主题党日');
    expect(stripNumbering('3次以上')).toBe('3次以上');
    expect(stripNumbering('2025年工作')).toBe('2025年工作');
  });

  it('reads 分值 written as 10, 10分, 0.5 or +2, and refuses words', () => {
    expect(parsePoints('10')).toBe(10);
    expect(parsePoints('10 分')).toBe(10);
    expect(parsePoints('0.5')).toBe(0.5);
    expect(parsePoints('+2')).toBe(2);
    expect(parsePoints('十分')).toBeNull();
    expect(parsePoints('5-8')).toBeNull();
  });

  it('guesses deduction, bonus, graded (with written or estimated points) and yes/no', () => {
    const guess = (criteria: string, maxPoints = 10, text = '指标') => guessScoring({ text, criteria, method: '', dimension: '组织建设', maxPoints });
    expect(guess('每缺1次扣2分，扣完为止').scoring).toEqual({ type: 'deduction', perOccurrence: 2, floor: 0 });
    expect(guess('发现问题酌情扣分')).toMatchObject({ scoring: { type: 'deduction', perOccurrence: 1 }, note: expect.stringContaining('暂按 1 分') });
    expect(guess('每项加1分，最高加3分', 3).scoring).toEqual({ type: 'bonus', perItem: 1, cap: 3 });
    expect(guess('好10分，较好8分，一般5分，差0分').scoring).toEqual({
      type: 'graded',
      levels: [
        { label: '好', points: 10 },
        { label: '较好', points: 8 },
        { label: '一般', points: 5 },
        { label: '差', points: 0 },
      ],
    });
    const estimated = guess('按优、良、中、差评定', 5);
    expect(estimated.scoring).toEqual({ type: 'graded', levels: [{ label: '优', points: 5 }, { label: '良', points: 4 }, { label: '中', points: 3 }, { label: '差', points: 0 }] });
    expect(estimated.note).toContain('估计');
    expect(guess('按时完成', 3)).toMatchObject({ scoring: { type: 'yesNo' }, note: '' });
    expect(guess('按时完成', 10).note).toContain('分值较大');
  });
});

describe('mapRubricSheets', () => {
  it('carries a blank (unmerged) category down, builds a points-based level ladder without stars and says so', () => {
    const result = mapRubricSheets(
      [
        grid([
          HEADER,
          ['组织建设', '换届', '按期换届', 10],
          ['', '支委会', '每少1次扣1分', 10],
          ['党员管理', '民主评议', '开展民主评议', 20],
        ]),
      ],
      META,
    );
    expect(result.errors).toEqual([]);
    const template = result.template!;
    expect(template.dimensions.map((d) => [d.name, d.kind, d.maxPoints])).toEqual([
      ['组织建设', 'section', 20],
      ['党员管理', 'section', 20],
    ]);
    expect(template.totalPoints).toBe(40);
    expect(template.levels.map((level) => [level.name, level.minPoints])).toEqual([
      ['五星', 36],
      ['四星', 32],
      ['三星', 28],
      ['二星', 24],
      ['一星', undefined],
    ]);
    expect(result.warnings.some((warning) => warning.startsWith('等级按通用星级办法设置'))).toBe(true);
    expect(result.warnings).toContain('表中没有“佐证材料”列，各指标的佐证材料暂填“见评分标准”，可在编辑模板时补充');
    expect(template.indicators.every((indicator) => indicator.evidence === '见评分标准')).toBe(true);
    expect(template.name).toBe('导入的细则');
    expect(template.effectiveYear).toBe(2026);
  });

  it('finds the header below a title on the sheet named 评分细则, and takes name and year from the title', () => {
    const cover = grid([['填报说明'], ['请于12月20日前报送']], [], '说明');
    const rubric = grid(
      [
        ['2024年度机关党支部星级评定评分细则'],
        ['序号', '考核项目', '考核内容', '考核标准', '分数', '备注'],
        [1, '党建星', '支委会', '每月召开', 5, ''],
      ],
      [{ top: 1, left: 1, bottom: 1, right: 6 }],
    );
    const result = mapRubricSheets([cover, rubric], META);
    expect(result.errors).toEqual([]);
    expect(result.sheetName).toBe('评分细则');
    expect(result.headerRowNumber).toBe(2);
    expect(result.suggestedName).toBe('机关党支部星级评定');
    expect(result.template).toMatchObject({ name: '机关党支部星级评定', effectiveYear: 2024 });
    // 考核项目 is the category, 考核内容 the indicator.
    expect(result.template!.indicators[0]).toMatchObject({ text: '支委会', criteria: '每月召开' });
    expect(result.template!.dimensions[0]).toMatchObject({ name: '党建星', kind: 'star', threshold: { minPercent: 80 } });
  });

  it('reports a missing 分值 column and a sheet with no header at all', () => {
    const noPoints = mapRubricSheets([grid([['一级指标', '二级指标', '评分标准'], ['a', 'b', 'c']])], META);
    expect(noPoints.template).toBeNull();
    expect(noPoints.errors[0]).toContain('第 1 行像是标题行，但没有“分值”列');
    const nothing = mapRubricSheets([grid([['姓名', '电话'], ['张三', '123']])], META);
    expect(nothing.errors[0]).toMatch(/^没有找到标题行/);
  });

  it('names the row of text in 分值, an indicator with no points, and a section with no indicators', () => {
    const result = mapRubricSheets(
      [
        grid([
          HEADER,
          ['组织建设', '换届', '按期换届', '十分'],
          ['组织建设', '支委会', '每月召开', ''],
          ['党员管理', '', '', ''],
          ['作用发挥', '服务', '开展服务', 10],
        ]),
      ],
      META,
    );
    expect(result.template).toBeNull();
    expect(result.errors).toContain('第 2 行：分值“十分”不是数字');
    expect(result.errors).toContain('第 3 行：指标“支委会”没有分值');
    expect(result.errors).toContain('第 4 行：一级指标“党员管理”下没有二级指标');
    expect(result.rows.find((row) => row.rowNumber === 2)!.problems).toEqual([{ level: 'error', message: '分值“十分”不是数字' }]);
  });

  it('checks 小计, declared section points and 合计 against the rows, naming the row', () => {
    const result = mapRubricSheets(
      [
        grid([
          HEADER,
          ['一、组织建设（15分）', '换届', '按期换届', 5],
          ['', '支委会', '每少1次扣1分', 5],
          ['小计', '', '', 12],
          ['二、党员管理', '评议', '开展评议', 10],
          ['合计', '', '', 100],
        ]),
      ],
      META,
    );
    expect(result.errors).toEqual([
      '第 4 行：小计写为 12 分，但“组织建设”上面各项分值合计 10 分，请核对',
      '第 2 行：“组织建设”写为 15 分，但其下各项分值合计 10 分，请核对',
      '第 6 行：合计写为 100 分，但各项分值（不含加分项）合计 20 分，请核对',
    ]);
    expect(result.rows.find((row) => row.rowNumber === 4)!.kind).toBe('subtotal');
  });

  it('does not repeat an unreadable 分值 as wrong sums in the 小计, the section and the 合计', () => {
    const result = mapRubricSheets(
      [grid([HEADER, ['组织建设（20分）', '换届', '按期换届', '十分'], ['', '支委会', '每月召开', 10], ['小计', '', '', 20], ['党员管理', '评议', '开展', 10], ['合计', '', '', 30]])],
      META,
    );
    expect(result.errors).toEqual(['第 2 行：分值“十分”不是数字']);
  });

  it('joins rows whose 二级指标 and 分值 are merged into one indicator with multi-line criteria, and refuses a 分值 merged over two indicators', () => {
    const joined = mapRubricSheets(
      [
        grid(
          [HEADER, ['组织生活', '组织生活会', '召开组织生活会', 6], ['', '', '整改清单全部销号', ''], ['', '主题党日', '每月开展', 4]],
          [
            { top: 2, left: 1, bottom: 4, right: 1 },
            { top: 2, left: 2, bottom: 3, right: 2 },
            { top: 2, left: 4, bottom: 3, right: 4 },
          ],
        ),
      ],
      META,
    );
    expect(joined.errors).toEqual([]);
    expect(joined.template!.indicators.map((indicator) => [indicator.text, indicator.criteria, indicator.maxPoints])).toEqual([
      ['组织生活会', '召开组织生活会\n整改清单全部销号', 6],
      ['主题党日', '每月开展', 4],
    ]);
    expect(joined.rows.map((row) => row.kind)).toEqual(['indicator', 'continuation', 'indicator']);

    const split = mapRubricSheets(
      [grid([HEADER, ['组织生活', '组织生活会', '召开', 6], ['组织生活', '主题党日', '每月开展', '']], [{ top: 2, left: 4, bottom: 3, right: 4 }])],
      META,
    );
    expect(split.errors).toEqual(['第 3 行：分值单元格与第 2 行合并在一起，无法分给不同的指标。请拆开合并单元格，每个指标写自己的分值']);
  });

  it('puts a 加分项 section into the dimension before it, outside its base points', () => {
    const result = mapRubricSheets(
      [grid([HEADER, ['党建星', '支委会', '每月召开', 10], ['组织力强', '发展党员', '优10分、良8分、差0分', 10], ['加分项', '表彰', '每项加2分，最多加4分', 4]])],
      META,
    );
    expect(result.errors).toEqual([]);
    const template = result.template!;
    expect(template.dimensions.map((d) => [d.name, d.kind, d.maxPoints])).toEqual([
      ['党建星', 'star', 10],
      ['组织力强', 'qualifier', 10],
    ]);
    expect(template.indicators.at(-1)).toMatchObject({ dimensionId: 'd2', scoring: { type: 'bonus', perItem: 2, cap: 4 } });
    expect(template.levels.map((level) => level.name)).toEqual(['一星一强', '一星', '未评星']);
    expect(result.warnings).toContain('第 4 行：“加分项”只有加分项，已并入“组织力强”（加分不计入其满分）');
  });

  it('flags every scoring guess as a warning on its row', () => {
    const result = mapRubricSheets([grid([HEADER, ['组织建设', '换届', '按期换届', 2], ['组织建设', '支委会', '每少1次扣1分', 8]])], META);
    expect(result.rows.map((row) => row.problems.map((problem) => problem.level))).toEqual([['warning'], ['warning']]);
    expect(result.warnings).toContain('第 3 行：评分方式按“按次扣分（每次扣 1 分，扣完为止）”导入，请核对');
  });

  it('refuses a category name longer than the template allows, naming the row', () => {
    const long = '加强党组织政治功能和组织功能建设全面提升组织力';
    const result = mapRubricSheets([grid([HEADER, [long, '换届', '按期换届', 2]])], META);
    expect(result.errors).toEqual([`第 2 行：一级指标名称“${long}”超过 20 个字，请缩短（说明可写在括号里）`]);
  });
});
