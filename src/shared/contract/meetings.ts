import { z } from 'zod';
import { ATTENDANCE_STATUSES, LEAVE_KINDS, MEETING_TYPES, type AttendanceStatus, type LeaveKind, type MeetingType } from '../domain/meetingTypes';
import type { MemberCategory } from '../domain/member';
import type { Verdict } from '../domain/quorum';
import { DOCUMENT_PRESETS } from '../domain/documentPresets';
import { MAX_SEARCH_LENGTH } from '../domain/textSearch';
import { id, idInput, isoDate, MAX_LONG_TEXT, optionalIsoDate, optionalText, returns, text } from './common';

export const GUEST_KINDS = ['activist', 'guest', 'supervisor'] as const;
export type GuestKind = (typeof GUEST_KINDS)[number];
export const GUEST_KIND_LABELS: Record<GuestKind, string> = { activist: '入党积极分子', guest: '其他列席人员', supervisor: '上级指导人员' };

const time = z
  .string({ error: '应为时间' })
  .trim()
  .nullish()
  .transform((value) => (value ? value : null))
  .refine((value) => value === null || /^([01]\d|2[0-3]):[0-5]\d$/.test(value), '应为时间，如 14:30');
const memberRef = id.nullish().transform((value) => value ?? null);
const count = z.number({ error: '应为数字' }).int('应为整数').min(0, '不能小于0').max(9999, '数字过大');
const position = z.number({ error: '应为数字' }).int().min(0).max(99).nullish().transform((value) => value ?? null);

export const meetingFields = {
  types: z
    .array(z.enum(MEETING_TYPES, { error: '请选择会议类型' }), { error: '请选择会议类型' })
    .min(1, '至少选择一种会议类型')
    .max(MEETING_TYPES.length)
    .refine((types) => new Set(types).size === types.length, '会议类型不能重复'),
  partyGroupId: memberRef,
  heldOn: isoDate,
  startsAt: time,
  endsAt: time,
  location: optionalText(60),
  topic: text(200),
  hostMemberId: memberRef,
  recorderMemberId: memberRef,
  lecturerMemberId: memberRef,
  /** A lecturer from outside the branch (上级领导, 专家). */
  lecturerName: optionalText(30),
  lectureTitle: optionalText(100),
  recordedOn: optionalIsoDate,
  summary: optionalText(MAX_LONG_TEXT),
  agenda: z
    .array(
      z.strictObject({
        title: text(200),
        speeches: z
          .array(z.strictObject({ speakerMemberId: memberRef, speakerName: optionalText(30), summary: text(MAX_LONG_TEXT) }))
          .max(100)
          .default([]),
      }),
    )
    .max(50)
    .default([]),
  decisions: z
    .array(
      z.strictObject({
        /** The saved decision this row edits; absent for a new one. Decisions keep their identity (and follow-up state) across edits. */
        id: memberRef,
        text: text(500),
        agendaPosition: position,
        ownerMemberId: memberRef,
        dueOn: optionalIsoDate,
      }),
    )
    .max(100)
    .default([]),
  votes: z
    .array(
      z.strictObject({
        subject: text(200),
        agendaPosition: position,
        yes: count,
        no: count,
        abstain: count,
        writtenYes: count.default(0),
        writtenNo: count.default(0),
      }),
    )
    .max(50)
    .default([]),
  attendance: z
    .array(
      z.strictObject({
        memberId: id,
        status: z.enum(ATTENDANCE_STATUSES, { error: '请选择出勤情况' }),
        leaveKind: z.enum(LEAVE_KINDS, { error: '请选择请假类别' }).nullish().transform((value) => value ?? null),
        reason: optionalText(100),
        makeupOn: optionalIsoDate,
        makeupBy: optionalText(30),
        makeupMethod: optionalText(100),
      }),
    )
    .max(2000)
    .default([]),
  guests: z
    .array(z.strictObject({ kind: z.enum(GUEST_KINDS, { error: '请选择列席人员类别' }), name: text(30), note: optionalText(100) }))
    .max(100)
    .default([]),
  exclusions: z.array(z.strictObject({ memberId: id, reason: text(100) })).max(200).default([]),
};

export const meetingCreateInput = z.strictObject(meetingFields);
export const meetingUpdateInput = z.strictObject({ id, version: z.number({ error: '应为数字' }).int().positive(), ...meetingFields });
export const meetingListInput = z
  .strictObject({
    year: z.number({ error: '应为年份' }).int().min(1921).max(2200).optional(),
    type: z.enum(MEETING_TYPES, { error: '请选择会议类型' }).optional(),
    partyGroupId: id.optional(),
    /** Words to find (all of them, anywhere in the record); empty = the plain list. */
    query: z.string({ error: '应为文字' }).trim().max(MAX_SEARCH_LENGTH, `不能超过${MAX_SEARCH_LENGTH}个字`).optional(),
    /** Records the member took part in: marked 出席, or 主持人, 记录人, 授课人 or 发言人 (unless marked 请假/缺席). */
    memberId: id.optional(),
  })
  .optional();
/**
 * Proposes 应到 for a meeting being entered (who belonged on that day, in the meeting's scope) and,
 * given the draft's attendance and votes, the same counts and verdicts saving would store.
 * A vote being typed may have no subject yet, so subjects and counts are lenient here.
 */
export const meetingCheckInput = z.strictObject({
  types: meetingFields.types,
  partyGroupId: memberRef,
  heldOn: isoDate,
  exclusions: meetingFields.exclusions,
  attendance: meetingFields.attendance,
  /** The editor's way: people of 应到 not marked yet count as present (as it saves them). */
  assumePresent: z.boolean({ error: '应为是或否' }).default(false),
  votes: z
    .array(
      z.strictObject({
        subject: z.string({ error: '应为文字' }).trim().max(200, '不能超过200个字').default(''),
        agendaPosition: position,
        yes: count.default(0),
        no: count.default(0),
        abstain: count.default(0),
        writtenYes: count.default(0),
        writtenNo: count.default(0),
      }),
    )
    .max(50)
    .default([]),
});

export type MeetingInput = z.input<typeof meetingCreateInput>;

export interface ExpectedPerson {
  memberId: number;
  name: string;
  category: MemberCategory;
  entitledToVote: boolean;
}

/** 应到/实到 and the verdicts, computed from the roster as of the meeting date. */
export interface MeetingAssessment {
  expected: ExpectedPerson[];
  excluded: { memberId: number; name: string; reason: string }[];
  counts: {
    expected: number;
    expectedFull: number;
    expectedProbationary: number;
    present: number;
    presentFull: number;
    presentProbationary: number;
    /** Expected people with no attendance entry yet. */
    unmarked: number;
    leave: number;
    absent: number;
  };
  /** 党员大会 or 支委会 quorum; null where no quorum rule applies. */
  quorum: (Verdict & { rule: 'assembly' | 'committee' }) | null;
  /** One verdict per vote, in the order of the votes (党员大会 resolutions need more than half of those entitled). */
  votes: (Verdict & { subject: string })[];
  /** Per vote, in order: problems with the numbers themselves (more votes than voters…); empty when they add up. */
  voteProblems: string[][];
}

/** A decision as the record shows it, with its follow-up state. */
export interface MeetingDecision {
  id: number;
  text: string;
  agendaPosition: number | null;
  ownerMemberId: number | null;
  ownerName: string | null;
  dueOn: string | null;
  closedOn: string | null;
  closedNote: string | null;
  /** The later meeting where it was reported done. */
  closedMeeting: { id: number; heldOn: string; topic: string } | null;
}

export interface MeetingRecord {
  id: number;
  version: number;
  types: MeetingType[];
  partyGroupId: number | null;
  heldOn: string;
  startsAt: string | null;
  endsAt: string | null;
  location: string | null;
  topic: string;
  hostMemberId: number | null;
  hostName: string | null;
  recorderMemberId: number | null;
  recorderName: string | null;
  lecturerMemberId: number | null;
  lecturerName: string | null;
  lectureTitle: string | null;
  recordedOn: string;
  summary: string | null;
  agenda: { title: string; speeches: { speakerMemberId: number | null; speakerName: string; summary: string }[] }[];
  decisions: MeetingDecision[];
  votes: { subject: string; agendaPosition: number | null; yes: number; no: number; abstain: number; writtenYes: number; writtenNo: number }[];
  attendance: {
    memberId: number;
    name: string;
    status: AttendanceStatus;
    leaveKind: LeaveKind | null;
    reason: string | null;
    makeupOn: string | null;
    makeupBy: string | null;
    makeupMethod: string | null;
  }[];
  guests: { kind: GuestKind; name: string; note: string | null }[];
  exclusions: { memberId: number; reason: string }[];
  createdAt: string;
  updatedAt: string;
  assessment: MeetingAssessment;
  /** Days between the meeting and its write-up (back-filled records show the lag). */
  recordLagDays: number;
}

export interface MeetingListItem {
  id: number;
  types: MeetingType[];
  heldOn: string;
  topic: string;
  partyGroupId: number | null;
  hostName: string | null;
  /** 授课人 of a 党课 when a member (书记讲党课 counts only the 书记's own lectures). */
  lecturerMemberId: number | null;
  recordedOn: string;
  expected: number;
  present: number;
  /** False when a quorum rule applies and was not met (the record is kept, marked). */
  valid: boolean | null;
  attachmentCount: number;
  /** With a search query: where the words were found (“议题”) and a short excerpt around them. */
  match?: MeetingMatch | null;
}

export interface MeetingMatch {
  /** 主题, 课题, 地点, 主要内容, 议题, 发言, 决议事项 or 表决事项. */
  label: string;
  text: string;
}

/** 会议记录 as a Word document, in the 公文 layout (GB/T 9704) or the unit's own (DOMAIN §8). */
export const meetingExportInput = z.strictObject({
  id,
  preset: z.enum(DOCUMENT_PRESETS, { error: '请选择版式' }).default('gbt9704'),
});

export interface MeetingExportResult {
  /** 2026-09-15_支部党员大会暨党课会议记录.docx */
  fileName: string;
  contentBase64: string;
  /** Fonts this PC lacks and what was written instead (desktop only), in Chinese, to show the user. */
  fontNotes: string[];
}

/** 签到表 for a planned (or saved) meeting: the 应到 list as of its date, printed before it starts. */
export const meetingSignInSheetInput = z.strictObject({
  types: meetingFields.types,
  partyGroupId: memberRef,
  heldOn: isoDate,
  startsAt: time,
  endsAt: time,
  location: meetingFields.location,
  topic: optionalText(200),
  exclusions: meetingFields.exclusions,
  preset: meetingExportInput.shape.preset,
});

export const meetingsContract = {
  'meetings:list': { input: meetingListInput, output: returns<MeetingListItem[]>() },
  'meetings:get': { input: idInput, output: returns<MeetingRecord>() },
  'meetings:check': { input: meetingCheckInput, output: returns<MeetingAssessment>() },
  'meetings:create': { input: meetingCreateInput, output: returns<MeetingRecord>() },
  'meetings:update': { input: meetingUpdateInput, output: returns<MeetingRecord>() },
  /** Marks the record deleted; it is purged (with its attachments) when the app next starts. */
  'meetings:delete': { input: idInput, output: returns<{ id: number }>() },
  /** 撤销 a deletion made since the app started. */
  'meetings:restore': { input: idInput, output: returns<{ id: number }>() },
  'meetings:export': { input: meetingExportInput, output: returns<MeetingExportResult>() },
  'meetings:signInSheet': { input: meetingSignInSheetInput, output: returns<MeetingExportResult>() },
} as const;

/**
 * A stored record as the update request that changes nothing — what the editor sends when a record is
 * opened and saved as it is. Tests and the bench start edits from it.
 */
export function unchangedUpdate(record: MeetingRecord): z.input<typeof meetingUpdateInput> {
  return {
    id: record.id,
    version: record.version,
    types: record.types,
    partyGroupId: record.partyGroupId,
    heldOn: record.heldOn,
    startsAt: record.startsAt,
    endsAt: record.endsAt,
    location: record.location,
    topic: record.topic,
    hostMemberId: record.hostMemberId,
    recorderMemberId: record.recorderMemberId,
    lecturerMemberId: record.lecturerMemberId,
    lecturerName: record.lecturerMemberId === null ? record.lecturerName : null,
    lectureTitle: record.lectureTitle,
    recordedOn: record.recordedOn,
    summary: record.summary,
    agenda: record.agenda.map((item) => ({
      title: item.title,
      speeches: item.speeches.map((speech) => ({ speakerMemberId: speech.speakerMemberId, speakerName: speech.speakerMemberId === null ? speech.speakerName : null, summary: speech.summary })),
    })),
    decisions: record.decisions.map(({ id, text, agendaPosition, ownerMemberId, dueOn }) => ({ id, text, agendaPosition, ownerMemberId, dueOn })),
    votes: record.votes,
    attendance: record.attendance.map(({ name: _name, ...entry }) => entry),
    guests: record.guests,
    exclusions: record.exclusions,
  };
}
