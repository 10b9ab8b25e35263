import type { z } from 'zod';
import { AppError } from '../../shared/contract/errors';
import { fieldLabelsFor } from '../../shared/contract/labels';
import type { TalkCoverage, TalkDetail, talksSaveInput } from '../../shared/contract/talks';
import { todayIso } from '../../shared/domain/dates';
import { coverageSentence, talkCoverage, type TalkPerson } from '../../shared/domain/talkCoverage';
import type { ServiceContext } from './context';
import { createEditTrail } from './editTrail';
import { conflict, meetingOfType } from './meetingMaterial';
import type { MeetingsService } from './meetings.service';
import { ProblemList } from './validation';

type SaveValues = z.output<typeof talksSaveInput>;

/**
 * 谈心谈话: a meeting record of type heartToHeartTalk plus its participants, and the year's coverage
 * of pairs. Who belongs on a date is the meetings service's 应到 for a branch-wide meeting that day,
 * so talks, attendance and quorum all read the same roster.
 */
export function createTalksService({ store, clock }: ServiceContext, meetings: MeetingsService) {
  const labels = fieldLabelsFor('talks:save');
  const trail = createEditTrail({ store, clock });
  const rosterOn = (date: string) => meetings.expectedOn({ types: ['memberAssembly'], partyGroupId: null, heldOn: date, exclusions: [] }).expected;

  function view(meetingId: number): TalkDetail {
    const record = meetingOfType(meetings, meetingId, 'heartToHeartTalk');
    const stored = store.talks.get(meetingId);
    return { meetingId, heldOn: record.heldOn, version: stored?.version ?? 0, form: stored?.form ?? null, participants: stored?.participants ?? [] };
  }

  return {
    get: ({ meetingId }: { meetingId: number }) => view(meetingId),

    save({ meetingId, version, form, participants }: SaveValues): TalkDetail {
      store.transaction(() => {
        const record = meetingOfType(meetings, meetingId, 'heartToHeartTalk');
        const problems = new ProblemList(labels);
        const roster = new Map(rosterOn(record.heldOn).map((person) => [person.memberId, person.name]));
        const seen = new Set<number>();
        const resolved = participants
          .filter((participant) => participant.memberId !== null || participant.name !== null)
          .map((participant, index) => {
            if (participant.memberId === null) return { memberId: null, name: participant.name! };
            const member = store.members.get(participant.memberId);
            const name = member?.name ?? `编号 ${participant.memberId}`;
            if (!member) problems.add('participants', `第${index + 1}位谈话人员不存在`);
            else if (!roster.has(participant.memberId)) problems.add('participants', `${name}在谈话日期 ${record.heldOn} 不是本支部党员（支部以外的人员请直接填写姓名）`);
            else if (seen.has(participant.memberId)) problems.add('participants', `${name}重复填写了`);
            seen.add(participant.memberId);
            return { memberId: participant.memberId, name };
          });
        if (resolved.length < 2) problems.add('participants', '谈心谈话至少要有两位谈话人员');
        else if (!resolved.some((participant) => participant.memberId !== null)) problems.add('participants', '谈话人员中至少要有一名本支部党员');
        problems.throwIfAny();
        if (!trail.meeting.update(meetingId, () => store.talks.replace(meetingId, version, { form, participants: resolved }, clock().toISOString()))) throw conflict('谈话人员');
      });
      return view(meetingId);
    },

    /**
     * Pairs who talked in `year` among the branch as it stood at the year's end (or today, for the
     * current year): 书记 with each 支委, 支委 with each other, 支委 with each 党员, 党员 with each other.
     */
    coverage({ year }: { year: number }): TalkCoverage {
      const today = todayIso(clock());
      const thisYear = Number(today.slice(0, 4));
      if (year > thisYear) {
        const message = `${year} 年还没有到，请选择 ${thisYear} 年或以前的年度`;
        throw new AppError('VALIDATION', `年度：${message}`, [{ path: 'year', label: '年度', message }]);
      }
      const asOf = year < thisYear ? `${year}-12-31` : today;
      const roster = rosterOn(asOf);
      const seats = store.committee.allSeatsOn(asOf);
      const roleOf = new Map<number, TalkPerson['role']>();
      for (const seat of seats) if (!roleOf.has(seat.memberId)) roleOf.set(seat.memberId, seat.role === 'secretary' ? 'secretary' : 'committee');
      const rank = { secretary: 0, committee: 1, member: 2 } as const;
      const seatOrder = new Map(seats.map((seat, index) => [seat.memberId, index]));
      const people: TalkPerson[] = roster
        .map((person) => ({ memberId: person.memberId, name: person.name, role: roleOf.get(person.memberId) ?? ('member' as const) }))
        .map((person, index) => ({ person, index }))
        .sort((x, y) => rank[x.person.role] - rank[y.person.role] || (seatOrder.get(x.person.memberId) ?? x.index) - (seatOrder.get(y.person.memberId) ?? y.index) || x.index - y.index)
        .map(({ person }) => person);
      const talks = store.talks.ofYear(year).filter((talk) => talk.heldOn <= asOf);
      const { pairs, summary } = talkCoverage(people, talks);
      return {
        year,
        asOf,
        people,
        pairs,
        summary,
        sentence: coverageSentence(summary),
        talks: talks.length,
        talksWithoutParticipants: talks.filter((talk) => talk.memberIds.length === 0).length,
      };
    },
  };
}

export type TalksService = ReturnType<typeof createTalksService>;
