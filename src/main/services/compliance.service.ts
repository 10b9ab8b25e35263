import type { z } from 'zod';
import type { complianceYearInput } from '../../shared/contract/compliance';
import { computeCompliance, type ComplianceReport } from '../../shared/domain/compliance';
import { todayIso } from '../../shared/domain/dates';
import { withoutOverrides, type EffectivePack } from '../../shared/domain/rulePacks';
import type { ServiceContext } from './context';
import type { MeetingsService } from './meetings.service';
import { DEFAULT_RULE_PACK_ID, SHIPPED_RULE_PACKS } from './rulePacks.source';

type YearInput = z.output<typeof complianceYearInput>;

/** A branch with a 支部委员会 (3 or more seats filled) holds 支委会; one with only a 书记 does not. */
const MIN_COMMITTEE = 3;

/**
 * 落实情况 (issue 5): the store's records, groups and 书记 seats fed to the pure compliance engine.
 * The pack is the branch's choice with its overrides (see effectivePack); one place decides it, so the
 * dashboard, the matrix and the plan always agree.
 */
export function createComplianceService({ store, clock }: ServiceContext, meetings: MeetingsService) {
  /** The rules in force for this branch. */
  function effectivePack(): EffectivePack {
    const pack = SHIPPED_RULE_PACKS.find((candidate) => candidate.id === DEFAULT_RULE_PACK_ID)!;
    return withoutOverrides(pack);
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
