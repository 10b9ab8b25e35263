import { ELECTION_NOTICE_MONTHS } from '../../shared/domain/branch';
import { addDays, addMonths, daysBetween, todayIso } from '../../shared/domain/dates';
import {
  attentionYears,
  byProbationEnd,
  electionReminder,
  probationReminder,
  splitObligations,
  yearCompletion,
  YEAR_CLOSING_MONTHS,
  type ProbationReminder,
} from '../../shared/domain/homeAttention';
import type { AttentionPlan, AttentionRectification, HomeAttention, HomeOverview } from '../../shared/contract/home';
import { PLAN_HORIZON_DAYS, plannedForAttention, planRecordLink } from '../../shared/domain/planProgress';
import type { ComplianceService } from './compliance.service';
import type { ServiceContext } from './context';
import type { MembersService } from './members.service';
import type { OrgLifeService } from './orgLife.service';
import type { PlansService } from './plans.service';
import type { TalksService } from './talks.service';

/** The services 首页 reads what needs doing from. */
export interface HomeSources {
  compliance: ComplianceService;
  orgLife: OrgLifeService;
  talks: TalksService;
  plans: PlansService;
}

export function createHomeService({ store, clock }: ServiceContext, members: MembersService, sources: HomeSources) {
  /** This year's plan (and next year's when the 30 days reach into it): the items not held yet. */
  function planAttention(today: string): AttentionPlan {
    const year = Number(today.slice(0, 4));
    const horizonYear = Number(addDays(today, PLAN_HORIZON_DAYS).slice(0, 4));
    const plans = [year, ...(horizonYear > year ? [horizonYear] : [])].map((planYear) => sources.plans.get({ year: planYear }));
    const groupName = (id: number | null) => (id === null ? null : (store.groups.get(id)?.name ?? null));
    const items = plans.flatMap((plan) =>
      plannedForAttention(plan.items, plan.progress, today).map((index) => {
        const item = plan.items[index];
        const progress = plan.progress[index];
        return {
          key: `${plan.year}:${index}`,
          plannedOn: item.plannedOn,
          types: item.types,
          groupName: item.types.includes('groupMeeting') ? groupName(item.partyGroupId) : null,
          topic: item.topic,
          owner: item.owner,
          status: progress.status === 'upcoming' ? ('upcoming' as const) : ('due' as const),
          daysAhead: daysBetween(today, item.plannedOn),
          link: planRecordLink(item, progress.missingTypes),
        };
      }),
    );
    const saved = plans[0].savedAt !== null;
    return { year, saved, items, suggest: !saved && Number(today.slice(5, 7)) <= YEAR_CLOSING_MONTHS, link: { path: '/meetings/plan', query: { year: String(year) } } };
  }

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
        plan: planAttention(today),
      };
    },
  };
}
