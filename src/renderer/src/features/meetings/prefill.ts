import { isValidIsoDate } from '../../../../shared/domain/dates';
import { MEETING_TYPES, type MeetingType } from '../../../../shared/domain/meetingTypes';

/**
 * A new record asked for by address — ?type=committeeMeeting&group=2&date=2025-08-31 (落实情况's
 * missing cells), or ?type=themedPartyDay,memberAssembly&date=…&topic=… (a 年度计划 item): the types,
 * the 党小组, the date and the topic filled into the blank form. Anything unknown is ignored.
 */
export function prefillFromAddress(params: URLSearchParams): { types?: MeetingType[]; partyGroupId?: number; heldOn?: string; topic?: string } {
  const types = (params.get('type') ?? '').split(',').filter((type): type is MeetingType => (MEETING_TYPES as readonly string[]).includes(type));
  const group = Number(params.get('group'));
  const date = params.get('date');
  const topic = params.get('topic')?.trim().slice(0, 200);
  return {
    ...(types.length ? { types: [...new Set(types)] } : {}),
    ...(Number.isInteger(group) && group > 0 ? { partyGroupId: group } : {}),
    ...(date && isValidIsoDate(date) ? { heldOn: date } : {}),
    ...(topic ? { topic } : {}),
  };
}
