import { addMonths } from './dates';
import { MEETING_TYPES, type MeetingType } from './meetingTypes';

// Starting points for a new record (issue 4 item 6): a default agenda per type, a copy of the last
// record of the same type, and the next record of a backlog. A shipped set; the secretary edits the
// agenda in the record as usual.

export interface MeetingTemplate {
  /** The obligation the template is for; a record started from it counts for this type. */
  type: MeetingType;
  /** Short name for menus: 支委会, 党员大会… */
  name: string;
  /** Agenda item titles, in order. */
  agenda: string[];
}

export const MEETING_TEMPLATES: readonly MeetingTemplate[] = [
  {
    type: 'committeeMeeting',
    name: '支委会',
    agenda: ['传达学习上级精神', '通报上次会议议定事项落实情况', '研究讨论支部工作', '议定事项'],
  },
  {
    type: 'memberAssembly',
    name: '党员大会',
    agenda: ['传达学习上级党组织精神和支委会决定', '通报支部近期工作', '讨论决定支部重要事项', '党员表决'],
  },
  {
    type: 'groupMeeting',
    name: '党小组会',
    agenda: ['学习上级精神和支部工作安排', '党员交流思想、工作和学习情况', '安排党小组近期工作'],
  },
  {
    type: 'partyLecture',
    name: '党课',
    agenda: ['讲授专题党课', '交流学习体会'],
  },
  {
    type: 'themedPartyDay',
    name: '主题党日',
    agenda: ['重温入党誓词', '集中学习', '开展主题实践活动', '交纳党费'],
  },
  {
    type: 'orgLifeMeeting',
    name: '组织生活会',
    agenda: ['通报上年度整改落实情况', '书记代表支委会作对照检查', '支委成员个人对照检查', '党员逐一对照检查，开展批评和自我批评', '明确整改措施'],
  },
  {
    type: 'democraticReview',
    name: '民主评议党员',
    agenda: ['学习教育', '个人自评', '党员互评', '民主测评', '组织评定'],
  },
];

export function templateFor(type: MeetingType): MeetingTemplate | null {
  return MEETING_TEMPLATES.find((template) => template.type === type) ?? null;
}

/** What a new record starts with: everything but the date, the people's attendance and what was said or decided. */
export interface MeetingDraft {
  types: MeetingType[];
  partyGroupId: number | null;
  startsAt: string | null;
  endsAt: string | null;
  location: string | null;
  topic: string;
  hostMemberId: number | null;
  recorderMemberId: number | null;
  lecturerMemberId: number | null;
  lecturerName: string | null;
  lectureTitle: string | null;
  agenda: { title: string }[];
}

/** The parts of a record a copy takes. */
export interface CopyableRecord {
  types: readonly MeetingType[];
  partyGroupId: number | null;
  startsAt: string | null;
  endsAt: string | null;
  location: string | null;
  hostMemberId: number | null;
  recorderMemberId: number | null;
  lecturerMemberId: number | null;
  lecturerName: string | null;
  agenda: readonly { title: string }[];
}

/**
 * 复制上次: types, 党小组, times, place, host, recorder, lecturer and the agenda titles. Not the date,
 * the topic, the lecture title, attendance, speeches, votes or decisions — those are this meeting's own.
 */
export function draftFromRecord(record: CopyableRecord): MeetingDraft {
  return {
    types: [...record.types],
    partyGroupId: record.partyGroupId,
    startsAt: record.startsAt,
    endsAt: record.endsAt,
    location: record.location,
    topic: '',
    hostMemberId: record.hostMemberId,
    recorderMemberId: record.recorderMemberId,
    lecturerMemberId: record.types.includes('partyLecture') ? record.lecturerMemberId : null,
    lecturerName: record.types.includes('partyLecture') ? record.lecturerName : null,
    lectureTitle: null,
    agenda: record.agenda.map((item) => ({ title: item.title })),
  };
}

/** Months between two meetings of a type under the usual cadence (DOMAIN §2). */
const CADENCE_MONTHS: Record<MeetingType, number> = {
  memberAssembly: 3,
  committeeMeeting: 1,
  groupMeeting: 1,
  partyLecture: 3,
  themedPartyDay: 1,
  orgLifeMeeting: 12,
  democraticReview: 12,
  heartToHeartTalk: 1,
};

/**
 * 保存并新建下一条: the date the next record of a backlog probably has — one cadence step later (the
 * shortest of its types). Null when that is after today: a meeting not yet held is not recorded.
 */
export function nextHeldOn(types: readonly MeetingType[], heldOn: string, today: string): string | null {
  const step = Math.min(...(types.length > 0 ? types : MEETING_TYPES).map((type) => CADENCE_MONTHS[type]));
  const next = addMonths(heldOn, step);
  return next <= today ? next : null;
}
