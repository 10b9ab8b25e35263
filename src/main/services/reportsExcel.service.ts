import type { z } from 'zod';
import { AppError } from '../../shared/contract/errors';
import type { MeetingRecord } from '../../shared/contract/meetings';
import { TALK_FORM_LABELS } from '../../shared/contract/talks';
import type { meetingLedgerInput, ReportXlsxResult } from '../../shared/contract/reportsExcel';
import { formatChineseDate, todayIso } from '../../shared/domain/dates';
import { LEAVE_KIND_LABELS } from '../../shared/domain/meetingTypes';
import { pairKind, PAIR_KIND_LABELS, type TalkRole } from '../../shared/domain/talkCoverage';
import { buildDemocraticReviewWorkbook } from '../documents/democraticReview.xlsx';
import { buildMeetingLedgerWorkbook, type MeetingLedgerRow } from '../documents/meetingLedger.xlsx';
import { buildRectificationsWorkbook, type RectificationSheetRow } from '../documents/rectifications.xlsx';
import { buildTalksWorkbook, type TalkSheetRow } from '../documents/talks.xlsx';
import type { ServiceContext } from './context';
import type { DemocraticReviewService } from './democraticReview.service';
import type { MeetingsService } from './meetings.service';
import type { OrgLifeService } from './orgLife.service';
import type { TalksService } from './talks.service';

type LedgerInput = z.output<typeof meetingLedgerInput>;

/** Characters of a record's 主要内容 kept in the ledger (the 会议记录 has the whole text). */
const SUMMARY_CHARS = 120;
/** A write-up this many days or more after the meeting is called out as 补记 (DOMAIN §2: never hide a back-fill). */
const LATE_RECORD_DAYS = 7;

const cut = (text: string, chars: number) => {
  const list = [...text.replace(/\s*\n\s*/g, ' ').trim()];
  return list.length > chars ? `${list.slice(0, chars - 1).join('')}…` : list.join('');
};

/** A record's 主要内容 for the ledger: its summary, else its agenda; a 党课's 课题 first. */
export function ledgerSummary(record: MeetingRecord): string {
  const parts: string[] = [];
  if (record.types.includes('partyLecture') && record.lectureTitle) parts.push(`课题：${record.lectureTitle}`);
  if (record.summary?.trim()) parts.push(record.summary.trim());
  else if (record.agenda.length) parts.push(`议题：${record.agenda.map((item, index) => `${index + 1}. ${item.title}`).join(' ')}`);
  if (!record.summary?.trim() && record.decisions.length) parts.push(`决议：${record.decisions.map((decision) => decision.text).join('；')}`);
  return cut(parts.join('；'), SUMMARY_CHARS);
}

/** 请假、缺席人员及原因 (DOMAIN §8): “请假：韩冬（事假）；缺席：何俊”. */
export function ledgerAway(record: MeetingRecord): string {
  const parts: string[] = [];
  const why = (entry: MeetingRecord['attendance'][number]) => {
    const reason = [entry.leaveKind ? LEAVE_KIND_LABELS[entry.leaveKind] : null, entry.reason].filter(Boolean).join('，');
    return reason ? `${entry.name}（${reason}）` : entry.name;
  };
  const onLeave = record.attendance.filter((entry) => entry.status === 'leave');
  const absent = record.attendance.filter((entry) => entry.status === 'absent');
  if (onLeave.length) parts.push(`请假：${onLeave.map(why).join('、')}`);
  if (absent.length) parts.push(`缺席：${absent.map(why).join('、')}`);
  return parts.join('；');
}

/** 备注: 补学, 不计入应到, attendance not taken, 列席, a late write-up. */
export function ledgerNote(record: MeetingRecord): string {
  const parts: string[] = [];
  const madeUp = record.attendance.filter((entry) => entry.makeupOn).map((entry) => entry.name);
  if (madeUp.length) parts.push(`补学：${madeUp.join('、')}`);
  if (record.assessment.excluded.length) parts.push(`不计入应到：${record.assessment.excluded.map((person) => `${person.name}（${person.reason}）`).join('、')}`);
  if (record.assessment.counts.unmarked > 0) parts.push(`${record.assessment.counts.unmarked} 人未登记出勤`);
  if (record.guests.length) parts.push(`列席 ${record.guests.length} 人`);
  if (record.recordLagDays >= LATE_RECORD_DAYS) parts.push(`会后${record.recordLagDays}天补记\n（${record.recordedOn}）`);
  return parts.join('；');
}

function hostText(record: MeetingRecord): string | null {
  const lecturer = record.types.includes('partyLecture') ? record.lecturerName : null;
  if (lecturer && record.hostName && lecturer !== record.hostName) return `主持：${record.hostName}\n授课：${lecturer}`;
  return record.hostName ?? lecturer;
}

export function ledgerRow(record: MeetingRecord, groupName: (id: number | null) => string | null, attachments: number): MeetingLedgerRow {
  const { counts, quorum } = record.assessment;
  return {
    heldOn: record.heldOn,
    types: record.types,
    partyGroupName: groupName(record.partyGroupId),
    topic: record.topic,
    location: record.location,
    host: hostText(record),
    recorder: record.recorderName,
    expected: counts.expected,
    expectedFull: counts.expectedFull,
    expectedProbationary: counts.expectedProbationary,
    present: counts.present,
    presentFull: counts.presentFull,
    presentProbationary: counts.presentProbationary,
    leave: counts.leave,
    absent: counts.absent,
    quorum: quorum ? quorum.valid : null,
    summary: ledgerSummary(record),
    decisions: record.decisions.length,
    attachments,
    away: ledgerAway(record),
    note: ledgerNote(record),
  };
}

/** A 谈心谈话 record only: it has its own ledger (谈心谈话台账), not the 三会一课 one. */
const talkOnly = (types: readonly string[]) => types.length === 1 && types[0] === 'heartToHeartTalk';

interface Dependencies {
  meetings: MeetingsService;
  talks: TalksService;
  orgLife: OrgLifeService;
  democraticReview: DemocraticReviewService;
}

/**
 * 报表 (issue 7 item 3): the Excel 台账 built from the records — 三会一课登记台账 (a year or any period,
 * ten years in one sheet), 民主评议汇总, 谈心谈话台账 with its coverage matrix, 整改清单. Each returns
 * the file and its row count (the inspection package lists them in its 目录); a year with nothing to
 * list is refused with a notice saying so, never an empty file.
 */
export function createReportsExcelService({ store, clock }: ServiceContext, { meetings, talks, orgLife, democraticReview }: Dependencies) {
  function branchName(what: string): string {
    const branch = store.branch.get();
    if (!branch) throw new AppError('NOT_FOUND', `还没有建立支部，不能导出${what}。请先填写支部信息。`);
    return branch.name;
  }
  const groupNames = () => {
    const names = new Map(store.groups.list(true).map((group) => [group.id, group.name]));
    return (id: number | null) => (id === null ? null : (names.get(id) ?? null));
  };
  const exported = () => `导出日期：${formatChineseDate(todayIso(clock()))}`;
  const result = (fileName: string, bytes: Buffer, rowCount: number): ReportXlsxResult => ({ fileName, contentBase64: bytes.toString('base64'), rowCount });
  const empty = (message: string) => new AppError('NOT_FOUND', message);

  return {
    /** 三会一课登记台账 of a year ({year}) or a period ({from, to}), one row per record, oldest first. */
    async buildMeetingLedgerXlsx(input: LedgerInput): Promise<ReportXlsxResult> {
      const name = branchName('三会一课登记台账');
      const period =
        'year' in input
          ? { label: `${input.year}年度`, file: `${input.year}年度三会一课登记台账.xlsx`, from: `${input.year}-01-01`, to: `${input.year}-12-31`, year: input.year }
          : {
              label: `（${formatChineseDate(input.from)}至${formatChineseDate(input.to)}）`,
              file: `三会一课登记台账（${input.from}至${input.to}）.xlsx`,
              from: input.from,
              to: input.to,
              year: undefined,
            };
      const summaries = store.meetings
        .summaries(period.year !== undefined ? { year: period.year } : {})
        .filter((summary) => summary.heldOn >= period.from && summary.heldOn <= period.to && !talkOnly(summary.types))
        .sort((a, b) => a.heldOn.localeCompare(b.heldOn) || a.id - b.id);
      if (summaries.length === 0) {
        const when = period.year !== undefined ? `${period.year}年度` : `${formatChineseDate(period.from)}至${formatChineseDate(period.to)}`;
        throw empty(`${when}没有三会一课等组织生活记录，没有可导出的登记台账。请先在“组织生活”中录入记录，或选择其他年度。`);
      }
      const groupName = groupNames();
      const records = meetings.getMany(summaries.map((summary) => summary.id));
      const rows = records.map((record, index) => ledgerRow(record, groupName, summaries[index].attachmentCount));
      const bytes = await buildMeetingLedgerWorkbook({
        branchName: name,
        periodLabel: period.label,
        subtitle: `${exported()}  谈心谈话另见《谈心谈话台账》`,
        rows,
        createdAt: clock(),
      });
      return result(period.file, bytes, rows.length);
    },

    /** 民主评议汇总: every 民主评议党员 record of the year with each member's grade. */
    async buildDemocraticReviewXlsx({ year }: { year: number }): Promise<ReportXlsxResult> {
      const name = branchName('民主评议汇总');
      const records = store.meetings.summaries({ year, type: 'democraticReview' }).sort((a, b) => a.heldOn.localeCompare(b.heldOn) || a.id - b.id);
      if (records.length === 0) throw empty(`${year}年度没有民主评议党员记录，没有可导出的民主评议汇总。请先在“组织生活”中录入民主评议党员记录并评定等次。`);
      const reviews = records.map((record) => {
        const review = democraticReview.get({ meetingId: record.id });
        return {
          heldOn: review.heldOn,
          topic: review.topic,
          rows: review.rows.map((row) => ({ name: row.name, category: row.category, grade: row.grade, note: row.note, notGradedReason: row.notGradedReason })),
        };
      });
      const when = reviews.map((review) => formatChineseDate(review.heldOn)).join('、');
      const bytes = await buildDemocraticReviewWorkbook({ branchName: name, year, subtitle: `评议日期：${when}  ${exported()}`, reviews, createdAt: clock() });
      return result(`${year}年度民主评议汇总.xlsx`, bytes, reviews.reduce((sum, review) => sum + review.rows.length, 0));
    },

    /** 谈心谈话台账: the year's talks, and the coverage matrix of talks:coverage on a second sheet. */
    async buildTalksXlsx({ year }: { year: number }): Promise<ReportXlsxResult> {
      const name = branchName('谈心谈话台账');
      const summaries = store.meetings.summaries({ year, type: 'heartToHeartTalk' }).sort((a, b) => a.heldOn.localeCompare(b.heldOn) || a.id - b.id);
      if (summaries.length === 0) throw empty(`${year}年度没有谈心谈话记录，没有可导出的谈心谈话台账。请先在“组织生活”中录入谈心谈话记录。`);
      const coverage = talks.coverage({ year });
      const roles = new Map<number, TalkRole>(coverage.people.map((person) => [person.memberId, person.role]));
      const rows: TalkSheetRow[] = meetings.getMany(summaries.map((summary) => summary.id)).map((record) => {
        const detail = store.talks.get(record.id);
        const participants = detail?.participants ?? [];
        const members = participants.filter((person) => person.memberId !== null).map((person) => person.memberId!);
        const kinds = new Set<string>();
        for (let i = 0; i < members.length; i += 1) {
          for (let j = i + 1; j < members.length; j += 1) kinds.add(PAIR_KIND_LABELS[pairKind(roles.get(members[i]) ?? 'member', roles.get(members[j]) ?? 'member')]);
        }
        if (participants.some((person) => person.memberId === null)) kinds.add('与支部以外人员谈话');
        return {
          heldOn: record.heldOn,
          participants: participants.length ? participants.map((person) => person.name).join('、') : '（未填写谈话人员）',
          kind: [...kinds].join('、'),
          form: detail?.form ? TALK_FORM_LABELS[detail.form] : null,
          topic: record.topic,
          location: record.location,
          summary: ledgerSummary(record),
          recorder: record.recorderName,
        };
      });
      const bytes = await buildTalksWorkbook({ branchName: name, year, subtitle: exported(), rows, coverage, createdAt: clock() });
      return result(`${year}年度谈心谈话台账.xlsx`, bytes, rows.length);
    },

    /** 整改清单: the rectification items of the year's 组织生活会, by meeting and order of entry. */
    async buildRectificationsXlsx({ year }: { year: number }): Promise<ReportXlsxResult> {
      const name = branchName('整改清单');
      const items = orgLife.rectifications({ year }).sort((a, b) => a.meetingHeldOn.localeCompare(b.meetingHeldOn) || a.meetingId - b.meetingId || a.id - b.id);
      if (items.length === 0) throw empty(`${year}年度的组织生活会没有整改事项，没有可导出的整改清单。请先在组织生活会记录的“整改清单”中填写整改事项。`);
      const rows: RectificationSheetRow[] = items.map((item) => ({
        problem: item.problemText,
        measure: item.measure,
        owner: item.ownerName,
        dueOn: item.dueOn,
        status: item.status === 'done' ? '已完成' : item.overdue ? '逾期未完成' : '未完成',
        overdue: item.overdue,
        doneOn: item.doneOn,
        source: `${item.meetingHeldOn} 组织生活会：${item.meetingTopic}`,
        note: item.note,
      }));
      const bytes = await buildRectificationsWorkbook({ branchName: name, year, subtitle: `${exported()}（逾期按导出当日计算）`, rows, createdAt: clock() });
      return result(`${year}年度整改清单.xlsx`, bytes, rows.length);
    },
  };
}

export type ReportsExcelService = ReturnType<typeof createReportsExcelService>;
