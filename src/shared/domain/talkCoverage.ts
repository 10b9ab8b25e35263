// 谈心谈话 coverage (DOMAIN §2): every pair should talk at least once a year — 委员↔委员, 委员↔党员,
// 党员↔党员 — with the 书记's talks with each 委员 shown on their own, since that is what inspectors
// ask for first. A talk with three or more members covers every pair among them.

export type TalkRole = 'secretary' | 'committee' | 'member';
export const TALK_ROLE_LABELS: Record<TalkRole, string> = { secretary: '书记', committee: '支委', member: '党员' };

export const PAIR_KINDS = ['secretaryCommittee', 'committeeCommittee', 'committeeMember', 'memberMember'] as const;
export type PairKind = (typeof PAIR_KINDS)[number];
export const PAIR_KIND_LABELS: Record<PairKind, string> = {
  secretaryCommittee: '书记与支委谈话',
  committeeCommittee: '支委之间谈话',
  committeeMember: '支委与党员谈话',
  memberMember: '党员之间谈话',
};

export interface TalkPerson {
  memberId: number;
  name: string;
  role: TalkRole;
}

export interface TalkEvent {
  heldOn: string;
  memberIds: readonly number[];
}

export interface CoveredPair {
  /** The smaller member id first. */
  a: number;
  b: number;
  kind: PairKind;
  /** Dates of the talks, earliest first; empty when the pair has not talked this year. */
  dates: string[];
}

export interface CoverageSummary {
  kind: PairKind;
  label: string;
  covered: number;
  required: number;
}

export interface Coverage {
  pairs: CoveredPair[];
  summary: CoverageSummary[];
}

const isCommittee = (role: TalkRole) => role !== 'member';

export function pairKind(x: TalkRole, y: TalkRole): PairKind {
  if (x === 'secretary' || y === 'secretary') return isCommittee(x) && isCommittee(y) ? 'secretaryCommittee' : 'committeeMember';
  if (isCommittee(x) && isCommittee(y)) return 'committeeCommittee';
  if (isCommittee(x) || isCommittee(y)) return 'committeeMember';
  return 'memberMember';
}

const pairKey = (x: number, y: number) => (x < y ? `${x}-${y}` : `${y}-${x}`);

/**
 * Every required pair among `people` with the dates they talked. Talks with people outside the
 * list (members who had left by the reference date, outsiders) do not count; a pair is required
 * once, however often it talked.
 */
export function talkCoverage(people: readonly TalkPerson[], talks: readonly TalkEvent[]): Coverage {
  const dates = new Map<string, string[]>();
  for (const talk of talks) {
    const ids = [...new Set(talk.memberIds)];
    for (let i = 0; i < ids.length; i += 1) {
      for (let j = i + 1; j < ids.length; j += 1) {
        const key = pairKey(ids[i], ids[j]);
        dates.set(key, [...(dates.get(key) ?? []), talk.heldOn]);
      }
    }
  }
  const pairs: CoveredPair[] = [];
  for (let i = 0; i < people.length; i += 1) {
    for (let j = i + 1; j < people.length; j += 1) {
      const [x, y] = [people[i], people[j]];
      if (x.memberId === y.memberId) continue;
      pairs.push({
        a: Math.min(x.memberId, y.memberId),
        b: Math.max(x.memberId, y.memberId),
        kind: pairKind(x.role, y.role),
        dates: [...new Set(dates.get(pairKey(x.memberId, y.memberId)) ?? [])].sort(),
      });
    }
  }
  const summary = PAIR_KINDS.map((kind) => {
    const ofKind = pairs.filter((pair) => pair.kind === kind);
    return { kind, label: PAIR_KIND_LABELS[kind], covered: ofKind.filter((pair) => pair.dates.length > 0).length, required: ofKind.length };
  }).filter((entry) => entry.required > 0);
  return { pairs, summary };
}

/** “书记与支委谈话 4/4，支委与党员谈话 18/25” */
export function coverageSentence(summary: readonly CoverageSummary[]): string {
  return summary.map((entry) => `${entry.label} ${entry.covered}/${entry.required}`).join('，');
}
