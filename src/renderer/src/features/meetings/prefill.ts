import { isValidIsoDate } from '../../../../shared/domain/dates';
import { MEETING_TYPES, type MeetingType } from '../../../../shared/domain/meetingTypes';

/**
 * A new record asked for by address — ?type=committeeMeeting&group=2&date=2025-08-31 (落实情况's
 * missing cells): the type, the 党小组 and the date filled into the blank form. Anything unknown is ignored.
 */
export function prefillFromAddress(params: URLSearchParams): { types?: MeetingType[]; partyGroupId?: number; heldOn?: string } {
  const type = params.get('type');
  const group = Number(params.get('group'));
  const date = params.get('date');
  return {
    ...(type && (MEETING_TYPES as readonly string[]).includes(type) ? { types: [type as MeetingType] } : {}),
    ...(Number.isInteger(group) && group > 0 ? { partyGroupId: group } : {}),
    ...(date && isValidIsoDate(date) ? { heldOn: date } : {}),
  };
}
