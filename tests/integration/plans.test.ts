import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MeetingExportResult } from '../../src/shared/contract/meetings';
import type { AnnualPlan } from '../../src/shared/contract/plans';
import { readDocx, tables } from '../helpers/docx';
import { call, fixedClock, tempCore } from '../helpers/tempCore';

// 年度计划 (issue 5 item 5): a draft from the rules in force, saved as edited, exported to Word.
// PLAN_OUT=<folder> keeps the exported file for a rendering check.

async function demo() {
  const core = tempCore({ clock: fixedClock('2026-11-22T10:00:00') });
  await call(core, 'demo:create');
  return core;
}

describe('annual plan', () => {
  it('drafts from the chosen pack on the branch day, without saving anything', async () => {
    const core = await demo();
    const national = await call<AnnualPlan>(core, 'plans:draft', { year: 2027 });
    expect(national).toMatchObject({ year: 2027, themedDay: { kind: 'dayOfMonth', day: 25 }, savedAt: null, packName: '全国默认（第 1 版）' });
    expect(national.items.some((item) => item.types.includes('partyLecture') && item.topic.startsWith('党课'))).toBe(false);
    // The demo branch has a 支部委员会 led by 陈建华 and two 党小组.
    const committee = national.items.filter((item) => item.types.includes('committeeMeeting'));
    expect(committee).toHaveLength(12);
    expect(committee[0].owner).toBe('陈建华');
    expect(national.items.filter((item) => item.types.includes('groupMeeting'))).toHaveLength(24);

    await call(core, 'rulePacks:choose', { packId: 'zhejiang-organs' });
    await call(core, 'rulePacks:setOverride', { ruleId: 'lecture-quarterly', period: 'halfYear' });
    const zhejiang = await call<AnnualPlan>(core, 'plans:draft', { year: 2027, themedDay: { kind: 'weekdayOfMonth', nth: -1, weekday: 5 } });
    expect(zhejiang.packName).toBe('浙江机关（第 1 版）');
    // Last Fridays of April and October 2027, with the branch 党课 of each half-year.
    const lectures = zhejiang.items.filter((item) => item.types.includes('partyLecture')).map((item) => item.plannedOn);
    expect(lectures).toEqual(['2027-04-30', '2027-07-30', '2027-10-29']);
    expect((await call<AnnualPlan>(core, 'plans:get', { year: 2027 })).savedAt).toBeNull();
  });

  it('saves the edited plan and the 主题党日 day; refuses bad items and saves nothing', async () => {
    const core = await demo();
    const draft = await call<AnnualPlan>(core, 'plans:draft', { year: 2027 });
    // Two 党小组会, a 支委会, a 主题党日…; the first one edited.
    const edited = draft.items.slice(0, 5).map((item, index) => (index === 0 ? { ...item, topic: '学习贯彻全会精神', owner: '李志强' } : item));
    expect(edited[3].types).toEqual(['themedPartyDay']);
    const themedDay = { kind: 'weekdayOfMonth', nth: 2, weekday: 3 };
    // Kept in date order; items on the same day keep the order they were given in.
    const shuffled = [edited[3], edited[0], edited[1], edited[4], edited[2]];
    expect(shuffled.map((item) => item.plannedOn)).not.toEqual(edited.map((item) => item.plannedOn));
    const saved = await call<AnnualPlan>(core, 'plans:save', { year: 2027, themedDay, items: shuffled });
    expect(saved.savedAt).not.toBeNull();
    expect(saved.items).toEqual(edited);
    expect(await call<AnnualPlan>(core, 'plans:get', { year: 2027 })).toEqual(saved);
    // The day becomes the branch setting: next year's draft uses it.
    expect((await call<AnnualPlan>(core, 'plans:draft', { year: 2028 })).themedDay).toEqual(themedDay);

    const outside = await core.dispatch('plans:save', { year: 2027, themedDay, items: [{ ...edited[0], plannedOn: '2028-01-05' }] });
    expect(outside).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ path: 'items.0.plannedOn', message: '第 1 项的日期 2028-01-05 不在 2027 年内' }] } });
    const noType = await core.dispatch('plans:save', { year: 2027, themedDay, items: [{ ...edited[0], types: [] }] });
    expect(noType).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(noType.ok || noType.error.message).toContain('请至少选择一个类型');
    const badDay = await core.dispatch('plans:save', { year: 2027, themedDay: { kind: 'dayOfMonth', day: 31 }, items: [] });
    expect(badDay.ok || badDay.error.message).toContain('日期应在 1—28 日之间');
    const wrongGroup = await core.dispatch('plans:save', { year: 2027, themedDay, items: [{ ...edited[3], partyGroupId: 1 }] });
    expect(wrongGroup.ok || wrongGroup.error.message).toContain('不是党小组会');
    expect(await call<AnnualPlan>(core, 'plans:get', { year: 2027 })).toEqual(saved);
  });

  it('exports the saved plan as a Word table: 月份, 日期, 类型, 主题, 负责人', async () => {
    const core = await demo();
    expect(await core.dispatch('plans:export', { year: 2027 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '2027 年度计划还没有保存，请先生成草稿并保存，再导出。' } });
    const draft = await call<AnnualPlan>(core, 'plans:draft', { year: 2027 });
    await call(core, 'plans:save', { year: 2027, themedDay: draft.themedDay, items: draft.items });
    const result = await call<MeetingExportResult>(core, 'plans:export', { year: 2027 });
    if (process.env.PLAN_OUT) {
      mkdirSync(process.env.PLAN_OUT, { recursive: true });
      writeFileSync(join(process.env.PLAN_OUT, result.fileName), Buffer.from(result.contentBase64, 'base64'));
    }
    expect(result.fileName).toBe('2027年度组织生活计划.docx');
    const doc = await readDocx(result.contentBase64);
    expect(doc.paragraphs.slice(0, 2)).toEqual(['中共浙江金帆智能科技有限公司支部委员会', '2027年度组织生活计划']);
    const [facts, plan] = tables(doc.document);
    expect(Object.fromEntries(facts)).toEqual({ 主题党日: '每月25日', 依据规则: '全国默认（第 1 版）', 计划事项: `${draft.items.length} 项` });
    expect(plan[0]).toEqual(['月份', '日期', '类型', '主题', '负责人']);
    expect(plan).toHaveLength(draft.items.length + 1);
    // January: the month once, then its rows; a 党小组会 names its group.
    expect(plan[1][0]).toBe('1月');
    expect(plan[2][0]).toBe('');
    const group = plan.find((row) => row[2].startsWith('党小组会'))!;
    expect(group[2]).toBe('党小组会（第一党小组（研发））');
    expect(plan.find((row) => row[1] === '11月25日')![2]).toBe('支部党员大会、主题党日、组织生活会、民主评议党员');
  });
});
