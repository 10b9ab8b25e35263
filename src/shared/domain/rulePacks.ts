import { z } from 'zod';
import { MEETING_TYPES } from './meetingTypes';

// Rule packs (DOMAIN §2, §7): which obligations a branch is checked against, how often and for whom.
// Packs are data (seeds/rulePacks/*.json), validated here on load; a branch picks one and may
// override single rules. Nothing in this file touches the store: the service that loads packs and
// keeps the working one calls parseRulePack / applyOverrides and keeps the old pack on any error.

/** Calendar periods, all within one year: a rule is always judged inside the year being viewed. */
export const RULE_PERIODS = ['month', 'quarter', 'halfYear', 'year'] as const;
export type RulePeriod = (typeof RULE_PERIODS)[number];
export const RULE_PERIOD_LABELS: Record<RulePeriod, string> = { month: '每月', quarter: '每季度', halfYear: '每半年', year: '每年' };
/** How many periods of each kind a year holds. */
export const PERIODS_PER_YEAR: Record<RulePeriod, number> = { month: 12, quarter: 4, halfYear: 2, year: 1 };

/**
 * branch: any record of the type counts (the meetings service treats 党员大会, 党课, 主题党日… as branch-wide);
 * eachGroup: judged separately for every 党小组, only that group's records count;
 * secretary: only records whose 授课人 held the 书记 seat on the day (书记讲党课).
 */
export const RULE_SCOPES = ['branch', 'eachGroup', 'secretary'] as const;
export type RuleScope = (typeof RULE_SCOPES)[number];
export const RULE_SCOPE_LABELS: Record<RuleScope, string> = { branch: '本支部', eachGroup: '每个党小组', secretary: '书记本人' };

export const RULE_SEVERITIES = ['required', 'recommended'] as const;
export type RuleSeverity = (typeof RULE_SEVERITIES)[number];
export const RULE_SEVERITY_LABELS: Record<RuleSeverity, string> = { required: '必须', recommended: '建议' };

/**
 * count: at least `minimum` records per period. coverage: measured over pairs of people (谈心谈话),
 * not by counting records; the count engine lists such rules as skipped and the coverage matrix judges them.
 */
export const RULE_KINDS = ['count', 'coverage'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** hasCommittee: only for branches with a 支部委员会 (≥ 7 正式党员); a branch with just a 书记 holds no 支委会. */
export const RULE_CONDITIONS = ['hasCommittee'] as const;
export type RuleCondition = (typeof RULE_CONDITIONS)[number];

/** Months (1–12) that start each period of a kind. */
export function periodStartMonths(period: RulePeriod): number[] {
  const length = 12 / PERIODS_PER_YEAR[period];
  return Array.from({ length: PERIODS_PER_YEAR[period] }, (_, index) => index * length + 1);
}

/** A window must leave at least one month in every period, else some periods could never be on time. */
function windowFitsPeriod(window: readonly number[], period: RulePeriod): boolean {
  const length = 12 / PERIODS_PER_YEAR[period];
  return periodStartMonths(period).every((start) => window.some((month) => month >= start && month < start + length));
}

export function formatWindow(window: readonly number[]): string {
  const sorted = [...window].sort((a, b) => a - b);
  const contiguous = sorted.every((month, index) => index === 0 || month === sorted[index - 1] + 1);
  if (contiguous && sorted.length > 1) return `${sorted[0]}—${sorted[sorted.length - 1]}月`;
  return `${sorted.join('、')}月`;
}

const RULE_ID = /^[a-z][a-zA-Z0-9-]{0,39}$/;
const MAX_MINIMUM = 31;

const minimum = z
  .number({ error: '最少次数应为数字' })
  .int('最少次数应为整数')
  .min(1, '最少次数至少为 1（不要求的规则请停用，而不是写 0）')
  .max(MAX_MINIMUM, `最少次数不能超过 ${MAX_MINIMUM}`);
const period = z.enum(RULE_PERIODS, { error: '周期只能是 month（每月）、quarter（每季度）、halfYear（每半年）或 year（每年），不能长于一年' });
const severity = z.enum(RULE_SEVERITIES, { error: '严重程度只能是 required（必须）或 recommended（建议）' });
const window = z
  .array(z.number({ error: '时间窗口应为月份数字' }).int('月份应为整数').min(1, '月份应在 1—12 之间').max(12, '月份应在 1—12 之间'), {
    error: '时间窗口应为月份列表，如 [10, 11, 12]',
  })
  .min(1, '时间窗口至少包含一个月份')
  .refine((months) => new Set(months).size === months.length, '时间窗口中的月份不能重复');

const ruleSchema = z
  .strictObject({
    id: z.string({ error: '缺少规则编号（id）' }).regex(RULE_ID, '规则编号应为英文字母开头的字母、数字或连字符，不超过 40 个字符'),
    kind: z.enum(RULE_KINDS, { error: '规则类别只能是 count（按次数）或 coverage（按覆盖面）' }).default('count'),
    type: z.enum(MEETING_TYPES, {
      error: (issue) => `未知的组织生活类型“${String(issue.input)}”，应为 ${MEETING_TYPES.join('、')} 之一`,
    }),
    label: z.string({ error: '缺少中文名称（label）' }).trim().min(1, '中文名称（label）不能为空').max(40, '中文名称不能超过 40 个字'),
    period,
    minimum,
    scope: z.enum(RULE_SCOPES, { error: '适用范围只能是 branch（本支部）、eachGroup（每个党小组）或 secretary（书记本人）' }),
    window: window.optional(),
    severity,
    condition: z.enum(RULE_CONDITIONS, { error: '适用条件只能是 hasCommittee（设支部委员会的支部）' }).optional(),
    source: z.string({ error: '缺少依据（source）：请写明出自哪个文件哪一条，地方做法请标明“参考”' }).trim().min(1, '依据（source）不能为空'),
    note: z.string({ error: '说明应为文字' }).trim().max(200, '说明不能超过 200 个字').optional(),
  })
  .superRefine((rule, ctx) => {
    if (rule.scope === 'secretary' && rule.type !== 'partyLecture') {
      ctx.addIssue({ code: 'custom', path: ['scope'], message: '“书记本人”只适用于党课（书记讲党课）' });
    }
    if (rule.scope === 'eachGroup' && rule.type !== 'groupMeeting') {
      ctx.addIssue({ code: 'custom', path: ['scope'], message: '“每个党小组”只适用于党小组会' });
    }
    if (rule.window && !windowFitsPeriod(rule.window, rule.period)) {
      ctx.addIssue({ code: 'custom', path: ['window'], message: `时间窗口（${formatWindow(rule.window)}）没有落在${RULE_PERIOD_LABELS[rule.period]}的每个周期内` });
    }
  });

export const rulePackSchema = z.strictObject({
  id: z.string({ error: '缺少规则包编号（id）' }).regex(RULE_ID, '规则包编号应为英文字母开头的字母、数字或连字符'),
  name: z.string({ error: '缺少规则包名称（name）' }).trim().min(1, '规则包名称不能为空').max(40, '规则包名称不能超过 40 个字'),
  version: z.number({ error: '版本号（version）应为数字' }).int('版本号应为整数').positive('版本号应为正整数'),
  description: z.string({ error: '缺少说明（description）' }).trim().min(1, '说明不能为空').max(500, '说明不能超过 500 个字'),
  rules: z.array(ruleSchema, { error: '缺少规则列表（rules）' }).min(1, '规则包至少要有一条规则'),
});

export type Rule = z.output<typeof ruleSchema>;
export type RulePack = z.output<typeof rulePackSchema>;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

const FIELD_LABELS: Record<string, string> = {
  id: '编号',
  kind: '类别',
  type: '类型',
  label: '名称',
  period: '周期',
  minimum: '最少次数',
  scope: '适用范围',
  window: '时间窗口',
  severity: '严重程度',
  condition: '适用条件',
  source: '依据',
  note: '说明',
  name: '名称',
  version: '版本号',
  description: '说明',
  rules: '规则列表',
};

function ruleName(rules: unknown, index: number): string {
  const raw = Array.isArray(rules) ? (rules[index] as { id?: unknown; label?: unknown } | undefined) : undefined;
  const idText = raw && typeof raw.id === 'string' && raw.id ? `“${raw.id}”` : '';
  return `第 ${index + 1} 条规则${idText}`;
}

function describeIssue(issue: z.core.$ZodIssue, json: unknown): string {
  const path = issue.path;
  const rules = (json as { rules?: unknown } | null)?.rules;
  if (issue.code === 'unrecognized_keys') {
    const where = path[0] === 'rules' && typeof path[1] === 'number' ? `${ruleName(rules, path[1])}：` : '';
    return `${where}不认识的字段 ${issue.keys.join('、')}`;
  }
  if (path[0] === 'rules' && typeof path[1] === 'number') {
    const field = path[2] === undefined ? '' : `${FIELD_LABELS[String(path[2])] ?? String(path[2])}：`;
    return `${ruleName(rules, path[1])}：${field}${issue.message}`;
  }
  const field = path.length ? `${FIELD_LABELS[String(path[0])] ?? String(path[0])}：` : '';
  return `${field}${issue.message}`;
}

/**
 * Validates one pack file. Every message names the file and, where it is about a rule, the rule
 * (position and id), so the person who edited the file knows exactly what to fix.
 */
export function parseRulePack(fileName: string, json: unknown): ParseResult<RulePack> {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return { ok: false, errors: [`${fileName}：不是规则包（应为一个 JSON 对象）`] };
  }
  const parsed = rulePackSchema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((issue) => `${fileName}：${describeIssue(issue, json)}`) };
  }
  const errors: string[] = [];
  const seen = new Map<string, number>();
  parsed.data.rules.forEach((rule, index) => {
    const first = seen.get(rule.id);
    if (first !== undefined) errors.push(`${fileName}：第 ${index + 1} 条规则的编号“${rule.id}”与第 ${first + 1} 条重复`);
    else seen.set(rule.id, index);
  });
  return errors.length ? { ok: false, errors } : { ok: true, value: parsed.data };
}

// ---- Overrides -------------------------------------------------------------------------------

export const OVERRIDABLE_FIELDS = ['period', 'minimum', 'severity', 'window'] as const;
export type OverridableField = (typeof OVERRIDABLE_FIELDS)[number];

export const ruleOverrideSchema = z.strictObject({
  ruleId: z.string({ error: '请指明要调整的规则' }).min(1, '请指明要调整的规则').max(40, '规则编号有误'),
  period: period.optional(),
  minimum: minimum.optional(),
  severity: severity.optional(),
  /** null clears the pack's window (e.g. 组织生活会 moved to every half-year). */
  window: window.nullable().optional(),
  disabled: z.boolean({ error: '停用应为是或否' }).optional(),
});
export type RuleOverride = z.input<typeof ruleOverrideSchema>;

export interface EffectiveRule extends Rule {
  disabled: boolean;
  /** Null when the rule is exactly as the pack ships it; else what the branch changed and the pack's values. */
  overridden: { fields: OverridableField[]; disabled: boolean; original: Pick<Rule, OverridableField> } | null;
}

export interface EffectivePack extends Omit<RulePack, 'rules'> {
  rules: EffectiveRule[];
}

/** A pack as shipped, with nothing overridden. */
export function withoutOverrides(pack: RulePack): EffectivePack {
  return { ...pack, rules: pack.rules.map((rule) => ({ ...rule, disabled: false, overridden: null })) };
}

const OVERRIDE_FIELD_LABELS: Record<string, string> = { period: '周期', minimum: '最少次数', severity: '严重程度', window: '时间窗口', disabled: '停用', ruleId: '规则' };

/**
 * Applies the branch's overrides to a pack. Refuses (with the rule named) an override for a rule the
 * pack does not have, a minimum below 1, a period that is not month/quarter/half-year/year, or a
 * window the new period cannot hold. The result marks every overridden rule with what it was.
 */
export function applyOverrides(pack: RulePack, overrides: readonly unknown[]): ParseResult<EffectivePack> {
  const errors: string[] = [];
  const byRule = new Map<string, z.output<typeof ruleOverrideSchema>>();
  const rulesById = new Map(pack.rules.map((rule) => [rule.id, rule]));
  overrides.forEach((raw, index) => {
    const rawRuleId = (raw as { ruleId?: unknown } | null)?.ruleId;
    const rule = typeof rawRuleId === 'string' ? rulesById.get(rawRuleId) : undefined;
    const name = rule ? `“${rule.label}”` : `第 ${index + 1} 项调整`;
    const parsed = ruleOverrideSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path.length ? `${OVERRIDE_FIELD_LABELS[String(issue.path[0])] ?? String(issue.path[0])}：` : '';
        const message = issue.code === 'unrecognized_keys' ? `不能调整 ${issue.keys.join('、')}（只能调整周期、最少次数、严重程度、时间窗口或停用）` : issue.message;
        errors.push(`${name}：${field}${message}`);
      }
      return;
    }
    if (!rule) {
      errors.push(`${name}：规则包“${pack.name}”中没有编号为“${parsed.data.ruleId}”的规则`);
      return;
    }
    if (byRule.has(rule.id)) {
      errors.push(`${name}：对同一条规则有多项调整，请合并为一项`);
      return;
    }
    if (rule.kind === 'coverage' && (parsed.data.period !== undefined || parsed.data.minimum !== undefined || parsed.data.window !== undefined)) {
      errors.push(`${name}：按覆盖面统计的规则只能调整严重程度或停用`);
      return;
    }
    const newPeriod = parsed.data.period ?? rule.period;
    const newWindow = parsed.data.window === undefined ? rule.window : (parsed.data.window ?? undefined);
    if (newWindow && !windowFitsPeriod(newWindow, newPeriod)) {
      errors.push(
        `${name}：时间窗口（${formatWindow(newWindow)}）不适用于${RULE_PERIOD_LABELS[newPeriod]}，请同时调整或清除时间窗口`,
      );
      return;
    }
    byRule.set(rule.id, parsed.data);
  });
  if (errors.length) return { ok: false, errors };

  const rules = pack.rules.map((rule): EffectiveRule => {
    const override = byRule.get(rule.id);
    if (!override) return { ...rule, disabled: false, overridden: null };
    const changed: Partial<Pick<Rule, OverridableField>> = {};
    if (override.period !== undefined && override.period !== rule.period) changed.period = override.period;
    if (override.minimum !== undefined && override.minimum !== rule.minimum) changed.minimum = override.minimum;
    if (override.severity !== undefined && override.severity !== rule.severity) changed.severity = override.severity;
    if (override.window !== undefined && !sameWindow(override.window ?? undefined, rule.window)) changed.window = override.window ?? undefined;
    const fields = OVERRIDABLE_FIELDS.filter((field) => field in changed);
    const disabled = override.disabled === true;
    if (!fields.length && !disabled) return { ...rule, disabled: false, overridden: null };
    const original = { period: rule.period, minimum: rule.minimum, severity: rule.severity, window: rule.window };
    return { ...rule, ...changed, disabled, overridden: { fields, disabled, original } };
  });
  return { ok: true, value: { ...pack, rules } };
}

function sameWindow(a: readonly number[] | undefined, b: readonly number[] | undefined): boolean {
  if (!a || !b) return a === b;
  const sortedA = [...a].sort((x, y) => x - y);
  const sortedB = [...b].sort((x, y) => x - y);
  return sortedA.length === sortedB.length && sortedA.every((month, index) => month === sortedB[index]);
}

/** “党课：每季度至少 1 次 → 每半年至少 1 次（本支部调整）” — how an override is shown. */
export function describeOverride(rule: EffectiveRule): string | null {
  if (!rule.overridden) return null;
  if (rule.overridden.disabled) return `${rule.label}：本支部已停用`;
  const { original } = rule.overridden;
  const before = `${RULE_PERIOD_LABELS[original.period]}至少 ${original.minimum} 次`;
  const after = `${RULE_PERIOD_LABELS[rule.period]}至少 ${rule.minimum} 次`;
  const parts: string[] = [];
  if (before !== after) parts.push(`${before} → ${after}`);
  if (original.severity !== rule.severity) parts.push(`${RULE_SEVERITY_LABELS[original.severity]} → ${RULE_SEVERITY_LABELS[rule.severity]}`);
  if (rule.overridden.fields.includes('window')) {
    parts.push(`时间窗口 ${original.window ? formatWindow(original.window) : '无'} → ${rule.window ? formatWindow(rule.window) : '无'}`);
  }
  return `${rule.label}：${parts.join('；')}（本支部调整）`;
}
