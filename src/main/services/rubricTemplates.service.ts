import type { z } from 'zod';
import { AppError } from '../../shared/contract/errors';
import type {
  RubricImportPreview,
  RubricTemplateList,
  RubricTemplateListItem,
  RubricTemplateSaved,
  rubricTemplateGetInput,
  rubricTemplateImportInput,
  rubricTemplatePreviewInput,
  rubricTemplateSaveInput,
} from '../../shared/contract/rubricTemplates';
import { todayIso } from '../../shared/domain/dates';
import { mapRubricSheets, type RubricSheetResult } from '../../shared/domain/rubricSheet';
import { parseRubricTemplate, type RubricTemplate } from '../../shared/domain/rubricTemplate';
import { readRubricWorkbook } from '../documents/rubricWorkbook';
import type { StoredRubricTemplate } from '../store/repos/rubricTemplates.repo';
import { SHIPPED_RUBRIC_FILES, type RubricTemplateFile, type TemplateCatalog } from './assessments.source';
import type { ServiceContext } from './context';

type GetInput = z.output<typeof rubricTemplateGetInput>;
type PreviewInput = z.output<typeof rubricTemplatePreviewInput>;
type ImportInput = z.output<typeof rubricTemplateImportInput>;
type SaveInput = z.output<typeof rubricTemplateSaveInput>;

/** How many problems a refusal message spells out (all of them are in its details). */
const SUMMARY_LINES = 6;

function versionLabel(row: Pick<StoredRubricTemplate, 'name' | 'version'>): string {
  return `“${row.name}”第 ${row.version} 版`;
}

/** The stored body, validated again; null when it no longer passes (never used then). */
function parseStored(row: StoredRubricTemplate): RubricTemplate | null {
  let json: unknown;
  try {
    json = JSON.parse(row.body);
  } catch {
    return null;
  }
  const parsed = parseRubricTemplate(row.fileName ?? versionLabel(row), json);
  return parsed.ok && parsed.value.id === row.id && parsed.value.version === row.version ? parsed.value : null;
}

function totalOf(template: RubricTemplate): number {
  return template.totalPoints ?? template.dimensions.reduce((sum, dimension) => sum + dimension.maxPoints, 0);
}

function refusal(prefix: string, errors: string[]): AppError {
  const shown = errors.slice(0, SUMMARY_LINES).join('；');
  const more = errors.length > SUMMARY_LINES ? `等 ${errors.length} 处` : '';
  return new AppError(
    'VALIDATION',
    `${prefix}：${shown}${more}。`,
    errors.map((message) => ({ path: 'template', label: '评分模板', message })),
  );
}

/** A template version as the store keeps it: the whole validated body, with its id, version and origin. */
function storedRow(template: RubricTemplate, origin: StoredRubricTemplate['origin'], fileName: string | null, createdAt: string): StoredRubricTemplate {
  return {
    id: template.id,
    version: template.version,
    status: template.status,
    name: template.name,
    scope: JSON.stringify(template.scope),
    body: JSON.stringify(template),
    origin,
    fileName,
    createdAt,
  };
}

/**
 * 评分模板 (issue 6 item 4): every version of every rubric template in the store. The shipped ones
 * are copied in at start, official 评分细则 are imported from Excel, and edits are saved as new
 * versions. Nothing ever changes a stored version, so an assessment can always find the exact
 * version it was scored with; a body that no longer validates is listed and never used.
 */
export function createRubricTemplatesService({ store, clock }: ServiceContext, shippedFiles: readonly RubricTemplateFile[] = SHIPPED_RUBRIC_FILES) {
  const shippedIds = new Set<string>();
  let loadProblems: string[] = [];
  let loaded = false;

  /**
   * Adds each shipped template version the store does not hold yet. A file that fails validation is
   * refused with its messages and whatever versions are stored stay in use; a shipped version whose
   * stored copy no longer parses is rewritten from the file.
   */
  function loadShipped(): void {
    const now = clock().toISOString();
    const problems: string[] = [];
    store.transaction(() => {
      for (const { fileName, json } of shippedFiles) {
        const rawId = (json as { id?: unknown } | null)?.id;
        const parsed = parseRubricTemplate(fileName, json);
        if (typeof rawId === 'string') shippedIds.add(rawId);
        if (!parsed.ok) {
          const newest = typeof rawId === 'string' ? newestReadable(rawId) : null;
          const kept = newest ? `仍使用已有的${versionLabel(newest.row)}` : '未载入这个模板';
          problems.push(`评分模板文件有误，${kept}：${parsed.errors.join('；')}`);
          continue;
        }
        const template = parsed.value;
        const row = storedRow(template, 'shipped', fileName, now);
        const stored = store.rubricTemplates.get(template.id, template.version);
        if (!stored) store.rubricTemplates.add(row);
        else if (stored.origin === 'shipped') {
          if (!parseStored(stored)) store.rubricTemplates.repairShipped(row);
        } else {
          problems.push(`软件自带的${versionLabel(row)}未载入：本支部已有编号相同的第 ${template.version} 版（${stored.origin === 'edited' ? '在本软件中修改保存的' : '导入的'}），继续使用它。`);
        }
      }
    });
    loadProblems = problems;
    loaded = true;
  }

  function ready(): void {
    if (loaded) return;
    try {
      loadShipped();
    } catch {
      // A read-only or full data file: work with what is stored; the next call tries again.
    }
  }

  /** The newest version of the id that still validates, with its row. */
  function newestReadable(id: string): { row: StoredRubricTemplate; template: RubricTemplate } | null {
    const rows = store.rubricTemplates.versions(id);
    for (let index = rows.length - 1; index >= 0; index -= 1) {
      const template = parseStored(rows[index]);
      if (template) return { row: rows[index], template };
    }
    return null;
  }

  function find(id: string, version?: number): RubricTemplate | undefined {
    ready();
    if (version === undefined) return newestReadable(id)?.template ?? undefined;
    const row = store.rubricTemplates.get(id, version);
    return (row && parseStored(row)) ?? undefined;
  }

  function list(): RubricTemplateList {
    ready();
    const problems = [...loadProblems];
    const byId = new Map<string, StoredRubricTemplate[]>();
    for (const row of store.rubricTemplates.list()) byId.set(row.id, [...(byId.get(row.id) ?? []), row]);
    const templates: RubricTemplateListItem[] = [];
    for (const [id, rows] of byId) {
      const parsed = rows.map((row) => ({ row, template: parseStored(row) }));
      for (const { row, template } of parsed) {
        if (!template) problems.push(`已存储的${versionLabel(row)}无法读取，不会使用${parsed.some((other) => other.template) ? '，仍使用其他可读的版本' : ''}。`);
      }
      const newest = [...parsed].reverse().find((item) => item.template);
      if (!newest?.template) continue;
      templates.push({
        id,
        name: newest.template.name,
        status: newest.template.status,
        scope: [...newest.template.scope],
        issuer: newest.template.issuer,
        newestVersion: newest.template.version,
        versions: [...parsed].reverse().map(({ row, template }) => ({
          version: row.version,
          name: row.name,
          status: row.status,
          origin: row.origin,
          fileName: row.fileName,
          createdAt: row.createdAt,
          effectiveYear: template?.effectiveYear ?? 0,
          totalPoints: template ? totalOf(template) : 0,
          indicatorCount: template?.indicators.length ?? 0,
          readable: template !== null,
        })),
      });
    }
    return { templates, problems };
  }

  /** Where an import lands: the next version of updateId, or a new id imported-N (version 1). */
  function target(updateId: string | null | undefined): { id: string; version: number } {
    if (updateId) {
      const newest = newestReadable(updateId);
      if (!newest) throw new AppError('NOT_FOUND', `没有编号为“${updateId}”的评分模板，请刷新后重新选择要更新的模板。`, [{ path: 'meta.updateId', label: '更新的模板', message: '没有这个模板' }]);
      if (shippedIds.has(updateId)) {
        const message = `“${newest.template.name}”是软件自带的参考模板，不能用导入的细则更新，请导入为新模板`;
        throw new AppError('VALIDATION', `${message}。`, [{ path: 'meta.updateId', label: '更新的模板', message }]);
      }
      return { id: updateId, version: store.rubricTemplates.maxVersion(updateId) + 1 };
    }
    const taken = new Set(store.rubricTemplates.ids());
    let n = 1;
    while (taken.has(`imported-${n}`)) n += 1;
    return { id: `imported-${n}`, version: 1 };
  }

  async function readAndMap(input: PreviewInput): Promise<{ result: RubricSheetResult; id: string; version: number }> {
    const bytes = Buffer.from(input.contentBase64, 'base64');
    const sheets = await readRubricWorkbook(bytes, input.fileName);
    const { id, version } = target(input.meta.updateId);
    const today = todayIso(clock());
    const meta = input.meta;
    const result = mapRubricSheets(sheets, {
      id,
      version,
      name: meta.name ?? null,
      defaultName: input.fileName.replace(/\.[^.]*$/, '').slice(0, 40) || '导入的评分细则',
      scope: meta.scope ?? ['两新'],
      issuer: meta.issuer ?? '（请填写制定单位）',
      effectiveYear: meta.effectiveYear ?? null,
      defaultYear: Number(today.slice(0, 4)),
      status: meta.status ?? '官方',
      sourceNote: meta.sourceNote || `由“${input.fileName}”导入（${today}）`,
      starPercent: meta.starPercent ?? 80,
    });
    return { result, id, version };
  }

  return {
    list,
    get({ id, version }: GetInput): RubricTemplate {
      const template = find(id, version);
      if (template) return template;
      const which = version === undefined ? '' : `第 ${version} 版`;
      throw new AppError('NOT_FOUND', `没有编号为“${id}”的评分模板${which}（或它已无法读取），请刷新后重新选择。`);
    },

    /** The templates an assessment may use, as the assessment workflow looks them up. */
    catalog(): TemplateCatalog {
      return {
        list: () => {
          ready();
          const ids = [...new Set(store.rubricTemplates.list().map((row) => row.id))];
          return ids.flatMap((id) => newestReadable(id)?.template ?? []);
        },
        find,
      };
    },

    /** Reads the workbook and shows what would be imported, with every error and guess; writes nothing. */
    async importPreview(input: PreviewInput): Promise<RubricImportPreview> {
      ready();
      const { result, id, version } = await readAndMap(input);
      return { ...result, targetId: id, targetVersion: version };
    },

    /** Stores the previewed template as a new template or a new version, only when there is no error. */
    async import(input: ImportInput): Promise<RubricTemplateSaved> {
      ready();
      const { result, id, version } = await readAndMap(input);
      if (!result.template || result.errors.length) throw refusal(`${input.fileName} 未导入`, result.errors.length ? result.errors : ['没有可导入的指标']);
      const template = result.template;
      store.transaction(() => {
        if (store.rubricTemplates.get(id, version)) throw new AppError('CONFLICT', `${versionLabel({ name: template.name, version })}已存在，请重新预览后再导入。`);
        store.rubricTemplates.add(storedRow(template, 'imported', input.fileName, clock().toISOString()));
      });
      return { id, version, name: template.name, warnings: result.warnings };
    },

    /**
     * Saves an edited template as the next version of its id. `template.version` says which version
     * the edit started from: when someone saved a newer one meanwhile the edit is refused rather
     * than silently replacing theirs. Validated with the engine's rules; a broken edit stores nothing.
     */
    save({ template: edited }: SaveInput): RubricTemplateSaved {
      ready();
      const id = typeof edited.id === 'string' ? edited.id : '';
      const newest = id ? newestReadable(id) : null;
      if (!newest) throw new AppError('NOT_FOUND', `没有编号为“${id}”的评分模板，请刷新后重新打开。`);
      const maxVersion = store.rubricTemplates.maxVersion(id);
      if (edited.version !== newest.template.version || newest.template.version !== maxVersion) {
        throw new AppError(
          'CONFLICT',
          `“${newest.template.name}”已有更新的第 ${maxVersion} 版，这次修改基于第 ${String(edited.version)} 版，未保存。请重新打开最新版本后再修改。`,
        );
      }
      const version = maxVersion + 1;
      const parsed = parseRubricTemplate('修改后的模板', { ...edited, version });
      if (!parsed.ok) throw refusal('模板未保存', parsed.errors);
      const template = parsed.value;
      store.transaction(() => store.rubricTemplates.add(storedRow(template, 'edited', null, clock().toISOString())));
      return { id, version, name: template.name, warnings: [] };
    },
  };
}

export type RubricTemplatesService = ReturnType<typeof createRubricTemplatesService>;

/** Loads the shipped templates when the service starts; a data file that cannot be written yet is retried on first use. */
export function startRubricTemplatesService(context: ServiceContext, shippedFiles?: readonly RubricTemplateFile[]): RubricTemplatesService {
  const service = createRubricTemplatesService(context, shippedFiles);
  try {
    service.list();
  } catch {
    // Retried by the first call that needs the templates.
  }
  return service;
}
