import type { z } from 'zod';
import type { AssessmentExportResult, AssessmentView, assessmentExportDocxInput, assessmentExportXlsxInput } from '../../shared/contract/assessments';
import { AppError } from '../../shared/contract/errors';
import { COMMITTEE_ROLE_LABELS, COMMITTEE_ROLES } from '../../shared/domain/branch';
import { todayIso } from '../../shared/domain/dates';
import { assessmentReportModel } from '../documents/assessmentReport.model';
import { buildAssessmentXlsx } from '../documents/assessmentSheet';
import { assessmentFileName, type AssessmentBranchInfo } from '../documents/assessmentText';
import { renderDocx } from '../documents/renderDocx';
import type { ServiceContext } from './context';
import { branchPreset } from './documentPresets.service';
import type { MembersService } from './members.service';

type XlsxInput = z.output<typeof assessmentExportXlsxInput>;
type DocxInput = z.output<typeof assessmentExportDocxInput>;

export interface AssessmentsExportDeps {
  /** The assessment as 'assessments:get' returns it; throws NOT_FOUND for an unknown id. */
  getView(id: number): AssessmentView | Promise<AssessmentView>;
  /** The branch's facts on a day (members, groups, committee); throws NOT_FOUND without a branch. */
  branchInfo(asOf: string): AssessmentBranchInfo;
}

/** The branch's facts on `asOf` for the report's 一、支部基本情况, read from the store. */
export function assessmentBranchInfo({ store }: ServiceContext, members: MembersService): (asOf: string) => AssessmentBranchInfo {
  return (asOf) => {
    const branch = store.branch.get();
    if (!branch) throw new AppError('NOT_FOUND', '还没有建立支部，不能导出自评材料。请先填写支部信息。');
    const term = store.branch.termOn(asOf);
    const seats = term ? store.committee.seatsOn(term.id, asOf) : [];
    const groups = store.groups
      .list()
      .filter((group) => (!group.foundedOn || group.foundedOn <= asOf) && (!group.dissolvedOn || group.dissolvedOn > asOf))
      .map((group) => group.name);
    return {
      name: branch.name,
      parentOrg: branch.parentOrg,
      foundedOn: branch.foundedOn,
      asOf,
      members: members.counts(asOf),
      groups,
      committee: [...seats]
        .sort((a, b) => COMMITTEE_ROLES.indexOf(a.role) - COMMITTEE_ROLES.indexOf(b.role))
        .map((seat) => ({ role: COMMITTEE_ROLE_LABELS[seat.role], name: seat.memberName })),
    };
  };
}

/** 自评打分表.xlsx and 自评报告.docx of one yearly assessment (issue 6 item 5). */
export function createAssessmentsExportService(context: ServiceContext, deps: AssessmentsExportDeps) {
  const { clock } = context;
  /** The year's facts as of its last day, or today while the year is still running. */
  function asOfFor(view: AssessmentView): string {
    const today = todayIso(clock());
    const yearEnd = `${view.year}-12-31`;
    return today < yearEnd ? today : yearEnd;
  }

  return {
    async exportXlsx({ id }: XlsxInput): Promise<AssessmentExportResult> {
      const view = await deps.getView(id);
      const branch = deps.branchInfo(asOfFor(view));
      const bytes = await buildAssessmentXlsx({ branchName: branch.name, view, createdAt: clock() });
      return { fileName: assessmentFileName(view, 'xlsx'), contentBase64: bytes.toString('base64'), fontNotes: [] };
    },

    async exportDocx({ id, preset }: DocxInput): Promise<AssessmentExportResult> {
      const view = await deps.getView(id);
      const branch = deps.branchInfo(asOfFor(view));
      const date = view.status !== 'draft' && view.submittedOn ? view.submittedOn : todayIso(clock());
      const layout = branchPreset(context, preset);
      const bytes = await renderDocx(assessmentReportModel({ view, branch, date }), layout.preset);
      return { fileName: assessmentFileName(view, 'docx'), contentBase64: bytes.toString('base64'), fontNotes: layout.fontNotes };
    },
  };
}

export type AssessmentsExportService = ReturnType<typeof createAssessmentsExportService>;
