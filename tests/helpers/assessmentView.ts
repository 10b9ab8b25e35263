import type { AssessmentIndicatorView, AssessmentProposal, AssessmentStatus, AssessmentView, EvidenceRecord } from '../../src/shared/contract/assessments';
import type { PartyGroup } from '../../src/shared/contract/groups';
import type { MeetingListItem } from '../../src/shared/contract/meetings';
import { MEETING_TYPE_LABELS } from '../../src/shared/domain/meetingTypes';
import { scoreAssessment, type IndicatorAnswer, type IndicatorInput } from '../../src/shared/domain/rubricScoring';
import { SHIPPED_RUBRICS } from '../../src/main/services/assessments.source';
import type { Core } from '../../src/main/core';
import { indicatorView } from '../../src/main/services/assessmentWorkflow';
import { call } from './tempCore';

// AssessmentView fixtures for the document builders (issue 6 item 5), made the way the workflow
// will make them: the real 'assessments:propose' on a branch's records, each proposal's record ids
// turned into dated records, then the secretary's entries (answers for the manual indicators, a few
// overrides with notes, attachments) scored by the real engine.

export interface SecretaryEntry {
  answer?: IndicatorAnswer;
  finalScore?: number;
  note?: string;
  attachments?: string[];
}

/**
 * What a secretary of the demo branch enters for 2025 on 五星三强（参考模板）: the manual indicators
 * answered, the 谈心谈话 proposal raised with a note, an 8月 支委会 note, a few files attached; the
 * 台账 indicator, which the records put at 49 missing elements (no 会议内容 in the app), answered from
 * the paper minute book instead, with a note saying so.
 */
export const DEMO_SECRETARY_ENTRIES: Record<string, SecretaryEntry> = {
  'leadership-election': { answer: { kind: 'yesNo', value: true }, attachments: ['2024年支部换届选举结果的批复.pdf'] },
  'leadership-committee-meeting': { note: '8月因生产旺季，支委会议题并入9月3日支委会研究' },
  'leadership-training': { answer: { kind: 'yesNo', value: true }, attachments: ['2025年两新党组织书记示范培训班结业证书.jpg'] },
  'leadership-duties': { answer: { kind: 'grade', label: '好' } },
  'org-life-meeting': { answer: { kind: 'yesNo', value: true }, note: '12月26日召开组织生活会，整改清单6项已全部完成，纸质清单另附' },
  'members-talks': { finalScore: 3, note: '支委与党员谈心谈话多结合走访进行，约三分之二未在系统登记，纸质记录另附' },
  'members-recruit': { answer: { kind: 'grade', label: '规范' } },
  'members-dues': { answer: { kind: 'ratio', value: 1 }, note: '全年按月足额交纳，党费收缴台账另附' },
  'base-venue': { answer: { kind: 'yesNo', value: true }, attachments: ['党员活动室照片（一楼东侧）.jpg'] },
  'base-signs': { answer: { kind: 'grade', label: '齐全' } },
  'base-funds': { answer: { kind: 'yesNo', value: true } },
  'base-ledger': { answer: { kind: 'occurrences', value: 1 }, note: '会议内容记在纸质会议记录本上，未录入系统，记录本另附；纸质记录中1份党小组会记录缺记录人签名，按缺1项计' },
  'role-pioneer': { answer: { kind: 'grade', label: '较明显' } },
  'role-service': { answer: { kind: 'count', value: 5 } },
  'role-followup': { finalScore: 3, note: '议定事项多在会后落实，未在系统中登记，按基本落实计' },
  'role-satisfaction': { answer: { kind: 'ratio', value: 0.93 }, attachments: ['2025年职工群众满意度测评汇总表.xlsx'] },
  'role-honor': { answer: { kind: 'items', value: 1 }, note: '支部书记陈建华获评2025年度开发区优秀党务工作者' },
  'strong-org-standard': { answer: { kind: 'yesNo', value: true } },
  'strong-org-involvement': { answer: { kind: 'grade', label: '较好' } },
  'strong-dev-goals': { answer: { kind: 'yesNo', value: true } },
  'strong-dev-projects': { answer: { kind: 'count', value: 1 }, note: '“智能产线攻坚”项目已完成，“党员技改小组”项目延至2026年' },
  'strong-service-requests': { answer: { kind: 'ratio', value: 0.95 } },
  'strong-service-harmony': { answer: { kind: 'occurrences', value: 0 } },
};

export interface ViewOptions {
  templateId?: string;
  year?: number;
  status?: AssessmentStatus;
  submittedOn?: string | null;
  summary?: string | null;
  /** Entries by indicator id; default DEMO_SECRETARY_ENTRIES (pass {} for the bare proposal). */
  entries?: Record<string, SecretaryEntry>;
  vetoes?: Record<string, string>;
  review?: AssessmentView['review'];
}

/** 第一党小组（研发） → 第一党小组会; other types by their labels, joined with 暨. */
function typeLabel(meeting: MeetingListItem, groups: readonly PartyGroup[]): string {
  return meeting.types
    .map((type) => {
      if (type !== 'groupMeeting') return MEETING_TYPE_LABELS[type];
      const group = groups.find((candidate) => candidate.id === meeting.partyGroupId);
      return group ? `${group.name.replace(/（[^）]*）$/, '')}会` : MEETING_TYPE_LABELS.groupMeeting;
    })
    .join('暨');
}

/** The assessment view of `year` on `core`'s records, with the secretary's entries scored by the engine. */
export async function assessmentViewOf(core: Core, options: ViewOptions = {}): Promise<AssessmentView> {
  const templateId = options.templateId ?? 'wuxing-sanqiang-reference';
  const year = options.year ?? 2025;
  const status = options.status ?? 'draft';
  const entries = options.entries ?? DEMO_SECRETARY_ENTRIES;
  const template = SHIPPED_RUBRICS.find((candidate) => candidate.id === templateId);
  if (!template) throw new Error(`没有模板 ${templateId}`);
  const proposal = await call<AssessmentProposal>(core, 'assessments:propose', { templateId, year });
  const meetings = await call<MeetingListItem[]>(core, 'meetings:list', { year });
  const groups = await call<PartyGroup[]>(core, 'groups:list');
  const records = new Map<number, EvidenceRecord>(
    meetings.map((meeting) => [meeting.id, { id: meeting.id, date: meeting.heldOn, typeLabel: typeLabel(meeting, groups), topic: meeting.topic }]),
  );

  const inputs: Record<string, IndicatorInput> = {};
  for (const item of proposal.indicators) {
    const entry = entries[item.id] ?? {};
    const answer = entry.answer ?? item.answer ?? undefined;
    inputs[item.id] = { ...(answer ? { answer } : {}), ...(entry.finalScore !== undefined ? { finalScore: entry.finalScore } : {}), ...(entry.note ? { note: entry.note } : {}) };
  }
  const vetoesHit = Object.keys(options.vetoes ?? {});
  const result = scoreAssessment(template, { indicators: inputs, vetoesHit });

  // The view of each indicator is made by the workflow's own function, as 'assessments:get' makes it.
  let attachmentId = 0;
  const indicators: AssessmentIndicatorView[] = template.indicators.map((indicator) => {
    const proposed = proposal.indicators.find((candidate) => candidate.id === indicator.id)!;
    const scored = result.indicators.find((candidate) => candidate.id === indicator.id)!;
    const entry = entries[indicator.id] ?? {};
    for (const id of proposed.evidence.recordIds) if (!records.has(id)) throw new Error(`记录 ${id} 不在 ${year} 年的记录中`);
    const row = {
      proposal: { answer: proposed.answer, points: proposed.proposed, manual: proposed.manual, text: proposed.evidence.text, recordIds: proposed.evidence.recordIds },
      answer: entry.answer ?? null,
      finalScore: entry.finalScore ?? null,
      note: entry.note ?? null,
    };
    const files = (entry.attachments ?? []).map((fileName) => {
      attachmentId += 1;
      return {
        id: attachmentId,
        fileName,
        size: 200_000 + attachmentId * 1000,
        mime: fileName.endsWith('.pdf') ? 'application/pdf' : fileName.endsWith('.jpg') ? 'image/jpeg' : 'application/octet-stream',
        addedAt: `${year + 1}-01-0${Math.min(9, attachmentId)}T09:30:00.000Z`,
      };
    });
    return indicatorView(indicator, row, scored, records, files);
  });

  const now = `${year + 1}-01-10T10:00:00.000Z`;
  return {
    id: 1,
    year,
    status,
    template: {
      id: template.id,
      name: template.name,
      version: template.version,
      status: template.status,
      scope: [...template.scope],
      issuer: template.issuer,
      sourceNote: template.sourceNote,
    },
    dimensions: template.dimensions.map(({ id, name, kind, maxPoints }) => ({ id, name, kind, maxPoints })),
    levels: template.levels.map(({ id, name }) => ({ id, name })),
    indicators,
    vetoes: template.vetoes.map((veto) => ({ id: veto.id, text: veto.text, hit: vetoesHit.includes(veto.id), note: options.vetoes?.[veto.id] ?? null })),
    summary: options.summary ?? null,
    result,
    proposedAsOf: proposal.asOf,
    submittedOn: options.submittedOn ?? (status === 'draft' ? null : `${year + 1}-01-10`),
    review: options.review ?? null,
    history: [{ at: now, action: 'created', note: null }],
    createdAt: now,
    updatedAt: now,
  };
}
