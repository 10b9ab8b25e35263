import { AppError } from '../../shared/contract/errors';
import type { MeetingRecord } from '../../shared/contract/meetings';
import { MEETING_TYPE_LABELS, type MeetingType } from '../../shared/domain/meetingTypes';
import type { MeetingsService } from './meetings.service';

// The special flows (组织生活会, 民主评议, 谈心谈话) hang their material on a meeting record; this is
// the shared door: the record, with 应到 computed by the meetings service as of its date.

/** The meeting record, refused in Chinese when it is not (or no longer) of the given type. */
export function meetingOfType(meetings: MeetingsService, meetingId: number, type: MeetingType): MeetingRecord {
  const record = meetings.get({ id: meetingId });
  if (!record.types.includes(type)) {
    const label = MEETING_TYPE_LABELS[type];
    const message = `这条记录的会议类型中没有“${label}”。请先在会议类型中勾选“${label}”并保存记录。`;
    throw new AppError('VALIDATION', message, [{ path: 'meetingId', label: '会议记录', message }]);
  }
  return record;
}

export const conflict = (what: string) =>
  new AppError('CONFLICT', `${what}已在其他窗口被修改并保存。请刷新后重新填写（本次修改未保存）。`);
