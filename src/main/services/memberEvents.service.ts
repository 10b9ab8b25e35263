import type { z } from 'zod';
import { AppError } from '../../shared/contract/errors';
import { fieldLabelsFor } from '../../shared/contract/labels';
import type { memberEventCreateInput } from '../../shared/contract/memberEvents';
import { todayIso } from '../../shared/domain/dates';
import { historyProblems, MEMBER_EVENT_LABELS, type MemberEventKind } from '../../shared/domain/memberHistory';
import type { ServiceContext } from './context';
import { createEditTrail } from './editTrail';
import { ProblemList } from './validation';

type CreateValues = z.output<typeof memberEventCreateInput>;

/** Leaving the branch ends 党小组 membership on that day. */
const LEAVING: MemberEventKind[] = ['transferredOut', 'membershipStopped', 'deceased'];

export function createMemberEventsService({ store, clock }: ServiceContext) {
  const trail = createEditTrail({ store, clock });
  function requireMember(memberId: number) {
    const member = store.members.get(memberId);
    if (!member) throw new AppError('NOT_FOUND', '该党员不存在，可能已被删除。请刷新名单。');
    return member;
  }

  return {
    list({ memberId }: { memberId: number }) {
      requireMember(memberId);
      return store.memberEvents.forMember(memberId);
    },

    create(values: CreateValues) {
      return store.transaction(() => trail.member.update(values.memberId, () => {
        requireMember(values.memberId);
        const existing = store.memberEvents.forMember(values.memberId);
        const candidate = [...existing, { kind: values.kind, occurredOn: values.occurredOn, untilOn: values.untilOn, detail: values.detail }];
        const problems = new ProblemList(fieldLabelsFor('memberEvents:create'));
        for (const problem of historyProblems(candidate, todayIso(clock()))) {
          if (problem.index === existing.length) problems.add(problem.field, problem.message);
        }
        problems.throwIfAny();
        const event = store.memberEvents.insert({ ...values }, clock().toISOString());
        if (LEAVING.includes(values.kind)) store.groups.moveMember(values.memberId, null, values.occurredOn);
        return event;
      }));
    },

    /** Removes a mistaken entry, as long as the rest of the history still makes sense without it. */
    delete({ id }: { id: number }) {
      return store.transaction(() => {
        const event = store.memberEvents.get(id);
        if (!event) throw new AppError('NOT_FOUND', '该变动记录不存在，可能已被删除。');
        const remaining = store.memberEvents.forMember(event.memberId).filter((other) => other.id !== id);
        const broken = historyProblems(remaining, todayIso(clock()));
        if (broken.length > 0) {
          const other = remaining[broken[0].index];
          throw new AppError(
            'CONFLICT',
            `删除这条“${MEMBER_EVENT_LABELS[event.kind]}”后，${other.occurredOn}的“${MEMBER_EVENT_LABELS[other.kind]}”会前后矛盾（${broken[0].message}）。请先删除后面的记录。`,
          );
        }
        trail.member.update(event.memberId, () => {
          store.memberEvents.delete(id);
          // Undoing a mistaken 转出/停止党籍/去世 also undoes the end of the 党小组 membership it caused.
          if (LEAVING.includes(event.kind)) store.groups.reopenEndedOn(event.memberId, event.occurredOn);
        });
        return { id };
      });
    },
  };
}
