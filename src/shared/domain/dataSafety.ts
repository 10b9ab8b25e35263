// Words and rules of 数据安全 shared by the core and the page: why a backup was taken, and how
// strong a handover password is.

export const BACKUP_REASONS = ['daily', 'manual', 'beforeImport', 'beforeUndoImport', 'beforeMigration', 'beforeRestore', 'beforePurge'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export const BACKUP_REASON_LABELS: Record<BackupReason, string> = {
  daily: '每日自动备份',
  manual: '手动备份',
  beforeImport: '导入党员前',
  beforeUndoImport: '撤销导入前',
  beforeMigration: '升级数据结构前',
  beforeRestore: '恢复数据前',
  beforePurge: '清除已删除记录前',
};

export const HANDOVER_PASSWORD_MIN = 8;
export const HANDOVER_PASSWORD_MAX = 128;

export type PasswordStrength = 'tooShort' | 'weak' | 'fair' | 'strong';

export const PASSWORD_STRENGTH_LABELS: Record<PasswordStrength, string> = {
  tooShort: `太短（至少 ${HANDOVER_PASSWORD_MIN} 位）`,
  weak: '弱：容易被猜到',
  fair: '中：可以使用',
  strong: '强',
};

/**
 * A rough strength hint (length and kinds of characters: lower, upper, digits, 汉字, symbols; repeated or sequential characters count
 * less). Only the minimum length is enforced; the hint helps the secretary choose.
 */
export function passwordStrength(password: string): PasswordStrength {
  const chars = [...password];
  if (chars.length < HANDOVER_PASSWORD_MIN) return 'tooShort';
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[\u3400-\u9fff]/, /[^A-Za-z0-9\u3400-\u9fff]/].filter((pattern) => pattern.test(password)).length;
  const distinct = new Set(chars).size;
  let steps = 0;
  for (let i = 1; i < chars.length; i += 1) {
    const diff = chars[i].codePointAt(0)! - chars[i - 1].codePointAt(0)!;
    if (diff === 1 || diff === -1 || diff === 0) steps += 1;
  }
  // Mostly one repeated or counted-up run (11111111, 12345678, abcdefgh): weak whatever its length.
  if (distinct <= 3 || steps >= chars.length - 2) return 'weak';
  const score = chars.length + kinds * 3 + (distinct >= 8 ? 2 : 0);
  if (score >= 21 && kinds >= 3) return 'strong';
  if (score >= 16 && kinds >= 2) return 'fair';
  return 'weak';
}
