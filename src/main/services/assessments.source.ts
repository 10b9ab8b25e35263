import starBranch100 from '../../../seeds/rubrics/star-branch-100.json';
import wuxingSanqiang from '../../../seeds/rubrics/wuxing-sanqiang-reference.json';
import wuxingShuangqiang from '../../../seeds/rubrics/wuxing-shuangqiang.json';
import { parseRubricTemplate, type RubricTemplate } from '../../shared/domain/rubricTemplate';

// The rubric templates shipped with the app (seeds/rubrics), bundled into the main process like the
// rule packs (rulePacks.source.ts). A file that fails validation is left out, never half-used.

export interface RubricTemplateFile {
  fileName: string;
  json: unknown;
}

export const SHIPPED_RUBRIC_FILES: readonly RubricTemplateFile[] = [
  { fileName: 'wuxing-sanqiang-reference.json', json: wuxingSanqiang },
  { fileName: 'wuxing-shuangqiang.json', json: wuxingShuangqiang },
  { fileName: 'star-branch-100.json', json: starBranch100 },
];

export const SHIPPED_RUBRICS: readonly RubricTemplate[] = SHIPPED_RUBRIC_FILES.flatMap(({ fileName, json }) => {
  const parsed = parseRubricTemplate(fileName, json);
  return parsed.ok ? [parsed.value] : [];
});

/**
 * Where the assessments service finds templates. Today: the shipped files. Later: a store of
 * imported and edited template versions behind the same interface. The service asks it only when
 * listing templates and when starting an assessment; an existing assessment keeps its frozen copy.
 */
export interface TemplateCatalog {
  /** The templates a new assessment can start with: the current version of each. */
  list(): readonly RubricTemplate[];
  /** A template by id: the given version, or the current one when no version is given. */
  find(id: string, version?: number): RubricTemplate | undefined;
}

/** A catalog over fixed templates; of several versions of one id, the highest is current. */
export function catalogOf(templates: readonly RubricTemplate[]): TemplateCatalog {
  const current = new Map<string, RubricTemplate>();
  for (const template of templates) {
    const seen = current.get(template.id);
    if (!seen || template.version > seen.version) current.set(template.id, template);
  }
  const ids = [...new Set(templates.map((template) => template.id))];
  return {
    list: () => ids.map((id) => current.get(id)!),
    find: (id, version) => (version === undefined ? current.get(id) : templates.find((template) => template.id === id && template.version === version)),
  };
}

export const SHIPPED_CATALOG: TemplateCatalog = catalogOf(SHIPPED_RUBRICS);
