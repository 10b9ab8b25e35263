import type { z } from 'zod';
import { COMMITTEE_ROLE_LABELS, type CommitteeRole } from '../../shared/domain/branch';
import { addYears, todayIso } from '../../shared/domain/dates';
import { maskIdNumber } from '../../shared/domain/idNumber';
import { ageOn, partyStandingYears } from '../../shared/domain/member';
import { AppError } from '../../shared/contract/errors';
import { MEMBER_FIELD_LABELS } from '../../shared/contract/labels';
import type { memberCreateInput, memberListInput, memberUpdateInput, MemberListItem, MemberValues } from '../../shared/contract/members';
import type { ServiceContext } from './context';
import { ProblemList } from './validation';

type ListInput = z.output<typeof memberListInput>;
type UpdateValues = z.output<typeof memberUpdateInput>;
type CreateValues = z.output<typeof memberCreateInput>;

const ADMISSION_AGE = 18;
const PROBATION_YEARS = 1;

export function createMembersService({ store, clock }: ServiceContext) {
  /** Rules across fields and against the roster; throws VALIDATION or CONFLICT, writes nothing. */
  function check(values: MemberValues, today: string, selfId: number | null) {
    const problems = new ProblemList(MEMBER_FIELD_LABELS);
    for (const field of ['birthDate', 'admittedOn', 'confirmedOn'] as const) {
      const value = values[field];
      if (value && value > today) problems.add(field, '不能晚于今天');
    }
    if (values.admittedOn && values.confirmedOn && values.confirmedOn < values.admittedOn) {
      problems.add('confirmedOn', '不能早于入党时间');
    }
    if (values.birthDate && values.admittedOn && addYears(values.birthDate, ADMISSION_AGE) > values.admittedOn) {
      problems.add('admittedOn', `入党时应年满${ADMISSION_AGE}周岁，请核对入党时间或出生日期`);
    }
    if (values.category === 'probationary' && values.confirmedOn && values.confirmedOn <= today) {
      problems.add('category', '已填写转正时间，党员类别应为正式党员');
    }
    if (values.category === 'full' && !values.confirmedOn && values.admittedOn && addYears(values.admittedOn, PROBATION_YEARS) > today) {
      problems.add('category', '入党未满一年，应为预备党员');
    }
    if (values.partyGroupId !== null && !store.groups.exists(values.partyGroupId)) {
      problems.add('partyGroupId', '所选党小组不存在，请重新选择');
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

  return {
    list(input: ListInput): MemberListItem[] {
      const today = todayIso(clock());
      return store.members.roster(input?.query ?? '', today).map(({ idNumber, note: _note, createdAt: _createdAt, committeeRole, ...member }) => ({
        ...member,
        idNumberMasked: idNumber ? maskIdNumber(idNumber) : null,
        age: ageOn(member.birthDate, today),
        partyStandingYears: partyStandingYears(member.confirmedOn, today),
        committeeRole: committeeRole ? COMMITTEE_ROLE_LABELS[committeeRole as CommitteeRole] : null,
      }));
    },

    get({ id }: { id: number }) {
      const member = store.members.get(id);
      if (!member) throw new AppError('NOT_FOUND', '该党员不存在，可能已被删除。请刷新名单。');
      return member;
    },

    create(values: CreateValues) {
      return store.transaction(() => {
        check(values, todayIso(clock()), null);
        return store.members.insert(values, clock().toISOString());
      });
    },

    update({ id, ...values }: UpdateValues) {
      return store.transaction(() => {
        if (!store.members.get(id)) throw new AppError('NOT_FOUND', '该党员不存在，可能已被删除。请刷新名单。');
        check(values, todayIso(clock()), id);
        return store.members.update(id, values, clock().toISOString())!;
      });
    },

    /** For removing a mistaken entry only: a member named in any record stays (转出 comes later). */
    delete({ id }: { id: number }) {
      return store.transaction(() => {
        const member = store.members.get(id);
        if (!member) throw new AppError('NOT_FOUND', '该党员不存在，可能已被删除。请刷新名单。');
        const references = store.members.referenceCount(id);
        if (references > 0) {
          throw new AppError('CONFLICT', `“${member.name}”已出现在 ${references} 条会议或支委会记录中，不能删除。党员离开本支部请办理转出，历史记录会保留。`);
        }
        store.members.delete(id);
        return { id };
      });
    },
  };
}
