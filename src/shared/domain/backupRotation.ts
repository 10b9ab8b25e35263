import { addDays, parseIsoDate } from './dates';

// Which backups to keep: the newest backup of each of the last N days, weeks and months that have
// backups (the scheme restic and borg call keep-daily/weekly/monthly), plus always the newest good
// one. Pure, so the rules are tested over simulated dates without any files.

export interface RotationPolicy {
  daily: number;
  weekly: number;
  monthly: number;
  /**
   * Every backup of today and the days before, up to this many calendar days, is kept whole: the
   * backups taken before an import, an undo or a restore are what a secretary reaches for that day.
   */
  recentDays: number;
}

export const DEFAULT_ROTATION: RotationPolicy = { daily: 7, weekly: 4, monthly: 12, recentDays: 2 };

export interface RotationItem {
  id: string;
  /** Local date and time of the backup, 'YYYY-MM-DDTHH:mm:ss' (sortable; the office PC's clock). */
  takenAt: string;
  /** Verified and intact. Damaged backups never fill a slot and are never the reason to keep one. */
  good: boolean;
}

/** ISO 8601 week of a local date as 'YYYY-Www' (weeks start on Monday; week 1 holds the first Thursday). */
export function isoWeekKey(isoDate: string): string {
  const date = parseIsoDate(isoDate);
  if (!date) throw new RangeError(`not an ISO date: ${isoDate}`);
  const day = new Date(Date.UTC(date.year, date.month - 1, date.day));
  const weekday = (day.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  day.setUTCDate(day.getUTCDate() - weekday + 3); // the Thursday of this week decides the year
  const weekYear = day.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(weekYear, 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
  const week = 1 + Math.round((day.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
  return `${weekYear}-W${String(week).padStart(2, '0')}`;
}

/** For each bucket (day, week or month), newest first, the newest good backup in it; the first `count` buckets. */
function newestPerBucket(goodNewestFirst: RotationItem[], bucketOf: (item: RotationItem) => string, count: number): string[] {
  const kept: string[] = [];
  const seen = new Set<string>();
  for (const item of goodNewestFirst) {
    if (kept.length >= count) break;
    const bucket = bucketOf(item);
    if (seen.has(bucket)) continue;
    seen.add(bucket);
    kept.push(item.id);
  }
  return kept;
}

/**
 * Splits backups into those to keep and those rotation may delete (`today` is the local date of the
 * rotation, 'YYYY-MM-DD'). Never deletes the newest good
 * backup, nor anything newer than it (a damaged newest one stays visible for the secretary to see).
 */
export function rotateBackups(
  items: readonly RotationItem[],
  today: string,
  policy: RotationPolicy = DEFAULT_ROTATION,
): { keep: string[]; remove: string[] } {
  const newestFirst = [...items].sort((a, b) => (a.takenAt < b.takenAt ? 1 : a.takenAt > b.takenAt ? -1 : a.id < b.id ? 1 : -1));
  const good = newestFirst.filter((item) => item.good);
  const keep = new Set<string>([
    ...newestPerBucket(good, (item) => item.takenAt.slice(0, 10), policy.daily),
    ...newestPerBucket(good, (item) => isoWeekKey(item.takenAt.slice(0, 10)), policy.weekly),
    ...newestPerBucket(good, (item) => item.takenAt.slice(0, 7), policy.monthly),
  ]);
  if (policy.recentDays > 0) {
    const firstRecentDay = addDays(today, -(policy.recentDays - 1));
    for (const item of newestFirst) if (item.takenAt.slice(0, 10) >= firstRecentDay) keep.add(item.id);
  }
  const newestGood = good[0];
  if (newestGood) {
    keep.add(newestGood.id);
    for (const item of newestFirst) {
      if (item.takenAt <= newestGood.takenAt) break;
      keep.add(item.id);
    }
  } else {
    // Nothing good at all: delete nothing; the secretary must see and decide.
    for (const item of newestFirst) keep.add(item.id);
  }
  return {
    keep: newestFirst.filter((item) => keep.has(item.id)).map((item) => item.id),
    remove: newestFirst.filter((item) => !keep.has(item.id)).map((item) => item.id),
  };
}
