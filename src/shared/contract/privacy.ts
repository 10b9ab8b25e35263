import { z } from 'zod';
import { noInput, returns } from './common';

// 隐私与密码: an optional app password that locks the app at start and after idle time. The lock
// lives in the core (dispatch refuses every other method while locked), not only on the screen.

export const APP_PASSWORD_MIN_LENGTH = 6;
export const APP_PASSWORD_MAX_LENGTH = 128;
export const IDLE_MINUTES_MIN = 1;
export const IDLE_MINUTES_MAX = 240;
export const DEFAULT_IDLE_MINUTES = 10;

/** The only methods a locked core answers: asking whether it is locked, and unlocking. */
export const METHODS_ALLOWED_WHILE_LOCKED = ['privacy:status', 'privacy:unlock'] as const;

export interface PrivacyStatus {
  passwordSet: boolean;
  locked: boolean;
  /** Minutes without use after which the core locks itself. */
  idleMinutes: number;
  /** After repeated wrong passwords: seconds until the next try is accepted, else null. */
  retryAfterSeconds: number | null;
}

/** Not trimmed: a password is exactly what was typed. */
const password = z.string({ error: '请输入密码' }).min(1, '请输入密码').max(APP_PASSWORD_MAX_LENGTH, `不能超过${APP_PASSWORD_MAX_LENGTH}个字符`);

const newPassword = z
  .string({ error: '请输入新密码' })
  .min(APP_PASSWORD_MIN_LENGTH, `至少${APP_PASSWORD_MIN_LENGTH}个字符`)
  .max(APP_PASSWORD_MAX_LENGTH, `不能超过${APP_PASSWORD_MAX_LENGTH}个字符`)
  .refine((value) => value.trim() === value, '开头和结尾不能是空格（容易输错）');

export const idleMinutesField = z
  .number({ error: '应为分钟数' })
  .int('应为整数分钟')
  .min(IDLE_MINUTES_MIN, `至少${IDLE_MINUTES_MIN}分钟`)
  .max(IDLE_MINUTES_MAX, `不能超过${IDLE_MINUTES_MAX}分钟`);

export const privacyUnlockInput = z.strictObject({ password });

/** Setting the first password needs no current one; changing it does. */
export const privacySetPasswordInput = z.strictObject({
  currentPassword: password.optional(),
  newPassword,
  idleMinutes: idleMinutesField.optional(),
});

export const privacyRemovePasswordInput = z.strictObject({ currentPassword: password });
export const privacySetIdleMinutesInput = z.strictObject({ idleMinutes: idleMinutesField });

export const PRIVACY_FIELD_LABELS: Record<string, string> = {
  password: '应用密码',
  currentPassword: '当前密码',
  newPassword: '新密码',
  idleMinutes: '自动锁定时间',
};

export const privacyContract = {
  'privacy:status': { input: noInput, output: returns<PrivacyStatus>() },
  'privacy:unlock': { input: privacyUnlockInput, output: returns<PrivacyStatus>() },
  /** 立即锁定 (only when a password is set). */
  'privacy:lock': { input: noInput, output: returns<PrivacyStatus>() },
  /** The page reports that someone is using it (keys, mouse), so idle time counts from then. */
  'privacy:touch': { input: noInput, output: returns<null>() },
  'privacy:setPassword': { input: privacySetPasswordInput, output: returns<PrivacyStatus>() },
  'privacy:removePassword': { input: privacyRemovePasswordInput, output: returns<PrivacyStatus>() },
  'privacy:setIdleMinutes': { input: privacySetIdleMinutesInput, output: returns<PrivacyStatus>() },
} as const;
