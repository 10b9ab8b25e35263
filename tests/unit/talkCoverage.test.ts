import { describe, expect, it } from 'vitest';
import { coverageSentence, pairKind, talkCoverage, type TalkPerson } from '../../src/shared/domain/talkCoverage';

// 书记 1, 支委 2 and 3, 党员 4, 5 and 6.
const people: TalkPerson[] = [
  { memberId: 1, name: '陈书记', role: 'secretary' },
  { memberId: 2, name: '王委员', role: 'committee' },
  { memberId: 3, name: '李委员', role: 'committee' },
  { memberId: 4, name: '党员甲', role: 'member' },
  { memberId: 5, name: '党员乙', role: 'member' },
  { memberId: 6, name: '党员丙', role: 'member' },
];

const summaryOf = (coverage: ReturnType<typeof talkCoverage>) => Object.fromEntries(coverage.summary.map((entry) => [entry.kind, `${entry.covered}/${entry.required}`]));

describe('谈心谈话 coverage', () => {
  it('classifies pairs: 书记–支委, 支委–支委, 支委 or 书记–党员, 党员–党员', () => {
    expect(pairKind('secretary', 'committee')).toBe('secretaryCommittee');
    expect(pairKind('committee', 'secretary')).toBe('secretaryCommittee');
    expect(pairKind('committee', 'committee')).toBe('committeeCommittee');
    expect(pairKind('secretary', 'member')).toBe('committeeMember');
    expect(pairKind('member', 'committee')).toBe('committeeMember');
    expect(pairKind('member', 'member')).toBe('memberMember');
  });

  it('requires every pair once and counts the pairs that talked, whichever way round', () => {
    const coverage = talkCoverage(people, [
      { heldOn: '2025-11-03', memberIds: [1, 2] },
      { heldOn: '2025-11-20', memberIds: [2, 1] },
      { heldOn: '2025-11-04', memberIds: [3, 1] },
      { heldOn: '2025-11-05', memberIds: [2, 4] },
    ]);
    expect(coverage.pairs).toHaveLength(15);
    expect(summaryOf(coverage)).toEqual({ secretaryCommittee: '2/2', committeeCommittee: '0/1', committeeMember: '1/9', memberMember: '0/3' });
    expect(coverage.pairs.find((pair) => pair.a === 1 && pair.b === 2)!.dates).toEqual(['2025-11-03', '2025-11-20']);
    expect(coverageSentence(coverage.summary)).toBe('书记与支委谈话 2/2，支委之间谈话 0/1，支委与党员谈话 1/9，党员之间谈话 0/3');
  });

  it('lets a talk of three members cover each pair among them', () => {
    const coverage = talkCoverage(people, [{ heldOn: '2025-06-01', memberIds: [4, 5, 6] }]);
    expect(summaryOf(coverage).memberMember).toBe('3/3');
  });

  it('ignores talks with people outside the list and repeated participants', () => {
    const coverage = talkCoverage(people, [
      { heldOn: '2025-06-01', memberIds: [4, 99] },
      { heldOn: '2025-06-02', memberIds: [5, 5] },
    ]);
    expect(coverage.pairs.every((pair) => pair.dates.length === 0)).toBe(true);
  });

  it('leaves out kinds with no required pair (a branch without a committee)', () => {
    const coverage = talkCoverage(people.filter((person) => person.role === 'member'), []);
    expect(coverage.summary.map((entry) => entry.kind)).toEqual(['memberMember']);
    expect(talkCoverage([], []).summary).toEqual([]);
  });
});
