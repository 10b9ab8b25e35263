import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellDisplayText, decodeText, numberText, readMemberSheets, SAVE_AS_XLSX_MESSAGE } from '../../src/main/documents/memberSheet';
import { buildMemberTemplate, MEMBER_TEMPLATE_FILE_NAME, memberTemplateColumns, TEMPLATE_DATA_SHEET, TEMPLATE_HELP_SHEET } from '../../src/main/documents/memberTemplate';
import {
  checkImportRows,
  countImportRows,
  IMPORT_FIELD_LABELS,
  IMPORT_FIELDS,
  readMemberGrid,
  TEMPLATE_EXAMPLE,
  TEMPLATE_EXAMPLE_MESSAGE,
  type ExistingMembers,
} from '../../src/shared/domain/memberImport';
import { encodeGbk } from '../helpers/gbk';
import { encryptedXlsx, FIXTURE_TODAY, gbkRosterCsv, GBK_CSV, oldXls, REAL_ROSTER, realRosterXlsx, ROSTER_IDS } from '../fixtures/make-member-sheets';

const groups = (): ExistingMembers => ({ idNumbers: new Map(), nameBirth: new Set(), groups: new Map([['第一党小组', 1], ['第二党小组', 2]]) });

async function refusal(bytes: Uint8Array, fileName: string): Promise<string> {
  try {
    await readMemberSheets(bytes, fileName);
  } catch (error) {
    expect(error).toMatchObject({ code: 'VALIDATION' });
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('reading roster files into grids', () => {
  it('reads the realistic roster: title rows, merged cells, date cells, header on row 3', async () => {
    const { bytes, fileName } = await realRosterXlsx();
    const read = await readMemberSheets(bytes, fileName);
    expect(read.format).toBe('xlsx');
    expect(read.sheets.map((sheet) => sheet.name)).toEqual(['花名册', '统计']);
    const grid = read.sheets[0].rows;
    expect(grid[0]).toEqual(['中共示例局机关第一支部委员会党员花名册']);
    expect(grid[1][0]).toBe('填表日期：2026年11月1日');
    expect(grid[1][1]).toBe('');
    expect(grid[3].slice(1, 6)).toEqual(['陈建华', '男', '汉族', '1968-05-12', ROSTER_IDS.chen]);
    expect(grid[3][13]).toBe('13800000001');
    expect(grid[7][4]).toBe('1990.02');
    expect(grid[9][9]).toBe('2026-03-15');
    expect(grid[13][5]).toBe('3.30702E+17');
    expect(grid[5]).toEqual([]);

    const sheet = readMemberGrid(grid);
    expect(sheet.ok).toBe(true);
    if (!sheet.ok) return;
    expect(sheet.headerRowNumber).toBe(REAL_ROSTER.headerRowNumber);
    expect(sheet.unknownHeaders).toEqual([]);
    const rows = checkImportRows(sheet.rows, { existing: groups(), today: FIXTURE_TODAY });
    expect(countImportRows(rows)).toEqual(REAL_ROSTER.counts);
    const byLevel = (test: (row: (typeof rows)[number]) => boolean) => rows.filter(test).map((row) => row.rowNumber);
    expect(byLevel((row) => row.problems.length === 0)).toEqual(REAL_ROSTER.readyRows);
    expect(byLevel((row) => row.problems.some((p) => p.level === 'error'))).toEqual(REAL_ROSTER.errorRows);
    expect(rows.find((row) => row.rowNumber === 14)!.problems[0].message).toContain('科学计数法');
    expect(rows.find((row) => row.rowNumber === 8)!.parsed.birthDate).toBe('1990-02-03');
  });

  it('reads a GBK CSV as Chinese Excel and WPS save it', async () => {
    const { bytes, fileName } = gbkRosterCsv();
    const read = await readMemberSheets(bytes, fileName);
    expect(read.format).toBe('csv');
    const sheet = readMemberGrid(read.sheets[0].rows);
    expect(sheet.ok).toBe(true);
    if (!sheet.ok) return;
    expect(sheet.rows[1].values).toMatchObject({ name: '王丽萍', note: '党费已交，无欠缴', admittedOn: '1998/7/1' });
    const rows = checkImportRows(sheet.rows, { existing: groups(), today: FIXTURE_TODAY });
    expect(countImportRows(rows)).toEqual(GBK_CSV.counts);
  });

  it('reads UTF-8 with and without BOM, UTF-16 with BOM, and tab-separated text', async () => {
    const text = '姓名,性别\r\n王丽萍,女\r\n';
    expect(decodeText(new TextEncoder().encode(text))).toBe(text);
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]))).toBe(text);
    expect(decodeText(new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]))).toBe(text);
    expect(decodeText(encodeGbk(text))).toBe(text);
    const tabbed = await readMemberSheets(new Uint8Array([0xff, 0xfe, ...Buffer.from('姓名\t性别\r\n王丽萍\t女\r\n', 'utf16le')]), 'a.csv');
    expect(tabbed.sheets[0].rows.slice(0, 2)).toEqual([['姓名', '性别'], ['王丽萍', '女']]);
  });

  it('gives cells the text the user sees', () => {
    expect(numberText(13800000000)).toBe('13800000000');
    expect(numberText(330702196505120000)).toBe('3.30702E+17');
    expect(numberText(0.1 + 0.2)).toBe('0.3');
    expect(cellDisplayText({ richText: [{ text: '王' }, { text: '丽萍', font: { bold: true } }] })).toBe('王丽萍');
    expect(cellDisplayText({ formula: 'A1', result: 42 })).toBe('42');
    expect(cellDisplayText({ formula: 'A1', result: { error: '#N/A' } })).toBe('#N/A');
    expect(cellDisplayText({ text: '链接', hyperlink: 'https://example.org' })).toBe('链接');
    expect(cellDisplayText(new Date(Date.UTC(2001, 6, 1)), 'yyyy"年"m"月"')).toBe('2001.07');
    expect(cellDisplayText(new Date(Date.UTC(2001, 6, 1)), 'yyyy/m/d')).toBe('2001-07-01');
    expect(cellDisplayText(null)).toBe('');
  });

  it('refuses what it cannot read, with a message saying what to do', async () => {
    expect(await refusal(new Uint8Array(0), 'a.xlsx')).toContain('空');
    expect(await refusal(new Uint8Array(10 * 1024 * 1024 + 1), 'a.xlsx')).toContain('10 MB');
    expect(await refusal(new TextEncoder().encode('hello'), '名单.docx')).toContain('.docx');
    expect(await refusal(new TextEncoder().encode('hello'), '名单')).toContain('没有扩展名');
    expect(await refusal(new TextEncoder().encode('姓名,性别'), '名单.xlsx')).toContain('不是有效的 .xlsx');
    expect(await refusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), '名单.xlsx')).toContain('不是有效的 .xlsx');
    expect(await refusal(encryptedXlsx().bytes, encryptedXlsx().fileName)).toContain('密码');
    expect(await refusal(oldXls().bytes, oldXls().fileName)).toContain(SAVE_AS_XLSX_MESSAGE);
    expect(await refusal(new TextEncoder().encode('<html><table><tr><td>姓名</td></tr></table></html>'), '导出.xls')).toContain(SAVE_AS_XLSX_MESSAGE);
    expect(await refusal(new Uint8Array([0x00, 0x01, 0x02, 0x00]), '名单.csv')).toContain('不是文字表格');
  });

  it('reads an .xlsx that was misnamed .xls or .csv by its content', async () => {
    const { bytes } = await realRosterXlsx();
    expect((await readMemberSheets(bytes, '花名册.xls')).format).toBe('xlsx');
    expect((await readMemberSheets(bytes, '花名册.csv')).format).toBe('xlsx');
  });
});

describe('the import template', () => {
  it('has every importable column, one example row, drop-downs and a 说明 sheet', async () => {
    const bytes = await buildMemberTemplate();
    expect(MEMBER_TEMPLATE_FILE_NAME).toBe('党员信息导入模板.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([TEMPLATE_DATA_SHEET, TEMPLATE_HELP_SHEET]);
    const data = workbook.getWorksheet(TEMPLATE_DATA_SHEET)!;
    expect((data.getRow(1).values as unknown[]).slice(1)).toEqual(IMPORT_FIELDS.map((field) => IMPORT_FIELD_LABELS[field]));
    expect(data.getColumn(5).numFmt).toBe('@');
    expect(data.getCell('B3').dataValidation).toMatchObject({ type: 'list', formulae: ['"男,女"'] });
    const help = workbook.getWorksheet(TEMPLATE_HELP_SHEET)!;
    const helpText: string[] = [];
    help.eachRow((row) => row.eachCell((cell) => helpText.push(String(cell.value))));
    expect(helpText.join('\n')).toContain('身份证号码');
    expect(helpText.join('\n')).toContain('2001年7月1日');
    expect(memberTemplateColumns().find((column) => column.field === 'idNumber')!.help).toContain('文本');
  });

  it('reads back through the importer: all columns known, the example row refused', async () => {
    const read = await readMemberSheets(await buildMemberTemplate(), MEMBER_TEMPLATE_FILE_NAME);
    const sheet = readMemberGrid(read.sheets[0].rows);
    expect(sheet.ok).toBe(true);
    if (!sheet.ok) return;
    expect(sheet.columns.map((column) => column.field)).toEqual([...IMPORT_FIELDS]);
    expect(sheet.unknownHeaders).toEqual([]);
    expect(sheet.rows).toHaveLength(1);
    expect(sheet.rows[0].values).toEqual(TEMPLATE_EXAMPLE);
    const [row] = checkImportRows(sheet.rows, { existing: groups(), today: FIXTURE_TODAY });
    expect(row.problems).toEqual([{ field: null, level: 'error', message: TEMPLATE_EXAMPLE_MESSAGE }]);
  });
});
