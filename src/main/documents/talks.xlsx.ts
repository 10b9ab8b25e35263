import { PAIR_KIND_LABELS, TALK_ROLE_LABELS, type CoverageSummary, type PairKind, type TalkRole } from '../../shared/domain/talkCoverage';
import {
  addLedgerSheet,
  headerTitles,
  newWorkbook,
  rowHeightFor,
  sheetFont,
  styleHeaderCell,
  workbookBytes,
  writeBodyCell,
  writeBodyRows,
  writeHeader,
  writeNoteRow,
  writeSubtitle,
  writeTitle,
  type LedgerColumn,
} from './xlsxSheet';

// 谈心谈话台账 (DOMAIN §2, §6): sheet 1 lists every talk of the year — date, who, which kind of pair
// (书记与支委…), how, topic, place, summary, recorder; sheet 2 is the coverage matrix (talks:coverage):
// each required pair with the dates it talked, and the counts per kind. Pure.

export const TALKS_SHEET_NAME = '谈心谈话台账';
export const COVERAGE_SHEET_NAME = '谈话覆盖情况';
export const TALKS_TITLE_ROWS = 3;

export interface TalkSheetRow {
  heldOn: string;
  participants: string;
  /** 书记与支委谈话 / 支委与党员谈话 …, several joined by 、. */
  kind: string;
  form: string | null;
  topic: string;
  location: string | null;
  summary: string;
  recorder: string | null;
}

export interface CoverageSheet {
  people: readonly { memberId: number; name: string; role: TalkRole }[];
  pairs: readonly { a: number; b: number; kind: PairKind; dates: readonly string[] }[];
  summary: readonly CoverageSummary[];
  sentence: string;
  asOf: string;
}

export interface TalksSheetInput {
  branchName: string;
  year: number;
  subtitle: string;
  rows: readonly TalkSheetRow[];
  coverage: CoverageSheet;
  createdAt?: Date;
}

const COLUMNS: LedgerColumn<TalkSheetRow>[] = [
  { header: '序号', width: 5, align: 'center', value: (_row, index) => index + 1 },
  { header: '日期', width: 10.5, align: 'center', text: true, value: (row) => row.heldOn },
  { header: '谈话人员', width: 16, align: 'center', value: (row) => row.participants },
  { header: '谈话类型', width: 14, align: 'center', value: (row) => row.kind },
  { header: '方式', width: 6, align: 'center', value: (row) => row.form },
  { header: '谈话主题', width: 24, align: 'left', value: (row) => row.topic },
  { header: '地点', width: 12, align: 'left', value: (row) => row.location },
  { header: '主要内容', width: 40, align: 'left', value: (row) => row.summary },
  { header: '记录人', width: 8, align: 'center', value: (row) => row.recorder },
];
const WIDTHS = COLUMNS.map((column) => column.width);

export const TALKS_HEADERS: readonly string[] = headerTitles(COLUMNS);

/** M/D of each date: the matrix cells stay narrow. */
const short = (iso: string) => `${Number(iso.slice(5, 7))}/${Number(iso.slice(8, 10))}`;

export async function buildTalksWorkbook(input: TalksSheetInput): Promise<Buffer> {
  const workbook = newWorkbook(input.createdAt ?? new Date());

  const sheet = addLedgerSheet(workbook, TALKS_SHEET_NAME, { widths: WIDTHS, titleRows: TALKS_TITLE_ROWS, frozenColumns: 2 });
  writeTitle(sheet, `${input.branchName}${input.year}年度谈心谈话台账`, COLUMNS.length);
  writeSubtitle(sheet, input.subtitle, `共 ${input.rows.length} 次谈话`, 6, COLUMNS.length);
  writeHeader(sheet, TALKS_TITLE_ROWS, COLUMNS.map((column) => column.header), WIDTHS);
  let rowNumber = writeBodyRows(sheet, TALKS_TITLE_ROWS + 1, COLUMNS, input.rows);
  writeNoteRow(sheet, rowNumber, `覆盖情况：${input.coverage.sentence}。逐对谈话日期见“${COVERAGE_SHEET_NAME}”工作表。`, WIDTHS);

  // Sheet 2: people × people; a cell holds the dates the pair talked, 未谈 when it has not.
  const { people, pairs } = input.coverage;
  const nameWidth = 8;
  const cellWidth = 6;
  const widths = [5, nameWidth, 5, ...people.map(() => cellWidth)];
  const last = widths.length;
  const matrix = addLedgerSheet(workbook, COVERAGE_SHEET_NAME, { widths, titleRows: TALKS_TITLE_ROWS, frozenColumns: 3 });
  // A branch's matrix (≤ 50 people, usually far fewer) reads best on one page; bigger ones flow on.
  if (people.length <= 30) matrix.pageSetup.fitToHeight = 1;
  writeTitle(matrix, `${input.branchName}${input.year}年度谈心谈话覆盖情况`, last);
  writeSubtitle(matrix, `${input.coverage.sentence}（按 ${input.coverage.asOf} 的名册和支委会）`, '格中为谈话日期（月/日）', Math.max(3, last - 4), last);
  const header = matrix.getRow(TALKS_TITLE_ROWS);
  ['序号', '姓名', '身份', ...people.map((person) => person.name)].forEach((text, index) => {
    const cell = header.getCell(index + 1);
    cell.value = text;
    styleHeaderCell(cell);
  });
  header.height = rowHeightFor(2);
  const datesOf = new Map(pairs.map((pair) => [`${Math.min(pair.a, pair.b)}-${Math.max(pair.a, pair.b)}`, pair.dates]));
  people.forEach((person, i) => {
    const row = matrix.getRow(TALKS_TITLE_ROWS + 1 + i);
    writeBodyCell(row.getCell(1), i + 1, 'center');
    writeBodyCell(row.getCell(2), person.name, 'center');
    writeBodyCell(row.getCell(3), TALK_ROLE_LABELS[person.role], 'center');
    let lines = 1;
    people.forEach((other, j) => {
      const cell = row.getCell(4 + j);
      if (i === j) {
        writeBodyCell(cell, '—', 'center');
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
        return;
      }
      const key = `${Math.min(person.memberId, other.memberId)}-${Math.max(person.memberId, other.memberId)}`;
      const dates = datesOf.get(key);
      if (dates === undefined) return writeBodyCell(cell, null, 'center');
      const text = dates.length ? dates.map(short).join('\n') : '未谈';
      lines = Math.max(lines, dates.length);
      // Talks held stand out; 未谈 is there (an inspector asks) but quiet, grey and smaller.
      writeBodyCell(cell, text, 'center', dates.length ? { bold: true } : { size: 8, color: { argb: 'FF8C8C8C' } });
      if (dates.length) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F4EA' } };
    });
    row.height = rowHeightFor(lines);
  });

  // Counts per kind of pair, numbers under 已谈 / 应谈.
  rowNumber = TALKS_TITLE_ROWS + people.length + 2;
  const summaryHeader = matrix.getRow(rowNumber);
  const labelSpan = Math.min(last, 3);
  matrix.mergeCells(rowNumber, 1, rowNumber, labelSpan);
  ['谈话类型', '已谈', '应谈'].forEach((text, index) => {
    const cell = summaryHeader.getCell(index === 0 ? 1 : labelSpan + index);
    cell.value = text;
    styleHeaderCell(cell);
  });
  for (const entry of input.coverage.summary) {
    rowNumber += 1;
    const row = matrix.getRow(rowNumber);
    matrix.mergeCells(rowNumber, 1, rowNumber, labelSpan);
    writeBodyCell(row.getCell(1), PAIR_KIND_LABELS[entry.kind], 'left');
    writeBodyCell(row.getCell(labelSpan + 1), entry.covered, 'center');
    writeBodyCell(row.getCell(labelSpan + 2), entry.required, 'center');
  }
  rowNumber += 1;
  matrix.mergeCells(rowNumber, 1, rowNumber, last);
  const note = matrix.getCell(rowNumber, 1);
  note.value = '说明：每一对人员每年至少谈话一次（书记与支委、支委之间、支委与党员、党员之间）；三人以上一起谈话的，其中每一对都算谈过。';
  note.font = sheetFont({ size: 9 });
  note.alignment = { horizontal: 'left', vertical: 'top', wrapText: true };
  matrix.getRow(rowNumber).height = rowHeightFor(2);
  return workbookBytes(workbook);
}
