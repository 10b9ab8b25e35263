import { describeThemedDay, type PlanItem, type ThemedDay } from '../../shared/domain/annualPlan';
import { MEETING_TYPE_LABELS } from '../../shared/domain/meetingTypes';
import type { DocumentModel } from './documentModel';

// 年度组织生活计划 as Word: one table, month / date / type / topic / 负责人, the month written once
// for its rows so the year reads month by month.

export interface AnnualPlanContext {
  branchName: string;
  year: number;
  themedDay: ThemedDay;
  /** “浙江机关（第 1 版）” */
  packName: string;
  groupName: (partyGroupId: number) => string | null;
}

function typesText(item: PlanItem, context: AnnualPlanContext): string {
  const labels = item.types.map((type) => MEETING_TYPE_LABELS[type]).join('、');
  const group = item.partyGroupId !== null ? context.groupName(item.partyGroupId) : null;
  return group ? `${labels}（${group}）` : labels;
}

export function annualPlanTitle(year: number): string {
  return `${year}年度组织生活计划`;
}

/** 2027年度组织生活计划.docx */
export function annualPlanFileName(year: number): string {
  return `${annualPlanTitle(year)}.docx`;
}

export function annualPlanModel(items: readonly PlanItem[], context: AnnualPlanContext): DocumentModel {
  let lastMonth = '';
  const rows = items.map((item) => {
    const [, month, day] = item.plannedOn.split('-').map(Number);
    const monthText = `${month}月`;
    const shown = monthText === lastMonth ? '' : monthText;
    lastMonth = monthText;
    return [shown, `${month}月${day}日`, typesText(item, context), item.topic, item.owner];
  });
  return {
    title: [context.branchName, annualPlanTitle(context.year)],
    metaRows: [
      ['主题党日', describeThemedDay(context.themedDay)],
      ['依据规则', context.packName],
      ['计划事项', `${items.length} 项`],
    ],
    notes: [],
    sections: [
      {
        blocks: [
          { kind: 'table', widths: [10, 18, 23, 37, 12], header: ['月份', '日期', '类型', '主题', '负责人'], rows, centredColumns: [0, 1, 4] },
          { kind: 'paragraph', text: '注：日期按本支部固定的主题党日安排，遇特殊情况可调整，以实际召开日期为准。' },
        ],
      },
    ],
    signatures: [],
  };
}
