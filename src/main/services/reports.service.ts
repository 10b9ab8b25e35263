import type { z } from 'zod';
import { ASSESSMENT_STATUS_LABELS } from '../../shared/contract/assessments';
import { AppError } from '../../shared/contract/errors';
import type { MeetingRecord } from '../../shared/contract/meetings';
import {
  summarySectionsSchema,
  type democraticReviewDocxInput,
  type minutesBookInput,
  type orgLifeDocxInput,
  type ReportDocument,
  type summaryDraftInput,
  type summaryExportInput,
  type summarySaveInput,
  type YearSummaryDraft,
} from '../../shared/contract/reports';
import { formatChineseDate, todayIso } from '../../shared/domain/dates';
import type { DocumentPreset } from '../../shared/domain/documentPresets';
import { MEETING_TYPES, MEETING_TYPE_LABELS } from '../../shared/domain/meetingTypes';
import { draftSections, type YearSummaryFacts, type YearSummarySection } from '../../shared/domain/yearSummary';
import type { DocumentModel } from '../documents/documentModel';
import { minutesModel } from '../documents/minutes.model';
import { renderDocx, renderDocxBook } from '../documents/renderDocx';
import {
  democraticReviewFileName,
  democraticReviewModel,
  minutesBook,
  minutesBookFileName,
  orgLifeFileName,
  orgLifeModel,
  periodText,
  yearSummaryModel,
  yearSummaryTitle,
} from '../documents/reports.model';
import type { AssessmentsService } from './assessments.service';
import type { ComplianceService } from './compliance.service';
import type { ServiceContext } from './context';
import type { DemocraticReviewService } from './democraticReview.service';
import { branchPreset } from './documentPresets.service';
import type { FollowUpsService } from './followUps.service';
import type { MeetingsService } from './meetings.service';
import type { MembersService } from './members.service';
import type { OrgLifeService } from './orgLife.service';
import type { ParticipationService } from './participation.service';
import type { TalksService } from './talks.service';

// Word reports for submission (issue 7 item 2). Each document is one `build…` function of (the
// services it reads, its input) → ReportDocument, so the inspection package calls the same code the
// single exports do. Every builder lays out with the branch's adjusted preset (设置 → 文书格式).
// A period or year with nothing to report is a NOT_FOUND with a sentence saying what to do, never
// an empty document.

export interface ReportSources {
  meetings: MeetingsService;
  compliance: ComplianceService;
  participation: ParticipationService;
  talks: TalksService;
  orgLife: OrgLifeService;
  followUps: FollowUpsService;
  democraticReview: DemocraticReviewService;
  members: MembersService;
  assessments: Pick<AssessmentsService, 'list'>;
}

export interface ReportsContext {
  context: ServiceContext;
  sources: ReportSources;
}

type MinutesBookInput = z.output<typeof minutesBookInput>;
type SummaryDraftInput = z.output<typeof summaryDraftInput>;
type SummarySaveInput = z.output<typeof summarySaveInput>;
type SummaryExportInput = z.output<typeof summaryExportInput>;
type OrgLifeDocxInput = z.output<typeof orgLifeDocxInput>;
type DemocraticReviewDocxInput = z.output<typeof democraticReviewDocxInput>;

function branchName({ context }: ReportsContext): string {
  const branch = context.store.branch.get();
  if (!branch) throw new AppError('NOT_FOUND', '还没有建立支部，不能导出文档。请先填写支部信息。');
  return branch.name;
}

async function render(reports: ReportsContext, model: DocumentModel, preset: DocumentPreset, fileName: string, pageHint?: string): Promise<ReportDocument> {
  const layout = branchPreset(reports.context, preset);
  const bytes = await renderDocx(model, layout.preset);
  return { fileName, contentBase64: bytes.toString('base64'), fontNotes: layout.fontNotes, ...(pageHint ? { pageHint } : {}) };
}

// ---- 会议记录 of a period ------------------------------------------------------------------------

/** The records held in [from, to] counting for one of `types` (all when none), oldest first. */
export function recordsOfPeriod({ sources }: ReportsContext, from: string, to: string, types?: readonly string[]): MeetingRecord[] {
  const years = new Set<number>();
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year += 1) years.add(year);
  const wanted = types && types.length > 0 ? new Set(types) : null;
  return [...years]
    .flatMap((year) => sources.meetings.list({ year }))
    .filter((item) => item.heldOn >= from && item.heldOn <= to && (!wanted || item.types.some((type) => wanted.has(type))))
    .sort((a, b) => a.heldOn.localeCompare(b.heldOn) || a.id - b.id)
    .map((item) => sources.meetings.get({ id: item.id }));
}

export async function buildMinutesBookDocx(reports: ReportsContext, { from, to, types, mode, preset }: MinutesBookInput): Promise<ReportDocument> {
  const name = branchName(reports);
  const records = recordsOfPeriod(reports, from, to, types);
  if (records.length === 0) {
    const which = types && types.length > 0 ? `类型为${MEETING_TYPES.filter((type) => types.includes(type)).map((type) => MEETING_TYPE_LABELS[type]).join('、')}的` : '';
    throw new AppError('NOT_FOUND', `${periodText(from, to)}没有${which}会议记录，未生成文件。请调整日期范围或会议类型。`);
  }
  const { store } = reports.context;
  const groupName = (id: number | null) => (id !== null ? (store.groups.get(id)?.name ?? null) : null);
  const parts = records.map((record) => minutesModel(record, { branchName: name, groupName: groupName(record.partyGroupId) }));
  const bound = mode === 'bound';
  const book = minutesBook(records, parts, { branchName: name, from, to, printedOn: todayIso(reports.context.clock()), groupName }, bound);
  const layout = branchPreset(reports.context, preset);
  const bytes = await renderDocxBook(book, layout.preset);
  return { fileName: minutesBookFileName(from, to, bound), contentBase64: bytes.toString('base64'), fontNotes: layout.fontNotes, pageHint: `${records.length}份记录` };
}

// ---- 年度工作总结 --------------------------------------------------------------------------------

/** The year's facts from the services (the same numbers 落实情况 and 参加组织生活情况 show). */
export function yearSummaryFacts(reports: ReportsContext, year: number): YearSummaryFacts {
  const { sources, context } = reports;
  const list = sources.meetings.list({ year });
  if (list.length === 0) {
    throw new AppError('NOT_FOUND', `${year}年没有任何组织生活记录，无法生成年度工作总结。请先录入该年度的会议记录，或选择其他年度。`);
  }
  const ascending = [...list].sort((a, b) => a.heldOn.localeCompare(b.heldOn) || a.id - b.id);
  const byType = MEETING_TYPES.map((type) => {
    const dates = ascending.filter((item) => item.types.includes(type)).map((item) => item.heldOn);
    return { type, count: dates.length, dates };
  });
  const topics = (type: 'partyLecture' | 'themedPartyDay') => ascending.filter((item) => item.types.includes(type)).map((item) => ({ heldOn: item.heldOn, topic: item.topic }));

  const participation = sources.participation.year({ year });
  const current = participation.rows.filter((row) => row.belongs);
  const compliance = sources.compliance.year({ year }).summary;

  const names = new Map(sources.members.list({ scope: 'all' }).map((member) => [member.id, member.name]));
  const admitted: YearSummaryFacts['admitted'] = [];
  const confirmed: YearSummaryFacts['confirmed'] = [];
  for (const [memberId, events] of context.store.memberEvents.byMember()) {
    for (const event of events) {
      if (!event.occurredOn.startsWith(`${year}-`)) continue;
      const entry = { name: names.get(memberId) ?? '', on: event.occurredOn };
      if (event.kind === 'admitted') admitted.push(entry);
      if (event.kind === 'confirmed') confirmed.push(entry);
    }
  }
  const byDate = (a: { on: string; name: string }, b: { on: string; name: string }) => a.on.localeCompare(b.on) || a.name.localeCompare(b.name, 'zh');
  admitted.sort(byDate);
  confirmed.sort(byDate);

  const decided = sources.followUps.list(undefined).filter((item) => item.meeting.heldOn.startsWith(`${year}-`));
  const rectifications = sources.orgLife.rectifications({ year });

  const reviewMeeting = ascending.filter((item) => item.types.includes('democraticReview')).at(-1);
  const review = reviewMeeting ? sources.democraticReview.get({ meetingId: reviewMeeting.id }) : null;

  const talks = sources.talks.coverage({ year });
  const assessment = sources.assessments
    .list()
    .filter((item) => item.year === year)
    .sort((a, b) => Number(a.status !== 'draft') - Number(b.status !== 'draft') || a.updatedAt.localeCompare(b.updatedAt))
    .at(-1);

  return {
    year,
    records: list.length,
    byType,
    lectures: topics('partyLecture'),
    themedDays: topics('themedPartyDay'),
    members: { full: current.filter((row) => row.category === 'full').length, probationary: current.filter((row) => row.category === 'probationary').length },
    compliance: { done: compliance.done, total: compliance.total, overdue: compliance.overdue },
    attendance: { expected: participation.totals.expected, present: participation.totals.present, rate: participation.totals.rate },
    admitted,
    confirmed,
    followUps: {
      decided: decided.length,
      closed: decided.filter((item) => item.status === 'closed').length,
      open: decided.filter((item) => item.status !== 'closed').length,
      overdue: decided.filter((item) => item.status === 'overdue').length,
    },
    rectifications: {
      total: rectifications.length,
      done: rectifications.filter((item) => item.status === 'done').length,
      overdue: rectifications.filter((item) => item.overdue).length,
    },
    review:
      review && review.version > 0
        ? {
            heldOn: review.heldOn,
            graded: review.counts.graded,
            excellent: review.counts.excellent,
            qualified: review.counts.qualified,
            basicallyQualified: review.counts.basicallyQualified,
            unqualified: review.counts.unqualified,
          }
        : null,
    talks: { records: talks.talks, sentence: talks.sentence },
    assessment: assessment
      ? { templateName: assessment.templateName, totalPoints: assessment.totalPoints, maxPoints: assessment.maxPoints, level: assessment.level, status: ASSESSMENT_STATUS_LABELS[assessment.status] }
      : null,
  };
}

const summaryKey = (year: number) => `yearSummary:${year}`;

/** The saved edits of a year, or null (none, or no longer readable). */
function savedSummary({ context }: ReportsContext, year: number): { sections: YearSummarySection[]; savedAt: string } | null {
  const row = context.store.branchSettings.get(summaryKey(year));
  if (!row) return null;
  try {
    const parsed = summarySectionsSchema.safeParse((JSON.parse(row.json) as { sections?: unknown }).sections);
    return parsed.success ? { sections: parsed.data, savedAt: row.updatedAt } : null;
  } catch {
    return null;
  }
}

export function buildYearSummaryDraft(reports: ReportsContext, { year, regenerate }: SummaryDraftInput): YearSummaryDraft {
  const name = branchName(reports);
  const facts = yearSummaryFacts(reports, year);
  const saved = regenerate ? null : savedSummary(reports, year);
  return { year, branchName: name, title: yearSummaryTitle(year), sections: saved?.sections ?? draftSections(facts, name), facts, savedAt: saved?.savedAt ?? null };
}

export function saveYearSummary({ context }: ReportsContext, { year, sections }: SummarySaveInput): { savedAt: string } {
  const now = context.clock().toISOString();
  context.store.transaction(() => context.store.branchSettings.put(summaryKey(year), JSON.stringify({ sections }), now));
  return { savedAt: now };
}

export async function buildYearSummaryDocx(reports: ReportsContext, { year, sections, preset }: SummaryExportInput): Promise<ReportDocument> {
  const name = branchName(reports);
  if (!sections.some((section) => section.paragraphs.some((text) => text.trim() !== ''))) {
    throw new AppError('VALIDATION', '总结内容：各部分都没有文字，未生成文件。请先填写或重新生成草稿。', [{ path: 'sections', label: '总结内容', message: '各部分都没有文字，请先填写或重新生成草稿' }]);
  }
  const model = yearSummaryModel(sections, { branchName: name, year, date: todayIso(reports.context.clock()) });
  return render(reports, model, preset, `${yearSummaryTitle(year)}.docx`, `${model.sections.length}个部分`);
}

// ---- 组织生活会 materials and 民主评议 results ------------------------------------------------------

export async function buildOrgLifeDocx(reports: ReportsContext, { meetingId, preset }: OrgLifeDocxInput): Promise<ReportDocument> {
  const name = branchName(reports);
  const material = reports.sources.orgLife.get({ meetingId });
  if (material.version === 0 && !material.plan && material.problems.length === 0 && material.rectifications.length === 0) {
    throw new AppError('NOT_FOUND', `${formatChineseDate(material.heldOn)}的组织生活会还没有填写材料（方案、问题清单、整改清单），未生成文件。请先在会议记录的“组织生活会材料”中填写。`);
  }
  const names = new Map(reports.sources.members.list({ scope: 'all' }).map((member) => [member.id, member.name]));
  const model = orgLifeModel(material, { branchName: name, ownerName: (id) => names.get(id) ?? null });
  return render(reports, model, preset, orgLifeFileName(material), '4个部分');
}

export async function buildDemocraticReviewDocx(reports: ReportsContext, { meetingId, year, preset }: DemocraticReviewDocxInput): Promise<ReportDocument> {
  const name = branchName(reports);
  let id = meetingId;
  if (id === undefined) {
    const found = reports.sources.meetings
      .list({ year, type: 'democraticReview' })
      .sort((a, b) => a.heldOn.localeCompare(b.heldOn))
      .at(-1);
    if (!found) throw new AppError('NOT_FOUND', `${year}年没有民主评议党员的会议记录，未生成文件。请先录入民主评议会议并评定等次。`);
    id = found.id;
  }
  const review = reports.sources.democraticReview.get({ meetingId: id });
  if (review.version === 0) {
    throw new AppError('NOT_FOUND', `${formatChineseDate(review.heldOn)}的民主评议还没有评定等次，未生成文件。请先在会议记录中评定等次并保存。`);
  }
  return render(reports, democraticReviewModel(review, { branchName: name }), preset, democraticReviewFileName(review), `${review.rows.length}名党员`);
}

export function createReportsService(context: ServiceContext, sources: ReportSources) {
  const reports: ReportsContext = { context, sources };
  return {
    minutesBook: (input: MinutesBookInput) => buildMinutesBookDocx(reports, input),
    summaryDraft: (input: SummaryDraftInput) => buildYearSummaryDraft(reports, input),
    summarySave: (input: SummarySaveInput) => saveYearSummary(reports, input),
    summaryExport: (input: SummaryExportInput) => buildYearSummaryDocx(reports, input),
    orgLifeDocx: (input: OrgLifeDocxInput) => buildOrgLifeDocx(reports, input),
    democraticReviewDocx: (input: DemocraticReviewDocxInput) => buildDemocraticReviewDocx(reports, input),
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
