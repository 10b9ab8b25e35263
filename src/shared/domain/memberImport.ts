import { addYears, formatIsoDate, parseIsoDate } from './dates';
import { findIdNumberProblem, ID_NUMBER_PROBLEM_MESSAGES, idNumberFacts, normalizeIdNumber } from './idNumber';
import { GENDER_LABELS, type EDUCATION_LEVELS, type Gender, type MemberCategory, type MemberProfile } from './member';

// Importing a 党员花名册 from a real-world sheet (Excel or CSV), after it has been read into a grid
// of display strings: find the header row, map columns by their many names, parse loose dates and
// check every row against the file itself and against the roster already kept. Pure: the caller
// passes in what it knows about existing members and the date of today.

export const IMPORT_FIELDS = [
  'name',
  'gender',
  'ethnicity',
  'birthDate',
  'idNumber',
  'nativePlace',
  'education',
  'degree',
  'workStartedOn',
  'workplace',
  'personCategory',
  'admittedOn',
  'confirmedOn',
  'category',
  'partyGroupName',
  'phone',
  'note',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Column names as the template writes them (the first of each synonym list). */
export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  name: '姓名',
  gender: '性别',
  ethnicity: '民族',
  birthDate: '出生日期',
  idNumber: '公民身份号码',
  nativePlace: '籍贯',
  education: '学历',
  degree: '学位',
  workStartedOn: '参加工作时间',
  workplace: '工作单位及职务',
  personCategory: '人员类别',
  admittedOn: '入党时间',
  confirmedOn: '转正时间',
  category: '党员类别',
  partyGroupName: '所在党小组',
  phone: '联系电话',
  note: '备注',
};

/** Every header text a field is recognised by (compared after normalizeHeader). */
export const IMPORT_HEADER_SYNONYMS: Record<ImportField, readonly string[]> = {
  name: ['姓名', '党员姓名', '名字'],
  gender: ['性别'],
  ethnicity: ['民族'],
  birthDate: ['出生日期', '出生年月', '出生年月日', '出生时间', '生日'],
  idNumber: ['公民身份号码', '身份证号', '身份证号码', '公民身份证号码', '公民身份证号', '身份证', '身份证件号码'],
  nativePlace: ['籍贯'],
  education: ['学历', '文化程度', '最高学历'],
  degree: ['学位', '最高学位'],
  workStartedOn: ['参加工作时间', '参加工作日期', '参加工作年月'],
  workplace: ['工作单位及职务', '工作单位', '职务', '工作单位及职务岗位', '单位及职务', '工作岗位', '岗位', '单位职务'],
  personCategory: ['人员类别', '人员身份'],
  admittedOn: ['入党时间', '入党日期', '入党年月', '加入党组织日期', '加入党组织时间'],
  confirmedOn: ['转正时间', '转正日期', '转正年月', '转为正式党员时间', '转为正式党员日期'],
  category: ['党员类别', '类别', '党员类型', '党员身份', '政治面貌'],
  partyGroupName: ['所在党小组', '党小组', '所属党小组'],
  phone: ['联系电话', '手机', '手机号码', '电话', '手机号', '联系方式', '电话号码'],
  note: ['备注'],
};

/** Columns that are plainly not data to import (and so are not reported as unknown). */
const IGNORED_HEADERS = new Set(['序号', '编号', 'No.', 'NO.', 'no.']);

export const MAX_IMPORT_ROWS = 5000;
export const MAX_IMPORT_FILE_BYTES = 10 * 1024 * 1024;
/** How far down a sheet the header row is looked for. */
export const HEADER_SEARCH_ROWS = 20;

export type ImportProblemLevel = 'error' | 'warning';

export interface ImportProblem {
  /** The field the problem is about; null for the row as a whole. */
  field: ImportField | null;
  level: ImportProblemLevel;
  /** Chinese, without the field name: show it as `${IMPORT_FIELD_LABELS[field]}：${message}`. */
  message: string;
}

/** One member as it will be written, once a row has no errors. */
export interface MemberImportValues extends MemberProfile {
  admittedOn: string | null;
  confirmedOn: string | null;
  category: MemberCategory;
  partyGroupName: string | null;
  /** The existing 党小组 the name matched. */
  partyGroupId: number | null;
}

export type ImportValues = Record<ImportField, string>;

export interface ImportRow {
  /** 1-based, as Excel numbers rows (for CSV: the line of the record). */
  rowNumber: number;
  /** The cell text as the user sees it (trimmed); editable in the preview and sent back to re-check. */
  values: ImportValues;
  /** What each field will be stored as; a field with an error is missing. */
  parsed: Partial<MemberImportValues>;
  problems: ImportProblem[];
}

export interface ImportColumn {
  header: string;
  field: ImportField;
}

export interface ImportCounts {
  total: number;
  /** No problems at all. */
  ready: number;
  /** Warnings but no errors (they can be imported). */
  withWarnings: number;
  withErrors: number;
}

/** What the roster already holds, in plain form. Keys are normalised (see nameBirthKey, normalizeGroupName). */
export interface ExistingMembers {
  /** 公民身份号码 -> that member's name. */
  idNumbers: Map<string, string>;
  /** nameBirthKey(name, birthDate) of every member with a birth date. */
  nameBirth: Set<string>;
  /** 党小组 name -> id (groups that are not dissolved). */
  groups: Map<string, number>;
}

export interface ImportCheckContext {
  existing: ExistingMembers;
  /** YYYY-MM-DD. */
  today: string;
}

// ---------------------------------------------------------------------------------------------
// Text normalisation

/** Full-width letters, digits and punctuation to their ASCII forms; all whitespace (incl. U+3000) collapsed. */
export function halfWidth(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u3000\u00a0]+/g, ' ').trim();
}

/** A cell's text as shown: trimmed, inner runs of whitespace kept as they are (the user may edit). */
export function cellText(text: string | null | undefined): string {
  return (text ?? '').replace(/^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0]+$/g, '');
}

export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u3000\u00a0]+/g, '')
    .replace(/[*:]/g, '')
    .replace(/\((必填|选填|必须填写|可不填)\)/g, '');
}

export function normalizeGroupName(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u3000\u00a0]+/g, '');
}

export function nameBirthKey(name: string, birthDate: string): string {
  return `${name}|${birthDate}`;
}

const HEADER_INDEX: Map<string, ImportField> = (() => {
  const index = new Map<string, ImportField>();
  for (const field of IMPORT_FIELDS) {
    for (const synonym of IMPORT_HEADER_SYNONYMS[field]) index.set(normalizeHeader(synonym), field);
  }
  return index;
})();

/** The field a header names, or null. Tries the text as it is, then without a trailing (…) remark. */
export function fieldForHeader(header: string): ImportField | null {
  const normalized = normalizeHeader(header);
  if (!normalized) return null;
  const exact = HEADER_INDEX.get(normalized);
  if (exact) return exact;
  const withoutRemark = normalized.replace(/\([^)]*\)$/, '');
  return HEADER_INDEX.get(withoutRemark) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Dates

export interface LooseDate {
  iso: string;
  precision: 'day' | 'month';
}

/** Serial numbers Excel uses for 1910-01-01 … 2099-12-31 (smaller numbers are more likely years or typos). */
const MIN_EXCEL_SERIAL = 3654;
const MAX_EXCEL_SERIAL = 73050;

/** Excel's 1900 date system (serial 1 = 1900-01-01, with its phantom 1900-02-29). */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 61) return null;
  const days = Math.floor(serial);
  const date = new Date(Date.UTC(1899, 11, 30) + days * 86_400_000);
  return formatIsoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

function dayDate(year: string, month: string, day: string): LooseDate | null {
  const iso = formatIsoDate(Number(year), Number(month), Number(day));
  return parseIsoDate(iso) ? { iso, precision: 'day' } : null;
}

function monthDate(year: string, month: string): LooseDate | null {
  const m = Number(month);
  if (m < 1 || m > 12) return null;
  return { iso: formatIsoDate(Number(year), m, 1), precision: 'month' };
}

/**
 * Reads the ways rosters write dates: 2001-07-01, 2001.07.01, 2001/7/1, 2001年7月1日, 20010701,
 * an ISO timestamp, an Excel serial number, and year-month only (2001.07, 2001年7月, 200107), which
 * comes back with precision 'month' and the 1st of the month. Returns null for anything else.
 */
export function parseLooseDate(text: string): LooseDate | null {
  // A time of day after the date (2001/7/1 0:00 from a CSV, an ISO timestamp) says nothing more.
  const value = halfWidth(text)
    .replace(/(?:T|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/, '')
    .replace(/\s+/g, '');
  if (!value) return null;
  let match = /^(\d{4})[.\-/](\d{1,2})[.\-/](\d{1,2})\.?$/.exec(value);
  if (match) return dayDate(match[1], match[2], match[3]);
  match = /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/.exec(value);
  if (match) return dayDate(match[1], match[2], match[3]);
  match = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (match) return dayDate(match[1], match[2], match[3]);
  match = /^(\d{4})[.\-/](\d{1,2})\.?$/.exec(value);
  if (match) return monthDate(match[1], match[2]);
  match = /^(\d{4})年(\d{1,2})月?$/.exec(value);
  if (match) return monthDate(match[1], match[2]);
  match = /^(\d{4})(\d{2})$/.exec(value);
  if (match) return monthDate(match[1], match[2]);
  if (/^\d{4,5}(\.\d+)?$/.test(value)) {
    const serial = Number(value);
    if (serial >= MIN_EXCEL_SERIAL && serial <= MAX_EXCEL_SERIAL) {
      const iso = excelSerialToIso(serial);
      if (iso) return { iso, precision: 'day' };
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Header detection and rows

export interface DetectedColumn {
  /** 0-based column index in the grid. */
  index: number;
  header: string;
  field: ImportField | null;
}

export interface DetectedHeader {
  /** 0-based index of the header row in the grid (rowNumber - 1). */
  rowIndex: number;
  columns: DetectedColumn[];
}

/**
 * The first row among the first 20 that names at least two known columns, 姓名 among them.
 * A title row ("XX支部党员花名册") or a 填表日期 row above it is skipped.
 */
export function detectHeader(grid: readonly (readonly string[])[]): DetectedHeader | null {
  const limit = Math.min(grid.length, HEADER_SEARCH_ROWS);
  for (let rowIndex = 0; rowIndex < limit; rowIndex += 1) {
    const row = grid[rowIndex] ?? [];
    const columns: DetectedColumn[] = [];
    const fields = new Set<ImportField>();
    row.forEach((cell, index) => {
      const header = cellText(cell);
      if (!header) return;
      const field = fieldForHeader(header);
      if (field) fields.add(field);
      columns.push({ index, header, field });
    });
    if (fields.size >= 2 && fields.has('name')) return { rowIndex, columns };
  }
  return null;
}

export function emptyImportValues(): ImportValues {
  return Object.fromEntries(IMPORT_FIELDS.map((field) => [field, ''])) as ImportValues;
}

export type SheetReadResult =
  | {
      ok: true;
      /** 1-based row number of the header row. */
      headerRowNumber: number;
      columns: ImportColumn[];
      unknownHeaders: string[];
      rows: { rowNumber: number; values: ImportValues }[];
    }
  | { ok: false; reason: 'empty' | 'noHeader' | 'tooManyRows'; message: string };

export const EMPTY_SHEET_MESSAGE = '表格是空的：没有任何内容。';
export const TOO_MANY_ROWS_MESSAGE = `表格中超过${MAX_IMPORT_ROWS}行党员数据，无法一次导入。请分成几个文件，每个不超过${MAX_IMPORT_ROWS}行，分别导入。`;
export const NO_HEADER_MESSAGE =
  `没有找到表头行。请确认表格前${HEADER_SEARCH_ROWS}行中有一行列名，至少包含“姓名”列，再加上性别、公民身份号码、入党时间等其他列中的至少一列（可识别的列名见导入模板的“说明”页）。`;

/**
 * Finds the header and turns the rows below it into field values. Blank rows, rows with text
 * only in columns that are not imported (序号…) and repeated header rows are left out.
 */
export function readMemberGrid(grid: readonly (readonly string[])[]): SheetReadResult {
  if (grid.every((row) => row.every((cell) => !cellText(cell)))) {
    return { ok: false, reason: 'empty', message: EMPTY_SHEET_MESSAGE };
  }
  const header = detectHeader(grid);
  if (!header) return { ok: false, reason: 'noHeader', message: NO_HEADER_MESSAGE };
  const mapped = header.columns.filter((column): column is DetectedColumn & { field: ImportField } => column.field !== null);
  const unknownHeaders = header.columns
    .filter((column) => column.field === null && !IGNORED_HEADERS.has(normalizeHeader(column.header)))
    .map((column) => column.header);
  const rows: { rowNumber: number; values: ImportValues }[] = [];
  for (let rowIndex = header.rowIndex + 1; rowIndex < grid.length; rowIndex += 1) {
    const row = grid[rowIndex] ?? [];
    const values = emptyImportValues();
    let any = false;
    let repeatsHeader = true;
    for (const column of mapped) {
      const text = cellText(row[column.index]);
      if (text) any = true;
      if (normalizeHeader(text) !== normalizeHeader(column.header)) repeatsHeader = false;
      if (!text) continue;
      // 工作单位 and 职务 in two columns make one 工作单位及职务; otherwise the first filled column wins.
      if (column.field === 'workplace' && values.workplace) values.workplace = `${values.workplace} ${text}`;
      else if (!values[column.field]) values[column.field] = text;
    }
    if (!any || repeatsHeader) continue;
    rows.push({ rowNumber: rowIndex + 1, values });
    if (rows.length > MAX_IMPORT_ROWS) {
      return { ok: false, reason: 'tooManyRows', message: TOO_MANY_ROWS_MESSAGE };
    }
  }
  return {
    ok: true,
    headerRowNumber: header.rowIndex + 1,
    columns: mapped.map(({ header: text, field }) => ({ header: text, field })),
    unknownHeaders,
    rows,
  };
}

// ---------------------------------------------------------------------------------------------
// Values

const TEXT_LIMITS: Partial<Record<ImportField, number>> = {
  name: 30,
  ethnicity: 20,
  nativePlace: 30,
  education: 20,
  degree: 20,
  workplace: 60,
  personCategory: 20,
  partyGroupName: 30,
  note: 2000,
};

const ETHNIC_GROUPS = [
  '汉族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族', '满族', '侗族', '瑶族', '白族',
  '土家族', '哈尼族', '哈萨克族', '傣族', '黎族', '傈僳族', '佤族', '畲族', '高山族', '拉祜族', '水族', '东乡族', '纳西族',
  '景颇族', '柯尔克孜族', '土族', '达斡尔族', '仫佬族', '羌族', '布朗族', '撒拉族', '毛南族', '仡佬族', '锡伯族', '阿昌族',
  '普米族', '塔吉克族', '怒族', '乌孜别克族', '俄罗斯族', '鄂温克族', '德昂族', '保安族', '裕固族', '京族', '塔塔尔族',
  '独龙族', '鄂伦春族', '赫哲族', '门巴族', '珞巴族', '基诺族',
];

const EDUCATION_SYNONYMS: Record<string, (typeof EDUCATION_LEVELS)[number]> = {
  研究生: '研究生',
  硕士研究生: '研究生',
  博士研究生: '研究生',
  研究生学历: '研究生',
  大学本科: '大学本科',
  本科: '大学本科',
  大学: '大学本科',
  大学专科: '大学专科',
  专科: '大学专科',
  大专: '大学专科',
  中等专科: '中等专科',
  中专: '中等专科',
  中技: '中等专科',
  中等专业学校: '中等专科',
  高中: '高中',
  职高: '高中',
  初中: '初中',
  小学: '小学及以下',
  小学及以下: '小学及以下',
};

const GENDER_WORDS: Record<string, Gender> = { 男: 'male', 男性: 'male', 女: 'female', 女性: 'female', M: 'male', F: 'female', MALE: 'male', FEMALE: 'female' };
const CATEGORY_WORDS: Record<string, MemberCategory> = {
  正式: 'full',
  正式党员: 'full',
  中共党员: 'full',
  预备: 'probationary',
  预备党员: 'probationary',
  中共预备党员: 'probationary',
};

export const SCIENTIFIC_ID_MESSAGE =
  '被 Excel 存成了数字（显示为科学计数法），后几位已经丢失，无法导入。请把身份证号码这一列设置为“文本”格式，重新填写号码后再导入。';
export const MONTH_ONLY_MESSAGE = '只有年月，已按当月1日导入';
export const TEMPLATE_EXAMPLE_MESSAGE = '这是导入模板中的示例行，请删除后再导入';

/** The example row the template ships; a row still carrying its ID number is refused. */
export const TEMPLATE_EXAMPLE: ImportValues = {
  name: '张建国',
  gender: '男',
  ethnicity: '汉族',
  birthDate: '1990-03-07',
  idNumber: '110101199003074477',
  nativePlace: '浙江金华',
  education: '大学本科',
  degree: '学士',
  workStartedOn: '2012-07-01',
  workplace: '示例局办公室 科员',
  personCategory: '机关工作人员',
  admittedOn: '2015-06-30',
  confirmedOn: '2016-06-30',
  category: '正式党员',
  partyGroupName: '第一党小组',
  phone: '13800000000',
  note: '示例行，导入前请删除',
};

function isHanName(text: string): boolean {
  return /^[\p{Script=Han}\s\u3000]+$/u.test(text);
}

/** Free text: trimmed, inner whitespace runs made one space; Chinese punctuation kept as typed. */
function collapsedText(value: string): string {
  return cellText(value).replace(/[\s\u3000\u00a0]+/g, ' ');
}

/** The ID number as typed, minus the apostrophe people put in front to keep Excel from converting it. */
function cleanIdNumber(text: string): string {
  return normalizeIdNumber(halfWidth(text).replace(/^'/, ''));
}

const PHONE_PATTERN = /^[\d\s()+\-－—转]+$/;
const SCIENTIFIC_NUMBER = /^\d+(\.\d+)?E\+?\d+$/i;
const ADMISSION_AGE = 18;
const PROBATION_YEARS = 1;

interface SeenInFile {
  ids: Map<string, number>;
  nameBirth: Map<string, number>;
}

/** One row: its own rules, against rows above it in the file, and against the existing roster. */
function checkRow(rowNumber: number, values: ImportValues, context: ImportCheckContext, seen: SeenInFile): ImportRow {
  const { existing, today } = context;
  const problems: ImportProblem[] = [];
  const parsed: Partial<MemberImportValues> = {};
  const error = (field: ImportField | null, message: string) => problems.push({ field, level: 'error', message });
  const warning = (field: ImportField | null, message: string) => problems.push({ field, level: 'warning', message });

  /** Blank -> null; too long -> error and undefined. */
  const text = (field: ImportField, value = collapsedText(values[field])): string | null | undefined => {
    if (!value) return null;
    const limit = TEXT_LIMITS[field];
    if (limit && value.length > limit) {
      error(field, `不能超过${limit}个字（现在${value.length}个字）`);
      return undefined;
    }
    return value;
  };

  /** Blank -> null; unreadable or in the future -> error and undefined. */
  const date = (field: ImportField): LooseDate | null | undefined => {
    const raw = cellText(values[field]);
    if (!raw) return null;
    const result = parseLooseDate(raw);
    if (!result) {
      error(field, `无法识别的日期“${raw}”，请写成 2001-07-01 这样的格式`);
      return undefined;
    }
    if (result.iso > today) {
      error(field, `“${raw}”晚于今天，请核对`);
      return undefined;
    }
    return result;
  };

  /** A date where year and month are enough, with a warning that the day was assumed. */
  const dayOrMonth = (field: ImportField): string | null | undefined => {
    const result = date(field);
    if (result?.precision === 'month') warning(field, MONTH_ONLY_MESSAGE);
    return result ? result.iso : result;
  };

  // 姓名: "张  三" (spaces to line up two-character names) is 张三; 阿依古丽·买买提 stays as typed.
  const rawName = cellText(values.name);
  const name = isHanName(rawName) ? rawName.replace(/[\s\u3000]+/g, '') : collapsedText(values.name);
  const nameValue = name ? text('name', name) : null;
  if (!name) error('name', '请填写姓名');
  else if (nameValue) parsed.name = nameValue;

  // 公民身份号码
  const rawId = cellText(values.idNumber);
  let facts: ReturnType<typeof idNumberFacts> = null;
  if (!rawId) parsed.idNumber = null;
  else if (SCIENTIFIC_NUMBER.test(halfWidth(rawId).replace(/\s/g, ''))) error('idNumber', `“${rawId}”${SCIENTIFIC_ID_MESSAGE}`);
  else {
    const idNumber = cleanIdNumber(rawId);
    const problem = findIdNumberProblem(idNumber);
    if (problem) error('idNumber', `“${rawId}”${ID_NUMBER_PROBLEM_MESSAGES[problem]}`);
    else {
      facts = idNumberFacts(idNumber);
      const holder = existing.idNumbers.get(idNumber);
      const earlier = seen.ids.get(idNumber);
      if (idNumber === TEMPLATE_EXAMPLE.idNumber) error(null, TEMPLATE_EXAMPLE_MESSAGE);
      if (holder !== undefined) error('idNumber', `与已有党员“${holder}”的身份号码相同`);
      else if (earlier !== undefined) error('idNumber', `与第${earlier}行的身份号码相同`);
      else {
        parsed.idNumber = idNumber;
        seen.ids.set(idNumber, rowNumber);
      }
    }
  }

  // 性别: missing is taken from a valid ID number (17th digit odd = 男).
  const genderText = halfWidth(values.gender).replace(/\s/g, '').toUpperCase();
  if (!genderText) {
    if (facts) parsed.gender = facts.gender;
    else error('gender', rawId ? '请填写性别（男或女）：身份证号码有误，无法据此判断' : '请填写性别（男或女）');
  } else if (GENDER_WORDS[genderText]) {
    parsed.gender = GENDER_WORDS[genderText];
    if (facts && facts.gender !== parsed.gender) {
      warning('gender', `与公民身份号码不一致（按号码应为${GENDER_LABELS[facts.gender]}），请核对`);
    }
  } else error('gender', `应为“男”或“女”，现在是“${cellText(values.gender)}”`);

  // 出生日期: missing is taken from a valid ID number; 出生年月 gets its day from the number when the month agrees.
  const birth = date('birthDate');
  if (birth === null) parsed.birthDate = facts?.birthDate ?? null;
  else if (birth) {
    const disagrees = () => warning('birthDate', `与公民身份号码中的出生日期（${facts!.birthDate}）不一致，请核对`);
    if (birth.precision === 'month' && facts && facts.birthDate.slice(0, 7) === birth.iso.slice(0, 7)) {
      parsed.birthDate = facts.birthDate;
    } else {
      parsed.birthDate = birth.iso;
      if (birth.precision === 'month') warning('birthDate', MONTH_ONLY_MESSAGE);
      if (facts && facts.birthDate !== birth.iso) disagrees();
    }
  }

  // Plain texts
  const ethnicity = text('ethnicity', halfWidth(values.ethnicity).replace(/\s/g, ''));
  if (ethnicity !== undefined) {
    parsed.ethnicity = ethnicity && !ethnicity.endsWith('族') && ETHNIC_GROUPS.includes(`${ethnicity}族`) ? `${ethnicity}族` : ethnicity;
  }
  const education = text('education');
  if (education !== undefined) parsed.education = education ? (EDUCATION_SYNONYMS[education.replace(/\s/g, '')] ?? education) : null;
  for (const field of ['nativePlace', 'degree', 'workplace', 'personCategory'] as const) {
    const value = text(field);
    if (value !== undefined) parsed[field] = value;
  }
  const note = text('note', cellText(values.note));
  if (note !== undefined) parsed.note = note;

  // 参加工作时间, 入党时间, 转正时间
  const workStartedOn = dayOrMonth('workStartedOn');
  if (workStartedOn !== undefined) parsed.workStartedOn = workStartedOn;
  const admittedOn = dayOrMonth('admittedOn');
  const confirmedOn = dayOrMonth('confirmedOn');
  let datesOk = admittedOn !== undefined && confirmedOn !== undefined;
  if (admittedOn && confirmedOn) {
    const yearDone = addYears(admittedOn, PROBATION_YEARS);
    if (confirmedOn < admittedOn) {
      error('confirmedOn', `转正时间（${confirmedOn}）不能早于入党时间（${admittedOn}）`);
      datesOk = false;
    } else if (confirmedOn < yearDone) {
      error('confirmedOn', `预备期为一年，转正时间不能早于 ${yearDone}（入党满一年）`);
      datesOk = false;
    }
  }
  if (admittedOn && parsed.birthDate && addYears(parsed.birthDate, ADMISSION_AGE) > admittedOn) {
    error('admittedOn', `入党时应年满${ADMISSION_AGE}周岁（入党时间 ${admittedOn}，出生日期 ${parsed.birthDate}），请核对`);
  }
  if (admittedOn !== undefined) parsed.admittedOn = admittedOn;
  if (confirmedOn !== undefined) parsed.confirmedOn = confirmedOn;

  // 党员类别: missing is derived from the dates where they decide it.
  const categoryText = halfWidth(values.category).replace(/\s/g, '');
  const probationEnds = admittedOn ? addYears(admittedOn, PROBATION_YEARS) : null;
  if (categoryText) {
    const category = CATEGORY_WORDS[categoryText];
    if (!category) error('category', `应为“正式党员”或“预备党员”，现在是“${cellText(values.category)}”`);
    else {
      parsed.category = category;
      if (category === 'probationary' && confirmedOn) error('category', '已填写转正时间，党员类别应为正式党员');
      else if (category === 'full' && !confirmedOn && probationEnds && probationEnds > today) {
        error('category', `入党未满一年（预备期到 ${probationEnds}）且没有转正时间，应为预备党员`);
      }
    }
  } else if (datesOk) {
    if (confirmedOn) parsed.category = 'full';
    else if (probationEnds && probationEnds > today) parsed.category = 'probationary';
    else if (admittedOn) error('category', '请填写党员类别（正式党员或预备党员）：入党已满一年，但没有转正时间，无法判断');
    else error('category', '请填写党员类别（正式党员或预备党员），或填写入党时间、转正时间');
  }
  // (With a date error the category is decided once the date is fixed; no second message now.)

  // 所在党小组: matched by name to a group that exists.
  const groupText = cellText(values.partyGroupName);
  if (!groupText) {
    parsed.partyGroupName = null;
    parsed.partyGroupId = null;
  } else {
    const key = normalizeGroupName(groupText);
    const groupId = existing.groups.get(key);
    if (groupId !== undefined) {
      parsed.partyGroupName = key;
      parsed.partyGroupId = groupId;
    } else {
      const names = [...existing.groups.keys()];
      error(
        'partyGroupName',
        names.length > 0
          ? `没有名为“${groupText}”的党小组。已有的党小组：${names.join('、')}。请改成其中之一，或先在“组织建设”页面建立`
          : `没有名为“${groupText}”的党小组：本支部还没有建立党小组。请先在“组织建设”页面建立，或清空此列`,
      );
    }
  }

  // 联系电话
  const phoneText = halfWidth(values.phone);
  if (!phoneText) parsed.phone = null;
  else if (phoneText.length > 30 || !PHONE_PATTERN.test(phoneText) || phoneText.replace(/\D/g, '').length < 7) {
    error('phone', `“${cellText(values.phone)}”不像电话号码，应为手机号或座机号，如 13800000000 或 0579-82345678`);
  } else parsed.phone = phoneText;

  // The same person twice where no ID number tells: same name and birth date.
  if (parsed.name && parsed.birthDate) {
    const key = nameBirthKey(parsed.name, parsed.birthDate);
    const earlier = seen.nameBirth.get(key);
    if (existing.nameBirth.has(key)) warning('name', `与已有党员“${parsed.name}”同名且出生日期相同，请确认不是同一人`);
    else if (earlier !== undefined) warning('name', `与第${earlier}行姓名和出生日期都相同，请确认不是同一人`);
    if (earlier === undefined) seen.nameBirth.set(key, rowNumber);
  }

  return { rowNumber, values, parsed, problems };
}

/**
 * Checks every row against the others (duplicates: the later row gets the error) and against the
 * existing roster. Rows keep their order.
 */
export function checkImportRows(
  rows: readonly { rowNumber: number; values: Partial<ImportValues> }[],
  context: ImportCheckContext,
): ImportRow[] {
  const seen = { ids: new Map<string, number>(), nameBirth: new Map<string, number>() };
  return rows.map((row) => checkRow(row.rowNumber, { ...emptyImportValues(), ...row.values }, context, seen));
}

export function rowHasErrors(row: ImportRow): boolean {
  return row.problems.some((problem) => problem.level === 'error');
}

export function countImportRows(rows: readonly ImportRow[]): ImportCounts {
  const counts: ImportCounts = { total: rows.length, ready: 0, withWarnings: 0, withErrors: 0 };
  for (const row of rows) {
    if (rowHasErrors(row)) counts.withErrors += 1;
    else if (row.problems.length > 0) counts.withWarnings += 1;
    else counts.ready += 1;
  }
  return counts;
}

/** "第5行 公民身份号码：…" — one problem as a line of a summary. */
export function describeImportProblem(rowNumber: number, problem: ImportProblem): string {
  return `第${rowNumber}行${problem.field ? ` ${IMPORT_FIELD_LABELS[problem.field]}` : ''}：${problem.message}`;
}

/** The values of a row without errors, complete for writing. */
export function completeImportValues(row: ImportRow): MemberImportValues | null {
  if (rowHasErrors(row)) return null;
  const p = row.parsed;
  if (!p.name || !p.gender || !p.category) return null;
  return {
    name: p.name,
    gender: p.gender,
    ethnicity: p.ethnicity ?? null,
    birthDate: p.birthDate ?? null,
    idNumber: p.idNumber ?? null,
    nativePlace: p.nativePlace ?? null,
    education: p.education ?? null,
    degree: p.degree ?? null,
    workStartedOn: p.workStartedOn ?? null,
    workplace: p.workplace ?? null,
    personCategory: p.personCategory ?? null,
    admittedOn: p.admittedOn ?? null,
    confirmedOn: p.confirmedOn ?? null,
    category: p.category,
    partyGroupName: p.partyGroupName ?? null,
    partyGroupId: p.partyGroupId ?? null,
    phone: p.phone ?? null,
    note: p.note ?? null,
  };
}
