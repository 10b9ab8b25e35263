import { formatIsoDate, isValidIsoDate } from './dates';

// 公民身份号码 (GB 11643-1999): 6-digit area code, 8-digit birth date, 3-digit sequence (odd = male),
// and an ISO 7064 MOD 11-2 check character (0-9 or X).

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export type IdNumberProblem = 'format' | 'birthDate' | 'checkDigit';

export const ID_NUMBER_PROBLEM_MESSAGES: Record<IdNumberProblem, string> = {
  format: '应为18位，前17位是数字，最后一位是数字或X',
  birthDate: '其中的出生日期（第7至14位）不是有效日期',
  checkDigit: '校验位（最后一位）不正确，请核对是否有数字录错',
};

export function normalizeIdNumber(raw: string): string {
  return raw.trim().replace(/\s+/g, '').toUpperCase();
}

export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

export function findIdNumberProblem(raw: string): IdNumberProblem | null {
  const value = normalizeIdNumber(raw);
  if (!/^\d{17}[\dX]$/.test(value)) return 'format';
  if (!isValidIsoDate(birthDateFromDigits(value))) return 'birthDate';
  if (idNumberCheckChar(value.slice(0, 17)) !== value[17]) return 'checkDigit';
  return null;
}

function birthDateFromDigits(value: string): string {
  return formatIsoDate(Number(value.slice(6, 10)), Number(value.slice(10, 12)), Number(value.slice(12, 14)));
}

/** Birth date and sex encoded in a valid number, for cross-checking the typed fields. */
export function idNumberFacts(raw: string): { birthDate: string; gender: 'male' | 'female' } | null {
  if (findIdNumberProblem(raw) !== null) return null;
  const value = normalizeIdNumber(raw);
  return { birthDate: birthDateFromDigits(value), gender: Number(value[16]) % 2 === 1 ? 'male' : 'female' };
}

/** 330702********1234 — lists and exports show only area code and the last four characters. */
export function maskIdNumber(raw: string): string {
  const value = normalizeIdNumber(raw);
  if (value.length <= 10) return '*'.repeat(value.length);
  return `${value.slice(0, 6)}${'*'.repeat(value.length - 10)}${value.slice(-4)}`;
}
