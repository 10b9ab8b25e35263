import type { AttentionLink } from './homeAttention';
import { MEETING_TYPE_LABELS, type MeetingType } from './meetingTypes';

// The 迎检资料包's self-check: what an inspector would catch, found before anything is written.
// Pure: the service gathers the year's records, obligations, assessment and 整改 and passes them here.

export type PackageFindingKind = 'record' | 'obligation' | 'assessment' | 'rectification';

export interface PackageFinding {
  /** Unique in one check (for React keys and tests). */
  key: string;
  kind: PackageFindingKind;
  /** 'problem' needs fixing or accepting before writing; 'notice' is only said. */
  severity: 'problem' | 'notice';
  /** One Chinese sentence naming the record or obligation and what is missing. */
  message: string;
  /** Where it is fixed. */
  link: AttentionLink;
}

/** What the check needs of one record (a subset of MeetingRecord). */
export interface CheckRecord {
  id: number;
  heldOn: string;
  topic: string;
  types: readonly MeetingType[];
  recorderMemberId: number | null;
  recorderName: string | null;
  summary: string | null;
  agendaCount: number;
  decisionCount: number;
  voteCount: number;
  attendanceCount: number;
}

export interface CheckObligation {
  key: string;
  label: string;
  periodLabel: string;
  groupName: string | null;
}

export interface CheckRectification {
  id: number;
  meetingId: number;
  measure: string;
  dueOn: string | null;
  overdue: boolean;
}

export interface PackageCheckInput {
  year: number;
  records: readonly CheckRecord[];
  /** Periods of the year past their end and not done (compliance status 'overdue'). */
  overdue: readonly CheckObligation[];
  /** The year's 五星三强 self-assessment, if one was started. */
  assessment: { id: number; status: 'draft' | 'submitted' | 'reviewed' } | null;
  /** Open 整改 items of the year's 组织生活会. */
  openRectifications: readonly CheckRectification[];
}

/** “2025-03-12 支部委员会会议（学习……）” — how a finding names a record. */
export function recordTitle(record: Pick<CheckRecord, 'heldOn' | 'types' | 'topic'>): string {
  const types = record.types.map((type) => MEETING_TYPE_LABELS[type]).join('、');
  const topic = record.topic.length > 20 ? `${record.topic.slice(0, 20)}…` : record.topic;
  return `${record.heldOn} ${types}（${topic}）`;
}

/** Records of a talk only are one-to-one: no attendance list to take. */
const needsAttendance = (types: readonly MeetingType[]) => types.some((type) => type !== 'heartToHeartTalk');

export function packageFindings(input: PackageCheckInput): PackageFinding[] {
  const findings: PackageFinding[] = [];
  const recordLink = (id: number): AttentionLink => ({ path: `/meetings/${id}`, query: {} });
  const ordered = [...input.records].sort((a, b) => a.heldOn.localeCompare(b.heldOn) || a.id - b.id);
  for (const record of ordered) {
    const title = recordTitle(record);
    const add = (what: string, message: string) =>
      findings.push({ key: `record:${record.id}:${what}`, kind: 'record', severity: 'problem', message: `${title}：${message}`, link: recordLink(record.id) });
    if (record.recorderMemberId === null && !record.recorderName) add('recorder', '没有填写记录人');
    if (!record.summary && record.agendaCount === 0) add('content', '没有填写会议内容（主要内容或议题）');
    if (needsAttendance(record.types) && record.attendanceCount === 0) add('attendance', '没有登记出勤情况');
    if (record.types.includes('memberAssembly') && record.decisionCount === 0 && record.voteCount === 0) add('decisions', '支部党员大会没有决议或表决事项');
  }
  for (const obligation of input.overdue) {
    const who = obligation.groupName ? `（${obligation.groupName}）` : '';
    findings.push({
      key: `obligation:${obligation.key}`,
      kind: 'obligation',
      severity: 'problem',
      message: `${obligation.periodLabel}${obligation.label}${who}未按期完成`,
      link: { path: '/compliance', query: { year: String(input.year) } },
    });
  }
  if (!input.assessment) {
    findings.push({
      key: 'assessment:none',
      kind: 'assessment',
      severity: 'notice',
      message: `${input.year}年度还没有五星三强自评，资料包中不含自评打分表和自评报告`,
      link: { path: '/assessments', query: {} },
    });
  } else if (input.assessment.status === 'draft') {
    findings.push({
      key: `assessment:${input.assessment.id}`,
      kind: 'assessment',
      severity: 'problem',
      message: `${input.year}年度五星三强自评尚未提交（资料包中的自评打分表和自评报告将标为草稿）`,
      link: { path: `/assessments/${input.assessment.id}`, query: {} },
    });
  }
  for (const item of input.openRectifications) {
    const due = item.dueOn ? `，期限 ${item.dueOn}${item.overdue ? '，已逾期' : ''}` : '';
    findings.push({
      key: `rectification:${item.id}`,
      kind: 'rectification',
      severity: 'problem',
      message: `整改事项未完成：${item.measure}${due}`,
      link: recordLink(item.meetingId),
    });
  }
  return findings;
}

/** Findings that stop writing unless accepted. */
export const blockingFindings = (findings: readonly PackageFinding[]) => findings.filter((finding) => finding.severity === 'problem');
