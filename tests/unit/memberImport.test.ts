import { describe, expect, it } from 'vitest';
import {
  checkImportRows,
  completeImportValues,
  countImportRows,
  describeImportProblem,
  detectHeader,
  excelSerialToIso,
  fieldForHeader,
  IMPORT_FIELD_LABELS,
  IMPORT_FIELDS,
  MAX_IMPORT_ROWS,
  MONTH_ONLY_MESSAGE,
  nameBirthKey,
  NO_HEADER_MESSAGE,
  parseLooseDate,
  readMemberGrid,
  TEMPLATE_EXAMPLE,
  TEMPLATE_EXAMPLE_MESSAGE,
  type ExistingMembers,
  type ImportField,
  type ImportRow,
  type ImportValues,
} from '../../src/shared/domain/memberImport';
import { validIdNumber, withWrongCheckChar } from '../helpers/idNumbers';

const TODAY = '2026-11-22';

function existing(overrides: Partial<ExistingMembers> = {}): ExistingMembers {
  return { idNumbers: new Map(), nameBirth: new Set(), groups: new Map([['第一党小组', 1], ['第二党小组', 2]]), ...overrides };
}

const ID_WANG = validIdNumber('1985-04-12', 'male', 11);

/** A complete, valid row (正式党员, 入党 2010, 转正 2011); override what a case needs. */
function values(overrides: Partial<ImportValues> = {}): Partial<ImportValues> {
  return {
    name: '王建华',
    gender: '男',
    ethnicity: '汉族',
    birthDate: '1985-04-12',
    idNumber: ID_WANG,
    education: '大学本科',
    admittedOn: '2010-06-30',
    confirmedOn: '2011-06-30',
    category: '正式党员',
    partyGroupName: '第一党小组',
    phone: '13800000001',
    ...overrides,
  };
}

function check(rowValues: Partial<ImportValues>, context: Partial<ExistingMembers> = {}, today = TODAY): ImportRow {
  return checkImportRows([{ rowNumber: 4, values: rowValues }], { existing: existing(context), today })[0];
}

function problemsOf(row: ImportRow, field?: ImportField | null) {
  return row.problems.filter((problem) => field === undefined || problem.field === field);
}

describe('parseLooseDate: every way rosters write a date', () => {
  it.each([
    ['2001-07-01', '2001-07-01'],
    ['2001.07.01', '2001-07-01'],
    ['2001.7.1', '2001-07-01'],
    ['2001/7/1', '2001-07-01'],
    ['2001/07/01', '2001-07-01'],
    ['2001-7-1', '2001-07-01'],
    ['2001年7月1日', '2001-07-01'],
    ['2001年07月01日', '2001-07-01'],
    ['2001年7月1号', '2001-07-01'],
    ['20010701', '2001-07-01'],
    ['2001-07-01T00:00:00.000Z', '2001-07-01'],
    ['2001-07-01 00:00:00', '2001-07-01'],
    ['2001/7/1 0:00', '2001-07-01'],
    ['2001-07-01T08:30:00+08:00', '2001-07-01'],
    ['  2001-07-01  ', '2001-07-01'],
    ['２００１．０７．０１', '2001-07-01'],
    ['２００１年７月１日', '2001-07-01'],
    ['37073', '2001-07-01'],
    ['37073.5', '2001-07-01'],
  ])('reads %j as the day %s', (text, iso) => {
    expect(parseLooseDate(text)).toEqual({ iso, precision: 'day' });
  });

  it.each([
    ['2001.07', '2001-07-01'],
    ['2001.7', '2001-07-01'],
    ['2001-07', '2001-07-01'],
    ['2001/7', '2001-07-01'],
    ['2001年7月', '2001-07-01'],
    ['2001年07', '2001-07-01'],
    ['200107', '2001-07-01'],
    ['２００１．０７', '2001-07-01'],
  ])('reads %j as the month %s (first day, precision month)', (text, iso) => {
    expect(parseLooseDate(text)).toEqual({ iso, precision: 'month' });
  });

  it.each(['', '   ', '2001', '2001.13', '2001-02-30', '2001.02.29', '2001年13月1日', '7/1/2001', '一九八五年', '不详', '2001..07', '100', '99999'])(
    'refuses %j',
    (text) => {
      expect(parseLooseDate(text)).toBeNull();
    },
  );

  it('accepts 29 February in a leap year only', () => {
    expect(parseLooseDate('2000.2.29')).toEqual({ iso: '2000-02-29', precision: 'day' });
    expect(parseLooseDate('1900-02-29')).toBeNull();
  });

  it('converts Excel serial numbers of the 1900 date system', () => {
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(25569)).toBe('1970-01-01');
    expect(excelSerialToIso(45658)).toBe('2025-01-01');
    expect(excelSerialToIso(60)).toBeNull();
  });
});

describe('header detection', () => {
  it('knows the synonyms of every field, with spaces, stars, full-width forms and remarks', () => {
    expect(fieldForHeader('身份证号')).toBe('idNumber');
    expect(fieldForHeader('身份证号码')).toBe('idNumber');
    expect(fieldForHeader('公民身份号码')).toBe('idNumber');
    expect(fieldForHeader('入党日期')).toBe('admittedOn');
    expect(fieldForHeader('入党时间')).toBe('admittedOn');
    expect(fieldForHeader('转正日期')).toBe('confirmedOn');
    expect(fieldForHeader('转正时间')).toBe('confirmedOn');
    expect(fieldForHeader('党员类别')).toBe('category');
    expect(fieldForHeader('类别')).toBe('category');
    expect(fieldForHeader('党员类型')).toBe('category');
    expect(fieldForHeader('出生年月')).toBe('birthDate');
    expect(fieldForHeader('政治面貌')).toBe('category');
    expect(fieldForHeader('党小组')).toBe('partyGroupName');
    expect(fieldForHeader('所在党小组')).toBe('partyGroupName');
    for (const phone of ['联系电话', '手机', '手机号码', '电话']) expect(fieldForHeader(phone)).toBe('phone');
    expect(fieldForHeader('文化程度')).toBe('education');
    expect(fieldForHeader('工作单位')).toBe('workplace');
    expect(fieldForHeader('职务')).toBe('workplace');
    expect(fieldForHeader('姓  名')).toBe('name');
    expect(fieldForHeader('姓\u3000名')).toBe('name');
    expect(fieldForHeader('*姓名')).toBe('name');
    expect(fieldForHeader('姓名（必填）')).toBe('name');
    expect(fieldForHeader('出生日期（格式：2001-07-01）')).toBe('birthDate');
    expect(fieldForHeader('联系电话(手机)')).toBe('phone');
    expect(fieldForHeader('序号')).toBeNull();
    expect(fieldForHeader('')).toBeNull();
    for (const field of IMPORT_FIELDS) expect(fieldForHeader(IMPORT_FIELD_LABELS[field])).toBe(field);
  });

  it('skips title rows and a 填表日期 row above the header', () => {
    const grid = [
      ['中共示例支部委员会党员花名册', '', '', ''],
      ['填表日期：2026年11月1日', '', '', ''],
      ['序号', '姓名', '身份证号码', '入党日期'],
      ['1', '王建华', ID_WANG, '2010.06.30'],
    ];
    expect(detectHeader(grid)).toEqual({
      rowIndex: 2,
      columns: [
        { index: 0, header: '序号', field: null },
        { index: 1, header: '姓名', field: 'name' },
        { index: 2, header: '身份证号码', field: 'idNumber' },
        { index: 3, header: '入党日期', field: 'admittedOn' },
      ],
    });
  });

  it('needs 姓名 plus one more known column, within the first 20 rows', () => {
    expect(detectHeader([['姓名', '爱好']])).toBeNull();
    expect(detectHeader([['性别', '民族']])).toBeNull();
    expect(detectHeader([['党员花名册：姓名']])).toBeNull();
    const late = [...Array.from({ length: 20 }, () => ['']), ['姓名', '性别']];
    expect(detectHeader(late)).toBeNull();
    const lastChance = [...Array.from({ length: 19 }, () => ['']), ['姓名', '性别']];
    expect(detectHeader(lastChance)?.rowIndex).toBe(19);
  });

  it('reads rows in any column order, leaving out blank rows, 序号-only rows and repeated headers', () => {
    const grid = [
      ['某某支部党员花名册'],
      ['序号', '入党时间', '性别', '姓名', '爱好', '手机', '电话'],
      ['1', '2010.06.30', '男', ' 王建华 ', '钓鱼', '13800000001', '0579-1234567'],
      [],
      ['', '', '', '', '', '', ''],
      ['2'],
      ['序号', '入党时间', '性别', '姓名', '爱好', '手机', '电话'],
      ['3', '', '女', '李丽', '', '', '0579-7654321'],
    ];
    const result = readMemberGrid(grid);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.headerRowNumber).toBe(2);
    expect(result.columns).toEqual([
      { header: '入党时间', field: 'admittedOn' },
      { header: '性别', field: 'gender' },
      { header: '姓名', field: 'name' },
      { header: '手机', field: 'phone' },
      { header: '电话', field: 'phone' },
    ]);
    expect(result.unknownHeaders).toEqual(['爱好']);
    expect(result.rows.map((row) => row.rowNumber)).toEqual([3, 8]);
    expect(result.rows[0].values).toMatchObject({ name: '王建华', gender: '男', admittedOn: '2010.06.30', phone: '13800000001', idNumber: '' });
    expect(result.rows[1].values.phone).toBe('0579-7654321');
  });

  it('joins separate 工作单位 and 职务 columns into 工作单位及职务', () => {
    const result = readMemberGrid([['姓名', '工作单位', '职务'], ['王建华', '示例局办公室', '科员']]);
    expect(result.ok && result.rows[0].values.workplace).toBe('示例局办公室 科员');
  });

  it('refuses an empty sheet and a sheet without a header row, naming the required column', () => {
    expect(readMemberGrid([])).toEqual({ ok: false, reason: 'empty', message: '表格是空的：没有任何内容。' });
    expect(readMemberGrid([['', ' ']])).toMatchObject({ ok: false, reason: 'empty' });
    const noHeader = readMemberGrid([['名单'], ['王建华', '男']]);
    expect(noHeader).toEqual({ ok: false, reason: 'noHeader', message: NO_HEADER_MESSAGE });
    expect(NO_HEADER_MESSAGE).toContain('姓名');
  });

  it(`refuses more than ${MAX_IMPORT_ROWS} data rows`, () => {
    const grid = [['姓名', '性别'], ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => [`党员${i}`, '男'])];
    const result = readMemberGrid(grid);
    expect(result).toMatchObject({ ok: false, reason: 'tooManyRows' });
    expect(!result.ok && result.message).toContain(String(MAX_IMPORT_ROWS));
    expect(readMemberGrid(grid.slice(0, -1)).ok).toBe(true);
  });
});

describe('checking rows', () => {
  it('accepts a complete valid row with no problems and fills every value', () => {
    const row = check(values({ nativePlace: '浙江金华', degree: '学士', workStartedOn: '2007-07-01', workplace: '示例局 科员', personCategory: '机关工作人员', note: '无' }));
    expect(row.problems).toEqual([]);
    expect(completeImportValues(row)).toEqual({
      name: '王建华',
      gender: 'male',
      ethnicity: '汉族',
      birthDate: '1985-04-12',
      idNumber: ID_WANG,
      nativePlace: '浙江金华',
      education: '大学本科',
      degree: '学士',
      workStartedOn: '2007-07-01',
      workplace: '示例局 科员',
      personCategory: '机关工作人员',
      admittedOn: '2010-06-30',
      confirmedOn: '2011-06-30',
      category: 'full',
      partyGroupName: '第一党小组',
      partyGroupId: 1,
      phone: '13800000001',
      note: '无',
    });
  });

  it('normalises trailing spaces, full-width digits, spaced names and short forms', () => {
    const fullWidthId = ID_WANG.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    const row = check(
      values({ name: '王  建华 ', gender: ' 男 ', idNumber: ` ${fullWidthId} `, ethnicity: '汉', education: '本科', category: '正式', phone: '１３８００００００01 ', partyGroupName: '第一 党小组' }),
    );
    expect(row.problems).toEqual([]);
    expect(row.parsed).toMatchObject({ name: '王建华', gender: 'male', idNumber: ID_WANG, ethnicity: '汉族', education: '大学本科', category: 'full', phone: '13800000001', partyGroupId: 1 });
    expect(check(values({ name: '阿依古丽·买买提' })).parsed.name).toBe('阿依古丽·买买提');
    expect(check(values({ idNumber: `'${ID_WANG.slice(0, 17)}${ID_WANG[17].toLowerCase()}` })).parsed.idNumber).toBe(ID_WANG);
  });

  it('reports a missing name as an error', () => {
    const row = check(values({ name: '  ' }));
    expect(problemsOf(row, 'name')).toEqual([{ field: 'name', level: 'error', message: '请填写姓名' }]);
    expect(completeImportValues(row)).toBeNull();
  });

  it('reports each kind of invalid ID number with the shared message', () => {
    expect(problemsOf(check(values({ idNumber: '33070219850412' })), 'idNumber')[0]).toMatchObject({ level: 'error', message: expect.stringContaining('应为18位') });
    expect(problemsOf(check(values({ idNumber: withWrongCheckChar(ID_WANG) })), 'idNumber')[0]).toMatchObject({ level: 'error', message: expect.stringContaining('校验位') });
    const badDate = '33070219851332011';
    expect(problemsOf(check(values({ idNumber: badDate + '1' })), 'idNumber')[0].message).toMatch(/出生日期|校验位/);
  });

  it('refuses an ID number in scientific notation, explaining to set the column to text', () => {
    const row = check(values({ idNumber: '3.30702E+17' }));
    expect(problemsOf(row, 'idNumber')).toEqual([{ field: 'idNumber', level: 'error', message: expect.stringContaining('文本') }]);
    expect(problemsOf(row, 'idNumber')[0].message).toContain('科学计数法');
  });

  it('warns when birth date or sex disagrees with the ID number', () => {
    const row = check(values({ birthDate: '1985-04-13', gender: '女' }));
    expect(problemsOf(row, 'birthDate')).toEqual([{ field: 'birthDate', level: 'warning', message: expect.stringContaining('1985-04-12') }]);
    expect(problemsOf(row, 'gender')).toEqual([{ field: 'gender', level: 'warning', message: expect.stringContaining('男') }]);
    expect(completeImportValues(row)).toMatchObject({ birthDate: '1985-04-13', gender: 'female' });
  });

  it('takes a missing sex and birth date from a valid ID number, and refuses a missing sex otherwise', () => {
    const derived = check(values({ gender: '', birthDate: '' }));
    expect(derived.problems).toEqual([]);
    expect(derived.parsed).toMatchObject({ gender: 'male', birthDate: '1985-04-12' });
    const female = check(values({ name: '李丽', gender: '', birthDate: '', idNumber: validIdNumber('1990-01-02', 'female', 3) }));
    expect(female.parsed.gender).toBe('female');
    expect(problemsOf(check(values({ gender: '', idNumber: '' })), 'gender')).toEqual([{ field: 'gender', level: 'error', message: '请填写性别（男或女）' }]);
    expect(problemsOf(check(values({ gender: '', idNumber: withWrongCheckChar(ID_WANG) })), 'gender')[0].level).toBe('error');
    expect(problemsOf(check(values({ gender: '未知' })), 'gender')[0]).toMatchObject({ level: 'error', message: expect.stringContaining('未知') });
  });

  it('reads 出生年月 with the day from the ID number when the month agrees, else warns', () => {
    const agreeing = check(values({ birthDate: '1985.04' }));
    expect(agreeing.problems).toEqual([]);
    expect(agreeing.parsed.birthDate).toBe('1985-04-12');
    const noId = check(values({ birthDate: '1985.04', idNumber: '' }));
    expect(noId.parsed.birthDate).toBe('1985-04-01');
    expect(problemsOf(noId, 'birthDate')).toEqual([{ field: 'birthDate', level: 'warning', message: MONTH_ONLY_MESSAGE }]);
  });

  it('warns "只有年月，已按当月1日导入" for month-only 入党/转正/参加工作 dates', () => {
    const row = check(values({ admittedOn: '2010.06', confirmedOn: '2011年7月', workStartedOn: '200707' }));
    expect(row.problems).toEqual([
      { field: 'workStartedOn', level: 'warning', message: MONTH_ONLY_MESSAGE },
      { field: 'admittedOn', level: 'warning', message: MONTH_ONLY_MESSAGE },
      { field: 'confirmedOn', level: 'warning', message: MONTH_ONLY_MESSAGE },
    ]);
    expect(row.parsed).toMatchObject({ admittedOn: '2010-06-01', confirmedOn: '2011-07-01', workStartedOn: '2007-07-01' });
  });

  it('names the cell text of a date it cannot read, and refuses dates after today', () => {
    const row = check(values({ admittedOn: '2010年春' }));
    expect(problemsOf(row, 'admittedOn')).toEqual([{ field: 'admittedOn', level: 'error', message: expect.stringContaining('“2010年春”') }]);
    expect(problemsOf(row, 'category')).toEqual([]);
    expect(problemsOf(check(values({ confirmedOn: '2027-01-01' })), 'confirmedOn')[0]).toMatchObject({ level: 'error', message: expect.stringContaining('晚于今天') });
  });

  it('refuses 转正 before 入党 and 转正 within the probation year', () => {
    expect(problemsOf(check(values({ admittedOn: '2011-06-30', confirmedOn: '2010-06-30' })), 'confirmedOn')).toEqual([
      { field: 'confirmedOn', level: 'error', message: expect.stringContaining('不能早于入党时间') },
    ]);
    expect(problemsOf(check(values({ admittedOn: '2010-06-30', confirmedOn: '2011-06-29' })), 'confirmedOn')).toEqual([
      { field: 'confirmedOn', level: 'error', message: expect.stringContaining('预备期为一年') },
    ]);
    expect(check(values({ admittedOn: '2010-06-30', confirmedOn: '2011-06-30' })).problems).toEqual([]);
  });

  it('refuses 入党 before the age of 18', () => {
    const row = check(values({ admittedOn: '2003-04-11', confirmedOn: '2004-04-11' }));
    expect(problemsOf(row, 'admittedOn')).toEqual([{ field: 'admittedOn', level: 'error', message: expect.stringContaining('年满18周岁') }]);
    expect(check(values({ admittedOn: '2003-04-12', confirmedOn: '2004-04-12' })).problems).toEqual([]);
  });

  it('refuses a 正式党员 admitted less than a year ago without 转正, and 预备 with a 转正时间', () => {
    expect(problemsOf(check(values({ admittedOn: '2026-01-10', confirmedOn: '', category: '正式党员' })), 'category')).toEqual([
      { field: 'category', level: 'error', message: expect.stringContaining('应为预备党员') },
    ]);
    expect(problemsOf(check(values({ category: '预备党员' })), 'category')[0]).toMatchObject({ level: 'error', message: expect.stringContaining('应为正式党员') });
    expect(check(values({ category: '中共党员' })).parsed.category).toBe('full');
    expect(check(values({ admittedOn: '2026-01-10', confirmedOn: '', category: '中共预备党员' })).parsed.category).toBe('probationary');
    const probationary = check(values({ admittedOn: '2026-01-10', confirmedOn: '', category: '预备' }));
    expect(probationary.problems).toEqual([]);
    expect(probationary.parsed.category).toBe('probationary');
    expect(problemsOf(check(values({ category: '群众' })), 'category')[0]).toMatchObject({ level: 'error', message: expect.stringContaining('群众') });
  });

  it('derives a missing category from the dates, or asks for it', () => {
    expect(check(values({ category: '' })).parsed.category).toBe('full');
    expect(check(values({ category: '', admittedOn: '2026-01-10', confirmedOn: '' })).parsed.category).toBe('probationary');
    expect(problemsOf(check(values({ category: '', confirmedOn: '' })), 'category')).toEqual([
      { field: 'category', level: 'error', message: expect.stringContaining('请填写党员类别') },
    ]);
    expect(problemsOf(check(values({ category: '', admittedOn: '', confirmedOn: '' })), 'category')[0].level).toBe('error');
  });

  it('refuses an unknown 党小组, listing the existing names', () => {
    const row = check(values({ partyGroupName: '第三党小组' }));
    expect(problemsOf(row, 'partyGroupName')).toEqual([
      { field: 'partyGroupName', level: 'error', message: expect.stringContaining('第一党小组、第二党小组') },
    ]);
    expect(problemsOf(check(values({ partyGroupName: '第一党小组' }), { groups: new Map() }), 'partyGroupName')[0].message).toContain('还没有建立党小组');
  });

  it('refuses a phone that is not a number', () => {
    expect(problemsOf(check(values({ phone: '见档案' })), 'phone')[0]).toMatchObject({ level: 'error', message: expect.stringContaining('见档案') });
    expect(check(values({ phone: '0579-82345678' })).parsed.phone).toBe('0579-82345678');
  });

  it('refuses texts over their length limits', () => {
    expect(problemsOf(check(values({ workplace: '单'.repeat(61) })), 'workplace')[0]).toMatchObject({ level: 'error', message: expect.stringContaining('60') });
    expect(problemsOf(check(values({ name: '名'.repeat(31) })), 'name')[0].level).toBe('error');
  });

  it('reports a duplicate ID number within the file on the later row only', () => {
    const rows = checkImportRows(
      [
        { rowNumber: 4, values: values() },
        { rowNumber: 5, values: values({ name: '王建华' }) },
        { rowNumber: 9, values: values({ name: '王建设' }) },
      ],
      { existing: existing(), today: TODAY },
    );
    expect(problemsOf(rows[0], 'idNumber')).toEqual([]);
    expect(problemsOf(rows[1], 'idNumber')).toEqual([{ field: 'idNumber', level: 'error', message: '与第4行的身份号码相同' }]);
    expect(problemsOf(rows[2], 'idNumber')).toEqual([{ field: 'idNumber', level: 'error', message: '与第4行的身份号码相同' }]);
  });

  it('reports a duplicate of an existing member by ID number (error) and by name and birth date (warning)', () => {
    const byId = check(values(), { idNumbers: new Map([[ID_WANG, '张三']]) });
    expect(problemsOf(byId, 'idNumber')).toEqual([{ field: 'idNumber', level: 'error', message: '与已有党员“张三”的身份号码相同' }]);
    const byNameBirth = check(values({ idNumber: '' }), { nameBirth: new Set([nameBirthKey('王建华', '1985-04-12')]) });
    expect(byNameBirth.problems).toEqual([{ field: 'name', level: 'warning', message: expect.stringContaining('同名且出生日期相同') }]);
  });

  it('refuses the template example row', () => {
    const row = check({ ...TEMPLATE_EXAMPLE, partyGroupName: '' });
    expect(row.problems).toContainEqual({ field: null, level: 'error', message: TEMPLATE_EXAMPLE_MESSAGE });
  });

  it('counts ready, warning-only and error rows and describes a problem as a line', () => {
    const rows = checkImportRows(
      [
        { rowNumber: 4, values: values() },
        { rowNumber: 5, values: values({ name: '李丽', idNumber: '', gender: '女', birthDate: '1990.01' }) },
        { rowNumber: 6, values: values({ name: '' , idNumber: '' }) },
      ],
      { existing: existing(), today: TODAY },
    );
    expect(countImportRows(rows)).toEqual({ total: 3, ready: 1, withWarnings: 1, withErrors: 1 });
    expect(describeImportProblem(6, rows[2].problems[0])).toBe('第6行 姓名：请填写姓名');
    expect(describeImportProblem(7, { field: null, level: 'error', message: TEMPLATE_EXAMPLE_MESSAGE })).toBe(`第7行：${TEMPLATE_EXAMPLE_MESSAGE}`);
  });

  it('keeps the values as the user typed them (for the editable preview)', () => {
    const row = check(values({ admittedOn: ' 2010.06.30 ' }));
    expect(row.values.admittedOn).toBe(' 2010.06.30 ');
    expect(row.values.note).toBe('');
  });
});
