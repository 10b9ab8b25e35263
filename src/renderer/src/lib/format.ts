import { formatChineseDate } from '../../../shared/domain/dates';

export { formatChineseDate };

export function orDash(value: string | number | null | undefined): string {
  return value === null || value === undefined || value === '' ? '—' : String(value);
}

export function formatDate(value: string | null | undefined): string {
  return value ? formatChineseDate(value) : '—';
}
