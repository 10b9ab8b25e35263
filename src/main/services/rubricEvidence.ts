import { AppError } from '../../shared/contract/errors';
import type { ComplianceReport, PeriodCompliance, RuleCompliance } from '../../shared/domain/compliance';
import { MEETING_TYPES, MEETING_TYPE_LABELS, type MeetingType } from '../../shared/domain/meetingTypes';
import type { IndicatorAnswer } from '../../shared/domain/rubricScoring';
import type { AutoRule, Scoring } from '../../shared/domain/rubricTemplate';
import type { IndicatorEvidence } from '../../shared/contract/assessments';
import type { ComplianceService } from './compliance.service';
import type { FollowUpsService } from './followUps.service';
import type { MeetingsService } from './meetings.service';
import type { OrgLifeService } from './orgLife.service';
import type { ParticipationService } from './participation.service';
import type { TalksService } from './talks.service';

// Automatic evidence rules (issue 6 item 2): each rule named in a template's `auto` reads the year's
// records through the services and states a fact (met / a count / a ratio / a number of problems)
// with the records behind it. The fact becomes the answer the indicator's scoring type asks for;
// a fact that does not fit that type, an unknown rule or data the app does not hold is 需手工评分.

export interface EvidenceSources {
  compliance: ComplianceService;
  participation: ParticipationService;
  talks: TalksService;
  orgLife: OrgLifeService;
  followUps: FollowUpsService;
  meetings: MeetingsService;
}

/** What a rule found. Any of the measures may be given; the scoring type picks the one it needs. */
export interface RuleFact {
  met?: boolean;
  count?: number;
  ratio?: number;
  occurrences?: number;
  evidence: IndicatorEvidence;
}

export interface EvidenceProposal {
  answer: IndicatorAnswer | null;
  evidence: IndicatorEvidence;
}

/** Per-year caches so that one proposal asks each service once. */
export interface RuleContext {
  year: number;
  scoring: Scoring;
  sources: EvidenceSources;
  compliance: () => ComplianceReport;
}

type RuleFn = (params: AutoRule, context: RuleContext) => RuleFact;

const manual = (why: string): EvidenceProposal => ({ answer: null, evidence: { recordIds: [], text: `需手工评分：${why}` } });
const uniqueSorted = (ids: Iterable<number>): number[] => [...new Set(ids)].sort((a, b) => a - b);
const percent = (ratio: number): string => `${Math.round(ratio * 1000) / 10}%`;

/** “2025年8月” → “8月”, “2025年第3季度” → “第3季度”. */
const shortLabel = (period: PeriodCompliance): string => period.period.label.replace(/^\d{4}年/, '') || period.period.label;

function meetingTypeParam(params: AutoRule): MeetingType {
  const type = params.type;
  if (typeof type !== 'string' || !(MEETING_TYPES as readonly string[]).includes(type)) {
    throw new RuleUnavailable(`自动规则参数 type 应为会议类型（${MEETING_TYPES.join('、')} 之一），现为“${String(type)}”`);
  }
  return type as MeetingType;
}

/** A rule that cannot answer for this branch or template: the indicator is 需手工评分 with this reason. */
class RuleUnavailable extends Error {}

function rulesOfType(report: ComplianceReport, type: MeetingType): RuleCompliance[] {
  return report.rules.filter((entry) => entry.rule.type === type);
}

/** The records held of one type in the year, from the compliance report when the pack has the rule, else from the records. */
function heldRecords(context: RuleContext, type: MeetingType): { ids: number[]; dates: string[] } {
  const rules = rulesOfType(context.compliance(), type);
  const list = context.sources.meetings.list({ year: context.year, type });
  const ids = rules.length ? uniqueSorted(rules.flatMap((entry) => entry.rows.flatMap((row) => row.periods.flatMap((period) => period.recordIds)))) : uniqueSorted(list.map((item) => item.id));
  const dateOf = new Map(list.map((item) => [item.id, item.heldOn]));
  return { ids, dates: [...new Set(ids.map((id) => dateOf.get(id)).filter((date): date is string => Boolean(date)))].sort() };
}

/** Counts of an obligation type against the rule pack (支委会 per month, 党员大会 per quarter…). */
const obligationMet: RuleFn = (params, context) => {
  const type = meetingTypeParam(params);
  const label = MEETING_TYPE_LABELS[type];
  const report = context.compliance();
  const rules = rulesOfType(report, type);
  if (!rules.length) {
    const skipped = report.skipped.map((entry) => `${entry.label}：${entry.reason}`).join('；');
    throw new RuleUnavailable(`所用规则包没有对“${label}”次数的要求${skipped ? `（${skipped}）` : ''}`);
  }
  const recordIds = uniqueSorted(rules.flatMap((entry) => entry.rows.flatMap((row) => row.periods.flatMap((period) => period.recordIds))));
  // The periods of the year, judged across every row (each 党小组 for eachGroup rules): a period is
  // met when every row holding it is done or not applicable, missed when any row is overdue.
  const entry = rules[0];
  const periodCount = entry.rows[0]?.periods.length ?? 0;
  const target = context.scoring.type === 'countTarget' ? context.scoring.target : periodCount;
  if (context.scoring.type === 'countTarget' && target !== periodCount) {
    // The template counts occasions where the pack counts periods (党课 4 次 vs 书记每年讲 1 次): count the records.
    const held = heldRecords(context, type);
    const all = context.sources.meetings.list({ year: context.year, type });
    const ids = uniqueSorted(all.map((item) => item.id));
    return {
      count: ids.length,
      evidence: { recordIds: ids, text: `${label}：规则包要求“${entry.rule.label}”每${periodWord(entry)} ${entry.rule.minimum} 次，与本指标的 ${target} 次口径不同，按全年记录计：${context.year}年共 ${ids.length} 次${held.ids.length !== ids.length ? `（其中计入“${entry.rule.label}”的 ${held.ids.length} 次）` : ''}` },
    };
  }
  let met = 0;
  let notApplicable = 0;
  let pending = 0;
  const missed: string[] = [];
  for (let index = 0; index < periodCount; index += 1) {
    const cells = entry.rows.map((row) => row.periods[index]).filter(Boolean);
    const applicable = cells.filter((cell) => cell.status !== 'notApplicable');
    if (applicable.length === 0) {
      notApplicable += 1;
      met += 1;
    } else if (applicable.every((cell) => cell.status === 'done')) met += 1;
    else if (applicable.some((cell) => cell.status === 'overdue')) missed.push(shortLabel(cells[0]));
    else pending += 1;
  }
  const perRow =
    entry.rows.length > 1 || entry.rows[0]?.groupName
      ? entry.rows
          .map((row) => {
            const gaps = row.periods.filter((period) => period.status === 'overdue').map(shortLabel);
            const done = row.periods.filter((period) => period.status === 'done').length;
            const applicable = row.periods.filter((period) => period.status !== 'notApplicable').length;
            return `${row.groupName ?? label} ${done}/${applicable}${gaps.length ? `（${gaps.join('、')}未开）` : ''}`;
          })
          .join('，')
      : null;
  const word = periodWord(entry);
  const parts = perRow
    ? [`${entry.rule.label}每${word}应开，各党小组都已召开的有 ${met - notApplicable} 个${word}${missed.length ? `（${missed.join('、')}有党小组未开）` : ''}`, perRow]
    : [`${entry.rule.label}应开 ${periodCount} 次，已开 ${met - notApplicable} 次${missed.length ? `（${missed.join('、')}未开）` : ''}`];
  if (notApplicable) parts.push(`${notApplicable} 个${word}不适用，按已完成计`);
  if (pending) parts.push(`${pending} 个${word}尚未到期`);
  return { count: met, met: met >= periodCount, ratio: periodCount ? met / periodCount : 0, evidence: { recordIds, text: parts.join('；') } };
};

function periodWord(entry: RuleCompliance): string {
  return { month: '月', quarter: '季度', halfYear: '半年', year: '年' }[entry.rule.period];
}

/** 组织生活会 held in the year with every 整改 item of it closed. */
const orgLifeMeetingRectified: RuleFn = (_params, context) => {
  const held = heldRecords(context, 'orgLifeMeeting');
  if (!held.ids.length) return { met: false, evidence: { recordIds: [], text: `${context.year}年未召开组织生活会` } };
  const ids = new Set(held.ids);
  const items = context.sources.orgLife.rectifications({ year: context.year }).filter((item) => ids.has(item.meetingId));
  const open = items.filter((item) => item.status !== 'done');
  const text =
    `组织生活会已于 ${held.dates.join('、')} 召开；` +
    (items.length === 0 ? '未录入整改清单，请核对' : `整改清单 ${items.length} 项，已完成 ${items.length - open.length} 项${open.length ? `，未完成：${open.map((item) => item.measure).join('；')}` : ''}`);
  return { met: open.length === 0, evidence: { recordIds: held.ids, text } };
};

/** 民主评议党员 held in the year. */
const democraticReviewDone: RuleFn = (_params, context) => {
  const held = heldRecords(context, 'democraticReview');
  return {
    met: held.ids.length > 0,
    count: held.ids.length,
    evidence: { recordIds: held.ids, text: held.ids.length ? `民主评议党员已于 ${held.dates.join('、')} 开展` : `${context.year}年未开展民主评议党员` },
  };
};

/** 党员参加组织生活的参加率 over the year's records (谈心谈话 not counted, as in the participation sheet). */
const attendanceRate: RuleFn = (_params, context) => {
  const sheet = context.sources.participation.year({ year: context.year });
  const { expected, present, rate } = sheet.totals;
  if (rate === null) throw new RuleUnavailable(`${context.year}年没有应参加的组织生活记录`);
  const recordIds = uniqueSorted(
    context.sources.meetings
      .list({ year: context.year })
      .filter((item) => item.expected > 0 && item.heldOn <= sheet.asOf && item.types.some((type) => type !== 'heartToHeartTalk'))
      .map((item) => item.id),
  );
  return { ratio: rate, evidence: { recordIds, text: `全年应参加 ${expected} 人次，实际参加 ${present} 人次，参加率 ${percent(rate)}` } };
};

/** 谈心谈话 coverage: the committee's pairs by default (书记与支委, 支委之间, 支委与党员). */
const talkCoverage: RuleFn = (params, context) => {
  const coverage = context.sources.talks.coverage({ year: context.year });
  const kinds = Array.isArray(params.kinds) ? params.kinds : ['secretaryCommittee', 'committeeCommittee', 'committeeMember'];
  const counted = coverage.summary.filter((entry) => kinds.includes(entry.kind));
  const required = counted.reduce((sum, entry) => sum + entry.required, 0);
  const covered = counted.reduce((sum, entry) => sum + entry.covered, 0);
  if (required === 0) throw new RuleUnavailable('没有需要谈心谈话的对象（请先录入党员和支委）');
  const recordIds = uniqueSorted(context.sources.meetings.list({ year: context.year, type: 'heartToHeartTalk' }).map((item) => item.id));
  const ratio = covered / required;
  return {
    ratio,
    met: covered === required,
    evidence: { recordIds, text: `${coverage.sentence}；计分口径（${counted.map((entry) => entry.label).join('、')}）${covered}/${required}，覆盖率 ${percent(ratio)}` },
  };
};

/** 会议议定事项 of the year's meetings that are closed (办结). */
const followUpsClosed: RuleFn = (_params, context) => {
  const items = context.sources.followUps.list({}).filter((item) => item.meeting.heldOn.startsWith(`${context.year}-`));
  if (!items.length) throw new RuleUnavailable(`${context.year}年的会议没有登记议定事项`);
  const closed = items.filter((item) => item.status === 'closed');
  const overdue = items.filter((item) => item.status === 'overdue');
  const ratio = closed.length / items.length;
  return {
    ratio,
    met: closed.length === items.length,
    count: closed.length,
    evidence: {
      recordIds: uniqueSorted(items.map((item) => item.meeting.id)),
      text: `议定事项 ${items.length} 项，已办结 ${closed.length} 项（${percent(ratio)}）${overdue.length ? `，已逾期 ${overdue.length} 项` : ''}`,
    },
  };
};

/** Members with a run of `months` (default 6) or more without organisational life touching the year. */
const memberGaps: RuleFn = (params, context) => {
  const months = typeof params.months === 'number' && params.months > 0 ? params.months : 6;
  const sheet = context.sources.participation.year({ year: context.year });
  const gaps = sheet.rows.filter((row) => (row.longestRun?.months ?? 0) >= months);
  return {
    occurrences: gaps.length,
    count: gaps.length,
    met: gaps.length === 0,
    evidence: {
      recordIds: [],
      text: gaps.length
        ? `连续 ${months} 个月以上未参加组织生活的党员 ${gaps.length} 人：${gaps.map((row) => `${row.name}（${row.longestRun!.from}—${row.longestRun!.to}，${row.longestRun!.months} 个月）`).join('、')}`
        : `没有连续 ${months} 个月以上未参加组织生活的党员`,
    },
  };
};

const recordsComplete: RuleFn = () => {
  throw new RuleUnavailable('会议记录的要素是否齐全需逐本核对，本软件尚不能自动判断');
};

export const EVIDENCE_RULES: Readonly<Record<string, RuleFn>> = {
  obligationMet,
  orgLifeMeetingRectified,
  attendanceRate,
  democraticReviewDone,
  talkCoverage,
  memberGaps,
  followUpsClosed,
  recordsComplete,
};

const SCORING_NEEDS: Record<Scoring['type'], { measure: keyof Omit<RuleFact, 'evidence'> | null; label: string }> = {
  yesNo: { measure: 'met', label: '是/否' },
  countTarget: { measure: 'count', label: '次数' },
  ratio: { measure: 'ratio', label: '比例' },
  deduction: { measure: 'occurrences', label: '扣分次数' },
  graded: { measure: null, label: '档次' },
  bonus: { measure: null, label: '加分项数' },
};

/** The fact as the answer the scoring type asks for, or null when the rule does not give that measure. */
export function answerFor(scoring: Scoring, fact: RuleFact): IndicatorAnswer | null {
  switch (scoring.type) {
    case 'yesNo':
      return fact.met === undefined ? null : { kind: 'yesNo', value: fact.met };
    case 'countTarget':
      return fact.count === undefined ? null : { kind: 'count', value: fact.count };
    case 'ratio':
      return fact.ratio === undefined ? null : { kind: 'ratio', value: Math.min(1, Math.max(0, Math.round(fact.ratio * 10000) / 10000)) };
    case 'deduction':
      return fact.occurrences === undefined ? null : { kind: 'occurrences', value: fact.occurrences };
    default:
      return null;
  }
}

/** Runs one indicator's automatic rule; never throws for a rule that cannot answer (需手工评分 instead). */
export function proposeEvidence(auto: AutoRule | undefined, context: RuleContext): EvidenceProposal {
  if (!auto) return manual('本指标没有自动规则，请对照材料评分');
  const rule = EVIDENCE_RULES[auto.rule];
  if (!rule) return manual(`本软件不认识自动规则“${auto.rule}”，请对照材料评分`);
  let fact: RuleFact;
  try {
    fact = rule(auto, context);
  } catch (error) {
    if (error instanceof RuleUnavailable) return manual(error.message);
    if (error instanceof AppError && error.code === 'NOT_FOUND') return manual(error.message);
    throw error;
  }
  const answer = answerFor(context.scoring, fact);
  if (!answer) {
    return { answer: null, evidence: { recordIds: fact.evidence.recordIds, text: `需手工评分：规则“${auto.rule}”不能给出评分方式所需的${SCORING_NEEDS[context.scoring.type].label}。${fact.evidence.text}` } };
  }
  return { answer, evidence: fact.evidence };
}
