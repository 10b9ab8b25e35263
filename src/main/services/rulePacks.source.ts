import jinhuaTwoNew from '../../../seeds/rulePacks/jinhua-two-new.json';
import national from '../../../seeds/rulePacks/national.json';
import zhejiangOrgans from '../../../seeds/rulePacks/zhejiang-organs.json';
import { parseRulePack, type RulePack } from '../../shared/domain/rulePacks';

// The rule packs shipped with the app (seeds/rulePacks), bundled into the main process. The rule
// packs service validates them and copies them into the store at start (a broken one is refused
// with a message naming file and rule, and the stored working version stays in force).
// tests/unit/rulePacks.test.ts loads every file, so a broken pack fails the tests long before.

export interface RulePackFile {
  fileName: string;
  json: unknown;
}

export const SHIPPED_RULE_PACK_FILES: readonly RulePackFile[] = [
  { fileName: 'national.json', json: national },
  { fileName: 'zhejiang-organs.json', json: zhejiangOrgans },
  { fileName: 'jinhua-two-new.json', json: jinhuaTwoNew },
];

/** The shipped packs that pass validation (all of them, unless a build shipped a broken file). */
export const SHIPPED_RULE_PACKS: readonly RulePack[] = SHIPPED_RULE_PACK_FILES.flatMap(({ fileName, json }) => {
  const parsed = parseRulePack(fileName, json);
  return parsed.ok ? [parsed.value] : [];
});

/** The pack a branch uses until it chooses one in 设置: the national defaults. */
export const DEFAULT_RULE_PACK_ID = 'national';
