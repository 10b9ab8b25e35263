import type { CommitteeRole } from '../domain/branch';
import type { ElectionReminder, ObligationItem, ProbationReminder, AttentionLink, YearCompletion } from '../domain/homeAttention';
import type { MeetingType } from '../domain/meetingTypes';
import type { PlanItemStatus } from '../domain/planProgress';
import type { CoverageSummary } from '../domain/talkCoverage';
import { noInput, returns } from './common';
import type { Branch, CommitteeTerm } from './branch';

export interface CommitteeSeat {
  role: CommitteeRole;
  memberId: number;
  memberName: string;
}

/** The facts 首页 shows about the branch; later issues add obligations and reminders here. */
export interface HomeOverview {
  branch: Branch;
  term: CommitteeTerm | null;
  /** 换届 date and whether the three-month notice applies today. */
  election: { dueOn: string; daysLeft: number; noticeActive: boolean } | null;
  committee: CommitteeSeat[];
  members: { total: number; full: number; probationary: number };
  groups: { id: number; name: string; leaderName: string | null; memberCount: number }[];
  meetings: { year: number; count: number }[];
  today: string;
}

/** An open 整改 item of a 组织生活会 (整改清单), as 首页 lists it. */
export interface AttentionRectification {
  id: number;
  measure: string;
  ownerName: string | null;
  dueOn: string | null;
  overdue: boolean;
  /** Days past the 整改时限 (overdue items only). */
  daysOverdue: number | null;
  meetingId: number;
  meetingHeldOn: string;
  meetingTopic: string;
  problemText: string | null;
  /** The 组织生活会 record, where the 整改清单 is ticked off. */
  link: AttentionLink;
}

/** 谈心谈话 coverage of one year in short (the coverage table is behind the link). */
export interface AttentionTalks {
  year: number;
  summary: CoverageSummary[];
  sentence: string;
  link: AttentionLink;
}

/** A planned item of the 年度计划 not held yet, as 首页 lists it. */
export interface AttentionPlannedItem {
  /** Unique on the page: year and the item's place in the saved plan. */
  key: string;
  plannedOn: string;
  types: MeetingType[];
  groupName: string | null;
  topic: string;
  owner: string;
  /** upcoming (today or ahead), due (the day passed this month, no record yet). */
  status: Exclude<PlanItemStatus, 'held'>;
  /** Days from today to the planned day (negative once passed). */
  daysAhead: number;
  /** The new-record page filled with the item's types, 党小组, day and topic (登记). */
  link: AttentionLink;
}

/**
 * The 年度计划 on 首页: items of the next 30 days (and this month's passed ones) not held yet. With no
 * saved plan for this year nothing is listed; in January–February `suggest` offers a quiet link.
 */
export interface AttentionPlan {
  year: number;
  saved: boolean;
  items: AttentionPlannedItem[];
  suggest: boolean;
  /** The year's plan page. */
  link: AttentionLink;
}

/**
 * What needs doing on 首页 today (issue 5): obligations due or missed, 换届, 转正, open 整改, 谈心谈话
 * coverage and the year's completion. `years` is this year, plus last year in January–February
 * (secretaries close the year then); obligations, talks and completion cover each of them.
 */
export interface HomeAttention {
  today: string;
  years: number[];
  /** Name of the rule pack the obligations come from. */
  packName: string;
  obligations: { due: ObligationItem[]; overdue: ObligationItem[] };
  election: ElectionReminder | null;
  probations: ProbationReminder[];
  /** Open items, overdue first, then by 整改时限. */
  rectifications: AttentionRectification[];
  talks: AttentionTalks[];
  completion: YearCompletion[];
  plan: AttentionPlan;
}

export const homeContract = {
  'home:get': { input: noInput, output: returns<HomeOverview | null>() },
  'home:attention': { input: noInput, output: returns<HomeAttention | null>() },
} as const;
