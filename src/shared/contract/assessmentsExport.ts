import { assessmentExportDocxInput, assessmentExportXlsxInput, type AssessmentExportResult } from './assessments';
import { returns } from './common';

/**
 * The yearly self-assessment's two documents (issue 6 item 5): 自评打分表.xlsx (DOMAIN §8 台账
 * layout) and 自评报告.docx in the 公文 (GB/T 9704) or the unit's layout. A draft exports too, marked 草稿.
 */
export const assessmentsExportContract = {
  'assessments:exportXlsx': { input: assessmentExportXlsxInput, output: returns<AssessmentExportResult>() },
  'assessments:exportDocx': { input: assessmentExportDocxInput, output: returns<AssessmentExportResult>() },
} as const;
