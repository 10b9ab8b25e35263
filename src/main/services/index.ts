import type { ServiceContext } from './context';
import { createAttachmentsService } from './attachments.service';
import { createBranchService } from './branch.service';
import { createCommitteeService } from './committee.service';
import { createDemocraticReviewService } from './democraticReview.service';
import { createDemoService } from './demo.service';
import { createEditTrailService } from './editTrail.service';
import { createFollowUpsService } from './followUps.service';
import { createGroupsService } from './groups.service';
import { createHomeService } from './home.service';
import { createComplianceService } from './compliance.service';
import { createComplianceExportService } from './complianceExport.service';
import { createMeetingsService } from './meetings.service';
import { createMeetingTemplatesService } from './meetingTemplates.service';
import { createMinutesService } from './minutes.service';
import { createMemberEventsService } from './memberEvents.service';
import { createMemberImportService } from './memberImport.service';
import { createMembersService } from './members.service';
import { createOrgLifeService } from './orgLife.service';
import { createParticipationService } from './participation.service';
import { createRosterService } from './roster.service';
import { startRulePacksService } from './rulePacks.service';
import { createPlansService } from './plans.service';
import { createPrivacyService } from './privacy.service';
import { createSystemService } from './system.service';
import { createTalksService } from './talks.service';
import { createAssessmentsService } from './assessments.service';
import { startRubricTemplatesService } from './rubricTemplates.service';
import { assessmentBranchInfo, createAssessmentsExportService } from './assessmentsExport.service';
import { unavailableDataSafety } from './dataSafety.unavailable';
import { createDocumentPresetsService } from './documentPresets.service';
import { createReportsExcelService } from './reportsExcel.service';
import { createReportsService } from './reports.service';
import { createPackageService } from './package.service';

export type { ServiceContext } from './context';

function createCoreServices(context: ServiceContext) {
  const members = createMembersService(context);
  const meetings = createMeetingsService(context);
  const rulePacks = startRulePacksService(context);
  const compliance = createComplianceService(context, meetings, rulePacks);
  const orgLife = createOrgLifeService(context, meetings);
  const talks = createTalksService(context, meetings);
  const plans = createPlansService(context, rulePacks);
  const followUps = createFollowUpsService(context);
  const participation = createParticipationService(context, meetings);
  const democraticReview = createDemocraticReviewService(context, meetings);
  const rubricTemplates = startRubricTemplatesService(context);
  const assessments = createAssessmentsService(context, { compliance, participation, talks, orgLife, followUps, meetings, democraticReview }, rubricTemplates.catalog());
  return {
    system: createSystemService(context),
    branch: createBranchService(context),
    demo: createDemoService(context),
    groups: createGroupsService(context),
    home: createHomeService(context, members, { compliance, orgLife, talks, plans }),
    members,
    roster: createRosterService(context, members),
    memberEvents: createMemberEventsService(context),
    memberImport: createMemberImportService(context),
    committee: createCommitteeService(context),
    meetings,
    minutes: createMinutesService(context, meetings),
    attachments: createAttachmentsService(context),
    followUps,
    meetingTemplates: createMeetingTemplatesService(context),
    compliance,
    complianceExport: createComplianceExportService(context, compliance, meetings),
    rulePacks,
    plans,
    orgLife,
    democraticReview,
    talks,
    participation,
    editTrail: createEditTrailService(context),
    assessments,
    rubricTemplates,
    assessmentsExport: createAssessmentsExportService(context, { getView: (id) => assessments.get({ id }), branchInfo: assessmentBranchInfo(context, members) }),
    dataSafety: context.dataSafety ?? unavailableDataSafety(),
    privacy: context.privacy ?? createPrivacyService(context),
    documentPresets: createDocumentPresetsService(context),
    reports: createReportsService(context, { meetings, compliance, participation, talks, orgLife, followUps, democraticReview, members, assessments }),
    reportsExcel: createReportsExcelService(context, { meetings, talks, orgLife, democraticReview }),
  };
}

/** The services the 迎检资料包 builds from (everything but itself). */
export type CoreServices = ReturnType<typeof createCoreServices>;

export function createServices(context: ServiceContext) {
  const core = createCoreServices(context);
  return { ...core, package: createPackageService(context, core) };
}

export type Services = ReturnType<typeof createServices>;
