import { RpcError, invoke } from '../../api/client';
import type { DocumentPreset } from '../../../../shared/domain/documentPresets';
import type { GeneratedFile } from '../../lib/useSaveGenerated';

// Every Excel and Word output of the app, as data: 报表 (#/reports) lists them in this order, one
// 导出 button each. To add a report, add a line here (group, title, what it is, how it is made); the
// page needs no change. Outputs made per record (会议记录) point to where they are made instead.

export type ReportGroup = 'ledger' | 'document' | 'package';

// In this order on the page: the one-click package first, then the single outputs.
export const REPORT_GROUP_TITLES: Record<ReportGroup, string> = {
  package: '迎检资料包',
  ledger: 'Excel 台账',
  document: 'Word 文书',
};

export interface ReportOptions {
  year: number;
  /** Layout of Word outputs, chosen once on the page. */
  preset: DocumentPreset;
}

export interface ReportDescriptor {
  /** Stable id (test ids, keys). */
  key: string;
  group: ReportGroup;
  title: string;
  format: 'xlsx' | 'docx' | 'zip' | 'folder';
  /** One line: what it holds, so a secretary knows which to send. */
  description: string;
  /** False when the output is as of today, whatever year is picked (花名册). */
  perYear: boolean;
  /** Makes the file; errors carry the core's Chinese message (an empty year says so). */
  run?: (options: ReportOptions) => Promise<GeneratedFile & { rowCount?: number }>;
  /** Or where it is made (per record): a route and the link's text. */
  link?: { to: (options: ReportOptions) => string; label: string };
}

/** The name shown for a year: 2025年度三会一课登记台账, 2025年度落实情况表, 2025年党员参加组织生活情况. */
export function reportTitle(report: ReportDescriptor, year: number): string {
  if (!report.perYear) return report.title;
  if (report.title.startsWith('年度')) return `${year}${report.title}`;
  if (report.title.includes('年度')) return `${year}年${report.title.replace('年度', '')}`;
  return `${year}年度${report.title}`;
}

/** The year's 五星三强 self-assessment, or a clear message when it has not been started. */
async function assessmentOf(year: number): Promise<number> {
  const found = (await invoke('assessments:list')).find((item) => item.year === year);
  if (!found) throw new RpcError({ code: 'NOT_FOUND', message: `${year}年度还没有开始“五星三强”自评，请先在“五星三强”中开始年度自评。` });
  return found.id;
}

export const REPORTS: ReportDescriptor[] = [
  {
    key: 'package',
    group: 'package',
    title: '迎检资料包',
    format: 'folder',
    description: '先自查，再把全年的花名册、台账、会议记录、计划、自评和附件按编号写成一个文件夹（可同时生成 .zip），附目录。',
    perYear: false,
    link: { to: () => '/reports/package', label: '自查并生成' },
  },
  {
    key: 'meetingLedger',
    group: 'ledger',
    title: '三会一课登记台账',
    format: 'xlsx',
    description: '每条组织生活记录一行：日期、类型、主题、主持人、记录人、应到/实到（正式、预备）、出席率、法定人数、决议和附件数，按类型小计。',
    perYear: true,
    run: ({ year }) => invoke('reports:meetingLedgerXlsx', { year }),
  },
  {
    key: 'compliance',
    group: 'ledger',
    title: '年度落实情况表',
    format: 'xlsx',
    description: '每项组织生活制度逐月（季）开展日期，完成数与应完成数。',
    perYear: true,
    run: ({ year }) => invoke('compliance:exportXlsx', { year }),
  },
  {
    key: 'roster',
    group: 'ledger',
    title: '党员花名册',
    format: 'xlsx',
    description: '按今天的名册（不随所选年度变化）；公民身份号码和联系电话部分隐去。',
    perYear: false,
    run: () => invoke('members:export', {}),
  },
  {
    key: 'participation',
    group: 'ledger',
    title: '党员年度参加组织生活情况',
    format: 'xlsx',
    description: '逐人逐月参加情况、全年合计和连续未参加月数。',
    perYear: true,
    run: ({ year }) => invoke('participation:exportXlsx', { year }),
  },
  {
    key: 'democraticReview',
    group: 'ledger',
    title: '民主评议汇总',
    format: 'xlsx',
    description: '每名党员的评定等次，优秀不超过三分之一的核对；预备党员列出但不评定等次。',
    perYear: true,
    run: ({ year }) => invoke('reports:democraticReviewXlsx', { year }),
  },
  {
    key: 'talks',
    group: 'ledger',
    title: '谈心谈话台账',
    format: 'xlsx',
    description: '每次谈话的日期、人员、类型、方式、主题、地点、记录人；另附谈话覆盖情况表。',
    perYear: true,
    run: ({ year }) => invoke('reports:talksXlsx', { year }),
  },
  {
    key: 'rectifications',
    group: 'ledger',
    title: '整改清单',
    format: 'xlsx',
    description: '组织生活会查摆问题的整改措施、责任人、时限、完成情况。',
    perYear: true,
    run: ({ year }) => invoke('reports:rectificationsXlsx', { year }),
  },
  {
    key: 'assessmentSheet',
    group: 'ledger',
    title: '“五星三强”自评打分表',
    format: 'xlsx',
    description: '每项指标的分值、系统建议分、自评得分和佐证材料。',
    perYear: true,
    run: async ({ year }) => invoke('assessments:exportXlsx', { id: await assessmentOf(year) }),
  },
  {
    key: 'complianceDocx',
    group: 'document',
    title: '年度落实情况表',
    format: 'docx',
    description: '同 Excel 版的落实情况表，Word 表格，可直接打印报送。',
    perYear: true,
    run: ({ year, preset }) => invoke('compliance:exportDocx', { year, preset }),
  },
  {
    key: 'plan',
    group: 'document',
    title: '年度工作计划',
    format: 'docx',
    description: '本年度组织生活计划（在“组织生活 → 年度计划”中修改保存后导出）。',
    perYear: true,
    run: ({ year, preset }) => invoke('plans:export', { year, preset }),
  },
  {
    key: 'assessmentReport',
    group: 'document',
    title: '“五星三强”自评报告',
    format: 'docx',
    description: '自评得分、点亮情况和佐证材料清单。',
    perYear: true,
    run: async ({ year, preset }) => invoke('assessments:exportDocx', { id: await assessmentOf(year), preset }),
  },
  {
    key: 'yearSummary',
    group: 'document',
    title: '年度工作总结',
    format: 'docx',
    description: '按全年记录起草（次数、日期、主题、到会率、整改、民主评议、谈心谈话、自评结果），修改后导出。',
    perYear: true,
    link: { to: ({ year }) => `/reports/summary?year=${year}`, label: '起草并导出' },
  },
  {
    key: 'minutesBook',
    group: 'document',
    title: '会议记录汇编',
    format: 'docx',
    description: '全年会议记录装订成一册：封面、目录（含页码），每条记录另起一页。',
    perYear: true,
    run: ({ year, preset }) => invoke('reports:minutesBook', { from: `${year}-01-01`, to: `${year}-12-31`, mode: 'bound', preset }),
  },
  {
    key: 'democraticReviewDocx',
    group: 'document',
    title: '民主评议党员结果',
    format: 'docx',
    description: '评议等次一览和评议情况，Word 表格。',
    perYear: true,
    run: ({ year, preset }) => invoke('reports:democraticReviewDocx', { year, preset }),
  },
  {
    key: 'minutes',
    group: 'document',
    title: '会议记录',
    format: 'docx',
    description: '每条记录单独导出（含签名栏）；会前签到表在新建记录时导出。',
    perYear: true,
    link: { to: ({ year }) => `/meetings?year=${year}`, label: '到组织生活中逐条导出' },
  },
];
