import { describe, expect, it } from 'vitest';
import { belongsOn, entitledToVoteOn, historyProblems, memberStateOn, type MemberEvent } from '../../src/shared/domain/memberHistory';

const ev = (kind: MemberEvent['kind'], occurredOn: string, extra: Partial<MemberEvent> = {}): MemberEvent => ({ kind, occurredOn, ...extra });

describe('member state as of a date', () => {
  const history = [ev('admitted', '2024-06-24'), ev('confirmed', '2025-06-24')];

  it('is not in the branch before admission, 预备 until 转正, 正式 from the 转正 day', () => {
    expect(memberStateOn(history, 'full', '2024-06-23')).toMatchObject({ status: 'notJoined', belongs: false, entitledToVote: false });
    expect(memberStateOn(history, 'full', '2024-06-24')).toMatchObject({ belongs: true, category: 'probationary', entitledToVote: false, probationEndsOn: '2025-06-24' });
    expect(memberStateOn(history, 'full', '2025-06-23')).toMatchObject({ category: 'probationary', entitledToVote: false });
    expect(memberStateOn(history, 'full', '2025-06-24')).toMatchObject({ category: 'full', entitledToVote: true, probationEndsOn: null });
  });

  it('leaves the roster on the 转出 day and returns on a later 转入', () => {
    const moves = [...history, ev('transferredOut', '2026-03-01', { detail: '中共某局机关支部' }), ev('transferredIn', '2026-09-01')];
    expect(belongsOn(moves, 'full', '2026-02-28')).toBe(true);
    expect(memberStateOn(moves, 'full', '2026-03-01')).toMatchObject({ status: 'transferredOut', belongs: false, entitledToVote: false });
    expect(belongsOn(moves, 'full', '2026-09-01')).toBe(true);
  });

  it('has no vote under 留党察看 until rights are restored', () => {
    const probation = [...history, ev('partyProbation', '2026-01-10', { untilOn: '2027-01-10' }), ev('partyProbationEnded', '2027-01-15')];
    expect(entitledToVoteOn(probation, 'full', '2026-01-09')).toBe(true);
    expect(memberStateOn(probation, 'full', '2026-01-10')).toMatchObject({ belongs: true, entitledToVote: false, partyProbation: { since: '2026-01-10', until: '2027-01-10' } });
    // The period has run out but no resolution restored the rights yet.
    expect(entitledToVoteOn(probation, 'full', '2027-01-12')).toBe(false);
    expect(entitledToVoteOn(probation, 'full', '2027-01-15')).toBe(true);
  });

  it('treats a member entered without dates as belonging all along, in the declared category', () => {
    expect(memberStateOn([], 'full', '1990-01-01')).toMatchObject({ belongs: true, category: 'full', entitledToVote: true });
    expect(memberStateOn([], 'probationary', '2026-01-01')).toMatchObject({ belongs: true, entitledToVote: false });
  });

  it('accepts a declared 正式党员 whose 转正 date is unknown once the probation year has passed', () => {
    const admittedOnly = [ev('admitted', '1998-07-01')];
    expect(memberStateOn(admittedOnly, 'full', '2026-01-01').category).toBe('full');
    expect(memberStateOn(admittedOnly, 'full', '1998-12-01').category).toBe('probationary');
    expect(memberStateOn(admittedOnly, 'probationary', '2026-01-01').category).toBe('probationary');
  });

  it('moves the end of probation when it is extended', () => {
    const extended = [ev('admitted', '2024-06-24'), ev('probationExtended', '2025-06-20', { untilOn: '2026-06-24' })];
    expect(memberStateOn(extended, 'probationary', '2025-12-01')).toMatchObject({ category: 'probationary', probationEndsOn: '2026-06-24' });
  });

  it('tracks 流动 and 失联 as open periods; a transfer out closes 流动', () => {
    const flows = [...history, ev('flowedOut', '2026-02-01', { detail: '上海' }), ev('lostContact', '2026-04-01')];
    expect(memberStateOn(flows, 'full', '2026-05-01')).toMatchObject({ flowing: { since: '2026-02-01', detail: '上海' }, lostContact: { since: '2026-04-01' }, belongs: true });
    expect(memberStateOn([...flows, ev('flowedBack', '2026-06-01'), ev('contactRestored', '2026-06-01')], 'full', '2026-06-01')).toMatchObject({ flowing: null, lostContact: null });
  });

  it('orders events by date, not by the order they were entered', () => {
    expect(memberStateOn([ev('confirmed', '2025-06-24'), ev('admitted', '2024-06-24')], 'full', '2025-07-01').category).toBe('full');
  });
});

describe('history rules', () => {
  const today = '2026-11-22';
  const messages = (events: MemberEvent[]) => historyProblems(events, today).map((p) => `${p.index}:${p.message}`);

  it('accepts a normal path', () => {
    expect(messages([ev('admitted', '2024-06-24'), ev('confirmed', '2025-06-24'), ev('flowedOut', '2026-01-01'), ev('flowedBack', '2026-03-01')])).toEqual([]);
  });

  it('refuses 转正 before the probation year is over, or without 入党', () => {
    expect(messages([ev('admitted', '2024-06-24'), ev('confirmed', '2025-06-23')])).toEqual(['1:预备期为一年，转正日期不能早于 2025-06-24']);
    expect(messages([ev('confirmed', '2025-06-23')])[0]).toContain('请先登记入党时间');
  });

  it('allows one extension of six to twelve months', () => {
    expect(messages([ev('admitted', '2024-06-24'), ev('probationExtended', '2025-06-20', { untilOn: '2025-09-24' })])).toEqual(['1:预备期延长时间应为半年至一年']);
    expect(messages([ev('admitted', '2024-06-24'), ev('probationExtended', '2025-06-20', { untilOn: '2026-03-24' })])).toEqual([]);
  });

  it('refuses closing a period that is not open, and anything after death', () => {
    expect(messages([ev('flowedBack', '2026-01-01')])).toEqual(['0:没有未结束的外出流动记录']);
    expect(messages([ev('deceased', '2026-01-01'), ev('transferredOut', '2026-02-01')])).toEqual([
      '1:已登记去世，不能再登记其他变动',
      '1:该党员当时不在本支部（已去世），不能登记组织关系转出',
    ]);
  });

  it('refuses a transfer out of someone already gone, and future dates', () => {
    expect(messages([ev('transferredOut', '2026-01-01'), ev('transferredOut', '2026-02-01')])[0]).toContain('已转出');
    expect(messages([ev('lostContact', '2027-01-01')])).toEqual(['0:日期不能晚于今天']);
  });

  it('needs an end date of at most two years for 留党察看', () => {
    expect(messages([ev('partyProbation', '2026-01-01')])).toEqual(['0:请填写察看期截止日期（一年或两年）']);
    expect(messages([ev('partyProbation', '2026-01-01', { untilOn: '2028-06-01' })])).toEqual(['0:留党察看期最长两年']);
  });
});
