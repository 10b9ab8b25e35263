import type { z } from 'zod';
import type { CommitteeTermDetail, committeeSeatInput, committeeSeatUpdateInput, committeeTermInput, committeeTermUpdateInput } from '../../shared/contract/committee';
import { AppError } from '../../shared/contract/errors';
import { fieldLabelsFor } from '../../shared/contract/labels';
import { COMMITTEE_ROLE_LABELS, type CommitteeRole } from '../../shared/domain/branch';
import { addDays, todayIso } from '../../shared/domain/dates';
import { memberStateOn } from '../../shared/domain/memberHistory';
import type { ServiceContext } from './context';
import { createEditTrail } from './editTrail';
import { ProblemList } from './validation';

type TermValues = z.output<typeof committeeTermInput>;
type TermUpdate = z.output<typeof committeeTermUpdateInput>;
type SeatValues = z.output<typeof committeeSeatInput>;
type SeatUpdate = z.output<typeof committeeSeatUpdateInput>;

/** Roles held by one person at a time in a term. */
const SINGLE_HOLDER: CommitteeRole[] = ['secretary', 'deputySecretary'];

const overlaps = (aStart: string, aEnd: string | null, bStart: string, bEnd: string | null) =>
  (bEnd === null || aStart < bEnd) && (aEnd === null || bStart < aEnd);

export function createCommitteeService({ store, clock }: ServiceContext) {
  const labels = fieldLabelsFor('committeeSeats:create');
  const trail = createEditTrail({ store, clock });

  function checkTerm(values: TermValues, selfId: number | null) {
    const problems = new ProblemList(fieldLabelsFor('committee:create'));
    if (store.branch.terms().some((term) => term.seq === values.seq && term.id !== selfId)) problems.add('seq', `第${values.seq}届已登记`);
    problems.throwIfAny();
  }

  function checkSeat(termId: number, memberId: number, role: CommitteeRole, startsOn: string, endsOn: string | null, selfId: number | null) {
    const term = store.branch.term(termId);
    if (!term) throw new AppError('NOT_FOUND', '该届支委会不存在，可能已被删除。');
    const member = store.members.get(memberId);
    if (!member) throw new AppError('NOT_FOUND', '所选党员不存在。');
    const problems = new ProblemList(labels);
    if (startsOn < term.startsOn || startsOn > term.endsOn) problems.add('startsOn', `应在本届任期内（${term.startsOn} 至 ${term.endsOn}）`);
    if (endsOn !== null && endsOn < startsOn) problems.add('endsOn', '不能早于任职日期');
    const state = memberStateOn(store.memberEvents.forMember(memberId), member.category, startsOn);
    if (!state.belongs) problems.add('memberId', `${member.name}在${startsOn}不是本支部党员`);
    else if (state.category !== 'full') problems.add('memberId', `${member.name}当时是预备党员，支委会委员应为正式党员`);
    const others = store.committee.seatsOfTerm(termId).filter((seat) => seat.id !== selfId && overlaps(startsOn, endsOn, seat.startsOn, seat.endsOn));
    if (others.some((seat) => seat.memberId === memberId)) problems.add('memberId', `${member.name}在这段时间已担任本届支委会职务`);
    if (SINGLE_HOLDER.includes(role)) {
      const holder = others.find((seat) => seat.role === role);
      if (holder) problems.add('role', `${holder.memberName}在这段时间担任${COMMITTEE_ROLE_LABELS[role]}，请先填写其离任日期`);
    }
    problems.throwIfAny();
    return member;
  }

  return {
    list(): CommitteeTermDetail[] {
      const today = todayIso(clock());
      const current = store.branch.termOn(today);
      return store.branch.terms().map((term) => ({ ...term, seats: store.committee.seatsOfTerm(term.id), current: term.id === current?.id }));
    },

    /**
     * 换届: a new term; the previous one keeps its seats as history. An election before the old
     * term's end date ends that term the day before, so two committees are never in office at once.
     */
    create(values: TermValues) {
      return store.transaction(() => {
        checkTerm(values, null);
        const problems = new ProblemList(fieldLabelsFor('committee:create'));
        const terms = store.branch.terms();
        const later = terms.find((term) => term.startsOn >= values.startsOn && term.startsOn <= values.endsOn);
        if (later) problems.add('startsOn', `与第${later.seq}届的任期（${later.startsOn} 至 ${later.endsOn}）重叠`);
        const previous = terms.find((term) => term.startsOn < values.startsOn && term.endsOn >= values.startsOn);
        const previousEnd = addDays(values.startsOn, -1);
        const lateSeat = previous && store.committee.seatsOfTerm(previous.id).find((seat) => seat.startsOn > previousEnd);
        if (previous && lateSeat) problems.add('startsOn', `第${previous.seq}届的${lateSeat.memberName}自 ${lateSeat.startsOn} 任职，新一届应在这一天之后开始`);
        problems.throwIfAny();
        if (previous) trail.committeeTerm.update(previous.id, () => store.branch.updateTerm(previous.id, previous.seq, previous.startsOn, previousEnd), `第${values.seq}届换届`);
        return store.branch.term(trail.committeeTerm.create(() => store.branch.insertTerm(values.seq, values.startsOn, values.endsOn)))!;
      });
    },

    update({ id, ...values }: TermUpdate) {
      return store.transaction(() => {
        if (!store.branch.term(id)) throw new AppError('NOT_FOUND', '该届支委会不存在，可能已被删除。');
        checkTerm(values, id);
        const overlapping = store.branch.terms().find((term) => term.id !== id && term.startsOn <= values.endsOn && values.startsOn <= term.endsOn);
        if (overlapping) {
          throw new AppError('VALIDATION', `任期与第${overlapping.seq}届（${overlapping.startsOn} 至 ${overlapping.endsOn}）重叠。`, [
            { path: 'startsOn', label: '任期开始日期', message: `与第${overlapping.seq}届的任期重叠` },
          ]);
        }
        const outside = store.committee.seatsOfTerm(id).find((seat) => seat.startsOn < values.startsOn || seat.startsOn > values.endsOn);
        if (outside) throw new AppError('CONFLICT', `${outside.memberName}的任职日期 ${outside.startsOn} 不在新的任期内，请先调整其任职日期。`);
        trail.committeeTerm.update(id, () => store.branch.updateTerm(id, values.seq, values.startsOn, values.endsOn));
        return store.branch.term(id)!;
      });
    },

    createSeat(values: SeatValues) {
      return store.transaction(() => {
        const member = checkSeat(values.termId, values.memberId, values.role, values.startsOn, null, null);
        return trail.committeeTerm.update(values.termId, () => store.committee.insert({ ...values, memberName: member.name }));
      });
    },

    updateSeat({ id, ...values }: SeatUpdate) {
      return store.transaction(() => {
        const seat = store.committee.get(id);
        if (!seat) throw new AppError('NOT_FOUND', '该任职记录不存在，可能已被删除。');
        checkSeat(seat.termId, seat.memberId, values.role, values.startsOn, values.endsOn, id);
        return trail.committeeTerm.update(seat.termId, () => store.committee.update(id, values));
      });
    },

    deleteSeat({ id }: { id: number }) {
      return store.transaction(() => {
        const seat = store.committee.get(id);
        if (!seat || !trail.committeeTerm.update(seat.termId, () => store.committee.delete(id))) throw new AppError('NOT_FOUND', '该任职记录不存在，可能已被删除。');
        return { id };
      });
    },
  };
}
