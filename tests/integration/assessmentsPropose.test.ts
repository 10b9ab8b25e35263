import { beforeEach, describe, expect, it } from 'vitest';
import type { AssessmentProposal, AssessmentTemplateItem, IndicatorProposal } from '../../src/shared/contract/assessments';
import type { MeetingListItem } from '../../src/shared/contract/meetings';
import type { ComplianceReport } from '../../src/shared/domain/compliance';
import { proposeEvidence } from '../../src/main/services/rubricEvidence';
import { demoBranch } from '../helpers/demo';
import { call } from '../helpers/tempCore';

// Automatic evidence (issue 6 item 2) on the demo branch: its 2025 records under 全国默认, clock on
// 2026-11-22. Hand facts: 支委会 missing in August (11/12), 党员大会 missing in Q3 (3/4), 第二党小组
// missing February and October, 主题党日 12/12, 组织生活会 and 民主评议 on 2025-12-26, 书记与支委 4/4.

type Demo = Awaited<ReturnType<typeof demoBranch>>;
let demo: Demo;
let proposal: AssessmentProposal;
let report: ComplianceReport;

/** The records compliance:year lists for one rule, over every row and period. */
function complianceRecordIds(ruleId: string): number[] {
  const entry = report.rules.find((candidate) => candidate.rule.id === ruleId);
  if (!entry) throw new Error(`规则包没有 ${ruleId}`);
  return [...new Set(entry.rows.flatMap((row) => row.periods.flatMap((period) => period.recordIds)))].sort((a, b) => a - b);
}

function indicator(id: string): IndicatorProposal {
  const found = proposal.indicators.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`模板没有指标 ${id}`);
  return found;
}

// tempCore closes its cores after each test, so each test gets its own demo branch.
beforeEach(async () => {
  demo = await demoBranch();
  proposal = await call<AssessmentProposal>(demo.core, 'assessments:propose', { templateId: 'wuxing-sanqiang-reference', year: 2025 });
  report = await call<ComplianceReport>(demo.core, 'compliance:year', { year: 2025 });
});

describe('assessments:templates', () => {
  it('lists the three shipped reference templates with status and version', async () => {
    const templates = await call<AssessmentTemplateItem[]>(demo.core, 'assessments:templates');
    expect(templates.map((template) => template.id).sort()).toEqual(['star-branch-100', 'wuxing-sanqiang-reference', 'wuxing-shuangqiang']);
    expect(templates.find((template) => template.id === 'wuxing-sanqiang-reference')).toMatchObject({ name: '五星三强（参考模板）', status: '参考', version: 1, totalPoints: 130 });
  });
});

describe('assessments:propose on the demo branch, 五星三强（参考模板）, 2025', () => {
  it('支委会: 11 of 12 months, August missing, scored in proportion, with the compliance records', () => {
    const item = indicator('leadership-committee-meeting');
    expect(item.answer).toEqual({ kind: 'count', value: 11 });
    expect(item.proposed).toBe(7.33); // 8 × 11/12
    expect(item.evidence.text).toContain('应开 12 次，已开 11 次（8月未开）');
    expect(item.evidence.recordIds).toEqual(complianceRecordIds('committee-monthly'));
    expect(item.evidence.recordIds).toHaveLength(11);
  });

  it('党员大会: 3 of 4 quarters, Q3 missing', () => {
    const item = indicator('org-life-assembly');
    expect(item.answer).toEqual({ kind: 'count', value: 3 });
    expect(item.proposed).toBe(3);
    expect(item.evidence.text).toContain('第3季度未开');
    expect(item.evidence.recordIds).toEqual(complianceRecordIds('assembly-quarterly'));
  });

  it('党小组会: months where every group met — 第二党小组 missed February and October', () => {
    const item = indicator('org-life-group');
    expect(item.answer).toEqual({ kind: 'count', value: 10 });
    expect(item.proposed).toBe(2.5); // 3 × 10/12
    expect(item.evidence.text).toMatch(/第二党小组[^，；]* 10\/12（2月、10月未开）/);
    expect(item.evidence.text).toMatch(/第一党小组[^，；]* 12\/12/);
    expect(item.evidence.recordIds).toEqual(complianceRecordIds('group-monthly'));
  });

  it('主题党日: 12 of 12, full marks', () => {
    const item = indicator('org-life-themed-day');
    expect(item.answer).toEqual({ kind: 'count', value: 12 });
    expect(item.proposed).toBe(item.maxPoints);
    expect(item.evidence.recordIds).toEqual(complianceRecordIds('themed-day-monthly'));
    expect(item.evidence.recordIds).toHaveLength(12);
  });

  it('组织生活会 and 民主评议: held on 2025-12-26, the same record; no 整改清单 entered, so the 组织生活会 is 需手工评分', () => {
    const orgLife = indicator('org-life-meeting');
    expect(orgLife).toMatchObject({ answer: null, proposed: null, manual: true });
    expect(orgLife.evidence.text).toMatch(/^需手工评分：组织生活会已于 2025-12-26 召开，但没有录入整改清单/);
    expect(orgLife.evidence.recordIds).toEqual(complianceRecordIds('org-life-yearly'));
    const review = indicator('members-review');
    expect(review.answer).toEqual({ kind: 'yesNo', value: true });
    expect(review.proposed).toBe(5);
    expect(review.evidence.text).toContain('2025-12-26');
    expect(review.evidence.text).toContain('评定等次尚未录入');
    expect(review.evidence.recordIds).toEqual(complianceRecordIds('democratic-review-yearly'));
  });

  it('谈心谈话: 书记与支委 4/4 named, the ratio below 1 since 支委与党员 is far from covered, with the year’s talk records', async () => {
    const item = indicator('members-talks');
    expect(item.evidence.text).toContain('书记与支委谈话 4/4');
    expect(item.answer?.kind).toBe('ratio');
    const ratio = item.answer?.kind === 'ratio' ? item.answer.value : NaN;
    expect(ratio).toBeGreaterThan(0);
    expect(ratio).toBeLessThan(1);
    const talks = await call<MeetingListItem[]>(demo.core, 'meetings:list', { year: 2025, type: 'heartToHeartTalk' });
    expect(item.evidence.recordIds).toEqual(talks.map((talk) => talk.id).sort((a, b) => a - b));
  });

  it('indicators without a rule, or whose data the app lacks, are 需手工评分 with no proposal', () => {
    for (const id of ['leadership-election', 'members-dues', 'role-followup']) {
      const item = indicator(id);
      expect(item, id).toMatchObject({ answer: null, proposed: null, manual: true });
      expect(item.evidence.text, id).toMatch(/^需手工评分：/);
    }
  });

  it('the engine totals only the proposals: manual indicators count 0, and the level is explained', () => {
    const byId = new Map(proposal.result.indicators.map((result) => [result.id, result]));
    expect(byId.get('leadership-committee-meeting')?.points).toBe(7.33);
    expect(byId.get('leadership-election')?.points).toBe(0);
    expect(proposal.result.explanation).toMatch(/总分 [\d.]+\/130/);
    expect(proposal.result.problems.some((problem) => problem.indicatorId === 'leadership-election' && problem.kind === 'unscored')).toBe(true);
  });
});

describe('unknown rules and the other templates', () => {
  it('an unknown rule name gives 需手工评分 naming the rule', () => {
    const services = demo.core.services;
    const result = proposeEvidence(
      { rule: 'partyDuesPaid' },
      { year: 2025, scoring: { type: 'yesNo' }, sources: services, compliance: () => services.compliance.year({ year: 2025 }) },
    );
    expect(result.answer).toBeNull();
    expect(result.evidence).toEqual({ recordIds: [], text: expect.stringMatching(/^需手工评分：.*partyDuesPaid/) });
  });

  it('五星双强: “三会一课缺一次扣 1 分” counts the missed periods across the pack — 支委会 8月, 党员大会 Q3, 第二党小组 2月 and 10月', async () => {
    const other = await call<AssessmentProposal>(demo.core, 'assessments:propose', { templateId: 'wuxing-shuangqiang', year: 2025 });
    const item = other.indicators.find((candidate) => candidate.id === 'pb-three-one')!;
    expect(item).toMatchObject({ rule: 'obligationShortfall', answer: { kind: 'occurrences', value: 4 }, proposed: 4 });
    expect(item.evidence.text).toContain('应开未开 4 次');
    const ids = ['committee-monthly', 'assembly-quarterly', 'group-monthly', 'secretary-lecture-yearly'].flatMap(complianceRecordIds);
    expect(item.evidence.recordIds).toEqual([...new Set(ids)].sort((a, b) => a - b));
  });
});

describe('bad input', () => {
  it('refuses an unknown template with NOT_FOUND in Chinese, naming the field', async () => {
    const result = await demo.core.dispatch('assessments:propose', { templateId: 'no-such', year: 2025 });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', details: [{ path: 'templateId', label: '评分模板' }] } });
    if (!result.ok) expect(result.error.message).toContain('没有编号为“no-such”的评分模板');
  });

  it('refuses a year not yet come, a malformed year and an empty template with VALIDATION', async () => {
    const future = await demo.core.dispatch('assessments:propose', { templateId: 'wuxing-sanqiang-reference', year: 2027 });
    expect(future).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ path: 'year', label: '年度' }] } });
    if (!future.ok) expect(future.error.message).toContain('2027年尚未到来');
    const malformed = await demo.core.dispatch('assessments:propose', { templateId: 'wuxing-sanqiang-reference', year: '2025年' });
    expect(malformed).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ path: 'year', label: '年度' }] } });
    const empty = await demo.core.dispatch('assessments:propose', { templateId: ' ', year: 2025 });
    expect(empty).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ path: 'templateId', label: '评分模板', message: '请选择评分模板' }] } });
  });
});
