// The closed set of error codes every IPC answer can carry, with the Chinese text a secretary sees
// when a service gives no more specific message.

export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'UNKNOWN_METHOD',
  'STORE_READ_ONLY',
  'STORE_FULL',
  'STORE_CORRUPT',
  'STORE_TOO_NEW',
  'STORE_UNAVAILABLE',
  'FORBIDDEN',
  'LOCKED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const DEFAULT_ERROR_MESSAGES: Record<ErrorCode, string> = {
  VALIDATION: '填写的内容有误，请按提示修改后再保存。',
  NOT_FOUND: '要找的记录不存在，可能已被删除。请刷新后重试。',
  CONFLICT: '与已有数据冲突，未保存。',
  UNKNOWN_METHOD: '软件内部请求有误（未知操作）。请重启软件；如仍出现，请联系维护人员。',
  STORE_READ_ONLY: '数据文件夹不可写入，未保存。请检查该文件夹的权限，或用 --data-dir 换一个可写的文件夹。',
  STORE_FULL: '磁盘空间已满，未保存。请清理磁盘空间后重试。',
  STORE_CORRUPT: '数据文件已损坏或不是本软件的数据文件，原文件未做任何改动。请从备份恢复，或联系维护人员。',
  STORE_TOO_NEW: '此数据文件由更新版本的支部台账创建，当前版本无法打开。请升级软件，原文件未做任何改动。',
  STORE_UNAVAILABLE: '无法打开数据文件。',
  FORBIDDEN: '拒绝访问：请求不是来自本软件的页面。',
  LOCKED: '支部台账已锁定，请输入应用密码解锁。',
  INTERNAL: '软件内部出错，本次操作未保存。请重试；如仍出现，请联系维护人员。',
};

/** One problem with one input field; `path` is the field's dotted path, `label` its Chinese name. */
export interface FieldProblem {
  path: string;
  label: string;
  message: string;
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: FieldProblem[];
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorBody };

/** Thrown by services and the store; the dispatcher turns it into an error envelope. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: FieldProblem[];

  constructor(code: ErrorCode, message?: string, details?: FieldProblem[]) {
    super(message ?? DEFAULT_ERROR_MESSAGES[code]);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toBody(): ErrorBody {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
