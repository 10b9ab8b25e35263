import { z } from 'zod';
import { addDays, daysInMonth, formatIsoDate } from './dates';
import { MEETING_TYPES, type MeetingType } from './meetingTypes';
import { periodStartMonths, PERIODS_PER_YEAR, type EffectivePack, type EffectiveRule } from './rulePacks';

// 年度计划 (issue 5 item 5): a draft plan for the year built from the rules in force, on the
// branch's fixed 主题党日 day. Pure: the service feeds the pack, the groups and the names.
//
// How the draft places things (the secretary edits every date and topic afterwards):
// - Each rule gets `minimum` items per period, spread over the period's months (the rule's window
//   when it has one): one item in the middle month, two at the first and second half, and so on.
//   A quarter's 党员大会 lands in its middle month (2, 5, 8, 11); a year rule without a window in
//   July (书记讲党课 around 七一); 组织生活会 with window 10–12 in November; 民主评议 with it.
// - Branch-wide meetings go on the 主题党日 day of their month and are merged into one event (a 主题党日
//   that contains a 党员大会 and a 党课 — one event, several obligations). 支委会 meets a week before
//   to prepare it; 党小组会 ten days before, one item per 党小组 that exists that month; 谈心谈话 in the
//   month before 组织生活会. Dates that fall on a weekend move to the Friday before.

export const themedDaySchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('dayOfMonth'),
      day: z.number({ error: '请填写每月几日' }).int('应为整数').min(1, '日期应在 1—28 日之间').max(28, '日期应在 1—28 日之间（每个月都有的日子）'),
    }),
    z.strictObject({
      kind: z.literal('weekdayOfMonth'),
      /** 1–4, or -1 for the last one of the month. */
      nth: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)], { error: '请选择第几个（第一个至第四个或最后一个）' }),
      /** 1 = Monday … 7 = Sunday. */
      weekday: z.number({ error: '请选择星期几' }).int('请选择星期几').min(1, '请选择星期几').max(7, '请选择星期几'),
    }),
  ],
  { error: '请选择主题党日的固定方式（每月几日或每月第几个星期几）' },
);

export type ThemedDay = z.output<typeof themedDaySchema>;
export const DEFAULT_THEMED_DAY: ThemedDay = { kind: 'dayOfMonth', day: 25 };

const NTH_LABELS: Record<number, string> = { 1: '第一个', 2: '第二个', 3: '第三个', 4: '第四个', [-1]: '最后一个' };
export const WEEKDAY_LABELS = ['', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'];

/** “每月25日”, “每月最后一个星期五”. */
export function describeThemedDay(setting: ThemedDay): string {
  return setting.kind === 'dayOfMonth' ? `每月${setting.day}日` : `每月${NTH_LABELS[setting.nth]}${WEEKDAY_LABELS[setting.weekday]}`;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar date. */
function isoWeekday(year: number, month: number, day: number): number {
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** The 主题党日 of a month under the branch's setting. */
export function themedDateOf(year: number, month: number, setting: ThemedDay): string {
  if (setting.kind === 'dayOfMonth') return formatIsoDate(year, month, Math.min(setting.day, daysInMonth(year, month)));
  if (setting.nth === -1) {
    const last = daysInMonth(year, month);
    const back = (isoWeekday(year, month, last) - setting.weekday + 7) % 7;
    return formatIsoDate(year, month, last - back);
  }
  const first = (setting.weekday - isoWeekday(year, month, 1) + 7) % 7;
  return formatIsoDate(year, month, 1 + first + (setting.nth - 1) * 7);
}

/** Saturday and Sunday move to the Friday before. */
export function workdayOnOrBefore(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  const weekday = isoWeekday(year, month, day);
  return weekday <= 5 ? iso : addDays(iso, 5 - weekday);
}

export interface PlanItem {
  plannedOn: string;
  /** The obligations the event counts for (one event, several obligations). */
  types: MeetingType[];
  /** For a 党小组会: the group. */
  partyGroupId: number | null;
  topic: string;
  /** 负责人, as text (a name, or “组织委员”). */
  owner: string;
}

export interface PlanGroup {
  id: number;
  name: string;
  leaderName: string | null;
  foundedOn: string | null;
  dissolvedOn: string | null;
}

export interface DraftPlanInput {
  pack: EffectivePack;
  year: number;
  themedDay: ThemedDay;
  hasCommittee: boolean;
  groups: readonly PlanGroup[];
  secretaryName: string | null;
}

const ASSEMBLY_TOPICS = [
  '传达学习上级会议精神，研究部署全年党建工作',
  '通报党员发展和党费收缴情况，研究近期工作',
  '学习上级精神，总结上半年工作，研究下半年重点工作',
  '总结全年工作，研究部署组织生活会和民主评议党员',
];

function topicFor(type: MeetingType, rule: EffectiveRule, month: number): string {
  switch (type) {
    case 'themedPartyDay':
      return `${month}月主题党日：集中学习`;
    case 'memberAssembly':
      return ASSEMBLY_TOPICS[Math.floor((month - 1) / 3)];
    case 'committeeMeeting':
      return `研究${month}月工作，通报议定事项落实情况`;
    case 'groupMeeting':
      return '学习讨论，交流思想和工作情况';
    case 'partyLecture':
      return rule.scope === 'secretary' ? '书记讲党课（课题待定）' : '党课（课题待定）';
    case 'orgLifeMeeting':
      return '召开年度组织生活会，开展批评和自我批评';
    case 'democraticReview':
      return '民主评议党员';
    case 'heartToHeartTalk':
      return '组织生活会前开展谈心谈话（支委之间、支委与党员、党员之间）';
  }
}

/** The months a rule's items go in, per period: spread over the period (or its window). */
function monthsFor(rule: Pick<EffectiveRule, 'period' | 'minimum' | 'window'>): number[] {
  const length = 12 / PERIODS_PER_YEAR[rule.period];
  return periodStartMonths(rule.period).flatMap((start) => {
    const all = Array.from({ length }, (_, index) => start + index);
    const inWindow = rule.window ? all.filter((month) => rule.window!.includes(month)) : all;
    const candidates = inWindow.length ? inWindow : all;
    return Array.from({ length: rule.minimum }, (_, index) => candidates[Math.floor(((index + 0.5) * candidates.length) / rule.minimum)]);
  });
}

function groupExistsIn(group: PlanGroup, year: number, month: number): boolean {
  const start = formatIsoDate(year, month, 1);
  const end = formatIsoDate(year, month, daysInMonth(year, month));
  return (!group.foundedOn || group.foundedOn <= end) && (!group.dissolvedOn || group.dissolvedOn > start);
}

const TYPE_ORDER = new Map(MEETING_TYPES.map((type, index) => [type, index]));

/** The draft plan of a year: every obligation of the rules in force, dated; sorted by date. */
export function draftPlan({ pack, year, themedDay, hasCommittee, groups, secretaryName }: DraftPlanInput): PlanItem[] {
  const rules = pack.rules.filter((rule) => !rule.disabled && (rule.condition !== 'hasCommittee' || hasCommittee));
  const orgLife = rules.find((rule) => rule.type === 'orgLifeMeeting' && rule.kind === 'count');
  const orgLifeMonth = orgLife ? monthsFor(orgLife)[0] : 11;
  const owner = secretaryName ?? '';
  const themed = (month: number) => themedDateOf(year, month, themedDay);
  /** `days` before the 主题党日 on a workday, kept inside the month (else on the 主题党日 itself). */
  const before = (month: number, days: number) => {
    const date = workdayOnOrBefore(addDays(themed(month), -days));
    return date < formatIsoDate(year, month, 1) ? themed(month) : date;
  };
  /** Branch-wide events by date: merged into one event each. */
  const branchEvents = new Map<string, PlanItem>();
  const separate: PlanItem[] = [];

  const addBranchEvent = (date: string, type: MeetingType, topic: string) => {
    // A second item of the same type in the same month (minimum 2 a month) goes a week earlier, or later
    // when earlier would leave the month.
    const month = date.slice(0, 7);
    const taken = (day: string) => branchEvents.get(day)?.types.includes(type) ?? false;
    let day = date;
    for (let weeks = 1; taken(day) && weeks < 6; weeks += 1) {
      day = [addDays(date, -7 * weeks), addDays(date, 7 * weeks)].find((candidate) => candidate.startsWith(month) && !taken(candidate)) ?? day;
    }
    const event = branchEvents.get(day);
    if (!event) branchEvents.set(day, { plannedOn: day, types: [type], partyGroupId: null, topic, owner });
    else {
      if (!event.types.includes(type)) event.types.push(type);
      event.topic = `${event.topic}；${topic}`;
    }
  };

  for (const rule of rules) {
    if (rule.kind === 'coverage') {
      const month = Math.max(1, orgLifeMonth - 1);
      separate.push({ plannedOn: before(month, 14), types: [rule.type], partyGroupId: null, topic: topicFor(rule.type, rule, month), owner });
      continue;
    }
    // 民主评议 usually goes with 组织生活会.
    const months = rule.type === 'democraticReview' && orgLife && rule.period === 'year' ? [orgLifeMonth] : monthsFor(rule);
    for (const month of months) {
      if (rule.type === 'committeeMeeting') {
        separate.push({ plannedOn: before(month, 7), types: [rule.type], partyGroupId: null, topic: topicFor(rule.type, rule, month), owner });
      } else if (rule.type === 'groupMeeting') {
        for (const group of groups.filter((candidate) => groupExistsIn(candidate, year, month))) {
          separate.push({
            plannedOn: before(month, 10),
            types: [rule.type],
            partyGroupId: group.id,
            topic: topicFor(rule.type, rule, month),
            owner: group.leaderName ?? '',
          });
        }
      } else {
        addBranchEvent(themed(month), rule.type, topicFor(rule.type, rule, month));
      }
    }
  }

  const items = [...branchEvents.values(), ...separate].filter((item) => item.plannedOn.startsWith(`${year}-`));
  for (const item of items) item.types.sort((a, b) => TYPE_ORDER.get(a)! - TYPE_ORDER.get(b)!);
  return items.sort(
    (a, b) => a.plannedOn.localeCompare(b.plannedOn) || TYPE_ORDER.get(a.types[0])! - TYPE_ORDER.get(b.types[0])! || (a.partyGroupId ?? 0) - (b.partyGroupId ?? 0),
  );
}
