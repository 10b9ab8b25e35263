import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MEETING_TYPES } from '../../src/shared/domain/meetingTypes';
import { applyOverrides, describeOverride, parseRulePack, type RulePack } from '../../src/shared/domain/rulePacks';

const PACK_DIR = join(__dirname, '../../seeds/rulePacks');
const packFiles = readdirSync(PACK_DIR).filter((file) => file.endsWith('.json'));

function load(file: string): RulePack {
  const result = parseRulePack(file, JSON.parse(readFileSync(join(PACK_DIR, file), 'utf8')));
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.value;
}

const rule = (extra: Record<string, unknown> = {}) => ({
  id: 'assembly-quarterly',
  type: 'memberAssembly',
  label: '支部党员大会',
  period: 'quarter',
  minimum: 1,
  scope: 'branch',
  severity: 'required',
  source: '《中国共产党支部工作条例（试行）》第十一条',
  ...extra,
});
const pack = (rules: unknown[] = [rule()], extra: Record<string, unknown> = {}) => ({
  id: 'test',
  name: '测试',
  version: 1,
  description: '测试用规则包',
  rules,
  ...extra,
});
const errorsOf = (json: unknown, file = 'bad.json') => {
  const result = parseRulePack(file, json);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
};

describe('shipped rule packs (seeds/rulePacks)', () => {
  it('every file in the folder parses, is named after its id and the ids are unique', () => {
    expect(packFiles.sort()).toEqual(['jinhua-two-new.json', 'national.json', 'zhejiang-organs.json']);
    const ids = packFiles.map((file) => {
      const parsed = load(file);
      expect(`${parsed.id}.json`).toBe(file);
      return parsed.id;
    });
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(packFiles)('%s: every rule cites an article or is marked 参考', (file) => {
    for (const item of load(file).rules) {
      expect(item.source, `${file} ${item.id}`).toMatch(/第[一二三四五六七八九十]+条|参考/);
    }
  });

  it('全国默认 carries the 支部工作条例 cadences and no branch 党课 count', () => {
    const national = load('national.json');
    const byId = new Map(national.rules.map((item) => [item.id, item]));
    expect(national.name).toBe('全国默认');
    expect(byId.get('committee-monthly')).toMatchObject({ type: 'committeeMeeting', period: 'month', minimum: 1, condition: 'hasCommittee' });
    expect(byId.get('assembly-quarterly')).toMatchObject({ type: 'memberAssembly', period: 'quarter', minimum: 1, scope: 'branch' });
    expect(byId.get('group-monthly')).toMatchObject({ type: 'groupMeeting', period: 'month', scope: 'eachGroup' });
    expect(byId.get('secretary-lecture-yearly')).toMatchObject({ type: 'partyLecture', period: 'year', scope: 'secretary' });
    expect(byId.get('org-life-yearly')).toMatchObject({ type: 'orgLifeMeeting', period: 'year', window: [10, 11, 12] });
    expect(byId.get('democratic-review-yearly')).toMatchObject({ type: 'democraticReview', period: 'year' });
    expect(byId.get('heart-talk-coverage')).toMatchObject({ kind: 'coverage', type: 'heartToHeartTalk' });
    expect(national.rules.some((item) => item.scope === 'branch' && item.type === 'partyLecture')).toBe(false);
  });

  it.each(['zhejiang-organs.json', 'jinhua-two-new.json'])('%s adds 党课 each quarter, marked 参考, and keeps 主题党日 monthly', (file) => {
    const parsed = load(file);
    const lecture = parsed.rules.find((item) => item.type === 'partyLecture' && item.scope === 'branch');
    expect(lecture).toMatchObject({ period: 'quarter', minimum: 1 });
    expect(lecture!.source).toContain('参考');
    expect(parsed.rules.find((item) => item.type === 'themedPartyDay')).toMatchObject({ period: 'month', minimum: 1 });
    for (const type of ['orgLifeMeeting', 'democraticReview'] as const) {
      expect(parsed.rules.find((item) => item.type === type)).toMatchObject({ period: 'year', minimum: 1 });
    }
  });
});

describe('parseRulePack refuses bad packs, naming the file and the rule', () => {
  it('accepts a minimal pack and defaults the kind to count', () => {
    const result = parseRulePack('ok.json', pack());
    expect(result.ok && result.value.rules[0].kind).toBe('count');
  });

  it('an unknown obligation type', () => {
    const errors = errorsOf(pack([rule(), rule({ id: 'study', type: 'studySession' })]), 'local.json');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^local\.json：第 2 条规则“study”：类型：未知的组织生活类型“studySession”/);
    expect(errors[0]).toContain(MEETING_TYPES[0]);
  });

  it.each([0, -1, 1.5])('a minimum of %s', (value) => {
    expect(errorsOf(pack([rule({ minimum: value })]))[0]).toMatch(/^bad\.json：第 1 条规则“assembly-quarterly”：最少次数：/);
  });

  it.each(['week', 'twoYears', 0, ''])('an unknown or zero period %j', (value) => {
    expect(errorsOf(pack([rule({ period: value })]))[0]).toContain('周期：周期只能是 month（每月）、quarter（每季度）、halfYear（每半年）或 year（每年），不能长于一年');
  });

  it('a missing or blank source', () => {
    const { source: _source, ...withoutSource } = rule();
    expect(errorsOf(pack([withoutSource]))[0]).toBe('bad.json：第 1 条规则“assembly-quarterly”：依据：缺少依据（source）：请写明出自哪个文件哪一条，地方做法请标明“参考”');
    expect(errorsOf(pack([rule({ source: '   ' })]))[0]).toContain('依据（source）不能为空');
  });

  it('duplicate rule ids', () => {
    expect(errorsOf(pack([rule(), rule({ type: 'committeeMeeting' })]))).toEqual(['bad.json：第 2 条规则的编号“assembly-quarterly”与第 1 条重复']);
  });

  it('scopes that fit no record, a window some period cannot hold, unknown fields, no rules, not an object', () => {
    expect(errorsOf(pack([rule({ scope: 'eachGroup' })]))[0]).toContain('“每个党小组”只适用于党小组会');
    expect(errorsOf(pack([rule({ scope: 'secretary' })]))[0]).toContain('“书记本人”只适用于党课');
    expect(errorsOf(pack([rule({ window: [10, 11, 12] })]))[0]).toContain('时间窗口（10—12月）没有落在每季度的每个周期内');
    expect(errorsOf(pack([rule({ window: [13] })]))[0]).toContain('月份应在 1—12 之间');
    expect(errorsOf(pack([rule({ every: 2 })]))[0]).toBe('bad.json：第 1 条规则“assembly-quarterly”：不认识的字段 every');
    expect(errorsOf(pack([]))[0]).toBe('bad.json：规则列表：规则包至少要有一条规则');
    expect(errorsOf(pack([rule()], { version: 0 }))[0]).toContain('版本号');
    expect(errorsOf([rule()], 'list.json')).toEqual(['list.json：不是规则包（应为一个 JSON 对象）']);
  });

  it('reports every problem at once', () => {
    expect(errorsOf(pack([rule({ minimum: 0, period: 'decade', source: '' })]))).toHaveLength(3);
  });
});

describe('applyOverrides', () => {
  const national = load('national.json');
  const zhejiang = load('zhejiang-organs.json');

  it('党课 per half-year instead of per quarter: changed and marked with the original', () => {
    const result = applyOverrides(zhejiang, [{ ruleId: 'lecture-quarterly', period: 'halfYear' }]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const lecture = result.value.rules.find((item) => item.id === 'lecture-quarterly')!;
    expect(lecture).toMatchObject({ period: 'halfYear', minimum: 1, disabled: false });
    expect(lecture.overridden).toEqual({ fields: ['period'], disabled: false, original: { period: 'quarter', minimum: 1, severity: 'required', window: undefined } });
    expect(describeOverride(lecture)).toBe('党课：每季度至少 1 次 → 每半年至少 1 次（本支部调整）');
    expect(result.value.rules.filter((item) => item.overridden !== null)).toHaveLength(1);
  });

  it('minimum, severity, disabling and clearing a window are shown as such', () => {
    const result = applyOverrides(national, [
      { ruleId: 'committee-monthly', minimum: 2, severity: 'recommended' },
      { ruleId: 'themed-day-monthly', disabled: true },
      { ruleId: 'org-life-yearly', period: 'halfYear', window: null },
    ]);
    if (!result.ok) throw new Error(result.errors.join());
    const byId = new Map(result.value.rules.map((item) => [item.id, item]));
    expect(describeOverride(byId.get('committee-monthly')!)).toBe('支部委员会会议：每月至少 1 次 → 每月至少 2 次；必须 → 建议（本支部调整）');
    expect(byId.get('themed-day-monthly')).toMatchObject({ disabled: true, overridden: { disabled: true, fields: [] } });
    expect(describeOverride(byId.get('themed-day-monthly')!)).toBe('主题党日：本支部已停用');
    expect(byId.get('org-life-yearly')).toMatchObject({ period: 'halfYear', window: undefined, overridden: { fields: ['period', 'window'] } });
    expect(byId.get('assembly-quarterly')!.overridden).toBeNull();
  });

  it('an override that changes nothing is not marked', () => {
    const result = applyOverrides(national, [{ ruleId: 'assembly-quarterly', period: 'quarter', minimum: 1 }]);
    expect(result.ok && result.value.rules.every((item) => item.overridden === null)).toBe(true);
  });

  it.each([
    [{ ruleId: 'assembly-quarterly', minimum: 0 }, '“支部党员大会”：最少次数：最少次数至少为 1（不要求的规则请停用，而不是写 0）'],
    [{ ruleId: 'assembly-quarterly', minimum: -2 }, '“支部党员大会”：最少次数：最少次数至少为 1（不要求的规则请停用，而不是写 0）'],
    [{ ruleId: 'assembly-quarterly', period: 'twoYears' }, '“支部党员大会”：周期：周期只能是 month（每月）、quarter（每季度）、halfYear（每半年）或 year（每年），不能长于一年'],
    [{ ruleId: 'no-such-rule', minimum: 2 }, '第 1 项调整：规则包“全国默认”中没有编号为“no-such-rule”的规则'],
    [{ ruleId: 'org-life-yearly', period: 'quarter' }, '“组织生活会”：时间窗口（10—12月）不适用于每季度，请同时调整或清除时间窗口'],
    [{ ruleId: 'heart-talk-coverage', minimum: 2 }, '“谈心谈话”：按覆盖面统计的规则只能调整严重程度或停用'],
    [{ ruleId: 'assembly-quarterly', label: '改名' }, '“支部党员大会”：不能调整 label（只能调整周期、最少次数、严重程度、时间窗口或停用）'],
  ])('refuses %j', (override, message) => {
    expect(applyOverrides(national, [override])).toEqual({ ok: false, errors: [message] });
  });

  it('refuses two overrides of the same rule', () => {
    const result = applyOverrides(national, [
      { ruleId: 'assembly-quarterly', minimum: 2 },
      { ruleId: 'assembly-quarterly', severity: 'recommended' },
    ]);
    expect(result).toEqual({ ok: false, errors: ['“支部党员大会”：对同一条规则有多项调整，请合并为一项'] });
  });
});
