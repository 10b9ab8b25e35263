import { z } from 'zod';
import { isValidIsoDate } from '../domain/dates';

/** Declares a method's output type without a runtime schema (outputs come from our own services). */
export function returns<T>(): T {
  return undefined as unknown as T;
}

export const MAX_SHORT_TEXT = 100;
export const MAX_LONG_TEXT = 2000;

export const id = z.number({ error: '应为编号数字' }).int('应为整数').positive('应为正整数').max(Number.MAX_SAFE_INTEGER);

/** Required single-line text, trimmed, with a length limit every string gets. */
export function text(max = MAX_SHORT_TEXT) {
  return z
    .string({ error: '应为文字' })
    .trim()
    .min(1, '不能为空')
    .max(max, `不能超过${max}个字`);
}

/** Optional text: blank becomes null so the store never holds empty strings. */
export function optionalText(max = MAX_SHORT_TEXT) {
  return z
    .string({ error: '应为文字' })
    .trim()
    .max(max, `不能超过${max}个字`)
    .nullish()
    .transform((value) => (value ? value : null));
}

export const isoDate = z
  .string({ error: '应为日期' })
  .trim()
  .refine(isValidIsoDate, '应为有效日期，格式如 2024-07-01');

export const optionalIsoDate = z
  .string({ error: '应为日期' })
  .trim()
  .nullish()
  .transform((value) => (value ? value : null))
  .refine((value) => value === null || isValidIsoDate(value), '应为有效日期，格式如 2024-07-01');

export const phone = z
  .string({ error: '应为文字' })
  .trim()
  .max(30, '不能超过30个字符')
  .nullish()
  .transform((value) => (value ? value : null))
  .refine(
    (value) => value === null || (/^[\d\s()+\-－—转]+$/.test(value) && value.replace(/\D/g, '').length >= 7),
    '应为手机号或座机号，如 13800000000 或 0579-82345678',
  );

export const noInput = z.strictObject({}).optional();

export const idInput = z.strictObject({ id });
