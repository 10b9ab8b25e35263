import { PRINTED_LEGEND, printedCellText, requirementWithWindow, rowLabel, skippedText, summaryText, yearSummaryText, type ComplianceMatrix } from '../../shared/domain/complianceMatrix';
import { formatChineseDate } from '../../shared/domain/dates';
import { COMPLIANCE_HEADERS } from './complianceMatrix.xlsx';
import { tightenSpaces, type DocumentModel } from './documentModel';

// 年度落实情况表 as a printable Word table (no images, no colour needed): the same rows, cells and
// words as the Excel sheet, a quarterly / yearly period merged across its months. Laid out on A4
// landscape (presets.landscapeTable) so the twelve months fit one page wide.

export interface ComplianceMatrixDocContext {
  branchName: string;
  packName: string;
}

/** Relative column widths: 项目, 要求, twelve months, 完成/应完成. */
const WIDTHS = [20, 16, ...Array.from({ length: 12 }, () => 8), 8];

export function complianceMatrixModel(matrix: ComplianceMatrix, context: ComplianceMatrixDocContext): DocumentModel {
  const rows = matrix.rows.map((row) =>
    [rowLabel(row, '\n'), requirementWithWindow(row, '\n'), ...row.cells.map((cell) => printedCellText(cell)), summaryText(row.summary)].map(tightenSpaces),
  );
  const spans = matrix.rows.map((row) => [1, 1, ...row.cells.map((cell) => cell.span), 1]);
  return {
    title: [context.branchName, `${matrix.year}年度组织生活落实情况表`],
    metaRows: [],
    notes: [{ text: `统计截至${formatChineseDate(matrix.asOf)}，按“${context.packName}”规则。` }],
    sections: [
      {
        blocks: [
          {
            kind: 'table',
            widths: WIDTHS,
            header: [...COMPLIANCE_HEADERS],
            rows: [...rows, ['合计', tightenSpaces(yearSummaryText(matrix)), summaryText(matrix.summary)]],
            spans: [...spans, [1, 13, 1]],
            centredColumns: Array.from({ length: 13 }, (_, index) => index + 2),
            rowHeight: 20,
          },
          { kind: 'paragraph', text: tightenSpaces(PRINTED_LEGEND) },
          ...matrix.skipped.map((rule) => ({ kind: 'paragraph' as const, text: tightenSpaces(skippedText(rule)) })),
        ],
      },
    ],
    signatures: ['填表人：__________    支部书记：__________'],
  };
}

/** 2025年度落实情况表.docx / .xlsx */
export function complianceMatrixFileName(year: number, extension: 'docx' | 'xlsx'): string {
  return `${year}年度落实情况表.${extension}`;
}
