import { ELECTION_NOTICE_MONTHS } from '../../shared/domain/branch';
import { addMonths, daysBetween, todayIso } from '../../shared/domain/dates';
import {
  attentionYears,
  byProbationEnd,
  electionReminder,
  probationReminder,
  splitObligations,
  yearCompletion,
  type ProbationReminder,
} from '../../shared/domain/homeAttention';
import type { AttentionRectification, HomeAttention, HomeOverview } from '../../shared/contract/home';
import type { ComplianceService } from './compliance.service';
import type { ServiceContext } from './context';
import type { MembersService } from './members.service';
import type { OrgLifeService } from './orgLife.service';
import type { TalksService } from './talks.service';

/** The services 首页 reads what needs doing from. */
export interface HomeSources {
  compliance: ComplianceService;
  orgLife: OrgLifeService;
  talks: TalksService;
}

export function createHomeService({ store, clock }: ServiceContext, members: MembersService, sources: HomeSources) {
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

    /**
     * What needs doing today, each item with the page where it is fixed: obligations due or missed
     * (compliance engine), 换届, 转正, open 整改, 谈心谈话 coverage and the year's completion.
     */
    attention(): HomeAttention | null {
      if (!store.branch.get()) return null;
      const today = todayIso(clock());
      const years = attentionYears(today);
      const reports = years.map((year) => sources.compliance.year({ year }));

      const probations: ProbationReminder[] = members
        .roster(today)
        .filter((member) => member.state.belongs && member.state.category === 'probationary')
        .map((member) => probationReminder({ memberId: member.id, name: member.name, probationEndsOn: member.state.probationEndsOn }, today))
        .filter((reminder): reminder is ProbationReminder => reminder !== null)
        .sort(byProbationEnd);

      const rectifications: AttentionRectification[] = sources.orgLife
        .rectifications({ status: 'open' })
        .map((item) => ({
          id: item.id,
          measure: item.measure,
          ownerName: item.ownerName,
          dueOn: item.dueOn,
          overdue: item.overdue,
          daysOverdue: item.overdue && item.dueOn ? daysBetween(item.dueOn, today) : null,
          meetingId: item.meetingId,
          meetingHeldOn: item.meetingHeldOn,
          meetingTopic: item.meetingTopic,
          problemText: item.problemText,
          link: { path: `/meetings/${item.meetingId}`, query: {} },
        }))
        // Overdue first; then by 整改时限 (none last) — the list's own order within each.
        .sort((a, b) => Number(b.overdue) - Number(a.overdue));

      return {
        today,
        years,
        packName: sources.compliance.effectivePack().name,
        obligations: splitObligations(reports),
        election: electionReminder(store.branch.termOn(today), today),
        probations,
        rectifications,
        talks: years
          .map((year) => ({ year, coverage: sources.talks.coverage({ year }) }))
          .filter(({ coverage }) => coverage.summary.length > 0)
          .map(({ year, coverage }) => ({ year, summary: coverage.summary, sentence: coverage.sentence, link: { path: '/meetings/talks', query: { year: String(year) } } })),
        completion: reports.map(yearCompletion),
      };
    },
  };
}
