import { describe, expect, it } from 'vitest';
import type { ComplianceReport } from '../../src/shared/domain/compliance';
import { call, fixedClock, tempCore } from '../helpers/tempCore';

// compliance:year wires the store's records into the pure engine (tested on its own in
// tests/unit/compliance.test.ts); these check the wiring on the demo branch.

describe('compliance:year', () => {
  it('reports the demo year under the national pack, counting its records', async () => {
    const core = tempCore({ clock: fixedClock('2026-11-22T10:00:00') });
    await call(core, 'demo:create');
    const report = await call<ComplianceReport>(core, 'compliance:year', { year: 2025 });
    expect(report.packId).toBe('national');
    expect(report.asOf).toBe('2026-11-22');
    const assembly = report.rules.find((rule) => rule.rule.type === 'memberAssembly')!;
    // A past year has nothing due or upcoming: each quarter is done or overdue.
    expect(assembly.summary.due + assembly.summary.upcoming).toBe(0);
    expect(assembly.summary.done + assembly.summary.overdue).toBe(4);
    const counted = new Set(report.rules.flatMap((rule) => rule.rows.flatMap((row) => row.periods.flatMap((period) => period.recordIds))));
    expect(counted.size).toBeGreaterThan(40);
    const groups = report.rules.find((rule) => rule.rule.type === 'groupMeeting')!;
    expect(groups.rows.map((row) => row.groupName)).toEqual(['第一党小组（研发）', '第二党小组（生产与管理）']);
  });

  it('refuses a year that is not a year', async () => {
    const core = tempCore();
    expect(await core.dispatch('compliance:year', { year: 'x' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
