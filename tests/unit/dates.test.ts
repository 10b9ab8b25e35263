import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  completedYears,
  daysBetween,
  formatChineseDate,
  isValidIsoDate,
  todayIso,
} from '../../src/shared/domain/dates';

describe('ISO calendar dates', () => {
  it('knows leap years and month lengths', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2023-02-29')).toBe(false);
    expect(isValidIsoDate('1900-02-29')).toBe(false);
    expect(isValidIsoDate('2000-02-29')).toBe(true);
    expect(isValidIsoDate('2025-04-31')).toBe(false);
    expect(isValidIsoDate('2025-13-01')).toBe(false);
    expect(isValidIsoDate('2025-1-01')).toBe(false);
    expect(isValidIsoDate('2025/01/01')).toBe(false);
  });

  it('adds years, moving 29 February to 28 February in common years', () => {
    expect(addYears('2024-03-15', 3)).toBe('2027-03-15');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2025-06-24', -1)).toBe('2024-06-24');
  });

  it('adds months across year ends, clamping the day', () => {
    expect(addMonths('2027-03-14', -3)).toBe('2026-12-14');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2027-03-15', -1)).toBe('2027-03-14');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('counts completed years only once the anniversary is reached', () => {
    expect(completedYears('1990-03-07', '2026-03-06')).toBe(35);
    expect(completedYears('1990-03-07', '2026-03-07')).toBe(36);
  });

  it('counts calendar days', () => {
    expect(daysBetween('2026-11-22', '2027-03-14')).toBe(112);
    expect(daysBetween('2027-03-14', '2026-11-22')).toBe(-112);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });

  it('writes dates the 公文 way with Arabic numerals and no leading zeros', () => {
    expect(formatChineseDate('2025-03-05')).toBe('2025年3月5日');
  });

  it('takes today from the local calendar', () => {
    expect(todayIso(new Date(2026, 0, 9, 23, 59))).toBe('2026-01-09');
  });
});
