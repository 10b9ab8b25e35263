import { z } from 'zod';
import { contract, type Method } from '../../shared/contract';
import { AppError, type Envelope, type FieldProblem } from '../../shared/contract/errors';
import { fieldLabelsFor } from '../../shared/contract/labels';
import type { HandlerMap } from './handlers';

z.config(z.locales.zhCN());

export type Dispatch = (method: string, rawInput?: unknown) => Promise<Envelope<unknown>>;

export interface DispatchOptions {
  /** Maps errors from lower layers (e.g. SQLite) to user-facing ones; null means "not mine". */
  translateError?: (error: unknown) => AppError | null;
  /** Where unexpected errors go (the user sees only a Chinese INTERNAL message). */
  logError?: (method: string, error: unknown) => void;
  /** Asked before a method runs (even before its input is checked): an error refuses it (the app lock). */
  gate?: (method: Method) => AppError | null;
}

export function problemsFromZod(error: z.ZodError, labels: Record<string, string>): FieldProblem[] {
  return error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.join('、');
      return { path: keys, label: keys, message: '是不认识的字段，请去掉' };
    }
    const path = issue.path.map(String).join('.');
    const field = issue.path.length > 0 ? String(issue.path[issue.path.length - 1]) : '';
    return { path, label: labels[field] ?? (path || '输入'), message: issue.message };
  });
}

function validationError(problems: FieldProblem[]): AppError {
  const summary = problems.map((problem) => `${problem.label}：${problem.message}`).join('；');
  return new AppError('VALIDATION', summary, problems);
}

/**
 * The one entry point of every transport: finds the method, validates the input against its
 * schema, calls the handler and wraps the result. Never throws; never lets a stack trace out.
 */
export function createDispatch(handlers: HandlerMap, options: DispatchOptions = {}): Dispatch {
  return async (method, rawInput) => {
    if (typeof method !== 'string' || !Object.prototype.hasOwnProperty.call(contract, method)) {
      return { ok: false, error: new AppError('UNKNOWN_METHOD', `软件内部请求有误：未知操作“${String(method).slice(0, 60)}”。`).toBody() };
    }
    const typedMethod = method as Method;
    const refused = options.gate?.(typedMethod);
    if (refused) return { ok: false, error: refused.toBody() };
    const parsed = contract[typedMethod].input.safeParse(rawInput ?? undefined);
    if (!parsed.success) return { ok: false, error: validationError(problemsFromZod(parsed.error, fieldLabelsFor(method))).toBody() };
    try {
      const handler = handlers[typedMethod] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      return { ok: true, value: value ?? null };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toBody() };
      if (error instanceof z.ZodError) return { ok: false, error: validationError(problemsFromZod(error, fieldLabelsFor(method))).toBody() };
      const translated = options.translateError?.(error);
      if (translated) return { ok: false, error: translated.toBody() };
      options.logError?.(method, error);
      return { ok: false, error: new AppError('INTERNAL').toBody() };
    }
  };
}
