import type { PlanItem } from './annualPlan';
import { addDays, daysBetween, daysInMonth, formatIsoDate } from './dates';
import type { AttentionLink } from './homeAttention';
import { MEETING_TYPES, type MeetingType } from './meetingTypes';
import { PERIODS_PER_YEAR, RULE_PERIODS, type EffectivePack, type RulePeriod } from './rulePacks';

// 年度计划 against the records (issue 5 item 5, “planned items … become records when held”): which
// planned items were held, which are still ahead and which were missed. Pure; the plans service feeds
// the saved plan, the year's live records (deleted ones are never listed) and the rules in force.
//
// A planned item is 已开展 when, for each of its types, a record of that type (of the same 党小组 for a
// 党小组会) is held in the period the item stands for: the month for a monthly obligation, the quarter,
// half-year or year for the others. The plan does not store which rule an item came from, so the
// period is the type's cadence under the rules in force (its shortest when several rules name it).
// Records are shared out one to one per type, closest date first: two 支委会 planned in one month need
// two records, and one record does not make both of them held.

export const PLAN_ITEM_STATUSES = ['held', 'upcoming', 'due', 'missed'] as const;
export type PlanItemStatus = (typeof PLAN_ITEM_STATUSES)[number];
export const PLAN_ITEM_STATUS_LABELS: Record<PlanItemStatus, string> = {
  held: '已开展',
  upcoming: '待开展',
  due: '本期待开展',
  missed: '已过期未开展',
};

/** A live record as the matching needs it. */
export interface PlanRecord {
  id: number;
  heldOn: string;
  types: readonly MeetingType[];
  partyGroupId: number | null;
  topic: string;
}

export interface PlanItemProgress {
  /**
   * held: every type has its record; upcoming: the planned day is today or ahead; due: the day has
   * passed but the period is still open; missed: the day has passed and the period has ended.
   */
  status: PlanItemStatus;
  /** The record closest to the planned day among those that count for the item (also when only part is held). */
  record: { id: number; heldOn: string; topic: string } | null;
  /** The item's types no record counts for yet; empty when held. */
  missingTypes: MeetingType[];
}

/** The period each type is judged by under the rules in force: its shortest rule's; a year when no rule names it. */
export function typePeriods(pack: Pick<EffectivePack, 'rules'>): Record<MeetingType, RulePeriod> {
  const periods = Object.fromEntries(MEETING_TYPES.map((type) => [type, 'year' as RulePeriod])) as Record<MeetingType, RulePeriod>;
  for (const rule of pack.rules) {
    if (rule.disabled) continue;
    if (RULE_PERIODS.indexOf(rule.period) < RULE_PERIODS.indexOf(periods[rule.type])) periods[rule.type] = rule.period;
  }
  return periods;
}

/** First and last day of the period of `kind` that holds `iso`. */
export function periodAround(kind: RulePeriod, iso: string): { start: string; end: string } {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const length = 12 / PERIODS_PER_YEAR[kind];
  const first = Math.floor((month - 1) / length) * length + 1;
  const last = first + length - 1;
  return { start: formatIsoDate(year, first, 1), end: formatIsoDate(year, last, daysInMonth(year, last)) };
}

function counts(item: PlanItem, record: PlanRecord, type: MeetingType): boolean {
  if (!record.types.includes(type)) return false;
  // A 党小组会 planned for a group needs that group's record; other types are branch-wide.
  return type !== 'groupMeeting' || item.partyGroupId === null || record.partyGroupId === item.partyGroupId;
}

/** Each item's status and the record that made it held, in the items' order. */
export function planProgress(
  items: readonly PlanItem[],
  records: readonly PlanRecord[],
  periods: Record<MeetingType, RulePeriod>,
  today: string,
): PlanItemProgress[] {
  /** Per item: the record found for each of its types. */
  const found = items.map(() => new Map<MeetingType, PlanRecord>());
  const types = new Set(items.flatMap((item) => item.types));
  for (const type of types) {
    const pairs: { item: number; record: PlanRecord; distance: number }[] = [];
    items.forEach((item, index) => {
      if (!item.types.includes(type)) return;
      const { start, end } = periodAround(periods[type], item.plannedOn);
      for (const record of records) {
        if (record.heldOn >= start && record.heldOn <= end && counts(item, record, type)) {
          pairs.push({ item: index, record, distance: Math.abs(daysBetween(item.plannedOn, record.heldOn)) });
        }
      }
    });
    // Closest first; on a tie the earlier record, then the earlier item: one record per item and type.
    pairs.sort((a, b) => a.distance - b.distance || a.record.heldOn.localeCompare(b.record.heldOn) || a.record.id - b.record.id || a.item - b.item);
    const usedRecords = new Set<number>();
    for (const pair of pairs) {
      if (found[pair.item].has(type) || usedRecords.has(pair.record.id)) continue;
      found[pair.item].set(type, pair.record);
      usedRecords.add(pair.record.id);
    }
  }

  return items.map((item, index) => {
    const matched = [...found[index].values()];
    const closest = matched.sort((a, b) => Math.abs(daysBetween(item.plannedOn, a.heldOn)) - Math.abs(daysBetween(item.plannedOn, b.heldOn)) || a.heldOn.localeCompare(b.heldOn))[0];
    const missingTypes = item.types.filter((type) => !found[index].has(type));
    const status: PlanItemStatus =
      missingTypes.length === 0
        ? 'held'
        : item.plannedOn >= today
          ? 'upcoming'
          : missingTypes.some((type) => periodAround(periods[type], item.plannedOn).end >= today)
            ? 'due'
            : 'missed';
    return { status, record: closest ? { id: closest.id, heldOn: closest.heldOn, topic: closest.topic } : null, missingTypes };
  });
}

/**
 * The new-record page filled from a planned item: its types (those still missing when part was held),
 * 党小组, planned day and topic — `/meetings/new?type=themedPartyDay,memberAssembly&date=2026-05-25&topic=…`.
 */
export function planRecordLink(item: PlanItem, missingTypes: readonly MeetingType[] = item.types): AttentionLink {
  const types = missingTypes.length ? missingTypes : item.types;
  return {
    path: '/meetings/new',
    query: {
      type: types.join(','),
      ...(item.partyGroupId !== null && types.includes('groupMeeting') ? { group: String(item.partyGroupId) } : {}),
      date: item.plannedOn,
      topic: item.topic,
    },
  };
}

/** How far ahead 首页 shows planned items. */
export const PLAN_HORIZON_DAYS = 30;

/**
 * The planned items 首页 lists on `today`: not yet held, planned from the first of this month (the
 * ones whose day passed this month without a record) to 30 days ahead. Indexes into `items`, by date.
 */
export function plannedForAttention(items: readonly PlanItem[], progress: readonly PlanItemProgress[], today: string): number[] {
  const from = `${today.slice(0, 7)}-01`;
  const to = addDays(today, PLAN_HORIZON_DAYS);
  return items
    .map((item, index) => ({ item, index }))
    .filter(({ item, index }) => progress[index].status !== 'held' && item.plannedOn >= from && item.plannedOn <= to)
    .sort((a, b) => a.item.plannedOn.localeCompare(b.item.plannedOn) || a.index - b.index)
    .map(({ index }) => index);
}
