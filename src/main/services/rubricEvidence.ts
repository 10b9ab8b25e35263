import { AppError } from '../../shared/contract/errors';
import type { IndicatorEvidence } from '../../shared/contract/assessments';
import type { MeetingListItem, MeetingRecord } from '../../shared/contract/meetings';
import { periodsOfYear, type ComplianceReport, type PeriodCompliance, type RuleCompliance } from '../../shared/domain/compliance';
import { MEETING_TYPES, MEETING_TYPE_LABELS, type MeetingType } from '../../shared/domain/meetingTypes';
import { REVIEW_GRADES, REVIEW_GRADE_LABELS } from '../../shared/domain/democraticReview';
import type { IndicatorAnswer } from '../../shared/domain/rubricScoring';
import type { AutoRule, Scoring } from '../../shared/domain/rubricTemplate';
import { RULE_PERIODS, type RulePeriod } from '../../shared/domain/rulePacks';
import type { ComplianceService } from './compliance.service';
import type { DemocraticReviewService } from './democraticReview.service';
import type { FollowUpsService } from './followUps.service';
import type { MeetingsService } from './meetings.service';
import type { OrgLifeService } from './orgLife.service';
import type { ParticipationService } from './participation.service';
import type { TalksService } from './talks.service';

// Automatic evidence rules (issue 6 item 2): each rule named in a template's `auto` reads the year's
// records through the services and states a fact (met / a count / a ratio / a number of problems)
// with the records behind it. The fact becomes the answer the indicator's scoring type asks for;
// a fact that does not fit that type, an unknown rule or data the app does not hold is 需手工评分.
//
// Decisions (each tested in tests/integration/rubricEvidence.test.ts):
// - Periods and records are the compliance report's (落实情况): the calendar periods of the year, the
//   records held in the year up to today, soft-deleted records never. A period the pack does not apply
//   to (branch or 党小组 founded late) counts as met and the sentence says so.
// - A 党员大会 or 支委会 that missed its quorum is listed as evidence but does not count: the matrix
//   counts it as held and flags it, but a meeting without the required attendance is not a valid one
//   and a score must not rest on it. The sentence names its date.
// - Where the records cannot decide (a 组织生活会 with no 整改清单 entered, no 议定事项 at all) the
//   indicator is 需手工评分, still with the records found.

export interface EvidenceSources {
  compliance: ComplianceService;
  participation: ParticipationService;
  talks: TalksService;
  orgLife: OrgLifeService;
  followUps: FollowUpsService;
  meetings: MeetingsService;
  democraticReview: DemocraticReviewService;
}

/** What a rule found. Any of the measures may be given; the scoring type picks the one it needs. */
export interface RuleFact {
  met?: boolean;
  count?: number;
  ratio?: number;
  occurrences?: number;
  /** The records were read but cannot decide: 需手工评分, with the evidence text saying why. */
  undecided?: boolean;
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
const PERIOD_WORDS: Record<RulePeriod, string> = { month: '月', quarter: '季度', halfYear: '半年', year: '年' };

/** “2025年8月” → “8月”, “2025年第3季度” → “第3季度”. */
const shortLabel = (label: string): string => label.replace(/^\d{4}年/, '') || label;

/** A rule that cannot answer for this branch or template: the indicator is 需手工评分 with this reason. */
class RuleUnavailable extends Error {}

function asMeetingType(value: unknown, name: string): MeetingType {
  if (typeof value !== 'string' || !(MEETING_TYPES as readonly string[]).includes(value)) {
    throw new RuleUnavailable(`自动规则参数 ${name} 应为会议类型（${MEETING_TYPES.join('、')} 之一），现为“${String(value)}”`);
  }
  return value as MeetingType;
}

const meetingTypeParam = (params: AutoRule): MeetingType => asMeetingType(params.type, 'type');

function periodParam(params: AutoRule): RulePeriod | null {
  if (params.period === undefined) return null;
  if (typeof params.period !== 'string' || !(RULE_PERIODS as readonly string[]).includes(params.period)) {
    throw new RuleUnavailable(`自动规则参数 period 应为 ${RULE_PERIODS.join('、')} 之一，现为“${String(params.period)}”`);
  }
  return params.period as RulePeriod;
}

function rulesOfType(report: ComplianceReport, type: MeetingType): RuleCompliance[] {
  return report.rules.filter((entry) => entry.rule.type === type);
}

/** The year's records up to today, read once per proposal (the compliance cache is the proposal's). */
const yearLists = new WeakMap<RuleContext['compliance'], MeetingListItem[]>();

/** The year's records of one type (or all), as the list shows them. */
function listOf(context: RuleContext, type?: MeetingType): MeetingListItem[] {
  let all = yearLists.get(context.compliance);
  if (!all) {
    const asOf = context.compliance().asOf;
    all = context.sources.meetings.list({ year: context.year }).filter((item) => item.heldOn <= asOf);
    yearLists.set(context.compliance, all);
  }
  return type ? all.filter((item) => item.types.includes(type)) : all;
}

/** “2025-03-18、2025-06-24” for record ids, by date. */
function datesOf(context: RuleContext, ids: readonly number[]): string {
  const dateOf = new Map(listOf(context).map((item) => [item.id, item.heldOn]));
  return [...new Set(ids.map((id) => dateOf.get(id)).filter((date): date is string => Boolean(date)))].sort().join('、');
}

// ---- Obligations per period (三会一课, 主题党日…) --------------------------------------------------

type CellState = 'done' | 'missed' | 'pending' | 'notApplicable';
interface ObligationCell {
  label: string;
  state: CellState;
}
interface ObligationRow {
  groupName: string | null;
  cells: ObligationCell[];
}
interface Obligation {
  label: string;
  period: RulePeriod;
  rows: ObligationRow[];
  /** Every record held for it in the year, valid or not. */
  recordIds: number[];
  /** Records that missed their quorum: listed, not counted. */
  invalidIds: number[];
}

/** A period is done when its valid records reach the minimum; missed when it ended before today without. */
function cellState(period: PeriodCompliance, asOf: string): CellState {
  if (period.status === 'notApplicable') return 'notApplicable';
  if (period.recordIds.length - period.invalidRecordIds.length >= period.minimum) return 'done';
  return period.period.end < asOf ? 'missed' : 'pending';
}

function obligationOfRule(entry: RuleCompliance, asOf: string): Obligation {
  const periods = entry.rows.flatMap((row) => row.periods);
  return {
    label: entry.rule.label,
    period: entry.rule.period,
    rows: entry.rows.map((row) => ({ groupName: row.groupName, cells: row.periods.map((period) => ({ label: shortLabel(period.period.label), state: cellState(period, asOf) })) })),
    recordIds: uniqueSorted(periods.flatMap((period) => period.recordIds)),
    invalidIds: uniqueSorted(periods.flatMap((period) => period.invalidRecordIds)),
  };
}

/** The periods of a type the pack does not set (党课每季度 under 全国默认), from the records: ≥ 1 valid record each. */
function obligationFromRecords(context: RuleContext, type: MeetingType, period: RulePeriod): Obligation {
  const asOf = context.compliance().asOf;
  const records = listOf(context, type);
  const cells = periodsOfYear(period, context.year).map((candidate) => {
    const held = records.filter((item) => item.heldOn >= candidate.start && item.heldOn <= candidate.end && item.valid !== false);
    const state: CellState = held.length > 0 ? 'done' : candidate.end < asOf ? 'missed' : 'pending';
    return { label: shortLabel(candidate.label), state };
  });
  return {
    label: MEETING_TYPE_LABELS[type],
    period,
    rows: [{ groupName: null, cells }],
    recordIds: uniqueSorted(records.map((item) => item.id)),
    invalidIds: uniqueSorted(records.filter((item) => item.valid === false).map((item) => item.id)),
  };
}

/**
 * The obligation an indicator counts: the pack's rule of that type (of that period when the template
 * names one; the 书记讲党课 rule only when nothing else fits), else, given a period, the records by period.
 */
function obligationFor(context: RuleContext, type: MeetingType, period: RulePeriod | null): { obligation: Obligation; entry: RuleCompliance | null } {
  const report = context.compliance();
  const rules = rulesOfType(report, type).filter((entry) => period === null || entry.rule.period === period);
  const entry = rules.find((candidate) => candidate.rule.scope !== 'secretary') ?? rules[0] ?? null;
  if (!entry) {
    if (period) return { obligation: obligationFromRecords(context, type, period), entry: null };
    const skipped = report.skipped.find((candidate) => rulesOfTypeSkipped(context, candidate.ruleId, type));
    throw new RuleUnavailable(skipped ? `${skipped.label}：${skipped.reason}` : `所用规则包没有对“${MEETING_TYPE_LABELS[type]}”次数的要求`);
  }
  if (entry.rows.length === 0) throw new RuleUnavailable(`本支部${context.year}年未设党小组，“${entry.rule.label}”不适用`);
  return { obligation: obligationOfRule(entry, report.asOf), entry };
}

/** Whether a skipped rule of the effective pack is of this type (the report keeps only its id and label). */
function rulesOfTypeSkipped(context: RuleContext, ruleId: string, type: MeetingType): boolean {
  return context.sources.compliance.effectivePack().rules.some((rule) => rule.id === ruleId && rule.type === type);
}

/** Per period across the rows (each 党小组): met when every applicable row is done, missed when any row missed. */
function tallyPeriods(obligation: Obligation) {
  const periodCount = obligation.rows[0]?.cells.length ?? 0;
  let met = 0;
  let notApplicable = 0;
  let pending = 0;
  const missed: string[] = [];
  for (let index = 0; index < periodCount; index += 1) {
    const cells = obligation.rows.map((row) => row.cells[index]).filter(Boolean);
    const applicable = cells.filter((cell) => cell.state !== 'notApplicable');
    if (applicable.length === 0) {
      notApplicable += 1;
      met += 1;
    } else if (applicable.every((cell) => cell.state === 'done')) met += 1;
    else if (applicable.some((cell) => cell.state === 'missed')) missed.push(cells[0].label);
    else pending += 1;
  }
  return { periodCount, met, notApplicable, pending, missed };
}

function invalidNote(context: RuleContext, obligation: Obligation): string | null {
  if (!obligation.invalidIds.length) return null;
  return `${datesOf(context, obligation.invalidIds)} 的${obligation.label}未达到规定的到会人数，不计入`;
}

/** The 书记讲党课 line added to a 党课 indicator when the pack has that rule. */
function secretaryLectureNote(context: RuleContext, type: MeetingType, used: RuleCompliance | null): string | null {
  if (type !== 'partyLecture') return null;
  const entry = rulesOfType(context.compliance(), type).find((candidate) => candidate.rule.scope === 'secretary' && candidate !== used);
  if (!entry) return null;
  const ids = uniqueSorted(entry.rows.flatMap((row) => row.periods.flatMap((period) => period.recordIds)));
  return ids.length ? `书记讲党课 ${ids.length} 次（${datesOf(context, ids)}）` : `书记${context.year}年未讲党课`;
}

/** Counts of an obligation type against the rule pack (支委会 per month, 党员大会 per quarter…). */
const obligationMet: RuleFn = (params, context) => {
  const type = meetingTypeParam(params);
  const label = MEETING_TYPE_LABELS[type];
  const { obligation, entry } = obligationFor(context, type, periodParam(params));
  const { periodCount, met, notApplicable, pending, missed } = tallyPeriods(obligation);
  const word = PERIOD_WORDS[obligation.period];
  const extra = [invalidNote(context, obligation), secretaryLectureNote(context, type, entry)].filter((part): part is string => part !== null);
  if (context.scoring.type === 'countTarget' && context.scoring.target !== periodCount) {
    // The template counts occasions where the pack counts periods: count the valid records.
    const counted = obligation.recordIds.filter((id) => !obligation.invalidIds.includes(id));
    const rule = entry ? `规则包要求“${entry.rule.label}”每${word} ${entry.rule.minimum} 次` : `按${word}统计`;
    return {
      count: counted.length,
      evidence: { recordIds: obligation.recordIds, text: [`${label}：${rule}，与本指标的 ${context.scoring.target} 次口径不同，按全年记录计：${context.year}年共 ${counted.length} 次`, ...extra].join('；') },
    };
  }
  const grouped = obligation.rows.length > 1 || obligation.rows[0]?.groupName;
  const done = met - notApplicable;
  const parts = grouped
    ? [
        `${obligation.label}每${word}应开，各党小组都已召开的有 ${done} 个${word}${missed.length ? `（${missed.join('、')}有党小组未开）` : ''}`,
        obligation.rows
          .map((row) => {
            const applicable = row.cells.filter((cell) => cell.state !== 'notApplicable');
            const gaps = row.cells.filter((cell) => cell.state === 'missed').map((cell) => cell.label);
            return `${row.groupName ?? label} ${applicable.filter((cell) => cell.state === 'done').length}/${applicable.length}${gaps.length ? `（${gaps.join('、')}未开）` : ''}`;
          })
          .join('，'),
      ]
    : [`${obligation.label}${entry ? '' : `每${word}`}应开 ${periodCount} 次，已开 ${done} 次${missed.length ? `（${missed.join('、')}未开）` : ''}`];
  if (notApplicable) parts.push(`${notApplicable} 个${word}不适用，按已完成计`);
  if (pending) parts.push(`${pending} 个${word}尚未到期`);
  return { count: met, met: met >= periodCount, ratio: periodCount ? met / periodCount : 0, evidence: { recordIds: obligation.recordIds, text: [...parts, ...extra].join('；') } };
};

/** Missed obligation periods across the pack's rules for the given types (“三会一课缺一次扣 1 分”). */
const obligationShortfall: RuleFn = (params, context) => {
  const raw = Array.isArray(params.types) ? params.types : params.type !== undefined ? [params.type] : [];
  if (!raw.length) throw new RuleUnavailable('自动规则参数 types 应列出要检查的会议类型');
  const types = [...new Set(raw.map((value) => asMeetingType(value, 'types')))];
  const report = context.compliance();
  const missedParts: string[] = [];
  const metParts: string[] = [];
  const notes: string[] = [];
  const recordIds: number[] = [];
  let missedCount = 0;
  let pendingCount = 0;
  let checked = 0;
  for (const type of types) {
    const entries = rulesOfType(report, type);
    if (!entries.length) {
      const skipped = report.skipped.find((candidate) => rulesOfTypeSkipped(context, candidate.ruleId, type));
      notes.push(skipped ? `${skipped.label}不检查（${skipped.reason}）` : `规则包对${MEETING_TYPE_LABELS[type]}没有次数要求，不检查`);
      continue;
    }
    for (const entry of entries) {
      if (entry.rows.length === 0) {
        notes.push(`本支部未设党小组，${entry.rule.label}不检查`);
        continue;
      }
      checked += 1;
      const obligation = obligationOfRule(entry, report.asOf);
      recordIds.push(...obligation.recordIds);
      const gaps = obligation.rows
        .map((row) => ({ row, labels: row.cells.filter((cell) => cell.state === 'missed').map((cell) => cell.label) }))
        .filter(({ labels }) => labels.length > 0);
      const missed = gaps.reduce((sum, { labels }) => sum + labels.length, 0);
      missedCount += missed;
      pendingCount += obligation.rows.reduce((sum, row) => sum + row.cells.filter((cell) => cell.state === 'pending').length, 0);
      if (missed) missedParts.push(`${obligation.label} ${gaps.map(({ row, labels }) => `${row.groupName ? `${row.groupName} ` : ''}${labels.join('、')}`).join('，')}未开`);
      else metParts.push(obligation.label);
      const invalid = invalidNote(context, obligation);
      if (invalid) notes.push(invalid);
    }
  }
  if (!checked) throw new RuleUnavailable(`所用规则包对${types.map((type) => MEETING_TYPE_LABELS[type]).join('、')}都没有次数要求${notes.length ? `（${notes.join('；')}）` : ''}`);
  const parts = [missedCount ? `应开未开 ${missedCount} 次：${missedParts.join('；')}` : '没有应开未开的会议'];
  if (metParts.length) parts.push(`按期召开：${metParts.join('、')}`);
  if (pendingCount) parts.push(`${pendingCount} 个周期尚未到期`);
  parts.push(...notes);
  return { occurrences: missedCount, met: missedCount === 0, evidence: { recordIds: uniqueSorted(recordIds), text: parts.join('；') } };
};

// ---- 组织生活会, 民主评议 ------------------------------------------------------------------------

function openItemsText(items: ReturnType<OrgLifeService['rectifications']>): string {
  return items.map((item) => `${item.measure}${item.dueOn ? `（期限 ${item.dueOn}${item.overdue ? '，已逾期' : ''}）` : ''}`).join('；');
}

/** The 整改清单 of the year's 组织生活会, or null when none was entered. */
function rectificationsOf(context: RuleContext, meetingIds: readonly number[]) {
  const ids = new Set(meetingIds);
  return context.sources.orgLife.rectifications({ year: context.year }).filter((item) => ids.has(item.meetingId));
}

/** 组织生活会 held in the year with every 整改 item of it closed. */
const orgLifeMeetingRectified: RuleFn = (_params, context) => {
  const held = listOf(context, 'orgLifeMeeting');
  if (!held.length) return { met: false, evidence: { recordIds: [], text: `${context.year}年未召开组织生活会` } };
  const recordIds = uniqueSorted(held.map((item) => item.id));
  const when = `组织生活会已于 ${datesOf(context, recordIds)} 召开`;
  const items = rectificationsOf(context, recordIds);
  if (!items.length) {
    return { undecided: true, evidence: { recordIds, text: `${when}，但没有录入整改清单，无法判断整改是否完成。请在该记录的组织生活会材料中录入整改清单，或对照材料评分` } };
  }
  const open = items.filter((item) => item.status !== 'done');
  const text = `${when}；整改清单 ${items.length} 项，已完成 ${items.length - open.length} 项${open.length ? `，未完成 ${open.length} 项：${openItemsText(open)}` : '，全部完成'}`;
  return { met: open.length === 0, evidence: { recordIds, text } };
};

/** 民主评议党员 held in the year, with the grades if they were entered. */
const democraticReviewDone: RuleFn = (_params, context) => {
  const held = listOf(context, 'democraticReview');
  if (!held.length) return { met: false, count: 0, evidence: { recordIds: [], text: `${context.year}年未开展民主评议党员` } };
  const recordIds = uniqueSorted(held.map((item) => item.id));
  const totals = Object.fromEntries(REVIEW_GRADES.map((grade) => [grade, 0])) as Record<(typeof REVIEW_GRADES)[number], number>;
  let graded = 0;
  for (const id of recordIds) {
    const { counts } = context.sources.democraticReview.get({ meetingId: id });
    graded += counts.graded;
    for (const grade of REVIEW_GRADES) totals[grade] += counts[grade];
  }
  const grades = graded
    ? `评定等次：${REVIEW_GRADES.filter((grade) => totals[grade] > 0).map((grade) => `${REVIEW_GRADE_LABELS[grade]} ${totals[grade]} 人`).join('、')}`
    : '评定等次尚未录入，请在该记录中补录';
  return { met: true, count: recordIds.length, evidence: { recordIds, text: `民主评议党员已于 ${datesOf(context, recordIds)} 开展；${grades}` } };
};

/** 组织生活会 held with its 整改清单 entered, and 民主评议党员 done, in the year. */
const orgLifeAndReviewDone: RuleFn = (_params, context) => {
  const orgLife = uniqueSorted(listOf(context, 'orgLifeMeeting').map((item) => item.id));
  const review = uniqueSorted(listOf(context, 'democraticReview').map((item) => item.id));
  const recordIds = uniqueSorted([...orgLife, ...review]);
  const items = orgLife.length ? rectificationsOf(context, orgLife) : [];
  const done = items.filter((item) => item.status === 'done').length;
  const orgLifeText = orgLife.length
    ? `组织生活会已于 ${datesOf(context, orgLife)} 召开${items.length ? `，整改清单 ${items.length} 项（已完成 ${done} 项）` : ''}`
    : `${context.year}年未召开组织生活会`;
  const reviewText = review.length ? `民主评议党员已于 ${datesOf(context, review)} 开展` : `${context.year}年未开展民主评议党员`;
  if (!orgLife.length || !review.length) return { met: false, evidence: { recordIds, text: `${orgLifeText}；${reviewText}` } };
  if (!items.length) return { undecided: true, evidence: { recordIds, text: `${orgLifeText}，但没有录入整改清单；${reviewText}。请录入整改清单，或对照材料评分` } };
  return { met: true, evidence: { recordIds, text: `${orgLifeText}；${reviewText}` } };
};

// ---- Participation, talks, follow-ups ------------------------------------------------------

const takesPart = (item: Pick<MeetingListItem, 'types'>) => item.types.some((type) => type !== 'heartToHeartTalk');

/** 党员参加组织生活的参加率 over the year's records (谈心谈话 not counted, as in the participation sheet). */
const attendanceRate: RuleFn = (_params, context) => {
  const sheet = context.sources.participation.year({ year: context.year });
  const { expected, present, rate } = sheet.totals;
  if (rate === null) throw new RuleUnavailable(`${context.year}年没有应参加的组织生活记录`);
  const recordIds = uniqueSorted(listOf(context).filter((item) => item.expected > 0 && takesPart(item)).map((item) => item.id));
  return { ratio: rate, evidence: { recordIds, text: `${recordIds.length} 次组织生活（谈心谈话不计），应参加 ${expected} 人次，实际出席 ${present} 人次，参加率 ${percent(rate)}` } };
};

const DEFAULT_TALK_KINDS = ['secretaryCommittee', 'committeeCommittee', 'committeeMember'];

/** 谈心谈话 coverage: the committee's pairs by default (书记与支委, 支委之间, 支委与党员). */
const talkCoverage: RuleFn = (params, context) => {
  const coverage = context.sources.talks.coverage({ year: context.year });
  const kinds = Array.isArray(params.kinds) ? params.kinds : DEFAULT_TALK_KINDS;
  const counted = coverage.summary.filter((entry) => kinds.includes(entry.kind));
  const required = counted.reduce((sum, entry) => sum + entry.required, 0);
  const covered = counted.reduce((sum, entry) => sum + entry.covered, 0);
  if (required === 0) throw new RuleUnavailable('没有需要谈心谈话的对象（请先录入党员和支委）');
  // The records behind it: the year's talks that cover at least one counted pair.
  const pairs = new Set(coverage.pairs.filter((pair) => kinds.includes(pair.kind)).map((pair) => `${pair.a}-${pair.b}`));
  const recordIds = listOf(context, 'heartToHeartTalk')
    .filter((item) => item.heldOn <= coverage.asOf)
    .filter((item) => {
      const ids = [...new Set(context.sources.talks.get({ meetingId: item.id }).participants.flatMap((person) => (person.memberId === null ? [] : [person.memberId])))];
      return ids.some((a, i) => ids.slice(i + 1).some((b) => pairs.has(a < b ? `${a}-${b}` : `${b}-${a}`)));
    })
    .map((item) => item.id);
  const ratio = covered / required;
  return {
    ratio,
    met: covered === required,
    evidence: { recordIds: uniqueSorted(recordIds), text: `${coverage.sentence}；计分口径（${counted.map((entry) => entry.label).join('、')}）${covered}/${required}，覆盖率 ${percent(ratio)}` },
  };
};

/** 会议议定事项 of the year's meetings that are closed (办结). */
const followUpsClosed: RuleFn = (_params, context) => {
  const items = context.sources.followUps.list({}).filter((item) => item.meeting.heldOn.startsWith(`${context.year}-`));
  if (!items.length) throw new RuleUnavailable(`${context.year}年的会议没有登记议定事项`);
  const closed = items.filter((item) => item.status === 'closed');
  const open = items.filter((item) => item.status !== 'closed');
  const ratio = closed.length / items.length;
  const openText = open.map((item) => `${item.text}（${item.meeting.heldOn} 会议${item.dueOn ? `，期限 ${item.dueOn}` : ''}${item.status === 'overdue' ? '，已逾期' : ''}）`).join('；');
  return {
    ratio,
    met: closed.length === items.length,
    count: closed.length,
    evidence: {
      recordIds: uniqueSorted(items.map((item) => item.meeting.id)),
      text: `议定事项 ${items.length} 项，已办结 ${closed.length} 项（${percent(ratio)}）${open.length ? `；未办结 ${open.length} 项：${openText}` : ''}`,
    },
  };
};

/** Members with a run of `months` (default 6) or more without organisational life touching the year. */
const memberGaps: RuleFn = (params, context) => {
  const months = typeof params.months === 'number' && params.months > 0 ? params.months : 6;
  const sheet = context.sources.participation.year({ year: context.year });
  const gaps = sheet.rows.filter((row) => (row.longestRun?.months ?? 0) >= months);
  // The records of each run where the member was marked 缺席 (and not made up since).
  const recordIds: number[] = [];
  const records = new Map<number, MeetingRecord>();
  const recordOf = (id: number) => records.get(id) ?? records.set(id, context.sources.meetings.get({ id })).get(id)!;
  for (const row of gaps) {
    const run = row.longestRun!;
    for (let year = Number(run.from.slice(0, 4)); year <= Number(run.to.slice(0, 4)); year += 1) {
      for (const item of context.sources.meetings.list({ year })) {
        const month = item.heldOn.slice(0, 7);
        if (month < run.from || month > run.to || item.heldOn > sheet.asOf || !takesPart(item)) continue;
        const mark = recordOf(item.id).attendance.find((entry) => entry.memberId === row.memberId);
        if (mark && mark.status === 'absent' && !(mark.makeupOn && mark.makeupOn <= sheet.asOf)) recordIds.push(item.id);
      }
    }
  }
  const runText = (row: (typeof gaps)[number]) => `${row.name}（${row.longestRun!.from}—${row.longestRun!.to}，${row.longestRun!.months} 个月）`;
  return {
    occurrences: gaps.length,
    count: gaps.length,
    met: gaps.length === 0,
    evidence: {
      recordIds: uniqueSorted(recordIds),
      text: gaps.length ? `连续 ${months} 个月以上未参加组织生活的党员 ${gaps.length} 人：${gaps.map(runText).join('、')}` : `没有连续 ${months} 个月以上未参加组织生活的党员`,
    },
  };
};

// ---- 台账 completeness ----------------------------------------------------------------------

/**
 * The elements a 会议记录 must carry (DOMAIN §4; the 三会一课登记台账 columns): 地点, 主持人, 记录人, every
 * person of 应到 marked (出席/请假/缺席), and some content (主要内容, 议题 or 决议). 召开日期, 主题, 授课人
 * and 课题 cannot be saved missing. 谈心谈话 records are a log of who talked, not minutes: not checked.
 */
export function missingElements(record: MeetingRecord): string[] {
  const missing: string[] = [];
  if (!record.location) missing.push('地点');
  if (!record.hostName) missing.push('主持人');
  if (!record.recorderName) missing.push('记录人');
  if (record.assessment.counts.expected === 0) missing.push('应到人员');
  else if (record.assessment.counts.unmarked > 0) missing.push(`出勤登记（${record.assessment.counts.unmarked} 人未登记）`);
  if (!record.summary?.trim() && record.agenda.length === 0 && record.decisions.length === 0) missing.push('会议内容（主要内容、议题或决议）');
  return missing;
}

/** Each missing element of the year's 会议记录 is one occurrence (“每缺 1 项要素扣 1 分”). */
const recordsComplete: RuleFn = (_params, context) => {
  const items = listOf(context)
    .filter(takesPart)
    .sort((a, b) => a.heldOn.localeCompare(b.heldOn) || a.id - b.id);
  if (!items.length) throw new RuleUnavailable(`${context.year}年没有会议记录，台账是否齐全请对照材料评分`);
  const incomplete = items
    .map((item) => {
      const record = context.sources.meetings.get({ id: item.id });
      return { record, missing: missingElements(record) };
    })
    .filter(({ missing }) => missing.length > 0);
  const occurrences = incomplete.reduce((sum, { missing }) => sum + missing.length, 0);
  const label = (record: MeetingRecord) => `${record.heldOn} ${record.types.map((type) => MEETING_TYPE_LABELS[type]).join('、')}`;
  const text = incomplete.length
    ? `${items.length} 份会议记录中 ${incomplete.length} 份要素不全，共缺 ${occurrences} 项：${incomplete.map(({ record, missing }) => `${label(record)}缺${missing.join('、')}`).join('；')}`
    : `${items.length} 份会议记录的地点、主持人、记录人、出勤和会议内容齐全`;
  return { occurrences, met: occurrences === 0, evidence: { recordIds: uniqueSorted(incomplete.map(({ record }) => record.id)), text } };
};

export const EVIDENCE_RULES: Readonly<Record<string, RuleFn>> = {
  obligationMet,
  obligationShortfall,
  orgLifeMeetingRectified,
  orgLifeAndReviewDone,
  attendanceRate,
  democraticReviewDone,
  talkCoverage,
  memberGaps,
  followUpsClosed,
  recordsComplete,
};

const SCORING_NEEDS: Record<Scoring['type'], { measure: keyof Omit<RuleFact, 'evidence' | 'undecided'> | null; label: string }> = {
  yesNo: { measure: 'met', label: '是/否' },
  countTarget: { measure: 'count', label: '次数' },
  ratio: { measure: 'ratio', label: '比例' },
  deduction: { measure: 'occurrences', label: '扣分次数' },
  graded: { measure: null, label: '档次' },
  bonus: { measure: null, label: '加分项数' },
};

/** The fact as the answer the scoring type asks for, or null when the rule does not give that measure. */
export function answerFor(scoring: Scoring, fact: RuleFact): IndicatorAnswer | null {
  if (fact.undecided) return null;
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
  const rule = Object.hasOwn(EVIDENCE_RULES, auto.rule) ? EVIDENCE_RULES[auto.rule] : undefined;
  if (!rule) return manual(`本软件不认识自动规则“${auto.rule}”，请对照材料评分`);
  let fact: RuleFact;
  try {
    fact = rule(auto, context);
  } catch (error) {
    if (error instanceof RuleUnavailable) return manual(error.message);
    if (error instanceof AppError && error.code === 'NOT_FOUND') return manual(error.message);
    throw error;
  }
  if (fact.undecided) return { answer: null, evidence: { recordIds: fact.evidence.recordIds, text: `需手工评分：${fact.evidence.text}` } };
  const answer = answerFor(context.scoring, fact);
  if (!answer) {
    return { answer: null, evidence: { recordIds: fact.evidence.recordIds, text: `需手工评分：规则“${auto.rule}”不能给出评分方式所需的${SCORING_NEEDS[context.scoring.type].label}。${fact.evidence.text}` } };
  }
  return { answer, evidence: fact.evidence };
}
