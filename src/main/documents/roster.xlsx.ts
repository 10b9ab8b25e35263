import { formatChineseDate } from '../../shared/domain/dates';
import { maskIdNumber } from '../../shared/domain/idNumber';
import { maskPhone } from '../../shared/domain/phone';
import { GENDER_LABELS, MEMBER_CATEGORY_LABELS, type Gender, type MemberCategory } from '../../shared/domain/member';
import { addLedgerSheet, BORDER, estimateLines, newWorkbook, PAGE_FOOTER, rowHeightFor, sheetFont, workbookBytes, writeHeader, writeTitle } from './xlsxSheet';

export { estimateLines } from './xlsxSheet';

// 党员花名册 (DOMAIN §5, §8): one row per member, title + subtitle + header repeated on every
// printed page, A4 landscape fitted to one page wide, 第 N 页 footer. Pure: plain data in, bytes out.

/** One member as the roster prints them. Dates are ISO strings; 序号 is computed. */
export interface RosterRow {
  name: string;
  gender: Gender | null;
  ethnicity: string | null;
  birthDate: string | null;
  /** The full number; the builder masks it unless asked not to. */
  idNumber: string | null;
  nativePlace: string | null;
  education: string | null;
  degree: string | null;
  workStartedOn: string | null;
  /** 工作单位及职务 */
  workplace: string | null;
  /** 人员类别 */
  personCategory: string | null;
  admittedOn: string | null;
  confirmedOn: string | null;
  category: MemberCategory;
  partyStandingYears: number | null;
  partyGroupName: string | null;
  /** 党内职务, e.g. 支部书记、第一党小组组长 */
  partyPosts: string | null;
  /** 党籍状态 label: 在册 / 已转出 / 已停止党籍 / 已去世 */
  status: string;
  /** Counted in 共 N 名 (在册 on the as-of date); others are listed but not counted. */
  inRoster: boolean;
  /** 流动党员: null when not flowing; otherwise the 流向 (may be unknown). */
  flowing: { destination: string | null } | null;
  phone: string | null;
  note: string | null;
}

export interface RosterInput {
  branchName: string;
  /** ISO date the roster is true on (截至). */
  asOf: string;
  rows: readonly RosterRow[];
  /** Default false: 公民身份号码 printed as 330702********1015 and 联系电话 as 139****1000. */
  includeFullNumbers?: boolean;
  /** Workbook creation time (file properties); tests fix it. */
  createdAt?: Date;
}

export const ROSTER_SHEET_NAME = '党员花名册';
export const ROSTER_TITLE_ROWS = 3;
export const ROSTER_FOOTER = PAGE_FOOTER;

type Align = 'center' | 'left';

interface Column {
  header: string;
  /** The header cell's text when it should break at a chosen place rather than mid-word. */
  display?: string;
  /** Excel width units (about one digit of the default font). */
  width: number;
  align: Align;
  /** Stored as text (dates, ID numbers, phones): secretaries edit them and Excel must not convert. */
  text?: boolean;
  value: (row: RosterRow, index: number, options: { fullNumbers: boolean }) => string | number | null;
}

const date = (pick: (row: RosterRow) => string | null): Column['value'] => (row) => pick(row);

// Widths are sized for 10 pt 宋体 in Excel/WPS (a CJK character is about 1.9 units, a digit about 1):
// 22 columns must fit one A4 landscape page, so text columns wrap and dates/ID numbers just fit.
const COLUMNS: Column[] = [
  { header: '序号', width: 4, align: 'center', value: (_row, index) => index + 1 },
  { header: '姓名', width: 7.5, align: 'center', value: (row) => row.name },
  { header: '性别', width: 4.5, align: 'center', value: (row) => (row.gender ? GENDER_LABELS[row.gender] : null) },
  { header: '民族', width: 5.5, align: 'center', value: (row) => row.ethnicity },
  { header: '出生日期', width: 10.5, align: 'center', text: true, value: date((row) => row.birthDate) },
  {
    header: '公民身份号码',
    width: 19.5,
    align: 'center',
    text: true,
    value: (row, _index, { fullNumbers }) => (row.idNumber ? (fullNumbers ? row.idNumber : maskIdNumber(row.idNumber)) : null),
  },
  { header: '籍贯', width: 8, align: 'center', value: (row) => row.nativePlace },
  { header: '学历', width: 8, align: 'center', value: (row) => row.education },
  { header: '学位', width: 5, align: 'center', value: (row) => row.degree },
  { header: '参加工作时间', display: '参加工作\n时间', width: 10.5, align: 'center', text: true, value: date((row) => row.workStartedOn) },
  { header: '工作单位及职务', display: '工作单位\n及职务', width: 13, align: 'left', value: (row) => row.workplace },
  { header: '人员类别', width: 8, align: 'center', value: (row) => row.personCategory },
  { header: '入党时间', width: 10.5, align: 'center', text: true, value: date((row) => row.admittedOn) },
  { header: '转正时间', width: 10.5, align: 'center', text: true, value: date((row) => row.confirmedOn) },
  { header: '党员类别', width: 8, align: 'center', value: (row) => MEMBER_CATEGORY_LABELS[row.category] },
  { header: '党龄', width: 4.5, align: 'center', value: (row) => row.partyStandingYears },
  { header: '所在党小组', display: '所在\n党小组', width: 10.5, align: 'center', value: (row) => row.partyGroupName },
  { header: '党内职务', width: 10, align: 'center', value: (row) => row.partyPosts },
  { header: '党籍状态', display: '党籍\n状态', width: 6.5, align: 'center', value: (row) => row.status },
  {
    header: '流动党员（流向）',
    display: '流动党员\n（流向）',
    width: 8.5,
    align: 'center',
    value: (row) => (row.flowing ? (row.flowing.destination ? `是（${row.flowing.destination}）` : '是') : '否'),
  },
  {
    header: '联系电话',
    width: 13.5,
    align: 'center',
    text: true,
    value: (row, _index, { fullNumbers }) => (row.phone ? (fullNumbers ? row.phone : maskPhone(row.phone)) : null),
  },
  { header: '备注', width: 11, align: 'left', value: (row) => row.note },
];

/** Column titles as the roster names them (the header cells break some onto two lines). */
export const ROSTER_HEADERS: readonly string[] = COLUMNS.map((column) => column.header);

function countLabel(rows: readonly RosterRow[]): string {
  const counted = rows.filter((row) => row.inRoster);
  const full = counted.filter((row) => row.category === 'full').length;
  const probationary = counted.length - full;
  const main = `共 ${counted.length} 名（正式党员 ${full} 名，预备党员 ${probationary} 名）`;
  const others = rows.length - counted.length;
  return others > 0 ? `${main}；另列不在册人员 ${others} 名` : main;
}

/** The subtitle's left part: 截至 2026年11月22日  共 N 名（正式党员 X 名，预备党员 Y 名）. */
export function rosterSubtitle(asOf: string, rows: readonly RosterRow[]): string {
  return `截至 ${formatChineseDate(asOf)}  ${countLabel(rows)}`;
}

export async function buildRosterXlsx(input: RosterInput): Promise<Buffer> {
  const fullNumbers = input.includeFullNumbers ?? false;
  const workbook = newWorkbook(input.createdAt ?? new Date());

  const lastColumn = COLUMNS.length;
  const headerRowNumber = ROSTER_TITLE_ROWS;
  const widths = COLUMNS.map((column) => column.width);
  // Frozen below the header and right of 姓名: the table is 22 columns wide on screen.
  const sheet = addLedgerSheet(workbook, ROSTER_SHEET_NAME, { widths, titleRows: headerRowNumber, frozenColumns: 2 });
  const font = sheetFont;

  writeTitle(sheet, `${input.branchName}党员花名册`, lastColumn);

  // Row 2: 截至… 共 N 名 on the left; on the right, how the ID and phone numbers are shown.
  const split = 12;
  sheet.mergeCells(2, 1, 2, split);
  sheet.mergeCells(2, split + 1, 2, lastColumn);
  const subtitle = sheet.getCell(2, 1);
  subtitle.value = rosterSubtitle(input.asOf, input.rows);
  subtitle.font = font({ size: 11 });
  subtitle.alignment = { horizontal: 'left', vertical: 'middle' };
  const idNote = sheet.getCell(2, split + 1);
  idNote.value = fullNumbers ? '本表含完整公民身份号码和联系电话，请妥善保管，不得外传' : '公民身份号码、联系电话已部分隐去';
  idNote.font = font({ size: 10 });
  idNote.alignment = { horizontal: 'right', vertical: 'middle' };
  sheet.getRow(2).height = 22;

  // Row 3: header.
  writeHeader(sheet, headerRowNumber, COLUMNS.map((column) => column.display ?? column.header), widths);

  input.rows.forEach((row, index) => {
    const sheetRow = sheet.getRow(headerRowNumber + 1 + index);
    let lines = 1;
    COLUMNS.forEach((column, i) => {
      const value = column.value(row, index, { fullNumbers });
      const cell = sheetRow.getCell(i + 1);
      cell.value = value === null || value === '' ? null : value;
      cell.font = font();
      cell.border = BORDER;
      cell.alignment = { horizontal: column.align, vertical: 'middle', wrapText: true };
      if (column.text) cell.numFmt = '@';
      if (typeof value === 'string') lines = Math.max(lines, estimateLines(value, column.width));
    });
    sheetRow.height = rowHeightFor(lines);
  });

  sheet.autoFilter = { from: { row: headerRowNumber, column: 1 }, to: { row: headerRowNumber, column: lastColumn } };

  return workbookBytes(workbook);
}
