import type { ExpectedPerson } from '../../shared/contract/meetings';
import type { MeetingType } from '../../shared/domain/meetingTypes';
import type { DocumentModel } from './documentModel';
import { minutesTitle, peopleCount, timeOf, unitName, type MinutesContext } from './minutes.model';

// 签到表 (DOMAIN §4): printed before a meeting from the 应到 list as of its date, so members sign
// against their own printed names and the recorder notes who is on leave and why.

export interface PlannedMeeting {
  types: MeetingType[];
  heldOn: string;
  startsAt: string | null;
  endsAt: string | null;
  location: string | null;
  topic: string | null;
}

export interface SignInContext extends MinutesContext {
  /** 职务 shown beside a name: 书记, 组织委员, 党小组组长… (others get 党员 / 预备党员). */
  roles: ReadonlyMap<number, string>;
}

/** Rows left blank for people whose names are written in by hand (a list without 应到). */
const BLANK_ROWS = 15;
const HANDWRITTEN = '';

/** “签到表” of a planned meeting: facts to fill in by hand where the plan has none. */
export function signInSheetModel(plan: PlannedMeeting, expected: readonly ExpectedPerson[], context: SignInContext): DocumentModel {
  const full = expected.filter((person) => person.category === 'full').length;
  const rows =
    expected.length > 0
      ? expected.map((person, index) => [
          String(index + 1),
          person.name,
          context.roles.get(person.memberId) ?? (person.category === 'probationary' ? '预备党员' : '党员'),
          HANDWRITTEN,
          HANDWRITTEN,
        ])
      : Array.from({ length: BLANK_ROWS }, (_, index) => [String(index + 1), HANDWRITTEN, HANDWRITTEN, HANDWRITTEN, HANDWRITTEN]);
  return {
    title: [unitName(plan.types, context), signInSheetTitle(plan.types)],
    metaRows: [
      ['会议主题', plan.topic ?? ''],
      ['时间', plan.startsAt ? timeOf(plan) : `${timeOf(plan)}    时    分`],
      ['地点', plan.location ?? ''],
      ['应到人数', expected.length > 0 ? peopleCount(expected.length, full, expected.length - full) : ''],
      ['实到人数', '        人（正式党员    人、预备党员    人）'],
    ],
    notes: [],
    sections: [
      {
        blocks: [
          // 序号 + 姓名 as wide as the facts table's labels (27 of 100), so the two read as one form.
          { kind: 'table', widths: [10, 17, 21, 28, 24], header: ['序号', '姓名', '职务', '签名', '请假事由'], rows, rowHeight: 30, centredColumns: [0, 1] },
          { kind: 'paragraph', text: '注：本人签名；未到会的，由记录人在“请假事由”栏注明请假类别和原因。' },
        ],
      },
    ],
    signatures: ['记录人（签字）：________'],
  };
}

/** 支部党员大会会议签到表, 党课签到表, 主题党日活动签到表: named like the minutes of the same event. */
export function signInSheetTitle(types: readonly MeetingType[]): string {
  return minutesTitle(types).replace(/记录$/, '签到表');
}

/** 2026-12-01_支部党员大会会议签到表.docx */
export function signInSheetFileName(plan: Pick<PlannedMeeting, 'types' | 'heldOn'>): string {
  return `${plan.heldOn}_${signInSheetTitle(plan.types)}.docx`;
}
