import { z } from 'zod';
import { MEETING_TYPES, type MeetingType } from '../domain/meetingTypes';
import type { MeetingDraft, MeetingTemplate } from '../domain/meetingTemplates';
import { id, noInput, returns } from './common';

// How a new record starts (issue 4 item 6): from a per-type template or from a copy of the last
// record of the same type, with sensible defaults for who chairs, who records and where.

export const MEETING_START_FROM = ['template', 'last'] as const;
export type MeetingStartFrom = (typeof MEETING_START_FROM)[number];

/** Per meeting type: its template (if one is shipped) and the last record that could be copied. */
export interface MeetingStartOption {
  type: MeetingType;
  template: MeetingTemplate | null;
  last: { id: number; heldOn: string; topic: string } | null;
}

export interface MeetingStart {
  from: MeetingStartFrom;
  type: MeetingType;
  /** The record copied (from: last), or the last of the type whose 记录人 and 地点 were taken (template). */
  source: { id: number; heldOn: string; topic: string } | null;
  draft: MeetingDraft;
}

export const meetingStartInput = z.strictObject({
  type: z.enum(MEETING_TYPES, { error: '请选择会议类型' }),
  from: z.enum(MEETING_START_FROM, { error: '请选择新建方式' }),
  /** For a 党小组会: the group whose last meeting is copied, or whose 组长 chairs. */
  partyGroupId: id.nullish().transform((value) => value ?? null),
});

export const meetingTemplatesContract = {
  'meetingTemplates:list': { input: noInput, output: returns<MeetingStartOption[]>() },
  'meetingTemplates:get': { input: meetingStartInput, output: returns<MeetingStart>() },
} as const;
