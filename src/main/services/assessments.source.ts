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
