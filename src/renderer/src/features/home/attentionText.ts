import type { CompliancePeriod } from '../../../../shared/domain/compliance';
import type { ObligationItem } from '../../../../shared/domain/homeAttention';

/** A period without its year, for a list under a year heading: 8月, 第3季度, 上半年, 全年. */
export function shortPeriod(period: Pick<CompliancePeriod, 'kind' | 'index'>): string {
  switch (period.kind) {
    case 'month':
      return `${period.index}月`;
    case 'quarter':
      return `第${period.index}季度`;
    case 'halfYear':
      return period.index === 1 ? '上半年' : '下半年';
    case 'year':
      return '全年';
  }
}

/** 1月至10月、12月: runs of three or more consecutive periods are written as a range. */
export function periodList(periods: readonly Pick<CompliancePeriod, 'kind' | 'index'>[]): string {
  const sorted = [...periods].sort((a, b) => a.index - b.index);
  const parts: string[] = [];
  for (let start = 0; start < sorted.length; ) {
    let end = start;
    while (end + 1 < sorted.length && sorted[end + 1].index === sorted[end].index + 1) end += 1;
    if (end - start >= 2) parts.push(`${shortPeriod(sorted[start])}至${shortPeriod(sorted[end])}`);
    else for (let i = start; i <= end; i += 1) parts.push(shortPeriod(sorted[i]));
    start = end + 1;
  }
  return parts.join('、');
}

export interface MissedGroup {
  key: string;
  year: number;
  label: string;
  groupName: string | null;
  recommended: boolean;
  items: ObligationItem[];
}

/** Missed periods of one rule (and 党小组) in one year on one line, in the order they first appear. */
export function groupMissed(items: readonly ObligationItem[]): MissedGroup[] {
  const groups = new Map<string, MissedGroup>();
  for (const item of items) {
    const key = `${item.year}:${item.ruleId}:${item.groupId ?? '-'}`;
    const group = groups.get(key) ?? { key, year: item.year, label: item.label, groupName: item.groupName, recommended: item.severity !== 'required', items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  return [...groups.values()];
}
