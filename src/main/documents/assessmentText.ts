import type { AssessmentIndicatorView, AssessmentView, EvidenceRecord } from '../../shared/contract/assessments';
import { ASSESSMENT_STATUS_LABELS } from '../../shared/contract/assessments';
import { formatChineseDate } from '../../shared/domain/dates';
import type { DimensionResult } from '../../shared/domain/rubricScoring';
import { round2 } from '../../shared/domain/rubricScoring';
import type { ScoringType } from '../../shared/domain/rubricTemplate';
import { tightenSpaces } from './documentModel';

// Wording shared by 自评打分表.xlsx and 自评报告.docx (issue 6 item 5), so the sheet and the report
// name the template, the state of the assessment and each piece of evidence alike.

/** The branch facts the report opens with; the service reads them as of the year's end. */
export interface AssessmentBranchInfo {
  name: string;
  parentOrg: string | null;
  foundedOn: string | null;
  /** The day the counts are taken (the year's last day, or today within the year). */
  asOf: string;
  members: { total: number; full: number; probationary: number };
  groups: string[];
  /** The 支部委员会 on `asOf`, 书记 first; role is the Chinese title (书记, 组织委员…). */
  committee: { role: string; name: string }[];
}

/** The scheme's name without the template's qualifier: 五星三强（参考模板） → 五星三强. */
export function schemeName(templateName: string): string {
  return templateName.replace(/\s*[（(][^（）()]*[）)]\s*$/, '').trim() || templateName;
}

export const isDraft = (view: Pick<AssessmentView, 'status'>): boolean => view.status === 'draft';

/** 2025年度五星三强自评打分表.xlsx; a draft says so in its name, so it is not sent by mistake. */
export function assessmentFileName(view: Pick<AssessmentView, 'year' | 'status' | 'template'>, kind: 'xlsx' | 'docx'): string {
  const what = kind === 'xlsx' ? '自评打分表' : '自评报告';
  return `${view.year}年度${schemeName(view.template.name)}${what}${isDraft(view) ? '（草稿）' : ''}.${kind}`;
}

/** What state the document is printed in, e.g. “已提交（2026年1月10日）”. */
export function statusText(view: Pick<AssessmentView, 'status' | 'submittedOn' | 'review'>): string {
  if (view.status === 'draft') return '草稿：尚未提交，请勿报送';
  if (view.status === 'reviewed' && view.review) return `${ASSESSMENT_STATUS_LABELS.reviewed}（${formatChineseDate(view.review.reviewedOn)}）`;
  return `${ASSESSMENT_STATUS_LABELS.submitted}${view.submittedOn ? `（${formatChineseDate(view.submittedOn)}提交）` : ''}`;
}

/** Which rubric the scores follow; a reference template says it is not the official one. */
export function templateNotice(view: Pick<AssessmentView, 'template'>): string {
  const { template } = view;
  if (template.status === '参考') {
    return `本自评依据参考模板“${template.name}”（第${template.version}版）评分。该模板由本软件按公开资料拟定，不是上级党组织下发的官方评分细则，分值和点亮条件仅供参考，正式自评请以上级下发的评分细则为准。`;
  }
  return `本自评依据“${template.name}”（第${template.version}版${template.issuer ? `，${template.issuer}` : ''}）评分。`;
}

/** Points as printed: 7.33, 17.5, 4. */
export const pointsText = (value: number): string => String(round2(value));

/** 已点亮 / 未点亮 for a 星 or 强; a plain scored part (百分制) lights nothing. */
export function litText(dimension: Pick<DimensionResult, 'kind' | 'lit'>): string {
  if (dimension.kind === 'section') return '—';
  return dimension.lit ? '已点亮' : '未点亮';
}

/** “得分 19.33/20（96.6%），需 80%” → “得分率96.6%，需达到80%”: shorter, and it breaks across lines. */
export function percentReason(reason: string): string {
  return reason.replace(/得分 [\d.]+\/[\d.]+（([\d.]+%)），需 ([\d.]+%)/, '得分率$1，需达到$2');
}

/** ISO dates inside engine sentences (“已于 2025-12-26 召开”) in Arabic-numeral Chinese form, spaces around numbers dropped. */
export function printable(text: string): string {
  return tightenSpaces(text.replace(/ ?\b(\d{4}-\d{2}-\d{2})\b ?/g, (_, iso: string) => formatChineseDate(iso)));
}

/** 3月12日 (the year is the assessment's). */
export function monthDay(iso: string): string {
  return `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
}

/** Records grouped by their type label, in date order, keeping the order labels first appear. */
export function recordsByLabel(records: readonly EvidenceRecord[]): { label: string; records: EvidenceRecord[] }[] {
  const groups = new Map<string, EvidenceRecord[]>();
  for (const record of [...records].sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id)) {
    const list = groups.get(record.typeLabel) ?? [];
    list.push(record);
    groups.set(record.typeLabel, list);
  }
  return [...groups].map(([label, list]) => ({ label, records: list }));
}

const CRITERIA_BY_TYPE: Record<ScoringType, (max: number) => string> = {
  yesNo: (max) => `完成得${pointsText(max)}分，未完成不得分`,
  countTarget: () => '按完成次数对照目标折算',
  ratio: () => '按比例计分',
  graded: () => '分档评分',
  deduction: () => '按次扣分，扣完为止',
  bonus: (max) => `加分项，最多加${pointsText(max)}分`,
};

/** 评分标准 as the template prints it, or a plain description of the scoring type. */
export function criteriaText(indicator: Pick<AssessmentIndicatorView, 'criteria' | 'scoringType' | 'maxPoints'>): string {
  return indicator.criteria ? printable(indicator.criteria) : CRITERIA_BY_TYPE[indicator.scoringType](indicator.maxPoints);
}

/**
 * Lists at the end of a rule's sentence (“…共缺 49 项：2025-01-08 支部委员会会议缺…；…”), by rule: what
 * separates the items and what they are counted in. The app shows them in full; a document cell or
 * paragraph shows the first few and the count, the records themselves being listed elsewhere.
 */
const RULE_LISTS: Readonly<Record<string, { separator: string; unit: string }>> = {
  recordsComplete: { separator: '；', unit: '份' },
  followUpsClosed: { separator: '；', unit: '项' },
  orgLifeMeetingRectified: { separator: '；', unit: '项' },
  memberGaps: { separator: '、', unit: '人' },
};
/** Items of such a list kept before “等 N 份”. */
export const LISTED_ITEMS = 3;

/** A rule's sentence with its trailing list cut to the first `keep` items and “等N份” (N: all items). */
export function abridged(text: string, rule: string | null, keep = LISTED_ITEMS): string {
  const list = rule !== null && Object.hasOwn(RULE_LISTS, rule) ? RULE_LISTS[rule] : undefined;
  if (!list) return text;
  const prefix = text.startsWith('需手工评分：') ? '需手工评分：'.length : 0;
  const colon = text.indexOf('：', prefix);
  if (colon < 0) return text;
  const items = text.slice(colon + 1).split(list.separator);
  // One more item than kept is shorter in full than with “等N份”.
  if (items.length <= keep + 1) return text;
  return `${text.slice(0, colon + 1)}${items.slice(0, keep).join(list.separator)}等${items.length}${list.unit}`;
}

/**
 * A rule's sentence without the requests addressed to the app's user (“评定等次尚未录入，请在该记录中
 * 补录”): a report states facts; the clauses asking the secretary to enter something stay in the app.
 */
export function withoutRequests(text: string): string {
  return text
    .split(/(?<=[；。])/)
    .filter((clause) => !/(^|，)请(?!假)/.test(clause))
    .join('')
    .replace(/[；。，]+$/, '');
}

/** Whether the score printed differs from the system's proposal (an override, or an answer of the secretary's own). */
export function differsFromProposal(indicator: AssessmentIndicatorView): boolean {
  if (indicator.overridden) return true;
  return indicator.proposal.points !== null && !unscored(indicator) && indicator.points !== indicator.proposal.points;
}

/** Whether the indicator has no score at all yet (no answer, no proposal, no final score). */
export function unscored(indicator: AssessmentIndicatorView): boolean {
  return indicator.answer === null && indicator.finalScore === null && indicator.proposal.points === null && indicator.scoringType !== 'bonus';
}

/** A sentence ends with 。 (or another closing mark) once. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return /[。！？；.!?…]$/.test(trimmed) ? trimmed : `${trimmed}。`;
}
