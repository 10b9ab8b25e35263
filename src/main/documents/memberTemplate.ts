import ExcelJS from 'exceljs';
import { EDUCATION_LEVELS } from '../../shared/domain/member';
import {
  HEADER_SEARCH_ROWS,
  IMPORT_FIELD_LABELS,
  IMPORT_FIELDS,
  IMPORT_HEADER_SYNONYMS,
  MAX_IMPORT_FILE_BYTES,
  MAX_IMPORT_ROWS,
  TEMPLATE_EXAMPLE,
  type ImportField,
} from '../../shared/domain/memberImport';

// 党员信息导入模板.xlsx: a data sheet whose header names every importable column, one example row,
// and a 说明 sheet. Built from a plain model (tests read the model and the file back).

export const MEMBER_TEMPLATE_FILE_NAME = '党员信息导入模板.xlsx';
export const TEMPLATE_DATA_SHEET = '党员信息';
export const TEMPLATE_HELP_SHEET = '说明';

type ColumnKind = 'text' | 'date' | 'longText';

export interface TemplateColumn {
  field: ImportField;
  header: string;
  required: boolean;
  kind: ColumnKind;
  width: number;
  /** Offered as a drop-down in the data sheet. */
  choices?: readonly string[];
  help: string;
  synonyms: string[];
}

const DATE_FIELDS: ImportField[] = ['birthDate', 'workStartedOn', 'admittedOn', 'confirmedOn'];
const DATE_HELP = '日期，如 2001-07-01';

const HELP: Record<ImportField, string> = {
  name: '必填。',
  gender: '男 或 女。不填时按公民身份号码判断。',
  ethnicity: '如 汉族、回族（只写“汉”也可以）。',
  birthDate: `${DATE_HELP}。不填时按公民身份号码取出生日期。`,
  idNumber: '18位，最后一位可以是 X。请保持此列为“文本”格式：设成数字后 Excel 会显示为 3.30702E+17 这样的科学计数法，后几位随之丢失，无法导入。',
  nativePlace: '如 浙江金华。',
  education: `${EDUCATION_LEVELS.join('、')}（写“本科”“大专”“中专”也可以）。`,
  degree: '如 学士、硕士、博士；没有可不填。',
  workStartedOn: `${DATE_HELP}。`,
  workplace: '工作单位及职务（岗位），不超过60字；表中“工作单位”“职务”分成两列也可以，导入时会合并。',
  personCategory: '如 机关工作人员、企业人员、离退休人员、学生、农牧渔民。',
  admittedOn: `${DATE_HELP}：支部大会接收为预备党员的日期。入党时应年满18周岁。`,
  confirmedOn: `${DATE_HELP}：转为正式党员的日期，应在入党满一年之后。预备党员不填。`,
  category: '正式党员 或 预备党员。不填时：有转正时间的按正式党员，入党未满一年的按预备党员。',
  partyGroupName: '须与本软件中已建立的党小组名称一致（如 第一党小组）；没有党小组可不填。',
  phone: '手机号或座机号，如 13800000000 或 0579-82345678。',
  note: '不超过2000字。',
};

const WIDTHS: Partial<Record<ImportField, number>> = {
  idNumber: 22,
  workplace: 26,
  note: 24,
  phone: 16,
  category: 11,
  partyGroupName: 13,
  nativePlace: 12,
  personCategory: 14,
};

export const TEMPLATE_NOTES: readonly string[] = [
  `第2行是示例，导入前请删除（示例行不会被导入）。`,
  `列名（表头）可以在前${HEADER_SEARCH_ROWS}行中的任意一行，上面可以有“××支部党员花名册”之类的标题行；列的顺序不限，表中多出的列不导入。`,
  '列名也可以用常见的其他叫法，见下表“也可以叫”一栏，例如“身份证号码”“入党日期”“手机”。至少要有“姓名”一列。',
  '日期可以写成 2001-07-01、2001.07.01、2001/7/1、2001年7月1日，也可以是 Excel 的日期单元格；只写到年月（如 2001.07）的，按当月1日导入并提示。',
  `空行会自动跳过。一次最多导入${MAX_IMPORT_ROWS}名党员，文件不超过${MAX_IMPORT_FILE_BYTES / 1024 / 1024}MB。`,
  '可以导入 .xlsx 和 .csv（UTF-8 或 GBK 编码）文件；.xls 或 WPS 的 .et 文件请先另存为 .xlsx。设置了打开密码的文件无法读取，请先取消密码。',
  '导入前软件会逐行检查并列出问题，可以在预览中修改或去掉有问题的行；有错误的行不会导入，只有提示的行可以导入。',
  '导入后如发现整批有误，可以在“导入记录”中撤销该批导入（该批党员尚未出现在会议记录等其他记录中时）。',
];

export function memberTemplateColumns(): TemplateColumn[] {
  return IMPORT_FIELDS.map((field) => ({
    field,
    header: IMPORT_FIELD_LABELS[field],
    required: field === 'name',
    kind: DATE_FIELDS.includes(field) ? 'date' : field === 'note' || field === 'workplace' ? 'longText' : 'text',
    width: WIDTHS[field] ?? (DATE_FIELDS.includes(field) ? 13 : 10),
    choices: field === 'gender' ? ['男', '女'] : field === 'category' ? ['正式党员', '预备党员'] : field === 'education' ? EDUCATION_LEVELS : undefined,
    help: HELP[field],
    synonyms: IMPORT_HEADER_SYNONYMS[field].filter((name) => name !== IMPORT_FIELD_LABELS[field]),
  }));
}

const FONT = { name: '宋体', size: 11 };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2DCDB' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFBFBFBF' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** A4 landscape, all columns on one page wide (the 说明 sheet is meant to be printed). */
const PAGE_SETUP: Partial<ExcelJS.PageSetup> = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
const HELP_WIDTHS = [16, 7, 66, 36];

/** Column width units a text needs: a Chinese character takes two, a Latin letter or digit one. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += char.charCodeAt(0) > 0xff ? 2 : 1;
  return width;
}

/** Row height (points) for wrapped 11 pt text: Excel and LibreOffice do not grow rows written by exceljs. */
function rowHeight(cells: [text: string, width: number][]): number {
  const lines = Math.max(1, ...cells.map(([text, width]) => Math.ceil(displayWidth(text) / (width - 1))));
  return lines * 15 + 3;
}

/** Rows below the example that get the column formats and drop-downs. */
const FORMATTED_ROWS = 1000;

function exampleValue(column: TemplateColumn): ExcelJS.CellValue {
  const text = TEMPLATE_EXAMPLE[column.field];
  if (column.kind !== 'date' || !text) return text;
  const [year, month, day] = text.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

export async function buildMemberTemplate(): Promise<Buffer> {
  const columns = memberTemplateColumns();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '支部台账';
  workbook.created = new Date(Date.UTC(2025, 0, 1));

  const data = workbook.addWorksheet(TEMPLATE_DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: PAGE_SETUP });
  data.columns = columns.map((column) => ({
    key: column.field,
    width: column.width,
    style: {
      font: FONT,
      // Text format keeps ID and phone numbers as typed; date columns show what the parser reads.
      numFmt: column.kind === 'date' ? 'yyyy-mm-dd' : '@',
      alignment: column.kind === 'longText' ? { wrapText: true, vertical: 'middle' } : { vertical: 'middle' },
    },
  }));
  const header = data.addRow(columns.map((column) => column.header));
  header.height = 22;
  header.eachCell((cell) => {
    cell.font = { ...FONT, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
  });
  const example = data.addRow(columns.map(exampleValue));
  example.eachCell((cell) => {
    cell.font = { ...FONT, italic: true, color: { argb: 'FF808080' } };
  });
  columns.forEach((column, index) => {
    const letter = data.getColumn(index + 1).letter;
    if (column.required) data.getCell(`${letter}1`).note = '必填';
    if (!column.choices) return;
    for (let row = 2; row <= FORMATTED_ROWS + 1; row += 1) {
      data.getCell(`${letter}${row}`).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`"${column.choices.join(',')}"`],
        showErrorMessage: false,
      };
    }
  });

  const help = workbook.addWorksheet(TEMPLATE_HELP_SHEET, { pageSetup: PAGE_SETUP });
  help.columns = ['header', 'required', 'help', 'synonyms'].map((key, index) => ({ key, width: HELP_WIDTHS[index] }));
  const title = help.addRow(['党员信息导入说明']);
  title.font = { name: '黑体', size: 16 };
  help.mergeCells('A1:D1');
  const helpWidth = HELP_WIDTHS.reduce((sum, width) => sum + width, 0);
  TEMPLATE_NOTES.forEach((note, index) => {
    const text = `${index + 1}. ${note}`;
    const row = help.addRow([text]);
    help.mergeCells(`A${row.number}:D${row.number}`);
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    row.height = rowHeight([[text, helpWidth]]);
    row.font = FONT;
  });
  help.addRow([]);
  const tableHeader = help.addRow(['列名', '必填', '填写说明', '也可以叫']);
  tableHeader.eachCell((cell) => {
    cell.font = { ...FONT, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
  });
  for (const column of columns) {
    const synonyms = column.synonyms.join('、');
    const row = help.addRow([column.header, column.required ? '是' : '', column.help, synonyms]);
    row.height = rowHeight([[column.help, HELP_WIDTHS[2]], [synonyms, HELP_WIDTHS[3]]]);
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.font = FONT;
      cell.border = BORDER;
      cell.alignment = { wrapText: true, vertical: 'top' };
    });
  }

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
