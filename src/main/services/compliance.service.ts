import type { z } from 'zod';
import type { complianceYearInput } from '../../shared/contract/compliance';
import { computeCompliance, type ComplianceReport } from '../../shared/domain/compliance';
import { todayIso } from '../../shared/domain/dates';
import type { EffectivePack } from '../../shared/domain/rulePacks';
import type { ServiceContext } from './context';
import type { MeetingsService } from './meetings.service';
import { createRulePacksService, type RulePacksService } from './rulePacks.service';

type YearInput = z.output<typeof complianceYearInput>;

/** A branch with a 支部委员会 (3 or more seats filled) holds 支委会; one with only a 书记 does not. */
const MIN_COMMITTEE = 3;

/**
 * 落实情况 (issue 5): the store's records, groups and 书记 seats fed to the pure compliance engine.
 * The pack is the branch's choice with its overrides (see effectivePack); one place decides it, so the
 * dashboard, the matrix and the plan always agree.
 */
export function createComplianceService(context: ServiceContext, meetings: MeetingsService, rulePacks: RulePacksService = createRulePacksService(context)) {
  const { store, clock } = context;
  /** The rules in force for this branch: the pack chosen in 设置 with its overrides (rulePacks.service). */
  function effectivePack(): EffectivePack {
    return rulePacks.effectivePack();
  }

  return {
    effectivePack,

    year({ year }: YearInput): ComplianceReport {
      const asOf = todayIso(clock());
      const yearEnd = `${year}-12-31`;
      const records = meetings.list({ year }).map((item) => ({
        id: item.id,
        heldOn: item.heldOn,
        types: item.types,
        partyGroupId: item.partyGroupId,
        valid: item.valid,
        lecturerMemberId: item.lecturerMemberId,
      }));
      return computeCompliance({
        pack: effectivePack(),
        year,
        asOf,
        branchFoundedOn: store.branch.get()?.foundedOn ?? null,
        hasCommittee: store.committee.allSeatsOn(asOf < yearEnd ? asOf : yearEnd).length >= MIN_COMMITTEE,
        groups: store.groups.list(true).map((group) => ({ id: group.id, name: group.name, foundedOn: group.foundedOn, dissolvedOn: group.dissolvedOn })),
        secretarySeats: store.committee.secretarySeats(),
        records,
      });
    },
  };
}

export type ComplianceService = ReturnType<typeof createComplianceService>;
