import { z } from 'zod';
import { DOCUMENT_PRESETS } from '../domain/documentPresets';
import { returns } from './common';
import { complianceYearInput } from './compliance';

/** 年度落实情况表 of one year as Excel (DOMAIN §8 台账 layout). */
export const complianceExportXlsxInput = complianceYearInput;

/** The same table as a printable Word document (A4 landscape), in the 公文 or the unit's layout. */
export const complianceExportDocxInput = z.strictObject({
  year: complianceYearInput.shape.year,
  preset: z.enum(DOCUMENT_PRESETS, { error: '请选择版式' }).default('gbt9704'),
});

export interface ComplianceExportResult {
  /** 2025年度落实情况表.xlsx */
  fileName: string;
  contentBase64: string;
  /** Fonts this PC lacks and what the Word file names instead (desktop only), in Chinese; empty for Excel. */
  fontNotes: string[];
}

export const complianceExportContract = {
  'compliance:exportXlsx': { input: complianceExportXlsxInput, output: returns<ComplianceExportResult>() },
  'compliance:exportDocx': { input: complianceExportDocxInput, output: returns<ComplianceExportResult>() },
} as const;
