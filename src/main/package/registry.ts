import type { PackageItemInfo } from '../../shared/contract/package';
import type { AttachmentItem } from '../../shared/contract/attachments';
import type { MeetingRecord } from '../../shared/contract/meetings';
import { MEETING_TYPE_LABELS } from '../../shared/domain/meetingTypes';
import { safeFileName } from '../../shared/domain/packageNames';
import type { DocPresetName } from '../documents/presets';
import type { CoreServices } from '../services';
import { docxPages, xlsxRows } from './counts';

// The 迎检资料包's registry: every item the package can hold, in order. An item is a file built by
// one call (Word or Excel) or a folder of files (one per record, attachments). Another output joins
// the package with one line here, e.g.
//   docItem('minutesBook', 25, '会议记录汇编', '全年会议记录装订成册', (c) => c.services.minutes.exportBook(c)),

export interface PackageBuildContext {
  year: number;
  preset: DocPresetName;
  services: CoreServices;
  /** The year's records, by date (loaded once for the self-check and the items). */
  records: readonly MeetingRecord[];
  /** The year's 五星三强 self-assessment, if any. */
  assessmentId: number | null;
  attachmentsOf(meetingId: number): AttachmentItem[];
  /** A 党小组's name (records of a 党小组会 name their group, so two groups' meetings on one day differ). */
  groupName(partyGroupId: number): string | null;
  /** The attachment's bytes, checked against its hash. */
  readAttachment(item: AttachmentItem): Buffer;
}

/** What a builder returns: its own file name (for the record), the bytes, and pages or rows. */
export interface BuiltFile {
  fileName: string;
  bytes: Uint8Array;
  pageOrRowCount: number | null;
  /** Fonts this PC lacks and what the Word file names instead (desktop), in Chinese. */
  fontNotes?: string[];
}

/** One file of a folder item; built only when its turn comes (progress and cancel between files). */
export interface PlannedFile {
  /** Path inside the item's folder (may hold one subfolder): 2025-03-12_支部委员会会议/照片.jpg */
  path: string;
  build(): Promise<BuiltFile>;
}

interface ItemBase extends PackageItemInfo {
  /** Why the item has nothing for this year (it is then left out, and the 目录 says so), or null. */
  skipReason?(context: PackageBuildContext): string | null;
}

export type PackageItem = (ItemBase & { kind: 'xlsx' | 'docx'; build(context: PackageBuildContext): Promise<BuiltFile> }) | (ItemBase & { kind: 'folder'; files(context: PackageBuildContext): PlannedFile[] });

/** An export method's answer (base64 over the contract) as a built file, counted. */
async function fromExport(result: Promise<ExportResult>): Promise<BuiltFile> {
  const { fileName, contentBase64, fontNotes } = await result;
  const bytes = Buffer.from(contentBase64, 'base64');
  const pageOrRowCount = fileName.endsWith('.xlsx') ? await xlsxRows(bytes) : await docxPages(bytes);
  return { fileName, bytes, pageOrRowCount, fontNotes };
}

/** What every export method answers. */
type ExportResult = { fileName: string; contentBase64: string; fontNotes?: string[] };
type Builder = (context: PackageBuildContext) => Promise<ExportResult>;

const xlsxItem = (id: string, number: number, name: string, description: string, build: Builder, skipReason?: ItemBase['skipReason']): PackageItem => ({
  id,
  number,
  name,
  kind: 'xlsx',
  description,
  skipReason,
  build: (context) => fromExport(build(context)),
});

const docxItem = (id: string, number: number, name: string, description: string, build: Builder, skipReason?: ItemBase['skipReason']): PackageItem => ({
  id,
  number,
  name,
  kind: 'docx',
  description,
  skipReason,
  build: (context) => fromExport(build(context)),
});

const noAssessment = (context: PackageBuildContext) => (context.assessmentId === null ? `${context.year}年度没有五星三强自评` : null);
const noRecords = (context: PackageBuildContext) => (context.records.length === 0 ? `${context.year}年没有组织生活记录` : null);

/** 支部委员会会议, or 党小组会_第一党小组 for a group's own meeting. */
function typesLabel(record: Pick<MeetingRecord, 'types' | 'partyGroupId'>, context: PackageBuildContext): string {
  const types = record.types.map((type) => MEETING_TYPE_LABELS[type]).join('、');
  const group = record.partyGroupId !== null ? context.groupName(record.partyGroupId) : null;
  return group ? `${types}_${group}` : types;
}

/** 2025-03-12_支部委员会会议 — a record's folder for its attachments. */
export function recordFolderName(record: Pick<MeetingRecord, 'heldOn' | 'types' | 'partyGroupId'>, context: PackageBuildContext): string {
  return safeFileName(`${record.heldOn}_${typesLabel(record, context)}`);
}

export const PACKAGE_ITEMS: PackageItem[] = [
  xlsxItem('roster', 10, '党员花名册', '在册党员，身份证号和手机号脱敏', (c) => c.services.roster.exportXlsx({})),
  xlsxItem('meetingLedger', 15, '三会一课登记台账', '全年每条组织生活记录一行，应到/实到、出席率、法定人数，按类型小计', (c) => c.services.reportsExcel.buildMeetingLedgerXlsx({ year: c.year }), noRecords),
  docxItem('plan', 20, '年度组织生活计划', '已保存的年度计划', (c) => c.services.plans.exportDocx({ year: c.year, preset: c.preset }), (c) =>
    c.services.plans.get({ year: c.year }).savedAt ? null : `${c.year}年度计划还没有保存`,
  ),
  docxItem('yearSummary', 22, '年度工作总结', '按全年记录起草（已在“年度工作总结”中修改的按修改后的内容）', async (c) => {
    const draft = c.services.reports.summaryDraft({ year: c.year });
    return c.services.reports.summaryExport({ year: c.year, sections: draft.sections, preset: c.preset });
  }, noRecords),
  docxItem('minutesBook', 25, '会议记录汇编', '全年会议记录装订成一册：封面、目录，每条记录另起一页', (c) =>
    c.services.reports.minutesBook({ from: `${c.year}-01-01`, to: `${c.year}-12-31`, mode: 'bound', preset: c.preset }), noRecords),
  {
    id: 'minutes',
    number: 30,
    name: '会议记录',
    kind: 'folder',
    description: '全年每条组织生活记录一份 Word，按日期排列',
    skipReason: noRecords,
    files: (context) => {
      const used = new Set<string>();
      return context.records.map((record) => {
        const base = safeFileName(`${record.heldOn}_${typesLabel(record, context)}_${record.topic}`, 60);
        let name = `${base}.docx`;
        for (let n = 2; used.has(name); n += 1) name = `${base}（${n}）.docx`;
        used.add(name);
        return { path: name, build: () => fromExport(context.services.minutes.exportDocx({ id: record.id, preset: context.preset })) };
      });
    },
  },
  xlsxItem('complianceXlsx', 40, '年度落实情况表', '三会一课等每项制度每期的落实情况（Excel）', (c) => c.services.complianceExport.exportXlsx({ year: c.year })),
  docxItem('complianceDocx', 41, '年度落实情况表（打印版）', '同一张表的 Word 版，A4 横向', (c) => c.services.complianceExport.exportDocx({ year: c.year, preset: c.preset })),
  xlsxItem('participation', 50, '党员年度参加组织生活情况', '逐人逐月参加情况', (c) => c.services.participation.exportXlsx({ year: c.year })),
  xlsxItem('democraticReview', 60, '民主评议汇总', '每名党员的评定等次，优秀不超过三分之一的核对', (c) => c.services.reportsExcel.buildDemocraticReviewXlsx({ year: c.year }), (c) =>
    c.records.some((record) => record.types.includes('democraticReview')) ? null : `${c.year}年没有民主评议党员的记录`,
  ),
  xlsxItem('talks', 65, '谈心谈话台账', '每次谈话一行，附谈话覆盖情况表', (c) => c.services.reportsExcel.buildTalksXlsx({ year: c.year }), (c) =>
    c.records.some((record) => record.types.includes('heartToHeartTalk')) ? null : `${c.year}年没有谈心谈话记录`,
  ),
  xlsxItem('rectifications', 70, '整改清单', '组织生活会查摆问题的整改措施、责任人、时限和完成情况', (c) => c.services.reportsExcel.buildRectificationsXlsx({ year: c.year }), (c) =>
    c.services.orgLife.rectifications({ year: c.year }).length > 0 ? null : `${c.year}年没有整改事项`,
  ),
  xlsxItem('assessmentSheet', 80, '五星三强自评打分表', '年度自评的逐项得分', (c) => c.services.assessmentsExport.exportXlsx({ id: c.assessmentId! }), noAssessment),
  docxItem('assessmentReport', 81, '五星三强自评报告', '年度自评报告', (c) => c.services.assessmentsExport.exportDocx({ id: c.assessmentId!, preset: c.preset }), noAssessment),
  {
    id: 'attachments',
    number: 90,
    name: '附件',
    kind: 'folder',
    description: '记录的附件（签到表照片、会议照片、材料），按记录分文件夹',
    skipReason: (c) => (c.records.every((record) => c.attachmentsOf(record.id).length === 0) ? `${c.year}年的记录没有附件` : null),
    files: (context) => {
      const planned: PlannedFile[] = [];
      const folders = new Set<string>();
      for (const record of context.records) {
        const items = context.attachmentsOf(record.id);
        if (items.length === 0) continue;
        let folder = recordFolderName(record, context);
        for (let n = 2; folders.has(folder); n += 1) folder = `${recordFolderName(record, context)}（${n}）`;
        folders.add(folder);
        const names = new Set<string>();
        for (const item of items) {
          let name = safeFileName(item.fileName);
          const dot = name.lastIndexOf('.');
          for (let n = 2; names.has(name); n += 1) name = dot > 0 ? `${safeFileName(item.fileName).slice(0, dot)}（${n}）${safeFileName(item.fileName).slice(dot)}` : `${name}（${n}）`;
          names.add(name);
          planned.push({ path: `${folder}/${name}`, build: async () => ({ fileName: item.fileName, bytes: context.readAttachment(item), pageOrRowCount: null }) });
        }
      }
      return planned;
    },
  },
];

export function packageItemInfos(items: readonly PackageItem[] = PACKAGE_ITEMS): PackageItemInfo[] {
  return [...items].sort((a, b) => a.number - b.number).map(({ id, number, name, kind, description }) => ({ id, number, name, kind, description }));
}
