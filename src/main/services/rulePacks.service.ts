import type { z } from 'zod';
import { AppError } from '../../shared/contract/errors';
import type { RuleOverrideNote, RulePackList, RulePackView, ruleOverrideClearInput, ruleOverrideInput, rulePackChooseInput, rulePackImportInput } from '../../shared/contract/rulePacks';
import { MAX_RULE_PACK_BYTES } from '../../shared/contract/rulePacks';
import {
  applyOverrides,
  OVERRIDABLE_FIELDS,
  parseRulePack,
  withoutOverrides,
  type EffectivePack,
  type RulePack,
  type RuleOverride,
} from '../../shared/domain/rulePacks';
import type { StoredRuleOverride, StoredRulePack } from '../store/repos/rulePacks.repo';
import type { ServiceContext } from './context';
import { DEFAULT_RULE_PACK_ID, SHIPPED_RULE_PACK_FILES, SHIPPED_RULE_PACKS, type RulePackFile } from './rulePacks.source';

type ChooseInput = z.output<typeof rulePackChooseInput>;
type OverrideInput = z.output<typeof ruleOverrideInput>;
type ClearInput = z.output<typeof ruleOverrideClearInput>;
type ImportInput = z.output<typeof rulePackImportInput>;

/** The rules in force and what the secretary should know about them (overrides not applied, a fallback). */
export interface EffectiveRules {
  pack: EffectivePack;
  notes: RuleOverrideNote[];
}

function parseStored(row: StoredRulePack): RulePack | null {
  let json: unknown;
  try {
    json = JSON.parse(row.body);
  } catch {
    return null;
  }
  const parsed = parseRulePack(row.fileName, json);
  return parsed.ok ? parsed.value : null;
}

function overrideOf(row: StoredRuleOverride): RuleOverride {
  const changes = JSON.parse(row.changes) as Record<string, unknown>;
  return { ...changes, ruleId: row.ruleId } as RuleOverride;
}

/**
 * A pack with the branch's overrides of it. Each override is checked on its own, so one that a new
 * pack version no longer accepts (its rule was removed, its window no longer fits) is left out with
 * a note, and the others still apply: a new version never makes compliance fail.
 */
function withStoredOverrides(pack: RulePack, rows: StoredRuleOverride[]): EffectiveRules {
  const notes: RuleOverrideNote[] = [];
  const usable: RuleOverride[] = [];
  for (const row of rows) {
    const override = overrideOf(row);
    const alone = applyOverrides(pack, [override]);
    if (alone.ok) {
      usable.push(override);
      continue;
    }
    const label = pack.rules.find((rule) => rule.id === row.ruleId)?.label ?? row.ruleId;
    const when = row.packVersion === pack.version ? '' : `（按第 ${row.packVersion} 版设置）`;
    notes.push({
      ruleId: row.ruleId,
      message: `本支部对“${label}”的调整${when}不适用于“${pack.name}”第 ${pack.version} 版，没有生效：${alone.errors.join('；')}。请恢复默认后重新调整。`,
    });
  }
  const applied = applyOverrides(pack, usable);
  if (applied.ok) return { pack: applied.value, notes };
  return { pack: withoutOverrides(pack), notes: [...notes, ...applied.errors.map((message) => ({ ruleId: '', message }))] };
}

/** The fields an override really changes, as stored: nothing equal to the pack's own value. */
function changesOf(pack: EffectivePack, ruleId: string): Record<string, unknown> | null {
  const rule = pack.rules.find((candidate) => candidate.id === ruleId);
  if (!rule?.overridden) return null;
  const changes: Record<string, unknown> = {};
  for (const field of OVERRIDABLE_FIELDS) {
    if (rule.overridden.fields.includes(field)) changes[field] = field === 'window' ? (rule.window ?? null) : rule[field];
  }
  if (rule.overridden.disabled) changes.disabled = true;
  return changes;
}

function decodeJson(fileName: string, contentBase64: string): unknown {
  const bytes = Buffer.from(contentBase64, 'base64');
  if (bytes.length === 0) throw new AppError('VALIDATION', `${fileName}：文件是空的，未导入。`);
  if (bytes.length > MAX_RULE_PACK_BYTES) throw new AppError('VALIDATION', `${fileName}：文件超过 256 KB，不像规则包，未导入。`);
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError('VALIDATION', `${fileName}：不是有效的 JSON 文件（${(error as Error).message}），未导入。请用规则包导出的格式。`);
  }
}

/**
 * Rule packs (issue 5 item 1): the shipped packs copied into the store, the branch's choice, its
 * overrides of single rules and imported packs. `effective()` is what the compliance service
 * uses, so every screen judges by the same rules.
 */
export function createRulePacksService({ store, clock }: ServiceContext, shippedFiles: readonly RulePackFile[] = SHIPPED_RULE_PACK_FILES) {
  const shippedIds = new Set<string>();
  let loadProblems: string[] = [];
  let loaded = false;

  /**
   * Upserts the shipped packs by id + version: a pack new to the store is added, a newer version
   * replaces the stored one (the choice and overrides stay, they name the id), an older or equal
   * one changes nothing. A file that fails validation is refused with its messages, and whatever
   * version the store holds stays in force.
   */
  function loadShipped(): void {
    const now = clock().toISOString();
    const problems: string[] = [];
    store.transaction(() => {
      for (const { fileName, json } of shippedFiles) {
        const rawId = (json as { id?: unknown } | null)?.id;
        const parsed = parseRulePack(fileName, json);
        if (!parsed.ok) {
          const stored = typeof rawId === 'string' ? store.rulePacks.get(rawId) : null;
          if (typeof rawId === 'string') shippedIds.add(rawId);
          const kept = stored ? `仍使用已有的第 ${stored.version} 版“${stored.name}”` : '未载入这个规则包';
          problems.push(`规则包文件有误，${kept}：${parsed.errors.join('；')}`);
          continue;
        }
        const pack = parsed.value;
        shippedIds.add(pack.id);
        const stored = store.rulePacks.get(pack.id);
        const replace = !stored || pack.version > stored.version || (pack.version === stored.version && stored.source === 'shipped' && parseStored(stored) === null);
        if (!replace) continue;
        store.rulePacks.put({ id: pack.id, version: pack.version, name: pack.name, body: JSON.stringify(pack), source: 'shipped', fileName, loadedAt: now });
      }
    });
    loadProblems = problems;
    loaded = true;
  }

  function ready(): void {
    if (!loaded) loadShipped();
  }

  /** The chosen pack as stored and parsed, or null when it cannot be read. */
  function chosenPack(): { row: StoredRulePack | null; pack: RulePack | null; id: string } {
    const id = store.rulePacks.choice() ?? DEFAULT_RULE_PACK_ID;
    const row = store.rulePacks.get(id);
    return { id, row, pack: row ? parseStored(row) : null };
  }

  function fallback(reason: string): EffectiveRules {
    const pack = SHIPPED_RULE_PACKS.find((candidate) => candidate.id === DEFAULT_RULE_PACK_ID) ?? SHIPPED_RULE_PACKS[0];
    if (!pack) throw new AppError('INTERNAL', '软件自带的规则包都无法读取，无法检查落实情况。请重新安装软件。');
    return { pack: withoutOverrides(pack), notes: [{ ruleId: '', message: reason }] };
  }

  /** The rules in force: the chosen pack with the branch's overrides. */
  function effective(): EffectiveRules {
    try {
      ready();
    } catch {
      // A read-only or not yet upgraded data file: judge by what is stored, else the shipped defaults.
    }
    let chosen: ReturnType<typeof chosenPack>;
    try {
      chosen = chosenPack();
    } catch {
      return fallback('规则包设置无法读取，暂按“全国默认”检查。');
    }
    if (!chosen.pack) return fallback(`所选规则包“${chosen.row?.name ?? chosen.id}”无法读取，暂按“全国默认”检查。请在设置中重新选择规则包。`);
    return withStoredOverrides(chosen.pack, store.rulePacks.overrides(chosen.pack.id));
  }

  function list(): RulePackList {
    ready();
    const chosenId = store.rulePacks.choice() ?? DEFAULT_RULE_PACK_ID;
    const problems = [...loadProblems];
    const packs: RulePackView[] = [];
    for (const row of store.rulePacks.list()) {
      const pack = parseStored(row);
      if (!pack) {
        problems.push(`已存储的规则包“${row.name}”（${row.fileName}）无法读取，不能选用。`);
        continue;
      }
      const { pack: applied, notes } = withStoredOverrides(pack, store.rulePacks.overrides(row.id));
      packs.push({
        id: row.id,
        name: row.name,
        version: row.version,
        description: pack.description,
        source: row.source,
        fileName: row.fileName,
        loadedAt: row.loadedAt,
        chosen: row.id === chosenId,
        rules: applied.rules,
        notes,
      });
    }
    return { chosenId, packs, problems };
  }

  /** The chosen pack, readable, for changing its overrides. */
  function packToAdjust(): RulePack {
    const chosen = chosenPack();
    if (!chosen.pack) throw new AppError('VALIDATION', `所选规则包“${chosen.row?.name ?? chosen.id}”无法读取，请先在上方选择其他规则包。`);
    return chosen.pack;
  }

  return {
    effective,
    /** The rules in force for this branch (what compliance:year judges by). */
    effectivePack: (): EffectivePack => effective().pack,
    list,

    choose({ packId }: ChooseInput): RulePackList {
      ready();
      const row = store.rulePacks.get(packId);
      if (!row) throw new AppError('NOT_FOUND', `没有编号为“${packId}”的规则包，请刷新后重新选择。`);
      if (!parseStored(row)) throw new AppError('VALIDATION', `规则包“${row.name}”无法读取，不能选用。`);
      store.transaction(() => store.rulePacks.choose(packId, clock().toISOString()));
      return list();
    },

    /**
     * Sets the branch's adjustment of one rule of the chosen pack, replacing any earlier one. The
     * values are what the rule should be; those equal to the pack's own are not stored, and an
     * adjustment that changes nothing removes the override.
     */
    setOverride(input: OverrideInput): RulePackList {
      ready();
      const pack = packToAdjust();
      const result = applyOverrides(pack, [input]);
      if (!result.ok) throw new AppError('VALIDATION', result.errors.join('；'));
      const changes = changesOf(result.value, input.ruleId);
      store.transaction(() => {
        if (!changes) store.rulePacks.deleteOverride(pack.id, input.ruleId);
        else store.rulePacks.putOverride({ packId: pack.id, ruleId: input.ruleId, changes: JSON.stringify(changes), packVersion: pack.version, createdAt: clock().toISOString() });
      });
      return list();
    },

    /** 恢复默认: the rule as the chosen pack ships it. */
    clearOverride({ ruleId }: ClearInput): RulePackList {
      ready();
      const pack = packToAdjust();
      const known = pack.rules.some((rule) => rule.id === ruleId) || store.rulePacks.overrides(pack.id).some((row) => row.ruleId === ruleId);
      if (!known) throw new AppError('NOT_FOUND', `规则包“${pack.name}”中没有编号为“${ruleId}”的规则。`);
      store.transaction(() => store.rulePacks.deleteOverride(pack.id, ruleId));
      return list();
    },

    /**
     * A pack file from the 上级党组织 (JSON, the format of seeds/rulePacks): validated like the
     * shipped ones and stored as imported. It may not take a shipped pack's id, and a pack already
     * imported is replaced only by a higher version. Not chosen automatically.
     */
    import({ fileName, contentBase64 }: ImportInput): RulePackList {
      ready();
      const parsed = parseRulePack(fileName, decodeJson(fileName, contentBase64));
      if (!parsed.ok) throw new AppError('VALIDATION', `规则包未导入：${parsed.errors.join('；')}`);
      const pack = parsed.value;
      const stored = store.rulePacks.get(pack.id);
      if (shippedIds.has(pack.id) || stored?.source === 'shipped') {
        throw new AppError('CONFLICT', `${fileName}：规则包编号“${pack.id}”与软件自带的“${stored?.name ?? pack.name}”相同，未导入。请在文件中改用其他编号（id）。`);
      }
      if (stored && pack.version <= stored.version) {
        throw new AppError(
          'CONFLICT',
          `${fileName}：已导入“${stored.name}”第 ${stored.version} 版，这个文件是第 ${pack.version} 版，未导入。更新规则包时请提高版本号（version）。`,
        );
      }
      store.transaction(() =>
        store.rulePacks.put({ id: pack.id, version: pack.version, name: pack.name, body: JSON.stringify(pack), source: 'imported', fileName, loadedAt: clock().toISOString() }),
      );
      return list();
    },
  };
}

export type RulePacksService = ReturnType<typeof createRulePacksService>;

/** Loads the shipped packs when the service starts; a data file that cannot be written yet is retried on first use. */
export function startRulePacksService(context: ServiceContext, shippedFiles?: readonly RulePackFile[]): RulePacksService {
  const service = createRulePacksService(context, shippedFiles);
  try {
    service.list();
  } catch {
    // Retried by the first call that needs the packs; that call reports the error if it persists.
  }
  return service;
}
