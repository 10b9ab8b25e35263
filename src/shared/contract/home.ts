import type { CommitteeRole } from '../domain/branch';
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

export const homeContract = {
  'home:get': { input: noInput, output: returns<HomeOverview | null>() },
} as const;
