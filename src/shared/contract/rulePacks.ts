import { z } from 'zod';
import { ruleOverrideSchema, type EffectiveRule } from '../domain/rulePacks';
import { noInput, returns } from './common';

// Rule packs in 设置 (issue 5 item 1): which pack the branch is checked against and its own
// adjustments of single rules. The compliance service reads the same choice (effectivePack), so the
// settings page, the matrix and the dashboard always agree.

export type RulePackSource = 'shipped' | 'imported';

/** An override left out because the pack (a newer version) no longer accepts it; 恢复默认 removes it. */
export interface RuleOverrideNote {
  ruleId: string;
  message: string;
}

export interface RulePackView {
  id: string;
  name: string;
  version: number;
  description: string;
  source: RulePackSource;
  /** The file it was loaded from (seeds/rulePacks/… or the imported file's name). */
  fileName: string;
  loadedAt: string;
  chosen: boolean;
  /** Its rules with this branch's overrides of this pack applied (overridden rules say what they were). */
  rules: EffectiveRule[];
  /** Overrides stored for this pack that its current version no longer accepts: shown, not applied. */
  notes: RuleOverrideNote[];
}

export interface RulePackList {
  chosenId: string;
  packs: RulePackView[];
  /** Pack files refused at load (naming file and rule); the stored working version stays in force. */
  problems: string[];
}

const packId = z.string({ error: '请选择规则包' }).trim().min(1, '请选择规则包').max(40, '规则包编号有误');

export const rulePackChooseInput = z.strictObject({ packId });

/** One rule's adjustment: the fields that differ from the pack (period, minimum, severity, window, disabled). */
export const ruleOverrideInput = ruleOverrideSchema;

export const ruleOverrideClearInput = z.strictObject({
  ruleId: z.string({ error: '请指明要恢复的规则' }).trim().min(1, '请指明要恢复的规则').max(40, '规则编号有误'),
});

/** A pack file of 256 KB is far more than any pack needs (the shipped ones are ~5 KB). */
export const MAX_RULE_PACK_BYTES = 256 * 1024;

export const rulePackImportInput = z.strictObject({
  fileName: z.string({ error: '应为文件名' }).trim().min(1, '缺少文件名').max(200, '文件名过长'),
  contentBase64: z
    .string({ error: '应为文件内容' })
    .min(1, '文件是空的')
    .max(Math.ceil(MAX_RULE_PACK_BYTES / 3) * 4 + 4, '文件超过 256 KB，不像规则包，未导入'),
});

export const RULE_PACKS_FIELD_LABELS: Record<string, string> = {
  packId: '规则包',
  ruleId: '规则',
  period: '周期',
  minimum: '最少次数',
  severity: '要求',
  window: '通常安排在',
  disabled: '停用',
  fileName: '文件名',
  contentBase64: '文件内容',
};

export const rulePacksContract = {
  'rulePacks:list': { input: noInput, output: returns<RulePackList>() },
  'rulePacks:choose': { input: rulePackChooseInput, output: returns<RulePackList>() },
  'rulePacks:setOverride': { input: ruleOverrideInput, output: returns<RulePackList>() },
  'rulePacks:clearOverride': { input: ruleOverrideClearInput, output: returns<RulePackList>() },
  'rulePacks:import': { input: rulePackImportInput, output: returns<RulePackList>() },
} as const;
