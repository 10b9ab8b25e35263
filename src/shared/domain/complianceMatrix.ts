import type { ComplianceReport, ComplianceStatus, ComplianceSummary, PeriodCompliance, SkippedRule } from './compliance';
import type { MeetingType } from './meetingTypes';
import { formatWindow, RULE_PERIOD_LABELS, type EffectiveRule } from './rulePacks';

// 年度落实情况 (issue 5 item 4, DOMAIN §8): the compliance report laid out as a year grid — one row per
// rule (per 党小组 for 党小组会), twelve month columns, a quarterly / half-yearly / yearly period spanning
// its months. The screen, the Excel sheet and the Word table all read this one model, so they always
// show the same cells with the same words.

/** A record as the matrix shows it: the report gives ids, the meetings list gives the rest. */
export interface MatrixRecord {
  id: number;
  heldOn: string;
  topic: string;
}

export interface MatrixCellRecord extends MatrixRecord {
  /** Quorum not met: counted, but marked (未达到规定人数). */
  invalid: boolean;
}

export interface MatrixCell {
  period: PeriodCompliance;
  /** First month (1–12) the period covers and how many month columns it spans (1, 3, 6 or 12). */
  firstMonth: number;
  span: number;
  /** Records counted for the period, by date. */
  records: MatrixCellRecord[];
}

export interface MatrixRow {
  /** Stable key: the rule id, plus the 党小组 for a per-group rule. */
  key: string;
  ruleId: string;
  type: MeetingType;
  /** 党小组会 */
  label: string;
  groupId: number | null;
  groupName: string | null;
  /** 每月至少 1 次 */
  requirement: string;
  /** 一般在10—12月: when the rule has a usual window (a hint, not part of the requirement). */
  usualWindow: string | null;
  /** Of this row alone (a per-group rule has one row per 党小组). */
  summary: ComplianceSummary;
  cells: MatrixCell[];
}

export interface ComplianceMatrix {
  year: number;
  asOf: string;
  packId: string;
  rows: MatrixRow[];
  summary: ComplianceSummary;
  skipped: SkippedRule[];
}

export const MONTHS = Array.from({ length: 12 }, (_, index) => index + 1);

/** 每月至少 1 次 */
export function requirementText(rule: Pick<EffectiveRule, 'period' | 'minimum'>): string {
  return `${RULE_PERIOD_LABELS[rule.period]}至少 ${rule.minimum} 次`;
}

/** The requirement with its usual window, e.g. 每年至少 1 次（一般在10—12月）; `separator` before the window. */
export function requirementWithWindow(row: Pick<MatrixRow, 'requirement' | 'usualWindow'>, separator = ''): string {
  return row.usualWindow ? `${row.requirement}${separator}（${row.usualWindow}）` : row.requirement;
}

function summarize(periods: readonly PeriodCompliance[]): ComplianceSummary {
  const summary: ComplianceSummary = { done: 0, total: 0, due: 0, overdue: 0, upcoming: 0, notApplicable: 0 };
  for (const period of periods) {
    summary[period.status] += 1;
    if (period.status !== 'notApplicable') summary.total += 1;
  }
  return summary;
}

/** The report as rows of month-spanning cells, each with its records' dates and topics. */
export function buildComplianceMatrix(report: ComplianceReport, records: readonly MatrixRecord[]): ComplianceMatrix {
  const byId = new Map(records.map((record) => [record.id, record]));
  const rows: MatrixRow[] = [];
  for (const { rule, rows: ruleRows } of report.rules) {
    for (const row of ruleRows) {
      const cells = row.periods.map((period): MatrixCell => {
        const firstMonth = Number(period.period.start.slice(5, 7));
        const lastMonth = Number(period.period.end.slice(5, 7));
        const invalid = new Set(period.invalidRecordIds);
        return {
          period,
          firstMonth,
          span: lastMonth - firstMonth + 1,
          records: period.recordIds
            .map((id) => byId.get(id))
            .filter((record): record is MatrixRecord => record !== undefined)
            .map((record) => ({ ...record, invalid: invalid.has(record.id) })),
        };
      });
      rows.push({
        key: row.groupId === null ? rule.id : `${rule.id}:${row.groupId}`,
        ruleId: rule.id,
        type: rule.type,
        label: rule.label,
        groupId: row.groupId,
        groupName: row.groupName,
        requirement: requirementText(rule),
        usualWindow: rule.window ? `一般在${formatWindow(rule.window)}` : null,
        summary: summarize(row.periods),
        cells,
      });
    }
  }
  return { year: report.year, asOf: report.asOf, packId: report.packId, rows, summary: report.summary, skipped: report.skipped };
}

/** 3/14 — month/day as a matrix cell writes it (the year is the matrix's). */
export function shortDate(iso: string): string {
  return `${Number(iso.slice(5, 7))}/${Number(iso.slice(8, 10))}`;
}

/** Marks a date whose meeting did not reach its quorum, in the printed tables. */
export const INVALID_MARK = '※';

/** 3/14、3/28※ — the dates held, invalid ones marked. */
export function heldDatesText(records: readonly MatrixCellRecord[], separator = '、'): string {
  return records.map((record) => `${shortDate(record.heldOn)}${record.invalid ? INVALID_MARK : ''}`).join(separator);
}

/** What a cell without enough records says in print, by status. */
const SHORT_WORDS: Record<Exclude<ComplianceStatus, 'done'>, string> = {
  overdue: '未开展',
  due: '待开展',
  upcoming: '',
  notApplicable: '—',
};

/**
 * A cell as the Excel and Word tables print it: the dates held; 未开展 (period over, none held),
 * 待开展 (period still open), blank (not started yet), — (not applicable). A period with some
 * records but fewer than required adds how many are missing.
 */
export function printedCellText(cell: MatrixCell, separator = '、'): string {
  const { status, count, minimum } = cell.period;
  if (status === 'notApplicable') return SHORT_WORDS.notApplicable;
  if (cell.records.length === 0) return status === 'done' ? '' : SHORT_WORDS[status];
  const dates = heldDatesText(cell.records, separator);
  return status === 'done' || status === 'upcoming' ? dates : `${dates}${separator === '\n' ? '\n' : ''}（差 ${minimum - count} 次）`;
}

/** 党小组会 · 第一党小组 on screen; the printed tables break it onto two lines. */
export function rowLabel(row: Pick<MatrixRow, 'label' | 'groupName'>, separator = ' · '): string {
  return row.groupName ? `${row.label}${separator}${row.groupName}` : row.label;
}

/** 11/12 — done of the applicable periods. */
export function summaryText(summary: ComplianceSummary): string {
  return `${summary.done}/${summary.total}`;
}

/** The year in one sentence, for the matrix page and under the printed tables. */
export function yearSummaryText(matrix: ComplianceMatrix): string {
  const { done, total, overdue, due, upcoming } = matrix.summary;
  const parts = [`${matrix.year}年应落实 ${total} 项，已完成 ${done} 项`];
  if (overdue) parts.push(`未完成 ${overdue} 项`);
  if (due) parts.push(`进行中 ${due} 项`);
  if (upcoming) parts.push(`尚未开始 ${upcoming} 项`);
  return parts.join('，');
}

/** 未列入本表：谈心谈话按谈话对象的覆盖面统计… — a rule the table leaves out, and why. */
export function skippedText(rule: SkippedRule): string {
  return `未列入本表：${rule.reason.startsWith(rule.label) ? rule.reason : `${rule.label}（${rule.reason}）`}。`;
}

/** The printed tables' legend: what each kind of cell means. */
export const PRINTED_LEGEND =
  '说明：格内为召开日期（月/日）；季度、半年、全年的要求占相应月份的合并格。“未开展”为该期已结束而未召开，“待开展”为该期尚未结束，' +
  `空白为尚未开始，“—”为不适用（如党小组尚未成立）；“${INVALID_MARK}”为未达到规定到会人数的会议（已计入，请核实）；“差 N 次”为次数不足。`;

export interface NewRecordTarget {
  type: MeetingType;
  groupId: number | null;
  /** A date inside the period: today while it is current, else its last day. */
  heldOn: string;
}

/**
 * For a due or overdue cell, the record that would fill it: the rule's type, the row's 党小组, and a
 * date inside the period — today when the period is the current one, else the period's last day.
 */
export function newRecordTarget(row: Pick<MatrixRow, 'type' | 'groupId'>, cell: MatrixCell, asOf: string): NewRecordTarget | null {
  const { status, period } = cell.period;
  if (status !== 'due' && status !== 'overdue') return null;
  const current = period.start <= asOf && asOf <= period.end;
  return { type: row.type, groupId: row.groupId, heldOn: current ? asOf : period.end };
}
