import { z } from 'zod';
import type { MeetingType } from '../domain/meetingTypes';
import { id, idInput, isoDate, optionalText, returns } from './common';

// 议定事项 as follow-ups (issue 4 item 4): a decision with an owner or a due date is tracked until it
// is closed with a date, a note and, where it was reported, the later meeting.

export const FOLLOW_UP_STATUSES = ['open', 'overdue', 'closed'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];
export const FOLLOW_UP_STATUS_LABELS: Record<FollowUpStatus, string> = { open: '未办结', overdue: '已逾期', closed: '已办结' };

/** A meeting a follow-up points to (where it was decided, or where it was reported done). */
export interface FollowUpMeeting {
  id: number;
  heldOn: string;
  topic: string;
  types: MeetingType[];
}

export interface FollowUp {
  /** The decision's id (meeting_decisions). */
  id: number;
  text: string;
  meeting: FollowUpMeeting;
  ownerMemberId: number | null;
  ownerName: string | null;
  dueOn: string | null;
  /** overdue: not closed and the due date has passed. */
  status: FollowUpStatus;
  /** Whole days past the due date, for an overdue one; otherwise null. */
  daysOverdue: number | null;
  closedOn: string | null;
  closedNote: string | null;
  closedMeeting: FollowUpMeeting | null;
}

/** One follow-up with the later meetings it can be reported at (nearest first). */
export interface FollowUpDetail extends FollowUp {
  laterMeetings: FollowUpMeeting[];
}

export const followUpListInput = z
  .strictObject({
    /** open includes the overdue; omitted: all. */
    status: z.enum(FOLLOW_UP_STATUSES, { error: '请选择办结状态' }).optional(),
  })
  .optional();

export const followUpCloseInput = z.strictObject({
  id,
  closedOn: isoDate,
  note: optionalText(500),
  closedMeetingId: id.nullish().transform((value) => value ?? null),
});

export type FollowUpCloseInput = z.input<typeof followUpCloseInput>;

export const followUpsContract = {
  'followUps:list': { input: followUpListInput, output: returns<FollowUp[]>() },
  'followUps:get': { input: idInput, output: returns<FollowUpDetail>() },
  'followUps:close': { input: followUpCloseInput, output: returns<FollowUp>() },
  'followUps:reopen': { input: idInput, output: returns<FollowUp>() },
} as const;
