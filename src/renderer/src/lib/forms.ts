import type { FormInstance, FormRule } from 'antd';
import type React from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import type { ZodType } from 'zod';
import { RpcError } from '../api/client';

/** Runs a field's shared zod schema in the form, so the page and the service judge alike. */
export function zodRule(schema: ZodType): FormRule {
  return {
    validator: async (_rule, value) => {
      const result = schema.safeParse(value === '' ? null : value);
      if (!result.success) throw new Error(result.error.issues[0]?.message ?? '填写有误');
    },
  };
}

/** Puts a service's field problems next to their fields; returns false if none matched a field. */
export function showServerProblems(form: FormInstance, error: unknown): boolean {
  if (!(error instanceof RpcError) || error.details.length === 0) return false;
  const names = new Set(Object.keys(form.getFieldsValue(true)));
  const matched = error.details.filter((problem) => names.has(problem.path));
  form.setFields(matched.map((problem) => ({ name: problem.path, errors: [problem.message] })));
  return matched.length > 0;
}

/**
 * Enter in a date field confirms the typed date; it must not also submit the whole form before
 * the secretary has looked at the fields that follow. Put on a Form's onKeyDown.
 */
export function keepEnterInDateFields(event: React.KeyboardEvent): void {
  if (event.key === 'Enter' && (event.target as HTMLElement).closest('.ant-picker')) event.preventDefault();
}

export const DATE_INPUT_FORMATS = ['YYYY-MM-DD', 'YYYY/M/D', 'YYYY.M.D', 'YYYYMMDD'];

/** Dates live in forms as ISO strings; DatePicker sees dayjs. Spread onto Form.Item. */
export const isoDateItemProps = {
  getValueProps: (value: string | null | undefined) => ({ value: value ? dayjs(value) : null }),
  normalize: (value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : null),
};
