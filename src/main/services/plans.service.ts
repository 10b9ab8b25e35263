import type { z } from 'zod';
import { AppError } from '../../shared/contract/errors';
import type { MeetingExportResult } from '../../shared/contract/meetings';
import type { AnnualPlan, planDraftInput, planExportInput, planSaveInput, planYearInput } from '../../shared/contract/plans';
import { DEFAULT_THEMED_DAY, draftPlan, themedDaySchema, type PlanItem, type ThemedDay } from '../../shared/domain/annualPlan';
import { todayIso } from '../../shared/domain/dates';
import { planProgress, typePeriods, type PlanItemProgress } from '../../shared/domain/planProgress';
import { annualPlanFileName, annualPlanModel } from '../documents/annualPlan.model';
import { renderDocx } from '../documents/renderDocx';
import type { ServiceContext } from './context';
import { branchPreset } from './documentPresets.service';
import type { RulePacksService } from './rulePacks.service';
import { ProblemList } from './validation';
import { PLANS_FIELD_LABELS } from '../../shared/contract/plans';

type YearInput = z.output<typeof planYearInput>;
type DraftInput = z.output<typeof planDraftInput>;
type SaveInput = z.output<typeof planSaveInput>;
type ExportInput = z.output<typeof planExportInput>;

const THEMED_DAY_KEY = 'themedDay';
/** Same threshold as compliance: a branch with a 支部委员会 holds 支委会. */
const MIN_COMMITTEE = 3;

/**
 * 年度计划 (issue 5 item 5): a draft from the rules in force (the same effectivePack as compliance),
 * the 主题党日 day as a branch setting, the saved plan per year and its Word export.
 */
export function createPlansService(context: ServiceContext, rulePacks: RulePacksService) {
  const { store, clock } = context;
  function themedDaySetting(): ThemedDay {
    const raw = store.plans.setting(THEMED_DAY_KEY);
    const parsed = raw ? themedDaySchema.safeParse(JSON.parse(raw)) : null;
    return parsed?.success ? parsed.data : DEFAULT_THEMED_DAY;
  }

  function packName(): string {
    const pack = rulePacks.effectivePack();
    return `${pack.name}（第 ${pack.version} 版）`;
  }

  function draft({ year, themedDay }: DraftInput): AnnualPlan {
    const setting = themedDay ?? themedDaySetting();
    const today = todayIso(clock());
    const secretary = store.committee.allSeatsOn(today).find((seat) => seat.role === 'secretary');
    const items = draftPlan({
      pack: rulePacks.effectivePack(),
      year,
      themedDay: setting,
      hasCommittee: store.committee.allSeatsOn(today).length >= MIN_COMMITTEE,
      groups: store.groups.list(true).map((group) => ({ id: group.id, name: group.name, leaderName: group.leaderName, foundedOn: group.foundedOn, dissolvedOn: group.dissolvedOn })),
      secretaryName: secretary?.memberName ?? null,
    });
    return { year, themedDay: setting, items, savedAt: null, packName: packName(), progress: [] };
  }

  /** The saved items against the year's live records, under the rules in force. */
  function progressOf(year: number, items: readonly PlanItem[]): PlanItemProgress[] {
    if (items.length === 0) return [];
    const records = store.meetings.summaries({ year }).map(({ id, heldOn, types, partyGroupId, topic }) => ({ id, heldOn, types, partyGroupId, topic }));
    return planProgress(items, records, typePeriods(rulePacks.effectivePack()), todayIso(clock()));
  }

  function get({ year }: YearInput): AnnualPlan {
    const saved = store.plans.get(year);
    if (!saved) return { year, themedDay: themedDaySetting(), items: [], savedAt: null, packName: packName(), progress: [] };
    const parsed = themedDaySchema.safeParse(JSON.parse(saved.themedDay));
    return {
      year,
      themedDay: parsed.success ? parsed.data : themedDaySetting(),
      items: saved.items,
      savedAt: saved.savedAt,
      packName: packName(),
      progress: progressOf(year, saved.items),
    };
  }

  return {
    get,
    draft,

    /** Saves the edited plan as a whole (and the 主题党日 day as the branch's setting). */
    save({ year, themedDay, items }: SaveInput): AnnualPlan {
      const problems = new ProblemList(PLANS_FIELD_LABELS);
      items.forEach((item, index) => {
        if (!item.plannedOn.startsWith(`${year}-`)) problems.add(`items.${index}.plannedOn`, `第 ${index + 1} 项的日期 ${item.plannedOn} 不在 ${year} 年内`);
        if (item.partyGroupId !== null && !store.groups.get(item.partyGroupId)) problems.add(`items.${index}.partyGroupId`, `第 ${index + 1} 项的党小组不存在，请重新选择`);
        if (item.partyGroupId !== null && !item.types.includes('groupMeeting')) problems.add(`items.${index}.partyGroupId`, `第 ${index + 1} 项不是党小组会，不能指定党小组`);
      });
      problems.throwIfAny();
      const sorted: PlanItem[] = [...items].sort((a, b) => a.plannedOn.localeCompare(b.plannedOn));
      const now = clock().toISOString();
      store.transaction(() => {
        store.plans.put(year, JSON.stringify(themedDay), sorted, now);
        store.plans.putSetting(THEMED_DAY_KEY, JSON.stringify(themedDay), now);
      });
      return get({ year });
    },

    async exportDocx({ year, preset }: ExportInput): Promise<MeetingExportResult> {
      const branch = store.branch.get();
      if (!branch) throw new AppError('NOT_FOUND', '还没有建立支部，不能导出文档。请先填写支部信息。');
      const plan = get({ year });
      if (!plan.savedAt) throw new AppError('NOT_FOUND', `${year} 年度计划还没有保存，请先生成草稿并保存，再导出。`);
      const model = annualPlanModel(plan.items, {
        branchName: branch.name,
        year,
        themedDay: plan.themedDay,
        packName: plan.packName,
        groupName: (groupId) => store.groups.get(groupId)?.name ?? null,
      });
      const layout = branchPreset(context, preset);
      const bytes = await renderDocx(model, layout.preset);
      return { fileName: annualPlanFileName(year), contentBase64: bytes.toString('base64'), fontNotes: layout.fontNotes };
    },
  };
}

export type PlansService = ReturnType<typeof createPlansService>;
