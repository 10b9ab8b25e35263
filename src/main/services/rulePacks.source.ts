import jinhuaTwoNew from '../../../seeds/rulePacks/jinhua-two-new.json';
import national from '../../../seeds/rulePacks/national.json';
import zhejiangOrgans from '../../../seeds/rulePacks/zhejiang-organs.json';
import { parseRulePack, type RulePack } from '../../shared/domain/rulePacks';

// The rule packs shipped with the app (seeds/rulePacks), bundled into the main process and validated
// once at start. tests/unit/rulePacks.test.ts loads every file, so a broken pack fails the build's
// tests long before it could fail here.

const FILES: [string, unknown][] = [
  ['national.json', national],
  ['zhejiang-organs.json', zhejiangOrgans],
  ['jinhua-two-new.json', jinhuaTwoNew],
];

export const SHIPPED_RULE_PACKS: readonly RulePack[] = FILES.map(([fileName, json]) => {
  const parsed = parseRulePack(fileName, json);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.value;
});

/** The pack a branch uses until it chooses one in 设置: the national defaults. */
export const DEFAULT_RULE_PACK_ID = SHIPPED_RULE_PACKS[0].id;
