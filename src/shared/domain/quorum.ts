import { memberStateOn, type MemberEvent, type MemberState } from './memberHistory';
import type { MemberCategory } from './member';

// Who is expected at a meeting and whether it and its votes were valid (DOMAIN §3). Everything is
// computed as of the meeting date from the members' dated histories, never from today's roster.

/** A member with what attendance needs: their history and their 党小组 memberships over time. */
export interface AttendanceMember {
  id: number;
  name: string;
  declaredCategory: MemberCategory;
  events: readonly MemberEvent[];
  /** from_on null: since before records began; to_on is exclusive. */
  groupMemberships: readonly { groupId: number; fromOn: string | null; toOn: string | null }[];
  /** The state on a date, precomputed (memberStateTimeline) when many dates are asked; else replayed. */
  stateOn?: (date: string) => MemberState;
}

/** Who a meeting is for: the whole branch (党员大会, 党课…), one 党小组, or named people (支委会, 谈心谈话). */
export type AttendanceScope = { kind: 'branch' } | { kind: 'group'; groupId: number } | { kind: 'people'; memberIds: readonly number[] };

/** A member excluded from 应到 with higher-level consent (long illness, abroad > 6 months…). */
export interface ApprovedExclusion {
  memberId: number;
  reason: string;
}

export interface ExpectedAttendee {
  memberId: number;
  name: string;
  category: MemberCategory;
  /** 有表决权 on the meeting date. */
  entitledToVote: boolean;
}

export interface ExpectedAttendance {
  /** 应到: in scope and in the branch on the date, less approved exclusions. */
  expected: ExpectedAttendee[];
  excluded: (ApprovedExclusion & { name: string })[];
}

function inGroupOn(member: AttendanceMember, groupId: number, date: string): boolean {
  return member.groupMemberships.some(
    (membership) => membership.groupId === groupId && (membership.fromOn === null || membership.fromOn <= date) && (membership.toOn === null || membership.toOn > date),
  );
}

/** 应到 of a meeting held on `date`, split by category and voting right, with exclusions set apart. */
export function expectedAttendance(
  members: readonly AttendanceMember[],
  scope: AttendanceScope,
  date: string,
  exclusions: readonly ApprovedExclusion[] = [],
): ExpectedAttendance {
  const excludedIds = new Map(exclusions.map((exclusion) => [exclusion.memberId, exclusion.reason]));
  const expected: ExpectedAttendee[] = [];
  const excluded: ExpectedAttendance['excluded'] = [];
  for (const member of members) {
    if (scope.kind === 'group' && !inGroupOn(member, scope.groupId, date)) continue;
    if (scope.kind === 'people' && !scope.memberIds.includes(member.id)) continue;
    const state = member.stateOn ? member.stateOn(date) : memberStateOn(member.events, member.declaredCategory, date);
    if (!state.belongs) continue;
    const reason = excludedIds.get(member.id);
    if (reason !== undefined) {
      excluded.push({ memberId: member.id, name: member.name, reason });
      continue;
    }
    expected.push({ memberId: member.id, name: member.name, category: state.category, entitledToVote: state.entitledToVote });
  }
  return { expected, excluded };
}

export interface Verdict {
  valid: boolean;
  /** The smallest number that would have made it valid. */
  needed: number;
  /** Plain Chinese: what was counted and why it is or is not valid. */
  explanation: string;
}

/** More than half: 7 -> 4, 8 -> 5. */
export const moreThanHalf = (total: number) => Math.floor(total / 2) + 1;

/**
 * 党员大会 quorum: more than half of the members entitled to vote must be present. 预备党员 and
 * members under 留党察看 attend but do not count here.
 */
export function assemblyQuorum(entitled: number, presentEntitled: number): Verdict {
  const needed = moreThanHalf(entitled);
  if (entitled === 0) return { valid: false, needed: 1, explanation: '没有有表决权的党员，不能召开支部党员大会。' };
  const valid = presentEntitled >= needed;
  return {
    valid,
    needed,
    explanation: valid
      ? `应到会有表决权的党员 ${entitled} 名，实到 ${presentEntitled} 名，超过半数，会议有效。`
      : `应到会有表决权的党员 ${entitled} 名，实到 ${presentEntitled} 名，未超过半数（至少需要 ${needed} 名），会议不能作出决议。`,
  };
}

/** 支委会: more than half of the 委员 present. */
export function committeeQuorum(committeeSize: number, present: number): Verdict {
  const needed = moreThanHalf(committeeSize);
  const valid = committeeSize > 0 && present >= needed;
  return {
    valid,
    needed,
    explanation: valid
      ? `支委会委员 ${committeeSize} 名，到会 ${present} 名，超过半数，会议有效。`
      : `支委会委员 ${committeeSize} 名，到会 ${present} 名，未超过半数（至少需要 ${needed} 名）。`,
  };
}

/** 选举 (换届): more than four fifths of those entitled must be present. */
export function electionQuorum(entitled: number, presentEntitled: number): Verdict {
  const needed = Math.floor((entitled * 4) / 5) + 1;
  const valid = entitled > 0 && presentEntitled >= needed;
  return {
    valid,
    needed,
    explanation: valid
      ? `应到会有选举权的党员 ${entitled} 名，实到 ${presentEntitled} 名，超过五分之四，可以进行选举。`
      : `应到会有选举权的党员 ${entitled} 名，实到 ${presentEntitled} 名，未超过五分之四（至少需要 ${needed} 名），不能进行选举。`,
  };
}

export interface VoteTally {
  yes: number;
  no: number;
  abstain: number;
  /** 书面意见 sent before a membership vote by entitled members who could not attend. */
  writtenYes?: number;
  writtenNo?: number;
}

/** Problems with the numbers themselves (more votes than voters…), in Chinese; empty when they add up. */
export function tallyProblems(tally: VoteTally, presentEntitled: number, absentEntitled: number): string[] {
  const problems: string[] = [];
  const counts = [tally.yes, tally.no, tally.abstain, tally.writtenYes ?? 0, tally.writtenNo ?? 0];
  if (counts.some((count) => !Number.isInteger(count) || count < 0)) problems.push('票数应为不小于0的整数');
  if (tally.yes + tally.no + tally.abstain > presentEntitled) {
    problems.push(`赞成、反对、弃权合计 ${tally.yes + tally.no + tally.abstain} 票，超过到会有表决权的党员 ${presentEntitled} 名`);
  }
  if ((tally.writtenYes ?? 0) + (tally.writtenNo ?? 0) > absentEntitled) {
    problems.push(`书面意见 ${(tally.writtenYes ?? 0) + (tally.writtenNo ?? 0)} 份，超过未到会的有表决权党员 ${absentEntitled} 名`);
  }
  return problems;
}

/**
 * A resolution of the 党员大会 passes when yes-votes (with written yes-opinions) are more than half of
 * the members ENTITLED to vote — not of those present (DOMAIN §3).
 */
export function resolutionPasses(entitled: number, tally: VoteTally): Verdict {
  const yes = tally.yes + (tally.writtenYes ?? 0);
  const needed = moreThanHalf(entitled);
  const valid = entitled > 0 && yes >= needed;
  const written = tally.writtenYes ? `（含书面同意意见 ${tally.writtenYes} 份）` : '';
  return {
    valid,
    needed,
    explanation: valid
      ? `赞成 ${yes} 票${written}，超过应到会有表决权党员 ${entitled} 名的半数，决议通过。`
      : `赞成 ${yes} 票${written}，未超过应到会有表决权党员 ${entitled} 名的半数（至少需要 ${needed} 票），决议未通过。`,
  };
}

/** 民主评议: at most a third of the graded 正式党员 may be rated 优秀. */
export const maxExcellent = (gradedFullMembers: number) => Math.floor(gradedFullMembers / 3);

export function excellentCapProblem(gradedFullMembers: number, excellent: number): string | null {
  const cap = maxExcellent(gradedFullMembers);
  return excellent > cap ? `评为“优秀”的 ${excellent} 名，超过参加评定的正式党员 ${gradedFullMembers} 名的三分之一（最多 ${cap} 名）` : null;
}
