import { describe, expect, it } from 'vitest';
import { abridged, withoutRequests } from '../../src/main/documents/assessmentText';

// How the assessment documents shorten the evidence rules' sentences (issue 6 item 5): a long list
// at the end of a rule's sentence is cut to three items and the count; requests to the app's user
// are dropped from what a report states.

const ledger = (count: number) =>
  `${count} 份会议记录中 ${count} 份要素不全，共缺 ${count} 项：${Array.from({ length: count }, (_, i) => `2025-01-${String(i + 1).padStart(2, '0')} 党小组会缺地点`).join('；')}`;

describe('abridged', () => {
  it('keeps three records of the 台账 list and counts them all', () => {
    expect(abridged(ledger(49), 'recordsComplete')).toBe(
      '49 份会议记录中 49 份要素不全，共缺 49 项：2025-01-01 党小组会缺地点；2025-01-02 党小组会缺地点；2025-01-03 党小组会缺地点等49份',
    );
  });

  it('leaves a list of four or fewer whole (“等4份” is no shorter than the fourth item)', () => {
    expect(abridged(ledger(4), 'recordsComplete')).toBe(ledger(4));
  });

  it('cuts the members of 连续未参加 at 、 and counts people; a 需手工评分 prefix is not the list', () => {
    const members = '连续 6 个月以上未参加组织生活的党员 5 人：甲（2025-01—2025-07，7 个月）、乙（2025-02—2025-08，7 个月）、丙（2025-01—2025-06，6 个月）、丁（2025-03—2025-09，7 个月）、戊（2025-04—2025-09，6 个月）';
    expect(abridged(members, 'memberGaps')).toBe('连续 6 个月以上未参加组织生活的党员 5 人：甲（2025-01—2025-07，7 个月）、乙（2025-02—2025-08，7 个月）、丙（2025-01—2025-06，6 个月）等5人');
    expect(abridged(`需手工评分：${ledger(6)}`, 'recordsComplete')).toMatch(/^需手工评分：6 份会议记录中 6 份要素不全，共缺 6 项：(2025-01-0\d 党小组会缺地点；){2}2025-01-03 党小组会缺地点等6份$/);
  });

  it('changes nothing for a rule without a list or an indicator without a rule', () => {
    const text = '党小组会每月应开，各党小组都已召开的有 10 个月（2月、10月有党小组未开）；第一党小组 12/12，第二党小组 10/12（2月、10月未开）';
    expect(abridged(text, 'obligationMet')).toBe(text);
    expect(abridged(ledger(49), null)).toBe(ledger(49));
    expect(abridged(ledger(49), 'toString')).toBe(ledger(49));
  });
});

describe('withoutRequests', () => {
  it('drops the clause asking the secretary to enter something, keeps the fact', () => {
    expect(withoutRequests('民主评议党员已于 2025-12-26 开展；评定等次尚未录入，请在该记录中补录')).toBe('民主评议党员已于 2025-12-26 开展');
    expect(withoutRequests('组织生活会已于 2025-12-26 召开，但没有录入整改清单；民主评议党员已于 2025-12-26 开展。请录入整改清单，或对照材料评分')).toBe(
      '组织生活会已于 2025-12-26 召开，但没有录入整改清单；民主评议党员已于 2025-12-26 开展',
    );
  });

  it('keeps 请假 and text without requests as they are', () => {
    expect(withoutRequests('应到 12 人，请假 2 人，缺席 1 人；参加率 75%')).toBe('应到 12 人，请假 2 人，缺席 1 人；参加率 75%');
  });
});
