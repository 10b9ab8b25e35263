/** The forms of organisational life (DOMAIN §2). One event may count for several of them. */
export const MEETING_TYPES = [
  'memberAssembly',
  'committeeMeeting',
  'groupMeeting',
  'partyLecture',
  'themedPartyDay',
  'orgLifeMeeting',
  'democraticReview',
  'heartToHeartTalk',
] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];

export const MEETING_TYPE_LABELS: Record<MeetingType, string> = {
  memberAssembly: '支部党员大会',
  committeeMeeting: '支部委员会会议',
  groupMeeting: '党小组会',
  partyLecture: '党课',
  themedPartyDay: '主题党日',
  orgLifeMeeting: '组织生活会',
  democraticReview: '民主评议党员',
  heartToHeartTalk: '谈心谈话',
};

/** Types whose 应到 is the whole branch; a record that is also one of these is branch-wide. */
export const BRANCH_WIDE_TYPES: readonly MeetingType[] = ['memberAssembly', 'partyLecture', 'themedPartyDay', 'orgLifeMeeting', 'democraticReview'];

/** Whether a record of these types is for the whole branch (else for a 党小组, the 支委会 or named people). */
export function isBranchWide(types: readonly MeetingType[]): boolean {
  return types.some((type) => BRANCH_WIDE_TYPES.includes(type));
}

export const ATTENDANCE_STATUSES = ['present', 'leave', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const LEAVE_KINDS = ['sick', 'personal', 'official', 'business', 'other'] as const;
export type LeaveKind = (typeof LEAVE_KINDS)[number];
export const LEAVE_KIND_LABELS: Record<LeaveKind, string> = {
  sick: '病假',
  personal: '事假',
  official: '公假',
  business: '因公外出',
  other: '其他',
};
