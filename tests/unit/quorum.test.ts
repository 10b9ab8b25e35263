import { describe, expect, it } from 'vitest';
import type { MemberEvent } from '../../src/shared/domain/memberHistory';
import {
  assemblyQuorum,
  committeeQuorum,
  electionQuorum,
  excellentCapProblem,
  expectedAttendance,
  maxExcellent,
  resolutionPasses,
  tallyProblems,
  type AttendanceMember,
} from '../../src/shared/domain/quorum';

const ev = (kind: MemberEvent['kind'], occurredOn: string, extra: Partial<MemberEvent> = {}): MemberEvent => ({ kind, occurredOn, ...extra });
const full = (id: number, extra: Partial<AttendanceMember> = {}): AttendanceMember => ({
  id,
  name: `党员${id}`,
  declaredCategory: 'full',
  events: [ev('admitted', '2010-06-30'), ev('confirmed', '2011-06-30')],
  groupMemberships: [],
  ...extra,
});

describe('party assembly quorum: more than half of those entitled to vote', () => {
  it.each([
    [7, 3, false, 4],
    [7, 4, true, 4],
    [8, 4, false, 5],
    [8, 5, true, 5],
    [1, 1, true, 1],
  ])('%i entitled, %i present -> valid %s (needs %i)', (entitled, present, valid, needed) => {
    expect(assemblyQuorum(entitled, present)).toMatchObject({ valid, needed });
  });

  it('explains the verdict in plain Chinese', () => {
    expect(assemblyQuorum(7, 3).explanation).toBe('应到会有表决权的党员 7 名，实到 3 名，未超过半数（至少需要 4 名），会议不能作出决议。');
    expect(assemblyQuorum(0, 0).valid).toBe(false);
  });
});

describe('resolutions: yes-votes over half of the ENTITLED, not of those present', () => {
  it('fails with a majority of those present that is not a majority of the entitled', () => {
    expect(resolutionPasses(7, { yes: 3, no: 0, abstain: 1 })).toMatchObject({ valid: false, needed: 4 });
    expect(resolutionPasses(7, { yes: 4, no: 1, abstain: 0 }).valid).toBe(true);
  });

  it('counts written opinions sent before a membership vote', () => {
    const verdict = resolutionPasses(7, { yes: 3, no: 0, abstain: 0, writtenYes: 1 });
    expect(verdict.valid).toBe(true);
    expect(verdict.explanation).toContain('含书面同意意见 1 份');
  });

  it('refuses tallies that do not add up', () => {
    expect(tallyProblems({ yes: 4, no: 1, abstain: 1 }, 5, 2)).toEqual(['赞成、反对、弃权合计 6 票，超过到会有表决权的党员 5 名']);
    expect(tallyProblems({ yes: 3, no: 0, abstain: 0, writtenYes: 3 }, 5, 2)[0]).toContain('书面意见 3 份');
    expect(tallyProblems({ yes: -1, no: 0, abstain: 0 }, 5, 2)).toContain('票数应为不小于0的整数');
    expect(tallyProblems({ yes: 3, no: 1, abstain: 1 }, 5, 2)).toEqual([]);
  });
});

describe('committee and election quorum', () => {
  it('needs more than half of the 委员 at a 支委会', () => {
    expect(committeeQuorum(5, 2)).toMatchObject({ valid: false, needed: 3 });
    expect(committeeQuorum(5, 3).valid).toBe(true);
    expect(committeeQuorum(4, 2).valid).toBe(false);
  });

  it('needs more than four fifths for an election', () => {
    expect(electionQuorum(10, 8)).toMatchObject({ valid: false, needed: 9 });
    expect(electionQuorum(10, 9).valid).toBe(true);
    expect(electionQuorum(7, 5)).toMatchObject({ valid: false, needed: 6 });
    expect(electionQuorum(7, 6).valid).toBe(true);
  });
});

describe('expected attendance as of the meeting date', () => {
  const probationary = full(2, { declaredCategory: 'probationary', events: [ev('admitted', '2026-06-24')] });
  const underProbation = full(3, { events: [ev('admitted', '2010-06-30'), ev('confirmed', '2011-06-30'), ev('partyProbation', '2026-01-10', { untilOn: '2027-01-10' })] });
  const leftInMarch = full(4, { events: [ev('admitted', '2010-06-30'), ev('confirmed', '2011-06-30'), ev('transferredOut', '2026-03-01')] });
  const members = [full(1), probationary, underProbation, leftInMarch];

  it('lists who belonged that day, with voting rights as of that day', () => {
    const { expected } = expectedAttendance(members, { kind: 'branch' }, '2026-07-01');
    expect(expected.map((a) => [a.memberId, a.category, a.entitledToVote])).toEqual([
      [1, 'full', true],
      [2, 'probationary', false],
      [3, 'full', false],
    ]);
  });

  it('includes a member who left later, and the voting right before a 留党察看', () => {
    const { expected } = expectedAttendance(members, { kind: 'branch' }, '2025-12-01');
    expect(expected.map((a) => [a.memberId, a.entitledToVote])).toEqual([
      [1, true],
      [3, true],
      [4, true],
    ]);
  });

  it('sets members excluded with approval apart, with their reason', () => {
    const { expected, excluded } = expectedAttendance(members, { kind: 'branch' }, '2026-07-01', [{ memberId: 3, reason: '长期病休，经上级党组织同意' }]);
    expect(expected.map((a) => a.memberId)).toEqual([1, 2]);
    expect(excluded).toEqual([{ memberId: 3, name: '党员3', reason: '长期病休，经上级党组织同意' }]);
  });

  it('follows 党小组 membership over time', () => {
    const mover = full(5, { groupMemberships: [{ groupId: 1, fromOn: null, toOn: '2026-07-01' }, { groupId: 2, fromOn: '2026-07-01', toOn: null }] });
    expect(expectedAttendance([mover], { kind: 'group', groupId: 1 }, '2026-06-30').expected).toHaveLength(1);
    expect(expectedAttendance([mover], { kind: 'group', groupId: 1 }, '2026-07-01').expected).toHaveLength(0);
    expect(expectedAttendance([mover], { kind: 'group', groupId: 2 }, '2026-07-01').expected).toHaveLength(1);
  });

  it('limits named scopes to the people named (支委会, 谈心谈话)', () => {
    expect(expectedAttendance(members, { kind: 'people', memberIds: [1, 4] }, '2026-07-01').expected.map((a) => a.memberId)).toEqual([1]);
  });
});

describe('民主评议: 优秀 at most a third of the graded 正式党员', () => {
  it('rounds the cap down', () => {
    expect(maxExcellent(22)).toBe(7);
    expect(maxExcellent(2)).toBe(0);
    expect(excellentCapProblem(22, 7)).toBeNull();
    expect(excellentCapProblem(22, 8)).toBe('评为“优秀”的 8 名，超过参加评定的正式党员 22 名的三分之一（最多 7 名）');
  });
});
