import type { EditTrailEntityType } from '../../shared/contract/editTrail';
import { fieldLabelsFor, MEMBER_FIELD_LABELS } from '../../shared/contract/labels';
import { GUEST_KIND_LABELS } from '../../shared/contract/meetings';
import { PROBLEM_CATEGORY_LABELS, PROBLEM_SOURCE_LABELS, RECTIFICATION_STATUS_LABELS } from '../../shared/contract/orgLife';
import { TALK_FORM_LABELS } from '../../shared/contract/talks';
import { ATTACHMENT_KIND_LABELS } from '../../shared/domain/attachments';
import { BRANCH_KIND_LABELS, COMMITTEE_ROLE_LABELS } from '../../shared/domain/branch';
import { REVIEW_GRADE_LABELS } from '../../shared/domain/democraticReview';
import { diffSnapshots, maskPhone, trailList, trailNames, trailSearchText, type EditAction, type TrailSnapshot } from '../../shared/domain/editTrail';
import { maskIdNumber } from '../../shared/domain/idNumber';
import { GENDER_LABELS, MEMBER_CATEGORY_LABELS } from '../../shared/domain/member';
import { MEMBER_EVENT_LABELS } from '../../shared/domain/memberHistory';
import { LEAVE_KIND_LABELS, MEETING_TYPE_LABELS, MEETING_TYPES } from '../../shared/domain/meetingTypes';
import type { Store } from '../store';
import type { ServiceContext } from './context';

// The edit trail as services use it: each kind of record is a TrailSubject (how to read it as a
// snapshot, its field labels, its name), and every write path wraps its write in one call, e.g.
//   store.transaction(() => trail.meeting.update(id, () => { …checks and writes… }))
// The snapshot before and after the write are compared and the difference is logged in the same
// transaction (the repo refuses to log outside one), so a save that throws logs nothing.

/** How the trail reads one kind of record. */
export interface TrailSubject {
  type: EditTrailEntityType;
  /** Field → Chinese label, in the order changes are shown; only these fields are logged. */
  labels: Readonly<Record<string, string>>;
  /** The record as it is now (null when it does not exist, or is deleted). */
  snapshot(id: number): TrailSnapshot | null;
  /** Its name in the log, from a snapshot (the one after the change, or before a deletion). */
  label(snapshot: TrailSnapshot, id: number): string;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const shortText = (value: string, max = 30) => (Array.from(value).length > max ? `${Array.from(value).slice(0, max).join('')}…` : value);
const bracket = (parts: (string | null | undefined | false)[]) => {
  const kept = parts.filter((part): part is string => typeof part === 'string' && part !== '');
  return kept.length > 0 ? `（${kept.join('，')}）` : '';
};

// ---- meeting records, with every part edited elsewhere (materials, follow-ups, attachments) ----

const meetingLabels = fieldLabelsFor('meetings:create');
const MEETING_TRAIL_LABELS: Record<string, string> = {
  types: meetingLabels.types,
  heldOn: meetingLabels.heldOn,
  startsAt: meetingLabels.startsAt,
  endsAt: meetingLabels.endsAt,
  location: meetingLabels.location,
  topic: meetingLabels.topic,
  partyGroupId: '党小组',
  hostName: meetingLabels.hostMemberId,
  recorderName: meetingLabels.recorderMemberId,
  lecturerName: meetingLabels.lecturerName,
  lectureTitle: meetingLabels.lectureTitle,
  recordedOn: meetingLabels.recordedOn,
  summary: meetingLabels.summary,
  present: '出席人员',
  leave: '请假人员',
  absent: '缺席人员',
  makeup: '补学',
  exclusions: meetingLabels.exclusions,
  guests: meetingLabels.guests,
  agenda: meetingLabels.agenda,
  decisions: meetingLabels.decisions,
  votes: meetingLabels.votes,
  followUps: '决议办结',
  'orgLife.plan': fieldLabelsFor('orgLife:save').plan,
  'orgLife.planApprovedOn': fieldLabelsFor('orgLife:save').planApprovedOn,
  'orgLife.problems': fieldLabelsFor('orgLife:save').problems,
  'orgLife.selfReviews': fieldLabelsFor('orgLife:save').selfReviews,
  'orgLife.rectifications': fieldLabelsFor('orgLife:save').rectifications,
  'democraticReview.grades': `民主评议${fieldLabelsFor('democraticReview:save').grades}`,
  'talk.form': fieldLabelsFor('talks:save').form,
  'talk.participants': fieldLabelsFor('talks:save').participants,
  attachments: '附件',
};

function meetingSubject(store: Store): TrailSubject {
  const nameOf = (memberId: number) => store.members.get(memberId)?.name ?? `编号 ${memberId}`;
  return {
    type: 'meeting',
    labels: MEETING_TRAIL_LABELS,
    label: (snapshot) => `${text(snapshot.heldOn)} ${text(snapshot.typesText)}`.trim(),
    snapshot(id) {
      const meeting = store.meetings.get(id);
      if (!meeting) return null;
      const marked = (status: string) => meeting.attendance.filter((entry) => entry.status === status);
      const orgLife = store.orgLife.get(id);
      const review = store.democraticReview.get(id);
      const talk = store.talks.get(id);
      const types = [...meeting.types].sort((a, b) => MEETING_TYPES.indexOf(a) - MEETING_TYPES.indexOf(b));
      return {
        typesText: types.map((type) => MEETING_TYPE_LABELS[type]).join('、'),
        types: trailList(types, (type) => type, (type) => MEETING_TYPE_LABELS[type]),
        heldOn: meeting.heldOn,
        startsAt: meeting.startsAt,
        endsAt: meeting.endsAt,
        location: meeting.location,
        topic: meeting.topic,
        partyGroupId: meeting.partyGroupId === null ? null : (store.groups.get(meeting.partyGroupId)?.name ?? `编号 ${meeting.partyGroupId}`),
        hostName: meeting.hostName,
        recorderName: meeting.recorderName,
        lecturerName: meeting.lecturerName,
        lectureTitle: meeting.lectureTitle,
        recordedOn: meeting.recordedOn,
        summary: meeting.summary,
        present: trailNames(marked('present').map((entry) => nameOf(entry.memberId))),
        leave: trailList(
          marked('leave'),
          (entry) => entry.memberId,
          (entry) => `${nameOf(entry.memberId)}${bracket([entry.leaveKind && LEAVE_KIND_LABELS[entry.leaveKind], entry.reason])}`,
        ),
        absent: trailList(marked('absent'), (entry) => entry.memberId, (entry) => `${nameOf(entry.memberId)}${bracket([entry.reason])}`),
        makeup: trailList(
          meeting.attendance.filter((entry) => entry.makeupOn),
          (entry) => entry.memberId,
          (entry) => `${nameOf(entry.memberId)} ${entry.makeupOn}${bracket([entry.makeupBy && `传达人 ${entry.makeupBy}`, entry.makeupMethod])}`,
        ),
        exclusions: trailList(meeting.exclusions, (entry) => entry.memberId, (entry) => `${nameOf(entry.memberId)}（${entry.reason}）`),
        guests: trailList(meeting.guests, (guest) => `${guest.kind}:${guest.name}`, (guest) => `${guest.name}${bracket([GUEST_KIND_LABELS[guest.kind], guest.note])}`),
        agenda: trailList(meeting.agenda, (item) => item.title, (item) => item.title, (item) => item.speeches),
        decisions: trailList(
          meeting.decisions,
          (decision) => decision.id,
          (decision) => `${decision.text}${bracket([decision.ownerName && `负责人 ${decision.ownerName}`, decision.dueOn && `期限 ${decision.dueOn}`])}`,
          (decision) => decision.agendaPosition,
        ),
        votes: trailList(
          meeting.votes,
          (vote) => vote.subject,
          (vote) =>
            `${vote.subject}：赞成 ${vote.yes}，反对 ${vote.no}，弃权 ${vote.abstain}${vote.writtenYes || vote.writtenNo ? `，书面同意 ${vote.writtenYes}，书面反对 ${vote.writtenNo}` : ''}`,
          (vote) => vote.agendaPosition,
        ),
        followUps: trailList(
          meeting.decisions.filter((decision) => decision.closedOn),
          (decision) => decision.id,
          (decision) =>
            `“${shortText(decision.text)}”${decision.closedOn} 办结${bracket([decision.closedNote, decision.closedMeeting && `在 ${decision.closedMeeting.heldOn} 的会议上汇报`])}`,
        ),
        'orgLife.plan': orgLife?.plan ?? null,
        'orgLife.planApprovedOn': orgLife?.planApprovedOn ?? null,
        'orgLife.problems': trailList(
          orgLife?.problems ?? [],
          (problem) => problem.id,
          (problem) => `${problem.text}（${PROBLEM_CATEGORY_LABELS[problem.category]}，${PROBLEM_SOURCE_LABELS[problem.source]}）`,
        ),
        'orgLife.selfReviews': trailList(
          (orgLife?.selfReviews ?? []).filter((entry) => entry.submitted),
          (entry) => entry.memberId,
          (entry) => `${nameOf(entry.memberId)} 已提交${entry.submittedOn ? ` ${entry.submittedOn}` : ''}`,
          (entry) => entry.summary,
        ),
        'orgLife.rectifications': trailList(
          orgLife?.rectifications ?? [],
          (item) => item.id,
          (item) => `${item.measure}：${RECTIFICATION_STATUS_LABELS[item.status]}${item.doneOn ? ` ${item.doneOn}` : ''}`,
          (item) => [item.problemId, item.ownerName, item.dueOn, item.note],
        ),
        'democraticReview.grades': trailList(
          review?.grades ?? [],
          (entry) => entry.memberId,
          (entry) => `${nameOf(entry.memberId)}：${REVIEW_GRADE_LABELS[entry.grade]}${bracket([entry.note])}`,
        ),
        'talk.form': talk?.form ? TALK_FORM_LABELS[talk.form] : null,
        'talk.participants': trailNames((talk?.participants ?? []).map((participant) => participant.name)),
        attachments: trailList(store.attachments.ofMeeting(id), (item) => item.id, (item) => `${item.fileName}（${ATTACHMENT_KIND_LABELS[item.kind]}）`),
      };
    },
  };
}

// ---- members, with their dated history and 党小组 ----

const MEMBER_TRAIL_LABELS: Record<string, string> = {
  name: MEMBER_FIELD_LABELS.name,
  gender: MEMBER_FIELD_LABELS.gender,
  ethnicity: MEMBER_FIELD_LABELS.ethnicity,
  birthDate: MEMBER_FIELD_LABELS.birthDate,
  idNumber: MEMBER_FIELD_LABELS.idNumber,
  nativePlace: MEMBER_FIELD_LABELS.nativePlace,
  education: MEMBER_FIELD_LABELS.education,
  degree: MEMBER_FIELD_LABELS.degree,
  workStartedOn: MEMBER_FIELD_LABELS.workStartedOn,
  workplace: MEMBER_FIELD_LABELS.workplace,
  personCategory: MEMBER_FIELD_LABELS.personCategory,
  category: MEMBER_FIELD_LABELS.category,
  admittedOn: MEMBER_FIELD_LABELS.admittedOn,
  confirmedOn: MEMBER_FIELD_LABELS.confirmedOn,
  partyGroupId: MEMBER_FIELD_LABELS.partyGroupId,
  phone: MEMBER_FIELD_LABELS.phone,
  note: MEMBER_FIELD_LABELS.note,
  events: '党员变动',
};

function memberSubject(store: Store): TrailSubject {
  return {
    type: 'member',
    labels: MEMBER_TRAIL_LABELS,
    label: (snapshot) => `党员 ${text(snapshot.name)}`,
    snapshot(id) {
      const member = store.members.get(id);
      if (!member) return null;
      const events = store.memberEvents.forMember(id);
      const dated = (kind: string) => events.find((event) => event.kind === kind)?.occurredOn ?? null;
      const groupId = store.groups.currentGroupOf(id);
      return {
        name: member.name,
        gender: GENDER_LABELS[member.gender],
        ethnicity: member.ethnicity,
        birthDate: member.birthDate,
        // Sensitive values are masked before they reach the log (the log is searchable and exportable later).
        idNumber: member.idNumber ? maskIdNumber(member.idNumber) : null,
        nativePlace: member.nativePlace,
        education: member.education,
        degree: member.degree,
        workStartedOn: member.workStartedOn,
        workplace: member.workplace,
        personCategory: member.personCategory,
        category: MEMBER_CATEGORY_LABELS[member.category],
        admittedOn: dated('admitted'),
        confirmedOn: dated('confirmed'),
        partyGroupId: groupId === null ? null : (store.groups.get(groupId)?.name ?? `编号 ${groupId}`),
        phone: member.phone ? maskPhone(member.phone) : null,
        note: member.note,
        events: trailList(
          events.filter((event) => event.kind !== 'admitted' && event.kind !== 'confirmed'),
          (event) => event.id,
          (event) => `${event.occurredOn} ${MEMBER_EVENT_LABELS[event.kind]}${event.untilOn ? ` 至 ${event.untilOn}` : ''}${bracket([event.detail])}`,
          (event) => event.note,
        ),
      };
    },
  };
}

// ---- branch, committee terms with their seats, 党小组 ----

const branchLabels = fieldLabelsFor('branch:update');
const BRANCH_TRAIL_LABELS: Record<string, string> = {
  name: branchLabels.name,
  kind: branchLabels.kind,
  parentOrg: branchLabels.parentOrg,
  foundedOn: branchLabels.foundedOn,
  contactPerson: branchLabels.contactPerson,
  contactPhone: branchLabels.contactPhone,
};

function branchSubject(store: Store): TrailSubject {
  return {
    type: 'branch',
    labels: BRANCH_TRAIL_LABELS,
    label: (snapshot) => `支部信息 ${text(snapshot.name)}`,
    snapshot() {
      const branch = store.branch.get();
      if (!branch) return null;
      return {
        name: branch.name,
        kind: BRANCH_KIND_LABELS[branch.kind],
        parentOrg: branch.parentOrg,
        foundedOn: branch.foundedOn,
        contactPerson: branch.contactPerson,
        contactPhone: branch.contactPhone ? maskPhone(branch.contactPhone) : null,
      };
    },
  };
}

const termLabels = fieldLabelsFor('committee:create');
const TERM_TRAIL_LABELS: Record<string, string> = { seq: termLabels.seq, startsOn: termLabels.startsOn, endsOn: termLabels.endsOn, seats: '支委会委员' };

function committeeTermSubject(store: Store): TrailSubject {
  return {
    type: 'committeeTerm',
    labels: TERM_TRAIL_LABELS,
    label: (snapshot) => `第${text(snapshot.seqText)}届支委会`,
    snapshot(id) {
      const term = store.branch.term(id);
      if (!term) return null;
      return {
        seqText: String(term.seq),
        seq: `第${term.seq}届`,
        startsOn: term.startsOn,
        endsOn: term.endsOn,
        seats: trailList(
          store.committee.seatsOfTerm(id),
          (seat) => seat.id,
          (seat) => `${seat.memberName}（${COMMITTEE_ROLE_LABELS[seat.role]}，${seat.startsOn} 起${seat.endsOn ? ` 至 ${seat.endsOn}` : ''}）`,
        ),
      };
    },
  };
}

const groupLabels = fieldLabelsFor('groups:update');
const GROUP_TRAIL_LABELS: Record<string, string> = { name: groupLabels.name, foundedOn: groupLabels.foundedOn, leaderId: groupLabels.leaderId, dissolvedOn: groupLabels.dissolvedOn };

function groupSubject(store: Store): TrailSubject {
  return {
    type: 'group',
    labels: GROUP_TRAIL_LABELS,
    label: (snapshot) => `党小组 ${text(snapshot.name)}`,
    snapshot(id) {
      const group = store.groups.get(id);
      if (!group) return null;
      return { name: group.name, foundedOn: group.foundedOn, leaderId: group.leaderName, dissolvedOn: group.dissolvedOn };
    },
  };
}

// ---- the recorder ----

/** A write that creates a record returns its id, or the record (with an id). */
type Created = number | { id: number };
const idOf = (result: Created) => (typeof result === 'number' ? result : result.id);

/** The four ways a write path changes one record; each returns what `write` returns. */
export interface TrailFor {
  create<T extends Created>(write: () => T, note?: string | null): T;
  update<T>(id: number, write: () => T, note?: string | null): T;
  delete<T>(id: number, write: () => T, note?: string | null): T;
  restore<T>(id: number, write: () => T, note?: string | null): T;
}

/**
 * The edit trail for services. Call it inside the transaction of the change (the repo refuses
 * otherwise); `trail.for(subject)` takes a kind of record defined elsewhere (e.g. assessments).
 */
export function createEditTrail({ store, clock }: Pick<ServiceContext, 'store' | 'clock'>) {
  function log(subject: TrailSubject, id: number, action: EditAction, before: TrailSnapshot | null, after: TrailSnapshot | null, note: string | null) {
    const named = after ?? before;
    if (!named) return;
    // A restored record comes back exactly as it was deleted: the entry says so without repeating every field.
    const changes = action === 'restore' ? [] : diffSnapshots(before, after, subject.labels);
    if (action === 'update' && changes.length === 0) return;
    const label = subject.label(named, id);
    store.editTrail.insert({
      entityType: subject.type,
      entityId: id,
      label,
      action,
      at: clock().toISOString(),
      note,
      changes,
      searchText: trailSearchText(label, note, changes),
    });
  }

  function trailFor(subject: TrailSubject): TrailFor {
    return {
      create(write, note = null) {
        const result = write();
        const id = idOf(result);
        log(subject, id, 'create', null, subject.snapshot(id), note);
        return result;
      },
      update(id, write, note = null) {
        const before = subject.snapshot(id);
        const result = write();
        // A record that did not exist before is left to the write to refuse; nothing to compare.
        if (before) log(subject, id, 'update', before, subject.snapshot(id), note);
        return result;
      },
      delete(id, write, note = null) {
        const before = subject.snapshot(id);
        const result = write();
        if (before) log(subject, id, 'delete', before, null, note);
        return result;
      },
      restore(id, write, note = null) {
        const result = write();
        log(subject, id, 'restore', null, subject.snapshot(id), note);
        return result;
      },
    };
  }

  return {
    meeting: trailFor(meetingSubject(store)),
    member: trailFor(memberSubject(store)),
    branch: trailFor(branchSubject(store)),
    committeeTerm: trailFor(committeeTermSubject(store)),
    group: trailFor(groupSubject(store)),
    for: trailFor,
  };
}

export type EditTrail = ReturnType<typeof createEditTrail>;

