import type { MeetingRecord } from '../../shared/contract/meetings';
import { GUEST_KIND_LABELS } from '../../shared/contract/meetings';
import { formatChineseDate } from '../../shared/domain/dates';
import { LEAVE_KIND_LABELS, MEETING_TYPES, MEETING_TYPE_LABELS, type MeetingType } from '../../shared/domain/meetingTypes';
import { chineseOrdinal, tightenSpaces, type DocBlock, type DocParagraph, type DocSection, type DocumentModel } from './documentModel';

// 会议记录 (DOMAIN §4) as a plain document model: a pure function of the stored record, so what a
// secretary prints is exactly what the ledger computed (应到/实到, quorum and vote verdicts).

export interface MinutesContext {
  branchName: string;
  /** The 党小组's name, for a 党小组会. */
  groupName?: string | null;
}

/** How each type is named in a title; joined with 暨 in the order of MEETING_TYPES. */
const TITLE_NAMES: Record<MeetingType, string> = {
  memberAssembly: '支部党员大会',
  committeeMeeting: '支部委员会',
  groupMeeting: '党小组',
  partyLecture: '党课',
  themedPartyDay: '主题党日',
  orgLifeMeeting: '组织生活会',
  democraticReview: '民主评议党员',
  heartToHeartTalk: '谈心谈话',
};
const MEETINGS: MeetingType[] = ['memberAssembly', 'committeeMeeting', 'groupMeeting', 'orgLifeMeeting', 'democraticReview'];

const SIGNATURE_BLANK = '________';

function ordered(types: readonly MeetingType[]): MeetingType[] {
  return MEETING_TYPES.filter((type) => types.includes(type));
}

/** 支部党员大会会议记录, 支部党员大会暨党课会议记录, 党课记录, 主题党日活动记录… */
export function minutesTitle(types: readonly MeetingType[]): string {
  const chosen = ordered(types);
  const names = chosen.map((type) => TITLE_NAMES[type]).join('暨');
  if (chosen.some((type) => MEETINGS.includes(type))) return `${names}会议记录`;
  if (chosen.includes('themedPartyDay')) return `${names}活动记录`;
  return `${names}记录`;
}

/** 2026-09-15_支部党员大会暨党课会议记录.docx */
export function minutesFileName(record: Pick<MeetingRecord, 'heldOn' | 'types'>): string {
  return `${record.heldOn}_${minutesTitle(record.types)}.docx`;
}

export function peopleCount(total: number, full: number, probationary: number): string {
  return `${total}人（正式党员${full}人、预备党员${probationary}人）`;
}

export function timeOf(record: Pick<MeetingRecord, 'heldOn' | 'startsAt' | 'endsAt'>): string {
  const date = formatChineseDate(record.heldOn);
  if (record.startsAt && record.endsAt) return `${date} ${record.startsAt}—${record.endsAt}`;
  if (record.startsAt) return `${date} ${record.startsAt}`;
  return date;
}

function absentees(record: MeetingRecord): string {
  const entries = record.attendance
    .filter((entry) => entry.status !== 'present')
    .map((entry) => {
      const kind = entry.status === 'leave' ? (entry.leaveKind ? LEAVE_KIND_LABELS[entry.leaveKind] : '请假') : '缺席';
      return `${entry.name}（${entry.reason ? `${kind}，${entry.reason}` : kind}）`;
    });
  return entries.length > 0 ? entries.join('、') : '无';
}

function guests(record: MeetingRecord): string {
  if (record.guests.length === 0) return '无';
  return record.guests.map((guest) => `${guest.name}（${guest.note ? `${GUEST_KIND_LABELS[guest.kind]}，${guest.note}` : GUEST_KIND_LABELS[guest.kind]}）`).join('、');
}

function metaRows(record: MeetingRecord): [string, string][] {
  const { counts, expected, excluded } = record.assessment;
  const rows: [string, string][] = [
    ['会议类型', ordered(record.types).map((type) => MEETING_TYPE_LABELS[type]).join('、')],
    ['会议主题', record.topic],
    ['时间', timeOf(record)],
    ['地点', record.location ?? ''],
    ['主持人', record.hostName ?? ''],
  ];
  if (record.types.includes('partyLecture')) {
    rows.push(['授课人', record.lecturerName ?? '']);
    rows.push(['课题', record.lectureTitle ?? '']);
  }
  rows.push(['记录人', record.recorderName ?? '']);
  rows.push(['应到人数', peopleCount(counts.expected, counts.expectedFull, counts.expectedProbationary)]);
  rows.push(['实到人数', peopleCount(counts.present, counts.presentFull, counts.presentProbationary)]);
  rows.push(['缺席人员及原因', absentees(record)]);
  const marked = new Set(record.attendance.map((entry) => entry.memberId));
  const unmarked = expected.filter((person) => !marked.has(person.memberId));
  if (unmarked.length > 0) rows.push(['出勤未登记', unmarked.map((person) => person.name).join('、')]);
  if (excluded.length > 0) rows.push(['经批准不计入应到', excluded.map((person) => `${person.name}（${person.reason}）`).join('、')]);
  rows.push(['列席人员', guests(record)]);
  return rows;
}

/** Free text as paragraphs, one per non-empty line. */
function paragraphs(text: string | null): DocParagraph[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => ({ text: line }));
}

const para = (text: string, lead?: string): DocBlock => ({ kind: 'paragraph', text, ...(lead ? { lead } : {}) });

function agendaSection(record: MeetingRecord): DocBlock[] {
  if (record.agenda.length === 0) return [para(record.topic)];
  return record.agenda.map((item, index) => para(`${index + 1}. ${item.title}`));
}

function contentSection(record: MeetingRecord): DocBlock[] {
  const blocks: DocBlock[] = paragraphs(record.summary).map((paragraph) => ({ kind: 'paragraph', ...paragraph }));
  let sub = 0;
  for (const item of record.agenda) {
    sub += 1;
    blocks.push({ kind: 'heading', level: 2, text: `（${chineseOrdinal(sub)}）${item.title}` });
    if (item.speeches.length === 0) blocks.push(para('（未记录发言）'));
    for (const speech of item.speeches) blocks.push(para(speech.summary, `${speech.speakerName}：`));
  }
  if (record.types.includes('partyLecture') && record.lectureTitle) {
    sub += 1;
    blocks.push({ kind: 'heading', level: 2, text: `（${chineseOrdinal(sub)}）党课` });
    blocks.push(para(`${record.lecturerName ?? ''}同志讲授专题党课《${record.lectureTitle}》。`));
  }
  return blocks;
}

function votesSection(record: MeetingRecord): DocBlock[] {
  return record.votes.map((vote, index) => {
    const written = [vote.writtenYes ? `书面同意意见${vote.writtenYes}份` : '', vote.writtenNo ? `书面反对意见${vote.writtenNo}份` : ''].filter(Boolean);
    const tally = `赞成${vote.yes}票，反对${vote.no}票，弃权${vote.abstain}票${written.length > 0 ? `；另有${written.join('、')}` : ''}。`;
    const verdict = record.assessment.votes.find((entry) => entry.subject === vote.subject);
    return para(`${tally}${verdict ? tightenSpaces(verdict.explanation) : ''}`, `${index + 1}. ${vote.subject}：`);
  });
}

function decisionsSection(record: MeetingRecord): DocBlock[] {
  return record.decisions.map((decision, index) => {
    // A follow-up closed by the time of printing says so, and where it was reported.
    const closed = decision.closedOn
      ? `已于${formatChineseDate(decision.closedOn)}办结${decision.closedMeeting ? `，在${formatChineseDate(decision.closedMeeting.heldOn)}的会议上汇报` : ''}`
      : '';
    const follow = [decision.ownerName ? `负责人：${decision.ownerName}` : '', decision.dueOn ? `完成期限：${formatChineseDate(decision.dueOn)}` : '', closed].filter(Boolean);
    return para(`${index + 1}. ${decision.text}${follow.length > 0 ? `（${follow.join('；')}）` : ''}`);
  });
}

function makeupSection(record: MeetingRecord): DocBlock[] {
  return record.attendance
    .filter((entry) => entry.status !== 'present' && (entry.makeupOn || entry.makeupBy || entry.makeupMethod))
    .map((entry) => {
      const when = entry.makeupOn ? `于${formatChineseDate(entry.makeupOn)}` : '';
      const how = entry.makeupMethod ? `通过${entry.makeupMethod}` : '';
      const by = entry.makeupBy ? `，由${entry.makeupBy}传达会议精神` : '';
      return para(`${entry.name}${when}${how}完成补学${by}。`);
    });
}

/** Who held it: the branch, or the branch and the 党小组 for a 党小组会. */
export function unitName(types: readonly MeetingType[], context: MinutesContext): string {
  return types.includes('groupMeeting') && context.groupName ? `${context.branchName}${context.groupName}` : context.branchName;
}

/** The 会议记录 of one meeting as a document model. */
export function minutesModel(record: MeetingRecord, context: MinutesContext): DocumentModel {
  const unit = unitName(record.types, context);
  const candidates: [string, DocBlock[]][] = [
    ['会议议题', agendaSection(record)],
    ['会议内容', contentSection(record)],
    ['表决情况', votesSection(record)],
    ['决议事项', decisionsSection(record)],
    ['补学情况', makeupSection(record)],
  ];
  const sections: DocSection[] = candidates
    .filter(([, blocks]) => blocks.length > 0)
    .map(([heading, blocks], index) => ({ heading: `${chineseOrdinal(index + 1)}、${heading}`, blocks }));
  const signatures = [`主持人（签字）：${SIGNATURE_BLANK}    记录人（签字）：${SIGNATURE_BLANK}`];
  return {
    title: [unit, minutesTitle(record.types)],
    metaRows: metaRows(record),
    notes: record.assessment.quorum ? [{ text: tightenSpaces(record.assessment.quorum.explanation) }] : [],
    sections,
    signatures,
  };
}
