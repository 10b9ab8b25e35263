import { describe, expect, it } from 'vitest';
import { isoWeekKey, rotateBackups, type RotationItem } from '../../src/shared/domain/backupRotation';
import { addDays } from '../../src/shared/domain/dates';
import { passwordStrength } from '../../src/shared/domain/dataSafety';

/** One backup a day at 09:00 from `first` for `days` days. */
function daily(first: string, days: number, good = true): RotationItem[] {
  return Array.from({ length: days }, (_, i) => {
    const day = addDays(first, i);
    return { id: `${day}_090000_daily`, takenAt: `${day}T09:00:00`, good };
  });
}

const days = (ids: string[]) => ids.map((id) => id.slice(0, 10));
const noRecent = { daily: 7, weekly: 4, monthly: 12, recentDays: 0 };

describe('isoWeekKey', () => {
  it.each([
    ['2026-01-01', '2026-W01'], // a Thursday: week 1
    ['2025-12-29', '2026-W01'], // the Monday of that week belongs to 2026
    ['2024-12-30', '2025-W01'],
    ['2027-01-01', '2026-W53'], // a Friday: last week of 2026, which has 53
    ['2027-01-04', '2027-W01'],
    ['2026-04-05', '2026-W14'], // Sunday closes the week
    ['2026-04-06', '2026-W15'],
  ])('%s is in %s', (date, week) => {
    expect(isoWeekKey(date)).toBe(week);
  });
});

describe('rotateBackups', () => {
  it('keeps everything while there are fewer backups than slots', () => {
    const items = daily('2026-03-01', 5);
    expect(rotateBackups(items, '2026-03-05').remove).toEqual([]);
  });

  it('after a year of daily backups keeps 7 days, 4 weeks and 12 months', () => {
    const items = daily('2025-01-01', 365); // through 2025-12-31, a Wednesday
    const { keep } = rotateBackups(items, '2025-12-31', noRecent);
    expect(days(keep)).toEqual([
      '2025-12-31', '2025-12-30', '2025-12-29', '2025-12-28', '2025-12-27', '2025-12-26', '2025-12-25', // daily
      '2025-12-21', '2025-12-14', // weekly (Sundays; the current week's newest is already kept)
      '2025-11-30', '2025-10-31', '2025-09-30', '2025-08-31', '2025-07-31', '2025-06-30', '2025-05-31', '2025-04-30',
      '2025-03-31', '2025-02-28', '2025-01-31', // monthly: 12 months counting December
    ]);
  });

  it('keeps today and the recent days whole (several backups a day before imports and restores)', () => {
    const items: RotationItem[] = [
      ...daily('2026-05-01', 10),
      { id: '2026-05-10_110000_beforeImport', takenAt: '2026-05-10T11:00:00', good: true },
      { id: '2026-05-10_150000_beforeRestore', takenAt: '2026-05-10T15:00:00', good: true },
      { id: '2026-05-09_160000_manual', takenAt: '2026-05-09T16:00:00', good: true },
      { id: '2026-05-08_160000_manual', takenAt: '2026-05-08T16:00:00', good: true },
    ];
    const { keep, remove } = rotateBackups(items, '2026-05-10');
    expect(keep).toContain('2026-05-10_090000_daily');
    expect(keep).toContain('2026-05-10_110000_beforeImport');
    expect(keep).toContain('2026-05-09_090000_daily');
    // Two days ago only the newest of the day stays.
    expect(keep).toContain('2026-05-08_160000_manual');
    expect(remove).toContain('2026-05-08_090000_daily');
  });

  it('damaged backups fill no slot and go, but the newest good one always stays', () => {
    const good = daily('2026-01-01', 3);
    const damaged = daily('2026-01-04', 20, false);
    const { keep, remove } = rotateBackups([...good, ...damaged], '2026-01-23', noRecent);
    // Damaged backups newer than the newest good one stay visible; older damaged ones would go.
    expect(keep).toContain('2026-01-03_090000_daily');
    expect(keep).toContain('2026-01-23_090000_daily');
    expect(remove).toEqual([]);

    const { keep: keptAfter, remove: removedAfter } = rotateBackups([...daily('2025-12-01', 3, false), ...good], '2026-01-03', noRecent);
    expect(keptAfter).toEqual(['2026-01-03_090000_daily', '2026-01-02_090000_daily', '2026-01-01_090000_daily']);
    expect(removedAfter).toHaveLength(3);
  });

  it('with nothing good, deletes nothing', () => {
    expect(rotateBackups(daily('2026-01-01', 40, false), '2026-02-09').remove).toEqual([]);
  });

  it('a single good backup among many months is never removed', () => {
    const items = [{ id: '2020-01-01_090000_daily', takenAt: '2020-01-01T09:00:00', good: true }];
    expect(rotateBackups(items, '2026-01-01', { daily: 0, weekly: 0, monthly: 0, recentDays: 0 }).keep).toEqual(['2020-01-01_090000_daily']);
  });
});

describe('passwordStrength', () => {
  it.each([
    ['1234567', 'tooShort'],
    ['12345678', 'weak'],
    ['aaaaaaaa', 'weak'],
    ['abcdefgh', 'weak'],
    ['qwertyui', 'weak'],
    ['Zhibu2026', 'fair'],
    ['支部交接-2026!', 'strong'],
    ['Tr4nsfer#Branch', 'strong'],
  ])('%s is %s', (password, expected) => {
    expect(passwordStrength(password)).toBe(expected);
  });
});
