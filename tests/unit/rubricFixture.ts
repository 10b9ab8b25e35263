// Shared by the rubric tests: a small valid template, as raw JSON so tests can break it.

/** A small valid template: two stars of 10, one qualifier of 5, a veto with a cap. */
export function miniTemplate(): Record<string, unknown> {
  return {
    id: 'mini',
    name: '测试模板',
    scope: ['两新'],
    issuer: '测试',
    version: 1,
    effectiveYear: 2026,
    status: '参考',
    sourceNote: '测试用',
    totalPoints: 25,
    dimensions: [
      { id: 'a', name: 'A星', kind: 'star', maxPoints: 10, threshold: { minPercent: 80 } },
      { id: 'b', name: 'B星', kind: 'star', maxPoints: 10, threshold: { minPercent: 80, allRequiredMet: true } },
      { id: 'q', name: 'Q强', kind: 'qualifier', maxPoints: 5, threshold: { minPoints: 5 } },
    ],
    indicators: [
      { id: 'a1', dimensionId: 'a', text: '支委会', maxPoints: 6, scoring: { type: 'countTarget', target: 12 }, evidence: '记录', auto: { rule: 'obligationMet', type: 'committeeMeeting' } },
      { id: 'a2', dimensionId: 'a', text: '到会率', maxPoints: 4, scoring: { type: 'ratio', mode: 'linear' }, evidence: '签到' },
      { id: 'b1', dimensionId: 'b', text: '组织生活会', maxPoints: 5, scoring: { type: 'yesNo' }, evidence: '记录', required: true },
      { id: 'b2', dimensionId: 'b', text: '台账', maxPoints: 5, scoring: { type: 'deduction', perOccurrence: 2 }, evidence: '台账' },
      { id: 'b3', dimensionId: 'b', text: '表彰', maxPoints: 3, scoring: { type: 'bonus', perItem: 1, cap: 3 }, evidence: '文件' },
      { id: 'q1', dimensionId: 'q', text: '发展', maxPoints: 5, scoring: { type: 'graded', levels: [{ label: '好', points: 5 }, { label: '一般', points: 2 }] }, evidence: '报告' },
    ],
    levels: [
      { id: 'top', name: '两星一强', minStars: 2, requireQualifiers: ['q'], noVeto: true },
      { id: 'two', name: '两星', minStars: 2 },
      { id: 'one', name: '一星', minStars: 1 },
      { id: 'none', name: '不评星' },
    ],
    vetoes: [{ id: 'v', text: '严重违纪' }],
    caps: [
      { id: 'cap-veto', when: { anyVeto: true }, maxLevel: 'none', text: '有一票否决事项，不评星' },
      { id: 'cap-b1', when: { indicatorNotMet: 'b1' }, maxLevel: 'one', text: '未开组织生活会，最高一星' },
    ],
  };
}
