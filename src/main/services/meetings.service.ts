import type { z } from 'zod';
import { AppError } from '../../shared/contract/errors';
import { fieldLabelsFor } from '../../shared/contract/labels';
import type { MeetingAssessment, MeetingListItem, MeetingRecord, meetingCheckInput, meetingCreateInput, meetingListInput, meetingUpdateInput } from '../../shared/contract/meetings';
import { daysBetween, todayIso } from '../../shared/domain/dates';
import { memberStateTimeline } from '../../shared/domain/memberTimeline';
import { isBranchWide, type MeetingType } from '../../shared/domain/meetingTypes';
import { assemblyQuorum, committeeQuorum, expectedAttendance, resolutionPasses, tallyProblems, type AttendanceMember, type AttendanceScope } from '../../shared/domain/quorum';
import { searchWords } from '../../shared/domain/textSearch';
import type { MeetingStored, MeetingWrite } from '../store/repos/meetings.repo';
import { findMeetings, matchOf } from './meetingSearch';
import type { ServiceContext } from './context';
import { createEditTrail } from './editTrail';
import { ProblemList } from './validation';

type CreateValues = z.output<typeof meetingCreateInput>;
type UpdateValues = z.output<typeof meetingUpdateInput>;
type CheckValues = z.output<typeof meetingCheckInput>;
type ListInput = z.output<typeof meetingListInput>;


const NOT_FOUND = '该会议记录不存在，可能已被删除。请刷新列表。';
const CONFLICT = '这条会议记录已在其他窗口被修改并保存。请关闭本窗口，重新打开后再修改（本次修改未保存）。';

export function createMeetingsService({ store, clock }: ServiceContext) {
  const labels = fieldLabelsFor('meetings:create');
  const trail = createEditTrail({ store, clock });

  /** The roster with histories; `manyDates` precomputes each member's states (a list asks about hundreds of dates). */
  function attendanceMembers(manyDates = false): AttendanceMember[] {
    const events = store.memberEvents.byMember();
    const memberships = store.groups.membershipsByMember();
    return store.members.all().map((member) => ({
      id: member.id,
      name: member.name,
      declaredCategory: member.category,
      events: events.get(member.id) ?? [],
      groupMemberships: memberships.get(member.id) ?? [],
      stateOn: manyDates ? memberStateTimeline(events.get(member.id) ?? [], member.category) : undefined,
    }));
  }

  /** Who a meeting is for, from its types: the widest obligation decides. */
  function scopeOf(types: MeetingType[], partyGroupId: number | null, heldOn: string, participants: number[]): AttendanceScope {
    if (isBranchWide(types)) return { kind: 'branch' };
    if (types.includes('groupMeeting') && partyGroupId !== null) return { kind: 'group', groupId: partyGroupId };
    if (types.includes('committeeMeeting')) return { kind: 'people', memberIds: store.committee.allSeatsOn(heldOn).map((seat) => seat.memberId) };
    return { kind: 'people', memberIds: participants };
  }

  function assess(
    values: Pick<CreateValues, 'types' | 'partyGroupId' | 'heldOn' | 'exclusions'> & {
      attendance?: Pick<CreateValues['attendance'][number], 'memberId' | 'status'>[];
      votes?: CreateValues['votes'];
    },
    members = attendanceMembers(),
  ): MeetingAssessment {
    const attendance = values.attendance ?? [];
    const scope = scopeOf(values.types, values.partyGroupId, values.heldOn, attendance.map((entry) => entry.memberId));
    const { expected, excluded } = expectedAttendance(members, scope, values.heldOn, values.exclusions);
    const present = new Set(attendance.filter((entry) => entry.status === 'present').map((entry) => entry.memberId));
    const marked = new Set(attendance.map((entry) => entry.memberId));
    const presentPeople = expected.filter((person) => present.has(person.memberId));
    const entitled = expected.filter((person) => person.entitledToVote).length;
    const presentEntitled = presentPeople.filter((person) => person.entitledToVote).length;
    const quorum = values.types.includes('memberAssembly')
      ? { ...assemblyQuorum(entitled, presentEntitled), rule: 'assembly' as const }
      : values.types.includes('committeeMeeting')
        ? { ...committeeQuorum(expected.length, presentPeople.length), rule: 'committee' as const }
        : null;
    const votes = values.types.includes('memberAssembly') ? (values.votes ?? []).map((vote) => ({ ...resolutionPasses(entitled, vote), subject: vote.subject })) : [];
    const voteProblems = (values.votes ?? []).map((vote) => tallyProblems(vote, presentEntitled, entitled - presentEntitled));
    const statusOf = new Map(attendance.map((entry) => [entry.memberId, entry.status]));
    return {
      expected,
      excluded,
      counts: {
        expected: expected.length,
        expectedFull: expected.filter((person) => person.category === 'full').length,
        expectedProbationary: expected.filter((person) => person.category === 'probationary').length,
        present: presentPeople.length,
        presentFull: presentPeople.filter((person) => person.category === 'full').length,
        presentProbationary: presentPeople.filter((person) => person.category === 'probationary').length,
        unmarked: expected.filter((person) => !marked.has(person.memberId)).length,
        leave: expected.filter((person) => statusOf.get(person.memberId) === 'leave').length,
        absent: expected.filter((person) => statusOf.get(person.memberId) === 'absent').length,
      },
      quorum,
      votes,
      voteProblems,
    };
  }

  function memberName(id: number | null, field: string, problems: ProblemList): string | null {
    if (id === null) return null;
    const member = store.members.get(id);
    if (!member) problems.add(field, '所选党员不存在');
    return member?.name ?? null;
  }

  /** Checks a record and resolves the names it snapshots; throws VALIDATION listing every problem. */
  function prepare(values: CreateValues, existing: MeetingStored | null = null): MeetingWrite {
    const today = todayIso(clock());
    const recordedOn = values.recordedOn ?? today;
    const problems = new ProblemList(labels);
    if (values.heldOn > today) problems.add('heldOn', '不能晚于今天（尚未召开的会议请在年度计划中安排）');
    if (recordedOn < values.heldOn) problems.add('recordedOn', '不能早于召开日期');
    if (recordedOn > today) problems.add('recordedOn', '不能晚于今天');
    if (values.startsAt && values.endsAt && values.endsAt <= values.startsAt) problems.add('endsAt', '应晚于开始时间');
    if (values.types.includes('groupMeeting')) {
      if (values.partyGroupId === null) problems.add('partyGroupId', '党小组会请选择党小组');
    }
    if (values.partyGroupId !== null && !store.groups.get(values.partyGroupId)) problems.add('partyGroupId', '所选党小组不存在');
    if (values.types.includes('partyLecture')) {
      if (values.lecturerMemberId === null && !values.lecturerName) problems.add('lecturerMemberId', '党课请填写授课人');
      if (!values.lectureTitle) problems.add('lectureTitle', '党课请填写课题');
    }
    const hostName = memberName(values.hostMemberId, 'hostMemberId', problems);
    const recorderName = memberName(values.recorderMemberId, 'recorderMemberId', problems);
    const lecturerName = memberName(values.lecturerMemberId, 'lecturerMemberId', problems) ?? values.lecturerName;

    const seen = new Set<number>();
    for (const entry of values.attendance) {
      const name = store.members.get(entry.memberId)?.name;
      if (!name) problems.add('attendance', `编号 ${entry.memberId} 的党员不存在`);
      else if (seen.has(entry.memberId)) problems.add('attendance', `${name}只能有一种出勤状态`);
      else if (entry.status === 'leave' && !entry.leaveKind) problems.add('attendance', `${name}请假，请选择请假类别（病假、事假、公假、因公外出或其他）`);
      else if (entry.status !== 'leave' && entry.leaveKind) problems.add('attendance', `${name}不是请假，不应填写请假类别`);
      else if (entry.makeupOn && entry.status === 'present') problems.add('attendance', `${name}已出席，不需要补学`);
      else if (entry.makeupOn && entry.makeupOn < values.heldOn) problems.add('attendance', `${name}的补学日期不能早于召开日期`);
      seen.add(entry.memberId);
    }
    problems.throwIfAny();

    const assessment = assess(values);
    const expectedIds = new Set(assessment.expected.map((person) => person.memberId));
    const excludedIds = new Set(assessment.excluded.map((person) => person.memberId));
    for (const exclusion of values.exclusions) {
      if (!excludedIds.has(exclusion.memberId)) problems.add('exclusions', `${store.members.get(exclusion.memberId)?.name ?? exclusion.memberId}在召开日期不属于本次会议的应到人员`);
    }
    for (const entry of values.attendance) {
      if (!expectedIds.has(entry.memberId)) problems.add('attendance', `${store.members.get(entry.memberId)!.name}在召开日期不属于本次会议的应到人员（可作为列席人员登记）`);
    }
    const statusOf = new Map(values.attendance.map((entry) => [entry.memberId, entry.status]));
    for (const [field, id, role] of [['recorderMemberId', values.recorderMemberId, '记录人'], ['hostMemberId', values.hostMemberId, '主持人']] as const) {
      if (id !== null && expectedIds.has(id) && statusOf.has(id) && statusOf.get(id) !== 'present') problems.add(field, `${role}应出席会议，请核对出勤情况`);
    }
    values.votes.forEach((vote, index) => {
      for (const problem of assessment.voteProblems[index]) problems.add('votes', `“${vote.subject}”：${problem}`);
    });
    // Decisions keep their identity across edits, so a follow-up closed since is never lost.
    const savedDecisions = new Map((existing?.decisions ?? []).map((decision) => [decision.id, decision]));
    const claimed = new Set<number>();
    values.decisions.forEach((decision) => {
      const name = `“${decision.text.slice(0, 20)}”`;
      if (decision.dueOn && decision.dueOn < values.heldOn) problems.add('decisions', `${name}的完成期限不能早于召开日期`);
      if (decision.id === null) return;
      const saved = savedDecisions.get(decision.id);
      if (!saved || claimed.has(decision.id)) {
        problems.add('decisions', `${name}不是这条记录中已保存的决议（可能已在其他窗口删除），请重新打开记录后再修改`);
        return;
      }
      claimed.add(decision.id);
      if (saved.closedOn && saved.closedOn < values.heldOn) problems.add('heldOn', `决议${name}已于 ${saved.closedOn} 办结，召开日期不能晚于办结日期`);
      if (saved.closedMeeting && saved.closedMeeting.heldOn < values.heldOn) {
        problems.add('heldOn', `决议${name}已在 ${saved.closedMeeting.heldOn} 的会议上汇报办结，召开日期不能晚于该会议`);
      }
    });
    // A meeting cited as where earlier decisions were reported cannot move before those decisions.
    for (const cited of existing ? store.followUps.closedAt(existing.id) : []) {
      if (values.heldOn < cited.meetingHeldOn) {
        problems.add('heldOn', `本次会议登记为“${cited.text.slice(0, 20)}”（${cited.meetingHeldOn} 会议的决议）的办结汇报会议，召开日期不能早于 ${cited.meetingHeldOn}`);
      }
    }
    const agendaLength = values.agenda.length;
    for (const ref of [...values.decisions, ...values.votes]) {
      if (ref.agendaPosition !== null && ref.agendaPosition >= agendaLength) problems.add('agenda', '决议或表决所属的议题不存在');
    }
    const decisions = values.decisions.map((decision) => ({ ...decision, ownerName: memberName(decision.ownerMemberId, 'decisions', problems) }));
    const agenda = values.agenda.map((item) => ({
      title: item.title,
      speeches: item.speeches.map((speech) => {
        const speakerName = memberName(speech.speakerMemberId, 'agenda', problems) ?? speech.speakerName;
        if (!speakerName) problems.add('agenda', `议题“${item.title.slice(0, 20)}”中有发言未填写发言人`);
        return { speakerMemberId: speech.speakerMemberId, speakerName: speakerName ?? '', summary: speech.summary };
      }),
    }));
    problems.throwIfAny();

    return { ...values, recordedOn, hostName, recorderName, lecturerName, agenda, decisions };
  }

  function toRecord(id: number, roster?: { members: AttendanceMember[]; names: Map<number, string> }): MeetingRecord {
    const stored = store.meetings.get(id);
    if (!stored) throw new AppError('NOT_FOUND', NOT_FOUND);
    const names = roster?.names ?? new Map(store.members.all().map((member) => [member.id, member.name]));
    return {
      ...stored,
      attendance: stored.attendance.map((entry) => ({ ...entry, name: names.get(entry.memberId) ?? '' })),
      assessment: assess(stored, roster?.members),
      recordLagDays: daysBetween(stored.heldOn, stored.recordedOn),
    };
  }

  return {
    /** The records of a year (or all years), filtered; with a query, only those containing every word, with an excerpt. */
    list(input: ListInput): MeetingListItem[] {
      const { query, ...filter } = input ?? {};
      const words = searchWords(query);
      const found = words.length > 0 ? findMeetings(store, words) : null;
      if (found && found.meetingIds.length === 0) return [];
      const summaries = store.meetings.summaries({ ...filter, ids: found?.meetingIds });
      const members = attendanceMembers(summaries.length > 20);
      // Only what 应到/实到 needs, for all listed records in two reads (not each record whole).
      const parts = store.meetings.attendanceOf(summaries.map((summary) => summary.id));
      return summaries.map((summary) => {
        const { present, exclusions } = parts.get(summary.id)!;
        const attendance = present.map((memberId) => ({ memberId, status: 'present' as const }));
        const assessment = assess({ ...summary, exclusions, attendance }, members);
        return {
          ...summary,
          expected: assessment.counts.expected,
          present: assessment.counts.present,
          valid: assessment.quorum ? assessment.quorum.valid : null,
          ...(found ? { match: matchOf(found, summary.id, words) } : {}),
        };
      });
    },

    get: ({ id }: { id: number }) => toRecord(id),

    /** Whole records at once (台账, 汇编): the roster and its histories read once for all of them. */
    getMany(ids: readonly number[]): MeetingRecord[] {
      const members = attendanceMembers(ids.length > 20);
      const names = new Map(members.map((member) => [member.id, member.name]));
      return ids.map((id) => toRecord(id, { members, names }));
    },

    /** Who is expected at a meeting of these types on that date (for 签到表, 民主评议, the roster of a day). */
    expectedOn(values: Pick<CheckValues, 'types' | 'partyGroupId' | 'heldOn' | 'exclusions'>): Pick<MeetingAssessment, 'expected' | 'excluded'> {
      const { expected, excluded } = assess(values);
      return { expected, excluded };
    },

    /** 应到 of many records at once (参加组织生活情况): each member's states precomputed once, as the list does. */
    expectedOfMany(records: readonly (Pick<CheckValues, 'types' | 'partyGroupId' | 'heldOn' | 'exclusions'> & { participants: readonly number[] })[]) {
      const members = attendanceMembers(true);
      return records.map((values) => expectedAttendance(members, scopeOf(values.types, values.partyGroupId, values.heldOn, [...values.participants]), values.heldOn, values.exclusions));
    },

    /** 应到 and verdicts for a record being entered, before it is saved. */
    check({ assumePresent, ...values }: CheckValues): MeetingAssessment {
      if (!assumePresent) return assess(values);
      const members = attendanceMembers();
      const marked = new Map(values.attendance.map((entry) => [entry.memberId, entry]));
      const attendance = assess(values, members).expected.map(
        (person) => marked.get(person.memberId) ?? { memberId: person.memberId, status: 'present' as const, leaveKind: null, reason: null, makeupOn: null, makeupBy: null, makeupMethod: null },
      );
      return assess({ ...values, attendance }, members);
    },

    /** A meeting that happened is always saved; an invalid quorum is shown on the record, not refused. */
    create(values: CreateValues): MeetingRecord {
      const id = store.transaction(() => trail.meeting.create(() => store.meetings.insert(prepare(values), clock().toISOString())));
      return toRecord(id);
    },

    update({ id, version, ...values }: UpdateValues): MeetingRecord {
      store.transaction(() => {
        const existing = store.meetings.get(id);
        if (!existing) throw new AppError('NOT_FOUND', NOT_FOUND);
        if (existing.version !== version) throw new AppError('CONFLICT', CONFLICT);
        if (!trail.meeting.update(id, () => store.meetings.replace(id, version, prepare(values, existing), clock().toISOString()))) {
          throw new AppError('CONFLICT', CONFLICT);
        }
      });
      return toRecord(id);
    },

    /** Marks the record deleted: hidden everywhere, 撤销 (restore) brings it back until the app restarts. */
    delete({ id }: { id: number }) {
      return store.transaction(() => {
        if (!trail.meeting.delete(id, () => store.meetings.delete(id, clock().toISOString()))) throw new AppError('NOT_FOUND', NOT_FOUND);
        return { id };
      });
    },

    restore({ id }: { id: number }) {
      return store.transaction(() => {
        if (!trail.meeting.restore(id, () => store.meetings.restore(id))) {
          throw new AppError('NOT_FOUND', '这条会议记录已无法恢复：删除在软件重新启动后已成为最终结果，或该记录未被删除。');
        }
        return { id };
      });
    },
  };
}

export type MeetingsService = ReturnType<typeof createMeetingsService>;
