import { z } from 'zod';
import { isoDate, returns } from './common';

// 报表 (issue 7, item 3): the Excel 台账 not made elsewhere — 三会一课登记台账, 民主评议汇总, 谈心谈话台账,
// 整改清单 — each print-ready (DOMAIN §8). The inspection package calls the same service functions.

const year = z.number({ error: '应为年份' }).int('应为年份').min(1921, '年份有误').max(2200, '年份有误');

export const reportYearInput = z.strictObject({ year });

/** A year, or a period of whole days (ten years fit in one sheet). */
export const meetingLedgerInput = z.union(
  [
    z.strictObject({ year }),
    z
      .strictObject({ from: isoDate, to: isoDate })
      .refine((value) => value.from <= value.to, { message: '结束日期不能早于开始日期', path: ['to'] }),
  ],
  { error: '请选择年度，或填写开始和结束日期' },
);

export interface ReportXlsxResult {
  /** 2025年度三会一课登记台账.xlsx */
  fileName: string;
  contentBase64: string;
  /** Data rows in the main sheet (one per record, member, talk or item), totals not counted. */
  rowCount: number;
}

export const reportsExcelContract = {
  'reports:meetingLedgerXlsx': { input: meetingLedgerInput, output: returns<ReportXlsxResult>() },
  'reports:democraticReviewXlsx': { input: reportYearInput, output: returns<ReportXlsxResult>() },
  'reports:talksXlsx': { input: reportYearInput, output: returns<ReportXlsxResult>() },
  'reports:rectificationsXlsx': { input: reportYearInput, output: returns<ReportXlsxResult>() },
} as const;

export const REPORTS_EXCEL_FIELD_LABELS: Record<string, string> = {
  year: '年度',
  from: '开始日期',
  to: '结束日期',
};
