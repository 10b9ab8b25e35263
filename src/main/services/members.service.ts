import { pinyin } from 'pinyin-pro';
import type { z } from 'zod';
import { AppError } from '../../shared/contract/errors';
import { MEMBER_FIELD_LABELS } from '../../shared/contract/labels';
import type { Member, MemberListItem, MemberStateSummary, MemberView, SensitiveField, memberCreateInput, memberListInput, memberUpdateInput } from '../../shared/contract/members';
import type { MemberEventRecord } from '../../shared/contract/memberEvents';
import { COMMITTEE_ROLE_LABELS } from '../../shared/domain/branch';
import { addYears, todayIso } from '../../shared/domain/dates';
import { maskIdNumber } from '../../shared/domain/idNumber';
import { ageOn, partyStandingYears } from '../../shared/domain/member';
import { maskPhone } from '../../shared/domain/phone';
import { historyProblems, memberStateOn, type MemberEvent } from '../../shared/domain/memberHistory';
import type { MemberFields, MemberRecord } from '../store/repos/members.repo';
import type { ServiceContext } from './context';
import { createEditTrail } from './editTrail';
import { ProblemList } from './validation';

type ListInput = z.output<typeof memberListInput>;
type CreateValues = z.output<typeof memberCreateInput>;
type UpdateValues = z.output<typeof memberUpdateInput>;

const ADMISSION_AGE = 18;

const NOT_FOUND = '该党员不存在，可能已被删除。请刷新名单。';

function fieldsOf(values: CreateValues): MemberFields {
  const { admittedOn: _admitted, confirmedOn: _confirmed, partyGroupId: _group, ...fields } = values;
  return fields;
}

/** What leaves the core for one member: the personal numbers masked (see members:revealSensitive). */
export function memberView({ idNumber, phone, ...rest }: Member): MemberView {
  return { ...rest, idNumberMasked: idNumber ? maskIdNumber(idNumber) : null, phoneMasked: phone ? maskPhone(phone) : null };
}

/** Pinyin initials of a name (陈建华 -> cjh), so a search for "cjh" finds him. */
const initialsCache = new Map<string, string>();
function initialsOf(name: string): string {
  let initials = initialsCache.get(name);
  if (initials === undefined) {
    initials = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase();
    initialsCache.set(name, initials);
  }
  return initials;
}

/**
 * The 花名册 order: 在册 first — 正式党员 by 入党时间, then 预备党员, undated last — then those who
 * left, in the same order. Lists and exports share it.
 */
export function rosterOrder(a: Member, b: Member): number {
  return (
    Number(!a.state.belongs) - Number(!b.state.belongs) ||
    Number(a.state.category === 'probationary') - Number(b.state.category === 'probationary') ||
    (a.admittedOn ?? '9999').localeCompare(b.admittedOn ?? '9999') ||
    a.id - b.id
  );
}

export function createMembersService({ store, clock }: ServiceContext) {
  const trail = createEditTrail({ store, clock });
  const today = () => todayIso(clock());

  /** 党内职务 held on a date: committee seats of the term in force, and 党小组组长. */
  function partyPostsOn(date: string): Map<number, string[]> {
    const posts = new Map<number, string[]>();
    const add = (memberId: number, post: string) => posts.set(memberId, [...(posts.get(memberId) ?? []), post]);
    for (const seat of store.committee.allSeatsOn(date)) add(seat.memberId, COMMITTEE_ROLE_LABELS[seat.role]);
    for (const group of store.groups.list()) if (group.leaderId !== null) add(group.leaderId, '党小组组长');
    return posts;
  }

  function stateSummary(events: readonly MemberEvent[], record: MemberRecord, date: string): MemberStateSummary {
    const { status, category, belongs, entitledToVote, probationEndsOn, flowing, lostContact, partyProbation } = memberStateOn(events, record.category, date);
    return { status, category, belongs, entitledToVote, probationEndsOn, flowing, lostContact, partyProbation };
  }

  function toMember(record: MemberRecord, events: MemberEventRecord[], groupId: number | null, posts: string[], date: string): Member {
    return {
      ...record,
      admittedOn: events.find((event) => event.kind === 'admitted')?.occurredOn ?? null,
      confirmedOn: events.find((event) => event.kind === 'confirmed')?.occurredOn ?? null,
      partyGroupId: groupId,
      state: stateSummary(events, record, date),
      partyPosts: posts,
    };
  }

  /** Every member with computed state, for rosters, counts and exports. */
  function roster(date: string): Member[] {
    const events = store.memberEvents.byMember();
    const groups = store.groups.currentGroups();
    const posts = partyPostsOn(date);
    return store.members.all().map((record) => toMember(record, events.get(record.id) ?? [], groups.get(record.id) ?? null, posts.get(record.id) ?? [], date));
  }

  /** Rules across fields and against the roster and history; throws VALIDATION or CONFLICT. */
  function check(values: CreateValues, otherEvents: MemberEvent[], selfId: number | null) {
    const date = today();
    const problems = new ProblemList(MEMBER_FIELD_LABELS);
    for (const field of ['birthDate', 'admittedOn', 'confirmedOn', 'workStartedOn'] as const) {
      const value = values[field];
      if (value && value > date) problems.add(field, '不能晚于今天');
    }
    if (values.admittedOn && values.confirmedOn && values.confirmedOn < values.admittedOn) problems.add('confirmedOn', '不能早于入党时间');
    else if (values.admittedOn && values.confirmedOn && values.confirmedOn < addYears(values.admittedOn, 1) && !otherEvents.some((e) => e.kind === 'probationExtended')) {
      problems.add('confirmedOn', `预备期为一年，转正时间不能早于 ${addYears(values.admittedOn, 1)}`);
    }
    if (values.birthDate && values.admittedOn && addYears(values.birthDate, ADMISSION_AGE) > values.admittedOn) {
      problems.add('admittedOn', `入党时应年满${ADMISSION_AGE}周岁，请核对入党时间或出生日期`);
    }
    if (values.category === 'probationary' && values.confirmedOn && values.confirmedOn <= date) {
      problems.add('category', '已填写转正时间，党员类别应为正式党员');
    }
    if (values.category === 'full' && !values.confirmedOn && values.admittedOn && addYears(values.admittedOn, 1) > date) {
      problems.add('category', '入党未满一年，应为预备党员');
    }
    if (values.partyGroupId !== null) {
      const group = store.groups.get(values.partyGroupId);
      if (!group) problems.add('partyGroupId', '所选党小组不存在，请重新选择');
      else if (group.dissolvedOn) problems.add('partyGroupId', `“${group.name}”已撤销，请选择其他党小组`);
    }
    problems.throwIfAny();

    // The rest of the member's history must still make sense around the new 入党/转正 dates.
    const dated: MemberEvent[] = [...otherEvents];
    if (values.admittedOn) dated.push({ kind: 'admitted', occurredOn: values.admittedOn });
    if (values.confirmedOn) dated.push({ kind: 'confirmed', occurredOn: values.confirmedOn });
    for (const problem of historyProblems(dated, date)) {
      const event = dated[problem.index];
      if (event.kind === 'admitted') problems.add('admittedOn', problem.message);
      else if (event.kind === 'confirmed') problems.add('confirmedOn', problem.message);
    }
    problems.throwIfAny();

    if (values.idNumber) {
      const holder = store.members.findByIdNumber(values.idNumber);
      if (holder && holder.id !== selfId) {
        throw new AppError('CONFLICT', `该公民身份号码已登记在党员“${holder.name}”名下，不能重复登记。`, [
          { path: 'idNumber', label: MEMBER_FIELD_LABELS.idNumber, message: `已登记在党员“${holder.name}”名下` },
        ]);
      }
    }
  }

  /** A move between 党小组 takes effect on a past or present day after the current membership began. */
  function checkGroupChange(memberId: number, groupId: number | null, changedOn: string | null) {
    const open = store.groups.openMembershipOf(memberId);
    if (!changedOn || open?.groupId === groupId) return;
    const problems = new ProblemList(MEMBER_FIELD_LABELS);
    if (changedOn > today()) problems.add('groupChangedOn', '不能晚于今天');
    if (open?.fromOn && changedOn < open.fromOn) problems.add('groupChangedOn', `不能早于编入现党小组的日期 ${open.fromOn}`);
    problems.throwIfAny();
  }

  function writeDatesAndGroup(memberId: number, values: CreateValues, groupFrom: string | null, now: string) {
    store.memberEvents.setSingleDated(memberId, 'admitted', values.admittedOn, null, now);
    store.memberEvents.setSingleDated(memberId, 'confirmed', values.confirmedOn, null, now);
    store.groups.moveMember(memberId, values.partyGroupId, groupFrom);
  }

  function getMember(id: number): Member {
    const record = store.members.get(id);
    if (!record) throw new AppError('NOT_FOUND', NOT_FOUND);
    const date = today();
    return toMember(record, store.memberEvents.forMember(id), store.groups.currentGroupOf(id), partyPostsOn(date).get(id) ?? [], date);
  }

  return {
    roster,

    list(input: ListInput): MemberListItem[] {
      const date = today();
      const scope = input?.scope ?? 'current';
      const query = input?.query?.toLowerCase() ?? '';
      const groupNames = new Map(store.groups.list(true).map((group) => [group.id, group.name]));
      const rows = roster(date).filter((member) => {
        if (scope === 'current' && !member.state.belongs) return false;
        if (scope === 'left' && (member.state.belongs || member.state.status === 'notJoined')) return false;
        if (input?.category && member.state.category !== input.category) return false;
        if (input?.partyGroupId && member.partyGroupId !== input.partyGroupId) return false;
        if (input?.flowing && !member.state.flowing) return false;
        if (input?.lostContact && !member.state.lostContact) return false;
        // Case-insensitive like the query (a name may hold Latin letters: “张A”, “Anna”).
        return !query || member.name.toLowerCase().includes(query) || initialsOf(member.name).includes(query);
      });
      rows.sort(rosterOrder);
      return rows.map((member) => ({
        id: member.id,
        name: member.name,
        gender: member.gender,
        birthDate: member.birthDate,
        age: ageOn(member.birthDate, date),
        education: member.education,
        workplace: member.workplace,
        admittedOn: member.admittedOn,
        confirmedOn: member.confirmedOn,
        partyStandingYears: member.state.category === 'full' ? partyStandingYears(member.confirmedOn, date) : null,
        category: member.state.category,
        status: member.state.status,
        flowing: member.state.flowing !== null,
        lostContact: member.state.lostContact !== null,
        partyProbation: member.state.partyProbation !== null,
        partyGroupId: member.partyGroupId,
        partyGroupName: member.partyGroupId ? (groupNames.get(member.partyGroupId) ?? null) : null,
        partyPosts: member.partyPosts,
        phoneMasked: member.phone ? maskPhone(member.phone) : null,
        idNumberMasked: member.idNumber ? maskIdNumber(member.idNumber) : null,
      }));
    },

    /** Members in the roster on a date, by category (首页, later quorum and compliance). */
    counts(date: string = today()) {
      const belonging = roster(date).filter((member) => member.state.belongs);
      const full = belonging.filter((member) => member.state.category === 'full').length;
      return { total: belonging.length, full, probationary: belonging.length - full };
    },

    get({ id }: { id: number }): MemberView {
      return memberView(getMember(id));
    },

    /** The full number behind one masked field, for a secretary who clicked 显示. */
    revealSensitive({ id, field }: { id: number; field: SensitiveField }): { value: string | null } {
      const record = store.members.get(id);
      if (!record) throw new AppError('NOT_FOUND', NOT_FOUND);
      return { value: record[field] };
    },

    create(values: CreateValues): MemberView {
      const now = clock().toISOString();
      const id = store.transaction(() => trail.member.create(() => {
        check(values, [], null);
        const memberId = store.members.insert(fieldsOf(values), now);
        // A member entered now has been in the group since joining the branch, not since today.
        writeDatesAndGroup(memberId, values, null, now);
        return memberId;
      }));
      return memberView(getMember(id));
    },

    update({ id, version, groupChangedOn, ...input }: UpdateValues): MemberView {
      const now = clock().toISOString();
      store.transaction(() => trail.member.update(id, () => {
        const record = store.members.get(id);
        if (!record) throw new AppError('NOT_FOUND', NOT_FOUND);
        // A number the form never revealed is not sent: the stored one stays.
        const values: CreateValues = { ...input, idNumber: input.idNumber === undefined ? record.idNumber : input.idNumber, phone: input.phone === undefined ? record.phone : input.phone };
        const others = store.memberEvents.forMember(id).filter((event) => event.kind !== 'admitted' && event.kind !== 'confirmed');
        check(values, others, id);
        checkGroupChange(id, values.partyGroupId, groupChangedOn);
        if (!store.members.update(id, fieldsOf(values), version, now)) {
          throw new AppError('CONFLICT', `“${record.name}”的信息已在其他窗口被修改并保存。请关闭本窗口，重新打开后再修改（本次修改未保存）。`);
        }
        const groupFrom = store.groups.currentGroupOf(id) === null && !groupChangedOn ? null : (groupChangedOn ?? today());
        writeDatesAndGroup(id, values, groupFrom, now);
      }));
      return memberView(getMember(id));
    },

    /** For removing a mistaken entry only: a member named in any record stays (转出 instead). */
    delete({ id }: { id: number }) {
      return store.transaction(() => {
        const member = store.members.get(id);
        if (!member) throw new AppError('NOT_FOUND', NOT_FOUND);
        const references = store.members.referenceCount(id);
        if (references > 0) {
          throw new AppError('CONFLICT', `“${member.name}”已出现在 ${references} 条会议、支委会或党小组记录中，不能删除。党员离开本支部请登记“组织关系转出”，历史记录会保留。`);
        }
        trail.member.delete(id, () => store.members.delete(id));
        return { id };
      });
    },
  };
}

export type MembersService = ReturnType<typeof createMembersService>;
