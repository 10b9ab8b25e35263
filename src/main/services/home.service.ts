import { ELECTION_NOTICE_MONTHS } from '../../shared/domain/branch';
import { addMonths, daysBetween, todayIso } from '../../shared/domain/dates';
import type { HomeOverview } from '../../shared/contract/home';
import type { ServiceContext } from './context';
import type { MembersService } from './members.service';

export function createHomeService({ store, clock }: ServiceContext, members: MembersService) {
  return {
    get(): HomeOverview | null {
      const branch = store.branch.get();
      if (!branch) return null;
      const today = todayIso(clock());
      const term = store.branch.termOn(today);
      return {
        branch,
        term,
        election: term
          ? { dueOn: term.endsOn, daysLeft: daysBetween(today, term.endsOn), noticeActive: today >= addMonths(term.endsOn, -ELECTION_NOTICE_MONTHS) }
          : null,
        committee: term ? store.committee.seatsOn(term.id, today) : [],
        members: members.counts(today),
        groups: store.groups.list().map(({ id, name, leaderName, memberCount }) => ({ id, name, leaderName, memberCount })),
        meetings: store.meetings.countPerYear(),
        today,
      };
    },
  };
}
