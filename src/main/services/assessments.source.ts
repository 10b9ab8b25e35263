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

/** Where the assessment workflow looks templates up: list() gives the newest version of each id, find() without a version the newest. */
export interface TemplateCatalog {
  list(): RubricTemplate[];
  find(id: string, version?: number): RubricTemplate | undefined;
}

/** The shipped templates only (tests and hosts without a store); the app uses the store-backed catalog of rubricTemplates.service. */
export const SHIPPED_CATALOG: TemplateCatalog = {
  list: () => [...SHIPPED_RUBRICS],
  find: (id, version) => SHIPPED_RUBRICS.find((template) => template.id === id && (version === undefined || template.version === version)),
};
