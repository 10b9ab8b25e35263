import {
  parseRubricTemplate,
  SCORING_TYPE_LABELS,
  type RubricDimension,
  type RubricIndicator,
  type RubricLevel,
  type RubricScope,
  type RubricStatus,
  type RubricTemplate,
  type Scoring,
  type ScoringType,
} from './rubricTemplate';

// Reading an official 评分细则 sheet (issue 6 item 4) into a rubric template. The workbook is read
// into plain grids by the main process (documents/rubricWorkbook.ts); everything here is pure:
// find the sheet and its header row, walk the rows (merged category cells, multi-line criteria,
// 小计/合计 rows, numbering prefixes), guess each indicator's scoring type, and report errors that
// name the row. A template comes out only when there is no error; every guess is a warning, so the
// secretary reviews it before importing.

/** A merged range, 1-based like Excel (row numbers, column numbers). */
export interface SheetMerge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface RubricSheetGrid {
  name: string;
  hidden: boolean;
  /** rows[r][c]: the text of row r+1, column c+1; '' where empty. Merged ranges keep text in the top-left cell only. */
  rows: string[][];
  merges: SheetMerge[];
}

/** What the secretary says about the table (the sheet does not say it, or says it in a title row). */
export interface RubricImportMeta {
  id: string;
  version: number;
  /** null while previewing before the secretary named it: the title's suggestion, else defaultName. */
  name: string | null;
  defaultName: string;
  scope: RubricScope[];
  issuer: string;
  /** null: the year in the title, else defaultYear. */
  effectiveYear: number | null;
  defaultYear: number;
  status: RubricStatus;
  sourceNote: string;
  /** 星/强 are lit at this share of their points (editable per dimension afterwards). */
  starPercent: number;
}

export type RubricSheetRowKind = 'category' | 'indicator' | 'continuation' | 'subtotal' | 'total' | 'skipped';

export interface RubricSheetProblem {
  level: 'error' | 'warning';
  message: string;
}

/** One row of the sheet as the preview shows it. */
export interface RubricSheetRow {
  rowNumber: number;
  kind: RubricSheetRowKind;
  /** 一级指标 the row belongs to (carried down from a merged or blank cell). */
  dimension: string;
  text: string;
  criteria: string;
  /** The 分值 cell as written. */
  pointsText: string;
  points: number | null;
  scoringType: ScoringType | null;
  /** e.g. 按次扣分（每次扣 1 分，扣完为止） */
  scoringLabel: string;
  evidence: string;
  problems: RubricSheetProblem[];
}

export interface RubricSheetResult {
  sheetName: string | null;
  headerRowNumber: number | null;
  /** The title row above the header (e.g. 2025年度两新党组织“五星三强”评分细则), if any. */
  title: string | null;
  /** Name and year read from the title, offered as defaults for the meta form. */
  suggestedName: string | null;
  suggestedYear: number | null;
  /** Only when there is no error. */
  template: RubricTemplate | null;
  errors: string[];
  warnings: string[];
  /** The warnings that say a row's scoring type was guessed from its criteria (one per indicator), so a
   * preview can summarise them apart from the other warnings. */
  scoringGuesses: string[];
  rows: RubricSheetRow[];
}

type Field = 'category' | 'indicator' | 'criteria' | 'points' | 'evidence' | 'method' | 'note';

const FIELD_LABELS: Record<Field, string> = {
  category: '一级指标',
  indicator: '二级指标',
  criteria: '评分标准',
  points: '分值',
  evidence: '佐证材料',
  method: '评分方式',
  note: '备注',
};

/** Header texts per field, as official tables write them (compared without spaces and bracketed units). */
const HEADER_VARIANTS: Record<Field, readonly string[]> = {
  category: ['一级指标', '考核内容', '类别', '考核项目', '考评项目', '评价项目', '指标类别', '考核类别', '项目', '维度', '星级'],
  indicator: ['二级指标', '考核要点', '指标内容', '具体内容', '考核指标', '评价要点', '考评内容', '评价内容', '指标要求', '工作要求', '具体指标'],
  criteria: ['评分标准', '评分细则', '考核标准', '评分办法', '计分办法', '评分方法', '考评标准', '评价标准', '扣分标准', '计分标准'],
  points: ['分值', '分数', '满分', '标准分', '基本分', '基础分', '分值分布', '赋分'],
  evidence: ['佐证材料', '佐证资料', '考核依据', '台账资料', '核查材料', '证明材料', '考核材料', '检查方式'],
  method: ['评分方式', '考核方式', '考核方法', '考评方式'],
  note: ['备注', '说明'],
};

const MAX_HEADER_SEARCH_ROWS = 30;
const SUBTOTAL = /^(小计|小 计|分项合计)/;
const TOTAL = /^(合计|总计|总分|满分合计|分值合计|合 计)/;
const NOTE_ROW = /^(说明|注[:：]|注：|备注[:：])/;

const CHINESE_DIGITS = '〇一二三四五六七八九十';

function chineseCount(n: number): string {
  if (n <= 10) return n === 10 ? '十' : CHINESE_DIGITS[n];
  if (n < 20) return `十${CHINESE_DIGITS[n - 10]}`;
  return String(n);
}

function normalizeHeader(text: string): string {
  return text
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[\s:：*＊]/g, '')
    .trim();
}

function headerField(text: string): Field | null {
  const cell = normalizeHeader(text);
  if (!cell) return null;
  for (const field of Object.keys(HEADER_VARIANTS) as Field[]) {
    if (HEADER_VARIANTS[field].some((variant) => cell === variant || (variant.length >= 3 && cell.startsWith(variant)))) return field;
  }
  return null;
}

/** Strips numbering like 一、 1. 1.1 （1） ① from the start of a name. */
export function stripNumbering(text: string): string {
  return text.replace(/^\s*(?:[一二三四五六七八九十]+\s*[、．.]|\d+(?:\.\d+)+\s*|\d+\s*[、．.)）]|[（(]\s*[一二三四五六七八九十\d]+\s*[)）]|[①-⑳])\s*/u, '').trim();
}

/** Line breaks kept (criteria are often several lines), blank edges and trailing spaces removed. */
function cleanMultiline(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\u3000]+$/, ''))
    .join('\n')
    .replace(/^\s*\n|\n\s*$/g, '')
    .trim();
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, '').replace(/\s+/g, ' ').trim();
}

/** The number in a 分值 cell (10, 10分, 10.5 分, +5), or null when it is not one. */
export function parsePoints(text: string): number | null {
  const match = /^[+＋]?\s*(\d+(?:\.\d+)?)\s*分?$/.exec(text.replace(/\s+/g, ' ').trim());
  return match ? Number(match[1]) : null;
}

const round = (value: number) => Math.round(value * 100) / 100;
const halfDown = (value: number) => Math.floor(value * 2) / 2;
const halfUp = (value: number) => Math.ceil(value * 2) / 2;

/** A name like 班子建设星（20分） → name 班子建设星, declared 20, the rest of the bracket as description. */
function splitDeclared(raw: string): { name: string; declared: number | null; description: string | null } {
  let name = stripNumbering(oneLine(raw));
  let declared: number | null = null;
  const descriptions: string[] = [];
  name = name.replace(/[（(]([^）)]*)[）)]/g, (_all, inner: string) => {
    const points = /^(?:共|计|满分|分值)?\s*(\d+(?:\.\d+)?)\s*分$/.exec(inner.trim());
    if (points) declared = Number(points[1]);
    else if (inner.trim()) descriptions.push(inner.trim());
    return '';
  });
  const trailing = /[\s，,]*(?:共|计)?(\d+(?:\.\d+)?)\s*分$/.exec(name);
  if (trailing && declared === null) {
    declared = Number(trailing[1]);
    name = name.slice(0, trailing.index);
  }
  return { name: name.trim(), declared, description: descriptions.length ? descriptions.join('；') : null };
}

// ---------------------------------------------------------------------------------------------
// Scoring type guess

interface Guess {
  scoring: Scoring;
  label: string;
  note: string;
}

const LEVEL_SETS: readonly (readonly string[])[] = [
  ['优秀', '良好', '一般', '较差'],
  ['优秀', '良好', '中等', '差'],
  ['优', '良', '中', '差'],
  ['好', '较好', '一般', '差'],
  ['优秀', '合格', '不合格'],
  ['好', '一般', '差'],
];

function gradedLevels(criteria: string, maxPoints: number): { levels: { label: string; points: number }[]; parsed: boolean } | null {
  // Levels written with their points: 优 10 分、良 8 分 / 好（10分） / 优秀得10分.
  const withPoints = [...criteria.matchAll(/(优秀|良好|中等|较好|一般|较差|合格|不合格|优|良|中|好|差)(?:的|得|计|为|：|:|\s|（|\()*(\d+(?:\.\d+)?)\s*分/g)];
  const found: { label: string; points: number }[] = [];
  for (const match of withPoints) {
    if (!found.some((level) => level.label === match[1])) found.push({ label: match[1], points: Number(match[2]) });
  }
  if (found.length >= 2 && Math.max(...found.map((level) => level.points)) === maxPoints) {
    return { levels: found.sort((a, b) => b.points - a.points), parsed: true };
  }
  for (const set of LEVEL_SETS) {
    const present = set.filter((label) => criteria.includes(label));
    if (present.length >= Math.min(3, set.length) && present.length >= 2) {
      const shares = present.length === 2 ? [1, 0] : present.length === 3 ? [1, 0.6, 0] : [1, 0.8, 0.6, 0];
      const levels = present.map((label, index) => ({ label, points: index === 0 ? maxPoints : halfDown(maxPoints * (shares[index] ?? 0)) }));
      return { levels, parsed: false };
    }
  }
  return null;
}

/** Guesses the scoring type from the 评分标准 wording; the caller reports it as a warning. */
export function guessScoring(input: { text: string; criteria: string; method: string; dimension: string; maxPoints: number }): Guess {
  const { maxPoints } = input;
  const wording = `${input.criteria}\n${input.method}`;
  const bonusWording = /加分|加\s*\d+(?:\.\d+)?\s*分/.test(`${input.dimension}${input.text}${wording}`) && !/扣/.test(input.criteria);
  if (bonusWording) {
    const per = /每[^，。；\n\d]{0,12}加\s*(\d+(?:\.\d+)?)\s*分/.exec(wording) ?? /加\s*(\d+(?:\.\d+)?)\s*分/.exec(wording);
    const perItem = Math.min(per ? Number(per[1]) : maxPoints, maxPoints);
    return {
      scoring: { type: 'bonus', perItem, cap: maxPoints },
      label: `${SCORING_TYPE_LABELS.bonus}（每项加 ${perItem} 分，最多 ${maxPoints} 分）`,
      note: per ? '' : '每项加分按分值计',
    };
  }
  if (/扣/.test(wording)) {
    const per = /扣\s*(\d+(?:\.\d+)?)\s*分/.exec(wording);
    const perOccurrence = Math.min(per && Number(per[1]) > 0 ? Number(per[1]) : 1, maxPoints);
    return {
      scoring: { type: 'deduction', perOccurrence, floor: 0 },
      label: `${SCORING_TYPE_LABELS.deduction}（每次扣 ${perOccurrence} 分，扣完为止）`,
      note: per ? '' : '没有写明每次扣几分，暂按 1 分',
    };
  }
  const graded = gradedLevels(wording, maxPoints);
  if (graded) {
    const text = graded.levels.map((level) => `${level.label} ${level.points} 分`).join('、');
    return {
      scoring: { type: 'graded', levels: graded.levels },
      label: `${SCORING_TYPE_LABELS.graded}（${text}）`,
      note: graded.parsed ? '' : '各档分数为估计',
    };
  }
  return {
    scoring: { type: 'yesNo' },
    label: `${SCORING_TYPE_LABELS.yesNo}（达到得 ${maxPoints} 分，否则 0 分）`,
    note: maxPoints > 5 ? '分值较大，请确认是否应按扣分或分档评分' : '',
  };
}

// ---------------------------------------------------------------------------------------------
// Finding the header

interface Header {
  rowNumber: number;
  columns: Partial<Record<Field, number>>;
}

interface HeaderSearch {
  header: Header | null;
  /** A row that looked like a header but lacks a needed column, with the message to show. */
  partial: { rowNumber: number; message: string } | null;
}

function findHeader(rows: string[][]): HeaderSearch {
  let partial: HeaderSearch['partial'] = null;
  for (let index = 0; index < Math.min(rows.length, MAX_HEADER_SEARCH_ROWS); index += 1) {
    const columns: Partial<Record<Field, number>> = {};
    const row = rows[index] ?? [];
    const extra: number[] = [];
    row.forEach((cell, column) => {
      const field = headerField(cell ?? '');
      if (!field) return;
      if (columns[field] === undefined) columns[field] = column + 1;
      else if (field === 'category') extra.push(column + 1);
    });
    // 考核项目 | 考核内容 | 评分标准 | 分值: the second category-like column holds the indicators.
    if (columns.indicator === undefined && extra.length) columns.indicator = extra[0];
    const found = Object.keys(columns).length;
    const hasText = columns.indicator !== undefined || columns.criteria !== undefined;
    if (columns.points !== undefined && hasText) return { header: { rowNumber: index + 1, columns }, partial: null };
    if (found >= 2 && !partial) {
      const missing = columns.points === undefined ? '“分值”列（也可写作 分数、满分、标准分）' : '“二级指标”或“评分标准”列';
      partial = {
        rowNumber: index + 1,
        message: `第 ${index + 1} 行像是标题行，但没有${missing}，无法导入。请在表中加上这一列，每个指标一行写明`,
      };
    }
  }
  return { header: null, partial };
}

// ---------------------------------------------------------------------------------------------
// Walking the rows

interface DimensionDraft {
  name: string;
  description: string | null;
  rowNumber: number;
  declared: { points: number; rowNumber: number } | null;
  indicators: IndicatorDraft[];
  /** Index of the first indicator after the last 小计 row. */
  sinceSubtotal: number;
  /** A row of it has unreadable points: sums over it are not checked (the row's own error says why). */
  broken: boolean;
  brokenSinceSubtotal: boolean;
}

interface IndicatorDraft {
  row: RubricSheetRow;
  method: string;
  guess: Guess | null;
}

function mergeIndex(merges: readonly SheetMerge[]) {
  const masters = new Map<string, { row: number; column: number; merge: SheetMerge }>();
  for (const merge of merges) {
    for (let row = merge.top; row <= merge.bottom; row += 1) {
      for (let column = merge.left; column <= merge.right; column += 1) {
        if (row !== merge.top || column !== merge.left) masters.set(`${row}:${column}`, { row: merge.top, column: merge.left, merge });
      }
    }
  }
  return (row: number, column: number) => masters.get(`${row}:${column}`) ?? null;
}

function titleAbove(rows: string[][], headerRow: number): string | null {
  for (let index = 0; index < headerRow - 1; index += 1) {
    const texts = [...new Set((rows[index] ?? []).map((cell) => oneLine(cell ?? '')).filter(Boolean))];
    if (texts.length === 1 && texts[0].length >= 4) return texts[0];
  }
  return null;
}

function suggestionsFrom(title: string | null): { name: string | null; year: number | null } {
  if (!title) return { name: null, year: null };
  const year = /(20\d{2})\s*年/.exec(title);
  const name = title
    .replace(/^.*?20\d{2}\s*年度?/, '')
    .replace(/(评分细则|评分标准|考核细则|评分表|考评细则|细则)$/, '')
    .trim();
  return { name: name ? name.slice(0, 40) : null, year: year ? Number(year[1]) : null };
}

/** The sheets to try: named like 评分细则 first, then the other visible ones, then hidden ones. */
function orderSheets(sheets: readonly RubricSheetGrid[]): RubricSheetGrid[] {
  const named = (sheet: RubricSheetGrid) => /评分细则|细则|评分标准|评分/.test(sheet.name);
  return [
    ...sheets.filter((sheet) => !sheet.hidden && named(sheet)),
    ...sheets.filter((sheet) => !sheet.hidden && !named(sheet)),
    ...sheets.filter((sheet) => sheet.hidden),
  ];
}

const emptyResult = (errors: string[]): RubricSheetResult => ({
  sheetName: null,
  headerRowNumber: null,
  title: null,
  suggestedName: null,
  suggestedYear: null,
  template: null,
  errors,
  warnings: [],
  scoringGuesses: [],
  rows: [],
});

/**
 * Maps the workbook's grids to a template. `meta` may be partial while previewing: missing fields
 * get the title's suggestions or placeholders, and the template is still built so the preview can
 * show it; the service insists on the real fields before storing.
 */
export function mapRubricSheets(sheets: readonly RubricSheetGrid[], meta: RubricImportMeta): RubricSheetResult {
  const ordered = orderSheets(sheets);
  let partial: { sheet: RubricSheetGrid; rowNumber: number; message: string } | null = null;
  for (const sheet of ordered) {
    const search = findHeader(sheet.rows);
    if (search.header) return mapSheet(sheet, search.header, meta);
    if (search.partial && !partial) partial = { sheet, ...search.partial };
  }
  if (partial) {
    const where = ordered.length > 1 ? `工作表“${partial.sheet.name}”` : '';
    return emptyResult([`${where}${partial.message}。`]);
  }
  const looked = ordered.length > 1 ? `（已查看全部 ${ordered.length} 个工作表）` : '';
  return emptyResult([
    `没有找到标题行${looked}：评分细则应有“一级指标”“二级指标”“评分标准”“分值”等列（也可写作 考核内容、考核要点、考核标准、分数 等），标题行应在前 ${MAX_HEADER_SEARCH_ROWS} 行内。`,
  ]);
}

function mapSheet(sheet: RubricSheetGrid, header: Header, meta: RubricImportMeta): RubricSheetResult {
  const { columns } = header;
  const masterOf = mergeIndex(sheet.merges);
  const errors: string[] = [];
  const warnings: string[] = [];
  const rows: RubricSheetRow[] = [];
  const dimensions: DimensionDraft[] = [];
  let declaredTotal: { points: number; rowNumber: number } | null = null;
  const subtotals: { row: RubricSheetRow; dimension: string; points: number; indicators: IndicatorDraft[] }[] = [];
  const afterTotal: number[] = [];

  const raw = (rowNumber: number, column: number | undefined): string => (column ? (sheet.rows[rowNumber - 1]?.[column - 1] ?? '') : '');
  /** The cell's text, or its merge master's when the cell lies inside a merged range. */
  const value = (rowNumber: number, column: number | undefined): { text: string; merged: ReturnType<typeof masterOf> } => {
    if (!column) return { text: '', merged: null };
    const master = masterOf(rowNumber, column);
    return master ? { text: raw(master.row, master.column), merged: master } : { text: raw(rowNumber, column), merged: null };
  };
  const scoringGuesses: string[] = [];
  const problem = (row: RubricSheetRow, level: 'error' | 'warning', message: string): string => {
    row.problems.push({ level, message });
    const line = `第 ${row.rowNumber} 行：${message}`;
    (level === 'error' ? errors : warnings).push(line);
    return line;
  };

  let current: DimensionDraft | null = null;
  let lastIndicator: IndicatorDraft | null = null;
  const lastRow = sheet.rows.length;

  for (let rowNumber = header.rowNumber + 1; rowNumber <= lastRow; rowNumber += 1) {
    const cells = sheet.rows[rowNumber - 1] ?? [];
    if (!cells.some((cell) => cell && cell.trim())) continue;
    if (declaredTotal) {
      afterTotal.push(rowNumber);
      continue;
    }
    const category = value(rowNumber, columns.category);
    const ownCategory = category.merged ? '' : oneLine(category.text);
    const indicator = value(rowNumber, columns.indicator);
    const criteriaText = cleanMultiline(raw(rowNumber, columns.criteria));
    const pointsCell = value(rowNumber, columns.points);
    const pointsText = pointsCell.merged ? '' : oneLine(pointsCell.text);
    const evidence = oneLine(value(rowNumber, columns.evidence).text);
    const method = oneLine(raw(rowNumber, columns.method));
    const text = indicator.merged ? '' : stripNumbering(oneLine(indicator.text));
    const row: RubricSheetRow = {
      rowNumber,
      kind: 'skipped',
      dimension: current?.name ?? '',
      text,
      criteria: criteriaText,
      pointsText,
      points: null,
      scoringType: null,
      scoringLabel: '',
      evidence,
      problems: [],
    };
    rows.push(row);

    // 小计 / 合计 rows: their 分值 checks the rows above, then they are dropped.
    const label = [ownCategory, text, oneLine(criteriaText)].find(Boolean) ?? '';
    if (SUBTOTAL.test(label) || TOTAL.test(label)) {
      const total = TOTAL.test(label);
      row.kind = total ? 'total' : 'subtotal';
      row.text = label;
      const points = parsePoints(pointsText);
      if (!pointsText) problem(row, 'warning', `${total ? '合计' : '小计'}行没有写分值，未用来核对`);
      else if (points === null) problem(row, 'error', `${total ? '合计' : '小计'}分值“${pointsText}”不是数字`);
      else if (total) declaredTotal = { points, rowNumber };
      else if (current) {
        row.points = points;
        if (!current.brokenSinceSubtotal) subtotals.push({ row, dimension: current.name, points, indicators: current.indicators.slice(current.sinceSubtotal) });
        current.sinceSubtotal = current.indicators.length;
        current.brokenSinceSubtotal = false;
      }
      if (total) {
        row.points = points;
        row.dimension = '';
      }
      lastIndicator = null;
      continue;
    }
    if (NOTE_ROW.test(label) && !pointsText) {
      row.text = label;
      problem(row, 'warning', '说明文字，未导入');
      continue;
    }

    // A new 一级指标 starts where the category cell has its own text (not merged from above, not blank).
    if (ownCategory) {
      const split = splitDeclared(ownCategory);
      if (!current || split.name !== current.name) {
        current = { name: split.name, description: split.description, rowNumber, declared: null, indicators: [], sinceSubtotal: 0, broken: false, brokenSinceSubtotal: false };
        dimensions.push(current);
        lastIndicator = null;
      }
      if (split.declared !== null) current.declared = { points: split.declared, rowNumber };
      row.dimension = current.name;
      if (!text && !criteriaText) {
        row.kind = 'category';
        row.text = current.name;
        if (pointsText) {
          const points = parsePoints(pointsText);
          if (points === null) problem(row, 'error', `一级指标“${current.name}”的分值“${pointsText}”不是数字`);
          else current.declared = { points, rowNumber };
          row.points = points;
        }
        continue;
      }
    }

    // More lines of the indicator above: its 二级指标 and 分值 cells are merged down over this row,
    // or only the 评分标准 cell is filled.
    const continues =
      lastIndicator !== null &&
      criteriaText !== '' &&
      !ownCategory &&
      ((pointsCell.merged !== null && (indicator.merged !== null || !text)) || (!text && !pointsText && !pointsCell.merged));
    if (continues && lastIndicator) {
      row.kind = 'continuation';
      row.dimension = lastIndicator.row.dimension;
      row.text = lastIndicator.row.text;
      lastIndicator.row.criteria = `${lastIndicator.row.criteria}\n${criteriaText}`.trim();
      if (evidence && !lastIndicator.row.evidence.includes(evidence)) {
        lastIndicator.row.evidence = lastIndicator.row.evidence ? `${lastIndicator.row.evidence}、${evidence}` : evidence;
      }
      continue;
    }

    row.kind = 'indicator';
    if (!current) {
      problem(row, 'error', `没有一级指标：请在“${FIELD_LABELS.category}”列写明这一行属于哪一项`);
      continue;
    }
    row.dimension = current.name;
    if (!row.text) {
      if (indicator.merged) row.text = stripNumbering(oneLine(indicator.text));
      else if (criteriaText) {
        row.text = oneLine(criteriaText.split('\n')[0]).slice(0, 60);
        if (columns.indicator) problem(row, 'warning', '没有二级指标，指标内容暂用评分标准的第一行');
      }
    }
    if (!row.text) {
      problem(row, 'error', '没有指标内容，也没有评分标准');
      continue;
    }
    if (pointsCell.merged) {
      problem(row, 'error', `分值单元格与第 ${pointsCell.merged.row} 行合并在一起，无法分给不同的指标。请拆开合并单元格，每个指标写自己的分值`);
      current.broken = current.brokenSinceSubtotal = true;
      continue;
    }
    if (!pointsText) {
      problem(row, 'error', `指标“${row.text}”没有分值`);
      current.broken = current.brokenSinceSubtotal = true;
      continue;
    }
    const points = parsePoints(pointsText);
    if (points === null) {
      problem(row, 'error', `分值“${pointsText}”不是数字`);
      current.broken = current.brokenSinceSubtotal = true;
      continue;
    }
    if (points <= 0) {
      problem(row, 'error', `指标“${row.text}”的分值应大于 0`);
      current.broken = current.brokenSinceSubtotal = true;
      continue;
    }
    if (!Number.isInteger(points * 2)) {
      problem(row, 'error', `分值 ${points} 应为整数或 0.5 分的倍数`);
      current.broken = current.brokenSinceSubtotal = true;
      continue;
    }
    row.points = points;
    row.evidence = evidence;
    const draft: IndicatorDraft = { row, method, guess: null };
    current.indicators.push(draft);
    lastIndicator = draft;
  }

  if (afterTotal.length) {
    warnings.push(`第 ${afterTotal[0]}${afterTotal.length > 1 ? `—${afterTotal[afterTotal.length - 1]}` : ''} 行在“合计”之后，未导入`);
  }

  // Scoring guesses, made once the criteria are complete (continuation rows appended).
  for (const dimension of dimensions) {
    for (const draft of dimension.indicators) {
      const row = draft.row;
      if (row.criteria.length > 1000) problem(row, 'error', `评分标准有 ${row.criteria.length} 个字，超过 1000 字，请精简后再导入`);
      if (row.text.length > 200) problem(row, 'error', `指标内容有 ${row.text.length} 个字，超过 200 字，请把细节移到评分标准列`);
      const guess = guessScoring({ text: row.text, criteria: row.criteria, method: draft.method, dimension: dimension.name, maxPoints: row.points ?? 0 });
      draft.guess = guess;
      row.scoringType = guess.scoring.type;
      row.scoringLabel = guess.label;
      scoringGuesses.push(problem(row, 'warning', `评分方式按“${guess.label}”导入${guess.note ? `（${guess.note}）` : ''}，请核对`));
    }
  }

  // 小计 rows check the base points of the rows above them (加分项 are outside every subtotal).
  for (const subtotal of subtotals) {
    const sum = round(subtotal.indicators.filter((draft) => draft.row.scoringType !== 'bonus').reduce((total, draft) => total + (draft.row.points ?? 0), 0));
    if (sum !== subtotal.points && subtotal.indicators.length) {
      problem(subtotal.row, 'error', `小计写为 ${subtotal.points} 分，但“${subtotal.dimension}”上面各项分值合计 ${sum} 分，请核对`);
    }
  }

  // Dimensions: 加分 sections join the dimension before them (bonus points sit outside a dimension's base).
  const scored: DimensionDraft[] = [];
  for (const dimension of dimensions) {
    const base = dimension.indicators.filter((draft) => draft.row.scoringType !== 'bonus');
    const headerRow = rows.find((row) => row.rowNumber === dimension.rowNumber)!;
    if (!dimension.indicators.length) {
      if (!rows.some((row) => row.dimension === dimension.name && row.kind === 'indicator' && row.problems.some((p) => p.level === 'error'))) {
        problem(headerRow, 'error', `一级指标“${dimension.name}”下没有二级指标`);
      }
      continue;
    }
    if (!base.length) {
      const target = scored[scored.length - 1];
      if (!target) {
        problem(headerRow, 'error', `“${dimension.name}”只有加分项，没有基础分；加分项应放在其他指标之后`);
        continue;
      }
      target.indicators.push(...dimension.indicators);
      for (const draft of dimension.indicators) draft.row.dimension = target.name;
      warnings.push(`第 ${dimension.rowNumber} 行：“${dimension.name}”只有加分项，已并入“${target.name}”（加分不计入其满分）`);
      continue;
    }
    if (dimension.name.length > 20) problem(headerRow, 'error', `一级指标名称“${dimension.name}”超过 20 个字，请缩短（说明可写在括号里）`);
    scored.push(dimension);
  }

  let baseTotal = 0;
  for (const dimension of scored) {
    const sum = round(dimension.indicators.filter((draft) => draft.row.scoringType !== 'bonus').reduce((total, draft) => total + (draft.row.points ?? 0), 0));
    baseTotal += sum;
    if (dimension.declared && dimension.declared.points !== sum && !dimension.broken) {
      const row = rows.find((candidate) => candidate.rowNumber === dimension.declared!.rowNumber)!;
      problem(row, 'error', `“${dimension.name}”写为 ${dimension.declared.points} 分，但其下各项分值合计 ${sum} 分，请核对`);
    }
  }
  baseTotal = round(baseTotal);
  if (declaredTotal) {
    const { points, rowNumber } = declaredTotal;
    if (points !== baseTotal && !dimensions.some((dimension) => dimension.broken)) {
      const row = rows.find((candidate) => candidate.rowNumber === rowNumber)!;
      problem(row, 'error', `合计写为 ${points} 分，但各项分值（不含加分项）合计 ${baseTotal} 分，请核对`);
    }
  }
  if (!scored.length && !errors.length) errors.push(`工作表“${sheet.name}”第 ${header.rowNumber} 行标题行下面没有任何指标`);

  const title = titleAbove(sheet.rows, header.rowNumber);
  const suggestions = suggestionsFrom(title);
  const result: RubricSheetResult = {
    sheetName: sheet.name,
    headerRowNumber: header.rowNumber,
    title,
    suggestedName: suggestions.name,
    suggestedYear: suggestions.year,
    template: null,
    errors,
    warnings,
    scoringGuesses,
    rows,
  };
  const missing = (['category', 'criteria', 'evidence'] as const).filter((field) => columns[field] === undefined);
  if (missing.includes('evidence')) warnings.unshift('表中没有“佐证材料”列，各指标的佐证材料暂填“见评分标准”，可在编辑模板时补充');
  if (missing.includes('criteria')) warnings.unshift('表中没有“评分标准”列，评分方式只能按分值猜测，请逐项核对');
  if (missing.includes('category')) {
    errors.unshift(`第 ${header.rowNumber} 行标题行没有“一级指标”列（也可写作 考核内容、类别），无法把指标分到各项`);
  }
  if (errors.length) return result;

  const named = {
    ...meta,
    name: meta.name ?? suggestions.name ?? meta.defaultName,
    effectiveYear: meta.effectiveYear ?? suggestions.year ?? meta.defaultYear,
  };
  result.template = buildTemplate(scored, named, baseTotal, warnings);
  const parsed = parseRubricTemplate('导入的评分细则', result.template);
  if (!parsed.ok) {
    errors.push(...parsed.errors);
    result.template = null;
  } else result.template = parsed.value;
  return result;
}

function buildTemplate(dimensions: DimensionDraft[], meta: RubricImportMeta & { name: string; effectiveYear: number }, total: number, warnings: string[]): RubricTemplate {
  const kinds = dimensions.map((dimension) => (/星$/.test(dimension.name) ? 'star' : /强$/.test(dimension.name) ? 'qualifier' : 'section') as RubricDimension['kind']);
  const threshold = { minPercent: meta.starPercent };
  const built: RubricDimension[] = dimensions.map((dimension, index) => ({
    id: `d${index + 1}`,
    name: dimension.name,
    kind: kinds[index],
    maxPoints: round(dimension.indicators.filter((draft) => draft.row.scoringType !== 'bonus').reduce((sum, draft) => sum + (draft.row.points ?? 0), 0)),
    ...(kinds[index] === 'section' ? {} : { threshold }),
    ...(dimension.description ? { description: dimension.description.slice(0, 200) } : {}),
  }));
  const indicators: RubricIndicator[] = dimensions.flatMap((dimension, index) =>
    dimension.indicators.map((draft, position) => {
      const { row } = draft;
      const scoring = draft.guess?.scoring ?? { type: 'yesNo' as const };
      return {
        id: `d${index + 1}-${position + 1}`,
        dimensionId: `d${index + 1}`,
        text: row.text,
        ...(row.criteria ? { criteria: row.criteria } : {}),
        maxPoints: row.points ?? 0,
        scoring,
        evidence: row.evidence || '见评分标准',
      };
    }),
  );

  const stars = built.filter((dimension) => dimension.kind === 'star');
  const qualifiers = built.filter((dimension) => dimension.kind === 'qualifier');
  const lit = [...stars, ...qualifiers];
  if (lit.length) {
    warnings.unshift(
      `${lit.map((dimension) => `“${dimension.name}”`).join('、')}按${stars.length ? '“星”' : ''}${stars.length && qualifiers.length ? '和' : ''}${qualifiers.length ? '“强”' : ''}导入，得分率达到 ${meta.starPercent}% 点亮；细则另有点亮条件的，请在编辑模板时修改`,
    );
  }
  const levels: RubricLevel[] = [];
  if (stars.length) {
    const n = stars.length;
    if (qualifiers.length) {
      levels.push({ id: 'top', name: `${chineseCount(n)}星${chineseCount(qualifiers.length)}强`, minStars: n, requireQualifiers: qualifiers.map((dimension) => dimension.id) });
    }
    for (let count = n; count >= 1; count -= 1) levels.push({ id: `stars-${count}`, name: `${chineseCount(count)}星`, minStars: count });
    levels.push({ id: 'unrated', name: '未评星' });
    warnings.unshift(`等级按点亮的星数评定（${levels.map((level) => level.name).join('、')}），细则另有规定的请在导入后核对`);
  } else {
    const steps = [
      { id: 'five', name: '五星', share: 0.9 },
      { id: 'four', name: '四星', share: 0.8 },
      { id: 'three', name: '三星', share: 0.7 },
      { id: 'two', name: '二星', share: 0.6 },
    ];
    for (const step of steps) levels.push({ id: step.id, name: step.name, minPoints: halfUp(total * step.share) });
    levels.push({ id: 'one', name: '一星' });
    warnings.unshift(
      `等级按通用星级办法设置：${steps.map((step) => `${step.name} ${halfUp(total * step.share)} 分以上`).join('、')}，其余一星；细则另有规定的请在导入后核对`,
    );
  }

  return {
    id: meta.id,
    name: meta.name,
    scope: meta.scope,
    issuer: meta.issuer,
    version: meta.version,
    effectiveYear: meta.effectiveYear,
    status: meta.status,
    sourceNote: meta.sourceNote,
    totalPoints: total,
    dimensions: built,
    indicators,
    levels,
    vetoes: [],
    caps: [],
  };
}
