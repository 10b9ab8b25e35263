// Calendar dates travel as ISO strings (YYYY-MM-DD) everywhere: in the store, over IPC and in
// documents. These helpers are pure so shared code needs no date library.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseIsoDate(value: string): { year: number; month: number; day: number } | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isValidIsoDate(value: string): boolean {
  return parseIsoDate(value) !== null;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function formatIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Local calendar date of `now` as YYYY-MM-DD (what the secretary sees on the office PC's clock). */
export function todayIso(now: Date = new Date()): string {
  return formatIsoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** Adds whole years; 29 February falls back to 28 February in common years. */
export function addYears(iso: string, years: number): string {
  const date = parseIsoDate(iso);
  if (!date) throw new RangeError(`not an ISO date: ${iso}`);
  const year = date.year + years;
  return formatIsoDate(year, date.month, Math.min(date.day, daysInMonth(year, date.month)));
}

/** Adds whole months, clamping the day to the target month's length. */
export function addMonths(iso: string, months: number): string {
  const date = parseIsoDate(iso);
  if (!date) throw new RangeError(`not an ISO date: ${iso}`);
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return formatIsoDate(year, month, Math.min(date.day, daysInMonth(year, month)));
}

/** Whole years completed between two dates (age, 党龄). */
export function completedYears(fromIso: string, toIso: string): number {
  const from = parseIsoDate(fromIso);
  const to = parseIsoDate(toIso);
  if (!from || !to) throw new RangeError('not an ISO date');
  let years = to.year - from.year;
  if (to.month < from.month || (to.month === from.month && to.day < from.day)) years -= 1;
  return years;
}

/** 2025年3月5日 — Arabic numerals, as GB/T 9704 and branch records write dates. */
export function formatChineseDate(iso: string): string {
  const date = parseIsoDate(iso);
  if (!date) return iso;
  return `${date.year}年${date.month}月${date.day}日`;
}

/** Calendar days from `fromIso` to `toIso` (negative when `toIso` is earlier). */
export function daysBetween(fromIso: string, toIso: string): number {
  const from = parseIsoDate(fromIso);
  const to = parseIsoDate(toIso);
  if (!from || !to) throw new RangeError('not an ISO date');
  return Math.round((Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / 86_400_000);
}

export function addDays(iso: string, days: number): string {
  const date = parseIsoDate(iso);
  if (!date) throw new RangeError(`not an ISO date: ${iso}`);
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return formatIsoDate(moved.getUTCFullYear(), moved.getUTCMonth() + 1, moved.getUTCDate());
}
