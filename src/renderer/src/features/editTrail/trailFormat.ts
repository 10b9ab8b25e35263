import dayjs from 'dayjs';

/** A trail timestamp in the PC's local time, to the minute: 2026-11-30 10:12. */
export function formatTrailTime(iso: string): string {
  return dayjs(iso).format('YYYY-MM-DD HH:mm');
}
