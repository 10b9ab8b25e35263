import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RulePackList } from '../../src/shared/contract/rulePacks';
import type { ComplianceReport } from '../../src/shared/domain/compliance';
import { createRulePacksService } from '../../src/main/services/rulePacks.service';
import type { RulePackFile } from '../../src/main/services/rulePacks.source';
import { call, fixedClock, tempCore } from '../helpers/tempCore';

// Rule packs in the store (issue 5 item 1): shipped packs upserted by id + version, the branch's
// choice and overrides, imported packs, and compliance:year judging by the chosen pack.

type PackJson = { id: string; name: string; version: number; description: string; rules: Record<string, unknown>[] };

function seedPack(file: string): PackJson {
  return JSON.parse(readFileSync(join(__dirname, '../../seeds/rulePacks', file), 'utf8')) as PackJson;
}

const SHIPPED_FILES = ['national.json', 'zhejiang-organs.json', 'jinhua-two-new.json'];

/** The shipped files, with some replaced by edited versions (a newer app shipping a changed pack). */
function shippedWith(replacements: Record<string, PackJson | unknown>): RulePackFile[] {
  return SHIPPED_FILES.map((fileName) => ({ fileName, json: fileName in replacements ? replacements[fileName] : seedPack(fileName) }));
}

/** Loads `files` into the core's store as a newer app version would at start. */
function startWith(core: ReturnType<typeof tempCore>, files: RulePackFile[], clock = fixedClock('2027-01-05T09:00:00')) {
  const service = createRulePacksService({ store: core.store, clock, host: 'cli', dataDir: core.dataDir, appVersion: 'test', installedFonts: () => null }, files);
  return service.list();
}

const overrideRows = (core: ReturnType<typeof tempCore>) => core.store.unsafeDatabase().prepare('SELECT pack_id, rule_id, changes FROM rule_overrides ORDER BY rule_id').all();
const packRows = (core: ReturnType<typeof tempCore>) =>
  core.store.unsafeDatabase().prepare('SELECT id, version, source, loaded_at AS loadedAt FROM rule_packs ORDER BY id').all() as { id: string; version: number; source: string; loadedAt: string }[];

async function refusal(core: ReturnType<typeof tempCore>, method: string, input: unknown) {
  const result = await core.dispatch(method, input);
  if (result.ok) throw new Error(`${method} should have been refused`);
  return result.error;
}

describe('rule packs: loading the shipped packs', () => {
  it('stores every shipped pack at start, the national defaults chosen', async () => {
    const core = tempCore();
    expect(packRows(core).map((row) => [row.id, row.version, row.source])).toEqual([
      ['jinhua-two-new', 1, 'shipped'],
      ['national', 1, 'shipped'],
      ['zhejiang-organs', 1, 'shipped'],
    ]);
    const list = await call<RulePackList>(core, 'rulePacks:list');
    expect(list.chosenId).toBe('national');
    expect(list.problems).toEqual([]);
    expect(list.packs.map((pack) => [pack.name, pack.chosen])).toEqual([
      ['全国默认', true],
      ['浙江机关', false],
      ['金华两新', false],
    ]);
    expect(list.packs[1].rules.find((rule) => rule.id === 'lecture-quarterly')).toMatchObject({ period: 'quarter', minimum: 1, overridden: null });
  });

  it('replaces a pack by a newer shipped version, keeping the choice and the overrides; an equal or older version changes nothing', async () => {
    const core = tempCore();
    await call(core, 'rulePacks:choose', { packId: 'zhejiang-organs' });
    await call(core, 'rulePacks:setOverride', { ruleId: 'lecture-quarterly', period: 'halfYear' });
    const before = packRows(core).find((row) => row.id === 'zhejiang-organs')!;

    const v2 = seedPack('zhejiang-organs.json');
    v2.version = 2;
    v2.rules = v2.rules.map((rule) => (rule.id === 'assembly-quarterly' ? { ...rule, severity: 'recommended' } : rule));
    const list = startWith(core, shippedWith({ 'zhejiang-organs.json': v2 }));

    const stored = packRows(core).find((row) => row.id === 'zhejiang-organs')!;
    expect(stored.version).toBe(2);
    expect(stored.loadedAt).not.toBe(before.loadedAt);
    expect(list.chosenId).toBe('zhejiang-organs');
    const pack = list.packs.find((item) => item.id === 'zhejiang-organs')!;
    expect(pack.version).toBe(2);
    expect(pack.rules.find((rule) => rule.id === 'assembly-quarterly')!.severity).toBe('recommended');
    expect(pack.rules.find((rule) => rule.id === 'lecture-quarterly')).toMatchObject({ period: 'halfYear', overridden: { original: { period: 'quarter' } } });
    expect(pack.notes).toEqual([]);

    // The old version again (an older app on the same data file, or the same build restarted): nothing moves.
    startWith(core, shippedWith({}), fixedClock('2027-02-01T09:00:00'));
    expect(packRows(core).find((row) => row.id === 'zhejiang-organs')).toEqual(stored);
  });

  it('refuses a broken pack file, naming file and rule, and keeps the working version in force', async () => {
    const core = tempCore();
    await call(core, 'rulePacks:choose', { packId: 'zhejiang-organs' });
    const broken = seedPack('zhejiang-organs.json');
    broken.version = 2;
    broken.rules[4] = { ...broken.rules[4], type: 'teaParty' };
    const list = startWith(core, shippedWith({ 'zhejiang-organs.json': broken }));

    expect(list.problems).toHaveLength(1);
    expect(list.problems[0]).toContain('zhejiang-organs.json');
    expect(list.problems[0]).toContain('第 5 条规则“lecture-quarterly”');
    expect(list.problems[0]).toContain('未知的组织生活类型“teaParty”');
    expect(list.problems[0]).toContain('仍使用已有的第 1 版“浙江机关”');
    expect(packRows(core).find((row) => row.id === 'zhejiang-organs')!.version).toBe(1);
    // The working pack still judges the year.
    const report = await call<ComplianceReport>(core, 'compliance:year', { year: 2026 });
    expect(report).toMatchObject({ packId: 'zhejiang-organs', packVersion: 1 });
    expect(report.rules.find((rule) => rule.rule.id === 'lecture-quarterly')!.rule.type).toBe('partyLecture');
  });

  it('a pack that is not even JSON-shaped or has no id is refused without touching the store', async () => {
    const core = tempCore();
    const before = packRows(core);
    const list = startWith(core, shippedWith({ 'jinhua-two-new.json': ['not', 'a', 'pack'] }));
    expect(list.problems).toEqual(['规则包文件有误，未载入这个规则包：jinhua-two-new.json：不是规则包（应为一个 JSON 对象）']);
    expect(packRows(core)).toEqual(before);
  });

  it('shows an override a new version no longer accepts, without applying it or failing compliance', async () => {
    const core = tempCore();
    await call(core, 'rulePacks:choose', { packId: 'zhejiang-organs' });
    await call(core, 'rulePacks:setOverride', { ruleId: 'lecture-quarterly', period: 'halfYear' });
    await call(core, 'rulePacks:setOverride', { ruleId: 'assembly-quarterly', severity: 'recommended' });
    const v2 = seedPack('zhejiang-organs.json');
    v2.version = 2;
    v2.rules = v2.rules.filter((rule) => rule.id !== 'lecture-quarterly');
    const list = startWith(core, shippedWith({ 'zhejiang-organs.json': v2 }));

    const pack = list.packs.find((item) => item.id === 'zhejiang-organs')!;
    expect(pack.notes).toHaveLength(1);
    expect(pack.notes[0].ruleId).toBe('lecture-quarterly');
    expect(pack.notes[0].message).toContain('“lecture-quarterly”的调整（按第 1 版设置）不适用于“浙江机关”第 2 版');
    expect(pack.notes[0].message).toContain('没有编号为“lecture-quarterly”的规则');
    // The other override still applies, and compliance is computed.
    expect(pack.rules.find((rule) => rule.id === 'assembly-quarterly')!.severity).toBe('recommended');
    const report = await call<ComplianceReport>(core, 'compliance:year', { year: 2026 });
    expect(report.packVersion).toBe(2);
    expect(report.rules.some((rule) => rule.rule.id === 'lecture-quarterly')).toBe(false);
    // 恢复默认 removes the stale override.
    const cleared = await call<RulePackList>(core, 'rulePacks:clearOverride', { ruleId: 'lecture-quarterly' });
    expect(cleared.packs.find((item) => item.id === 'zhejiang-organs')!.notes).toEqual([]);
  });
});

describe('rule packs: choosing and adjusting', () => {
  it('compliance:year judges by the chosen pack and an override (党课 per half-year)', async () => {
    const core = tempCore({ clock: fixedClock('2026-11-22T10:00:00') });
    await call(core, 'demo:create');
    const national = await call<ComplianceReport>(core, 'compliance:year', { year: 2025 });
    expect(national.packId).toBe('national');
    expect(national.rules.some((rule) => rule.rule.id === 'lecture-quarterly')).toBe(false);

    await call(core, 'rulePacks:choose', { packId: 'zhejiang-organs' });
    const zhejiang = await call<ComplianceReport>(core, 'compliance:year', { year: 2025 });
    expect(zhejiang.packId).toBe('zhejiang-organs');
    const quarterly = zhejiang.rules.find((rule) => rule.rule.id === 'lecture-quarterly')!;
    expect(quarterly.rows[0].periods.map((period) => period.period.label)).toEqual(['2025年第1季度', '2025年第2季度', '2025年第3季度', '2025年第4季度']);

    await call(core, 'rulePacks:setOverride', { ruleId: 'lecture-quarterly', period: 'halfYear' });
    const adjusted = await call<ComplianceReport>(core, 'compliance:year', { year: 2025 });
    const halfYearly = adjusted.rules.find((rule) => rule.rule.id === 'lecture-quarterly')!;
    expect(halfYearly.rows[0].periods.map((period) => period.period.label)).toEqual(['2025年上半年', '2025年下半年']);
    expect(halfYearly.rule.overridden).toMatchObject({ fields: ['period'], original: { period: 'quarter' } });
    // The same records count: what was held in a half is the sum of its two quarters.
    const byQuarter = quarterly.rows[0].periods.map((period) => period.count);
    expect(halfYearly.rows[0].periods.map((period) => period.count)).toEqual([byQuarter[0] + byQuarter[1], byQuarter[2] + byQuarter[3]]);

    await call(core, 'rulePacks:setOverride', { ruleId: 'lecture-quarterly', disabled: true });
    const disabled = await call<ComplianceReport>(core, 'compliance:year', { year: 2025 });
    expect(disabled.rules.some((rule) => rule.rule.id === 'lecture-quarterly')).toBe(false);
    expect(disabled.skipped).toContainEqual(expect.objectContaining({ ruleId: 'lecture-quarterly', reason: '本支部已停用这条规则' }));
  });

  it('refuses overrides that make no sense, in Chinese, and changes nothing', async () => {
    const core = tempCore();
    await call(core, 'rulePacks:setOverride', { ruleId: 'assembly-quarterly', minimum: 2 });
    const before = await call<RulePackList>(core, 'rulePacks:list');
    const rows = overrideRows(core);

    const zero = await refusal(core, 'rulePacks:setOverride', { ruleId: 'assembly-quarterly', minimum: 0 });
    expect(zero).toMatchObject({ code: 'VALIDATION', details: [{ path: 'minimum', label: '最少次数' }] });
    expect(zero.message).toContain('最少次数至少为 1');
    const long = await refusal(core, 'rulePacks:setOverride', { ruleId: 'assembly-quarterly', period: 'twoYears' });
    expect(long).toMatchObject({ code: 'VALIDATION', details: [{ path: 'period', label: '周期' }] });
    expect(long.message).toContain('不能长于一年');
    const window = await refusal(core, 'rulePacks:setOverride', { ruleId: 'org-life-yearly', period: 'halfYear' });
    expect(window.message).toBe('“组织生活会”：时间窗口（10—12月）不适用于每半年，请同时调整或清除时间窗口');
    const unknown = await refusal(core, 'rulePacks:setOverride', { ruleId: 'lecture-quarterly', period: 'month' });
    expect(unknown.message).toContain('规则包“全国默认”中没有编号为“lecture-quarterly”的规则');
    const coverage = await refusal(core, 'rulePacks:setOverride', { ruleId: 'heart-talk-coverage', minimum: 2 });
    expect(coverage.message).toContain('按覆盖面统计的规则只能调整严重程度或停用');
    const field = await refusal(core, 'rulePacks:setOverride', { ruleId: 'assembly-quarterly', label: '随便开开' });
    expect(field.code).toBe('VALIDATION');
    const choice = await refusal(core, 'rulePacks:choose', { packId: 'shanghai' });
    expect(choice).toMatchObject({ code: 'NOT_FOUND' });
    expect(choice.message).toContain('没有编号为“shanghai”的规则包');

    expect(overrideRows(core)).toEqual(rows);
    expect(await call<RulePackList>(core, 'rulePacks:list')).toEqual(before);
  });

  it('stores only what differs from the pack; an override back to the pack values or 恢复默认 removes it', async () => {
    const core = tempCore();
    // The form sends the whole rule; only the changed minimum is kept.
    await call(core, 'rulePacks:setOverride', { ruleId: 'org-life-yearly', period: 'year', minimum: 2, severity: 'required', window: [10, 11, 12], disabled: false });
    expect(overrideRows(core)).toEqual([{ pack_id: 'national', rule_id: 'org-life-yearly', changes: '{"minimum":2}' }]);
    // Moving 组织生活会 to every half-year works together with clearing its window.
    const moved = await call<RulePackList>(core, 'rulePacks:setOverride', { ruleId: 'org-life-yearly', period: 'halfYear', window: null });
    const rule = moved.packs[0].rules.find((item) => item.id === 'org-life-yearly')!;
    expect(rule).toMatchObject({ period: 'halfYear', minimum: 1, window: undefined, overridden: { fields: ['period', 'window'], original: { period: 'year', window: [10, 11, 12] } } });
    expect(overrideRows(core)).toEqual([{ pack_id: 'national', rule_id: 'org-life-yearly', changes: '{"period":"halfYear","window":null}' }]);

    await call(core, 'rulePacks:setOverride', { ruleId: 'org-life-yearly', period: 'year', minimum: 1, window: [10, 11, 12] });
    expect(overrideRows(core)).toEqual([]);

    await call(core, 'rulePacks:setOverride', { ruleId: 'assembly-quarterly', disabled: true });
    const cleared = await call<RulePackList>(core, 'rulePacks:clearOverride', { ruleId: 'assembly-quarterly' });
    expect(cleared.packs[0].rules.find((item) => item.id === 'assembly-quarterly')).toMatchObject({ disabled: false, overridden: null });
    expect(overrideRows(core)).toEqual([]);
    expect(await refusal(core, 'rulePacks:clearOverride', { ruleId: 'nope' })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('keeps overrides per pack: switching to another pack and back brings them back', async () => {
    const core = tempCore();
    await call(core, 'rulePacks:choose', { packId: 'zhejiang-organs' });
    await call(core, 'rulePacks:setOverride', { ruleId: 'assembly-quarterly', minimum: 2 });
    await call(core, 'rulePacks:choose', { packId: 'jinhua-two-new' });
    const jinhua = await call<ComplianceReport>(core, 'compliance:year', { year: 2026 });
    expect(jinhua.rules.find((rule) => rule.rule.id === 'assembly-quarterly')!.rule.minimum).toBe(1);
    await call(core, 'rulePacks:choose', { packId: 'zhejiang-organs' });
    const zhejiang = await call<ComplianceReport>(core, 'compliance:year', { year: 2026 });
    expect(zhejiang.rules.find((rule) => rule.rule.id === 'assembly-quarterly')!.rule.minimum).toBe(2);
  });

  it('the choice survives a restart', async () => {
    const core = tempCore();
    await call(core, 'rulePacks:choose', { packId: 'jinhua-two-new' });
    core.close();
    const again = tempCore({ dataDir: core.dataDir });
    expect((await call<RulePackList>(again, 'rulePacks:list')).chosenId).toBe('jinhua-two-new');
    expect((await call<ComplianceReport>(again, 'compliance:year', { year: 2026 })).packId).toBe('jinhua-two-new');
  });
});

describe('rule packs: importing a pack file', () => {
  const asFile = (json: unknown, fileName = '某区机关.json') => ({ fileName, contentBase64: Buffer.from(JSON.stringify(json), 'utf8').toString('base64') });

  function districtPack(version = 1): PackJson {
    const pack = seedPack('zhejiang-organs.json');
    return { ...pack, id: 'district-organs', name: '某区机关', version };
  }

  it('validates and stores an imported pack, which can then be chosen', async () => {
    const core = tempCore();
    const list = await call<RulePackList>(core, 'rulePacks:import', asFile(districtPack()));
    expect(list.packs.map((pack) => [pack.id, pack.source])).toContainEqual(['district-organs', 'imported']);
    expect(list.chosenId).toBe('national');
    await call(core, 'rulePacks:choose', { packId: 'district-organs' });
    expect((await call<ComplianceReport>(core, 'compliance:year', { year: 2026 })).packId).toBe('district-organs');
    // A newer version replaces it; the same version again is refused.
    await call(core, 'rulePacks:import', asFile({ ...districtPack(2), name: '某区机关（修订）' }));
    expect(packRows(core).find((row) => row.id === 'district-organs')).toMatchObject({ version: 2, source: 'imported' });
    const again = await refusal(core, 'rulePacks:import', asFile(districtPack(2)));
    expect(again.message).toContain('已导入“某区机关（修订）”第 2 版，这个文件是第 2 版，未导入');
  });

  it('refuses broken files, naming the file and rule, and stores nothing', async () => {
    const core = tempCore();
    const before = packRows(core);
    const bad = districtPack();
    bad.rules[1] = { ...bad.rules[1], period: 'decade' };
    const broken = await refusal(core, 'rulePacks:import', asFile(bad));
    expect(broken.message).toContain('某区机关.json：第 2 条规则“assembly-quarterly”：周期：');
    const noSource = districtPack();
    delete noSource.rules[0].source;
    expect((await refusal(core, 'rulePacks:import', asFile(noSource))).message).toContain('第 1 条规则“committee-monthly”：依据：缺少依据');
    const notJson = await refusal(core, 'rulePacks:import', { fileName: '规则.json', contentBase64: Buffer.from('{ id: 1', 'utf8').toString('base64') });
    expect(notJson.message).toContain('规则.json：不是有效的 JSON 文件');
    const shippedId = await refusal(core, 'rulePacks:import', asFile({ ...districtPack(5), id: 'national' }));
    expect(shippedId).toMatchObject({ code: 'CONFLICT' });
    expect(shippedId.message).toContain('与软件自带的“全国默认”相同');
    expect(packRows(core)).toEqual(before);
  });
});
