import type { z } from 'zod';
import { AppError } from '../../shared/contract/errors';
import type { ComplianceExportResult, complianceExportDocxInput, complianceExportXlsxInput } from '../../shared/contract/complianceExport';
import { buildComplianceMatrix, type ComplianceMatrix } from '../../shared/domain/complianceMatrix';
import { complianceMatrixFileName, complianceMatrixModel } from '../documents/complianceMatrix.model';
import { buildComplianceMatrixXlsx } from '../documents/complianceMatrix.xlsx';
import { landscapeTable } from '../documents/presets';
import { renderDocx } from '../documents/renderDocx';
import type { ComplianceService } from './compliance.service';
import type { ServiceContext } from './context';
import { branchPreset } from './documentPresets.service';
import type { MeetingsService } from './meetings.service';

type XlsxInput = z.output<typeof complianceExportXlsxInput>;
type DocxInput = z.output<typeof complianceExportDocxInput>;

/** 年度落实情况表 (issue 5): the compliance report of a year with its records' dates, as Excel and Word. */
export function createComplianceExportService(context: ServiceContext, compliance: ComplianceService, meetings: MeetingsService) {
  const { store, clock } = context;
  function prepared(year: number): { branchName: string; packName: string; matrix: ComplianceMatrix } {
    const branch = store.branch.get();
    if (!branch) throw new AppError('NOT_FOUND', '还没有建立支部，不能导出落实情况表。请先填写支部信息。');
    const report = compliance.year({ year });
    const records = meetings.list({ year }).map(({ id, heldOn, topic }) => ({ id, heldOn, topic }));
    return { branchName: branch.name, packName: compliance.effectivePack().name, matrix: buildComplianceMatrix(report, records) };
  }

  return {
    async exportXlsx({ year }: XlsxInput): Promise<ComplianceExportResult> {
      const bytes = await buildComplianceMatrixXlsx({ ...prepared(year), createdAt: clock() });
      return { fileName: complianceMatrixFileName(year, 'xlsx'), contentBase64: bytes.toString('base64'), fontNotes: [] };
    },

    async exportDocx({ year, preset }: DocxInput): Promise<ComplianceExportResult> {
      const { branchName, packName, matrix } = prepared(year);
      const layout = branchPreset(context, preset, landscapeTable);
      const bytes = await renderDocx(complianceMatrixModel(matrix, { branchName, packName }), layout.preset);
      return { fileName: complianceMatrixFileName(year, 'docx'), contentBase64: bytes.toString('base64'), fontNotes: layout.fontNotes };
    },
  };
}

export type ComplianceExportService = ReturnType<typeof createComplianceExportService>;
