import type { MemberCategory } from '../../shared/domain/member';
import { MEMBER_CATEGORY_LABELS } from '../../shared/domain/member';
import { REVIEW_GRADE_LABELS, REVIEW_GRADES, type ReviewGrade } from '../../shared/domain/democraticReview';
import { maxExcellent } from '../../shared/domain/quorum';
import {
  addLedgerSheet,
  headerTitles,
  newWorkbook,
  rowHeightFor,
  workbookBytes,
  writeBodyCell,
  writeBodyRows,
  writeHeader,
  writeNoteRow,
  writeSubtitle,
  writeTitle,
  estimateLines,
  type LedgerColumn,
} from './xlsxSheet';

// 民主评议汇总 (DOMAIN §6, §8): one row per member on the review's roster — the grade of each 正式党员,
// 预备党员 listed without one (and why) — then the counts per grade and the check that 优秀 stays
// within a third of those graded. Several reviews in a year each get their own block. Pure.

export const REVIEW_SHEET_NAME = '民主评议汇总';
export const REVIEW_TITLE_ROWS = 3;

export interface ReviewSheetRow {
  name: string;
  category: MemberCategory;
  grade: ReviewGrade | null;
  /** 处置意见 (基本合格, 不合格). */
  note: string | null;
  /** Why no grade: 预备党员…, 经批准不计入应到…; null for a 正式党员. */
  notGradedReason: string | null;
}

export interface ReviewSheetBlock {
  heldOn: string;
  topic: string;
  rows: readonly ReviewSheetRow[];
}

export interface ReviewSheetInput {
  branchName: string;
  year: number;
  subtitle: string;
  reviews: readonly ReviewSheetBlock[];
  createdAt?: Date;
}

type Numbered = ReviewSheetRow & { serial: number };

const COLUMNS: LedgerColumn<Numbered>[] = [
  { header: '序号', width: 5, align: 'center', value: (row) => row.serial },
  { header: '姓名', width: 10, align: 'center', value: (row) => row.name },
  { header: '党员类别', width: 9, align: 'center', value: (row) => MEMBER_CATEGORY_LABELS[row.category] },
  ...REVIEW_GRADES.map(
    (grade): LedgerColumn<Numbered> => ({ header: REVIEW_GRADE_LABELS[grade], width: 8, align: 'center', value: (row) => (row.grade === grade ? '✓' : null) }),
  ),
  {
    header: '评定等次',
    width: 11,
    align: 'center',
    value: (row) => (row.grade ? REVIEW_GRADE_LABELS[row.grade] : row.notGradedReason ? '不评定等次' : '尚未评定'),
  },
  { header: '处置意见及备注', width: 47, align: 'left', value: (row) => [row.note, row.notGradedReason].filter(Boolean).join('；') },
];
const WIDTHS = COLUMNS.map((column) => column.width);
const LAST = COLUMNS.length;

export const REVIEW_HEADERS: readonly string[] = headerTitles(COLUMNS);

export interface ReviewCounts {
  graded: number;
  perGrade: Record<ReviewGrade, number>;
  /** 正式党员 without a grade yet. */
  ungraded: number;
  notGraded: number;
  /** floor(graded / 3). */
  cap: number;
}

export function reviewCounts(rows: readonly ReviewSheetRow[]): ReviewCounts {
  const perGrade = Object.fromEntries(REVIEW_GRADES.map((grade) => [grade, rows.filter((row) => row.grade === grade).length])) as Record<ReviewGrade, number>;
  const graded = rows.filter((row) => row.grade !== null).length;
  return {
    graded,
    perGrade,
    ungraded: rows.filter((row) => row.grade === null && row.notGradedReason === null).length,
    notGraded: rows.filter((row) => row.notGradedReason !== null).length,
    cap: maxExcellent(graded),
  };
}

/** “优秀 3 名，占评定人数的 21.4%，未超过三分之一（上限 4 名）” — or how far over. */
export function excellentCheckText(counts: ReviewCounts): string {
  const excellent = counts.perGrade.excellent;
  if (counts.graded === 0) return '尚未评定等次';
  const share = `${((excellent / counts.graded) * 100).toFixed(1)}%`;
  return excellent <= counts.cap
    ? `优秀 ${excellent} 名，占评定人数的 ${share}，未超过三分之一（上限 ${counts.cap} 名），符合规定`
    : `优秀 ${excellent} 名，占评定人数的 ${share}，超过三分之一（上限 ${counts.cap} 名），请核对`;
}

export async function buildDemocraticReviewWorkbook(input: ReviewSheetInput): Promise<Buffer> {
  const workbook = newWorkbook(input.createdAt ?? new Date());
  const sheet = addLedgerSheet(workbook, REVIEW_SHEET_NAME, { widths: WIDTHS, titleRows: REVIEW_TITLE_ROWS, frozenColumns: 2 });
  writeTitle(sheet, `${input.branchName}${input.year}年度民主评议党员结果汇总表`, LAST);
  writeSubtitle(sheet, input.subtitle, '等次：优秀、合格、基本合格、不合格', LAST - 1, LAST);
  writeHeader(sheet, REVIEW_TITLE_ROWS, COLUMNS.map((column) => column.header), WIDTHS);

  let rowNumber = REVIEW_TITLE_ROWS + 1;
  const span = (text: string, bold = false) => {
    sheet.mergeCells(rowNumber, 1, rowNumber, LAST);
    writeBodyCell(sheet.getCell(rowNumber, 1), text, 'left', bold ? { bold: true } : {});
    sheet.getRow(rowNumber).height = rowHeightFor(estimateLines(text, WIDTHS.reduce((a, b) => a + b, 0)));
    rowNumber += 1;
  };
  for (const review of input.reviews) {
    if (input.reviews.length > 1) span(`${review.heldOn} ${review.topic}`, true);
    rowNumber = writeBodyRows(sheet, rowNumber, COLUMNS, review.rows.map((row, index) => ({ ...row, serial: index + 1 })));

    // Counts under the grade columns, then the 优秀 check and who is not graded.
    const counts = reviewCounts(review.rows);
    const row = sheet.getRow(rowNumber);
    // Borders on every cell first: a merged range keeps the borders of its own cells.
    for (let column = 1; column <= 3; column += 1) writeBodyCell(row.getCell(column), null, 'center');
    sheet.mergeCells(rowNumber, 1, rowNumber, 3);
    writeBodyCell(row.getCell(1), '人数合计', 'center', { bold: true });
    REVIEW_GRADES.forEach((grade, index) => writeBodyCell(row.getCell(4 + index), counts.perGrade[grade], 'center', { bold: true }));
    writeBodyCell(row.getCell(8), counts.graded, 'center', { bold: true });
    const rest = [`评定 ${counts.graded} 名`, counts.ungraded ? `尚未评定 ${counts.ungraded} 名` : '', counts.notGraded ? `不评定等次 ${counts.notGraded} 名` : ''].filter(Boolean).join('，');
    writeBodyCell(row.getCell(9), rest, 'left', { bold: true });
    row.height = rowHeightFor(1);
    rowNumber += 1;
    const check = excellentCheckText(counts);
    const over = counts.perGrade.excellent > counts.cap && counts.graded > 0;
    sheet.mergeCells(rowNumber, 1, rowNumber, LAST);
    writeBodyCell(sheet.getCell(rowNumber, 1), `优秀比例核对：${check}`, 'left', over ? { bold: true, color: { argb: 'FFC00000' } } : { bold: true });
    sheet.getRow(rowNumber).height = rowHeightFor(1);
    rowNumber += 1;
  }
  writeNoteRow(
    sheet,
    rowNumber,
    '说明：参加评定的是评议当日在册的正式党员；优秀不超过参加评定的正式党员的三分之一。预备党员参加评议，但不评定等次（是否转正由预备期满时的转正程序决定）；经批准不计入应到的党员不参加评定。评为基本合格、不合格的，须写明处置意见。',
    WIDTHS,
  );
  return workbookBytes(workbook);
}
