import { addDays, addYears } from './dates';

export const BRANCH_KINDS = ['organ', 'twoNew', 'villageCommunity', 'school', 'other'] as const;
export type BranchKind = (typeof BRANCH_KINDS)[number];

export const BRANCH_KIND_LABELS: Record<BranchKind, string> = {
  organ: '机关',
  twoNew: '两新组织',
  villageCommunity: '村（社区）',
  school: '学校',
  other: '其他',
};

/** 支委会 term: 3 years, village and community branches 5 years (DOMAIN §1). */
export function defaultTermYears(kind: BranchKind): number {
  return kind === 'villageCommunity' ? 5 : 3;
}

/** A term elected on 2024-03-15 runs to 2027-03-14: the day before the anniversary. */
export function defaultTermEnd(kind: BranchKind, termStartsOn: string): string {
  return addDays(addYears(termStartsOn, defaultTermYears(kind)), -1);
}

/** 换届 is due when the current term ends; the notice shows from three months before. */
export const ELECTION_NOTICE_MONTHS = 3;

export const COMMITTEE_ROLES = ['secretary', 'deputySecretary', 'organization', 'publicity', 'discipline'] as const;
export type CommitteeRole = (typeof COMMITTEE_ROLES)[number];

export const COMMITTEE_ROLE_LABELS: Record<CommitteeRole, string> = {
  secretary: '书记',
  deputySecretary: '副书记',
  organization: '组织委员',
  publicity: '宣传委员',
  discipline: '纪检委员',
};
