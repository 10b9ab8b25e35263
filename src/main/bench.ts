import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { addYears, formatIsoDate, todayIso } from '../shared/domain/dates';
import { idNumberCheckChar } from '../shared/domain/idNumber';
import type { Gender, MemberCategory } from '../shared/domain/member';
import { BACKUP_BENCH_CASES } from './bench.backup';
import { MEETING_BENCH_CASES } from './bench.meetings';
import { PACKAGE_BENCH_CASES } from './bench.package';
import { openCore, type Core } from './core';
import { buildRosterXlsx, type RosterRow } from './documents/roster.xlsx';

// `npm run bench`: times the operations a secretary waits for, on a temporary data folder, and
// prints a table. Benchmarks are never timed tests (docs/ARCHITECTURE §7). Everything here is a
// static import, so the bundled out/main/cli.js carries it (no file reads at run time).

/** A generated member, valid for `members:create` (ID number, dates and category agree). */
export interface BenchMember {
  name: string;
  gender: Gender;
  ethnicity: string;
  birthDate: string;
  idNumber: string;
  nativePlace: string;
  education: string;
  degree: string | null;
  workStartedOn: string | null;
  workplace: string;
  personCategory: string;
  admittedOn: string;
  confirmedOn: string | null;
  category: MemberCategory;
  partyGroupId: number | null;
  phone: string;
  note: string | null;
}

/** What the cases share: the open core, the generated members, and anything a case leaves for later ones. */
export interface BenchContext {
  dataDir: string;
  today: string;
  memberCount: number;
  core: Core;
  members: BenchMember[];
  /** Free slot for cases to hand data to later cases (e.g. an import sheet to confirm). */
  scratch: Map<string, unknown>;
}

export interface BenchCase {
  /** Chinese, as printed in the table. */
  label: string;
  /** Times to run; the table shows the median (and p95 with 20 runs or more). Cases that change the data run once. */
  runs?: number;
  /** Untimed work before each run. */
  prepare?: (ctx: BenchContext) => void | Promise<void>;
  run: (ctx: BenchContext) => unknown;
  /** A note for the table (sizes, per-item time); gets the median ms. */
  note?: (ctx: BenchContext, medianMs: number) => string;
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段';
const GIVEN = '建国华明丽芳伟强军平志红梅英杰涛斌霞燕敏静婷磊超鹏飞宇欣怡晨浩然子轩雨萱思远嘉琪';
const ETHNICITIES = ['汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '畲族', '回族'];
const EDUCATION = ['研究生', '大学本科', '大学本科', '大学本科', '大学专科', '高中'];
const DEGREES: Record<string, string | null> = { 研究生: '硕士', 大学本科: '学士' };
const NATIVE_PLACES = ['浙江金华', '浙江兰溪', '浙江义乌', '浙江东阳', '江西上饶', '安徽安庆'];
const WORKPLACES = ['浙江金帆智能科技有限公司研发中心 工程师', '浙江金帆智能科技有限公司 生产部主管', '浙江金帆智能科技有限公司 财务'];
const PERSON_CATEGORIES = ['专业技术人员', '企业管理人员', '工勤技能人员'];
/** Not the demo seed's area code, so generated numbers never meet the demo members'. */
const BENCH_AREA = '330781';

/** Deterministic pseudo-random numbers (mulberry32), so every run inserts the same members. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` members born 1945–2004 with unique valid ID numbers; admitted at 18–40, 正式 after a year. */
export function generateMembers(count: number, today: string, groupIds: number[], seed = 20261122): BenchMember[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[] | string): T => items[Math.floor(next() * items.length)] as T;
  const used = new Set<string>();
  const members: BenchMember[] = [];
  while (members.length < count) {
    const birthDate = formatIsoDate(1945 + Math.floor(next() * 60), 1 + Math.floor(next() * 12), 1 + Math.floor(next() * 28));
    const gender: Gender = next() < 0.6 ? 'male' : 'female';
    const sequence = Math.floor(next() * 500) * 2 + (gender === 'male' ? 1 : 0);
    const first17 = `${BENCH_AREA}${birthDate.replace(/-/g, '')}${String(sequence).padStart(3, '0')}`;
    const idNumber = first17 + idNumberCheckChar(first17);
    if (used.has(idNumber)) continue;
    let admittedOn = addYears(birthDate, 18 + Math.floor(next() * 23));
    if (admittedOn > today) admittedOn = addYears(today, -Math.floor(next() * 2));
    if (admittedOn < addYears(birthDate, 18)) continue;
    const confirmedOn = addYears(admittedOn, 1) <= today ? addYears(admittedOn, 1) : null;
    used.add(idNumber);
    const education = pick<string>(EDUCATION);
    const workStartedOn = addYears(birthDate, 22);
    members.push({
      name: pick<string>(SURNAMES) + pick<string>(GIVEN) + (next() < 0.6 ? pick<string>(GIVEN) : ''),
      gender,
      ethnicity: pick(ETHNICITIES),
      birthDate,
      idNumber,
      nativePlace: pick(NATIVE_PLACES),
      education,
      degree: DEGREES[education] ?? null,
      workStartedOn: workStartedOn <= today ? workStartedOn : null,
      workplace: pick(WORKPLACES),
      personCategory: pick(PERSON_CATEGORIES),
      admittedOn,
      confirmedOn,
      category: confirmedOn ? 'full' : 'probationary',
      partyGroupId: groupIds.length > 0 ? groupIds[members.length % groupIds.length] : null,
      phone: `139${String(Math.floor(next() * 1e8)).padStart(8, '0')}`,
      note: next() < 0.1 ? '在外地工作，参加当地党组织活动' : null,
    });
  }
  return members;
}

/**
 * A roster sheet of the generated members under other ID numbers (another area code), as a
 * secretary's file would arrive: header row, Chinese labels, dates as text.
 */
async function importSheetBase64(members: BenchMember[]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('党员信息');
  sheet.addRow(['姓名', '性别', '民族', '出生日期', '公民身份号码', '学历', '工作单位及职务', '入党时间', '转正时间', '党员类别', '联系电话']);
  for (const member of members) {
    const first17 = `330199${member.idNumber.slice(6, 17)}`;
    sheet.addRow([
      member.name,
      member.gender === 'male' ? '男' : '女',
      member.ethnicity,
      member.birthDate,
      first17 + idNumberCheckChar(first17),
      member.education,
      member.workplace,
      member.admittedOn,
      member.confirmedOn ?? '',
      member.category === 'full' ? '正式党员' : '预备党员',
      member.phone,
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

/** The roster rows the xlsx builder gets for generated members (as the export would pass them). */
function rosterRows(members: BenchMember[], today: string): RosterRow[] {
  return members.map((member) => ({
    name: member.name,
    gender: member.gender,
    ethnicity: member.ethnicity,
    birthDate: member.birthDate,
    idNumber: member.idNumber,
    nativePlace: member.nativePlace,
    education: member.education,
    degree: member.degree,
    workStartedOn: member.workStartedOn,
    workplace: member.workplace,
    personCategory: member.personCategory,
    admittedOn: member.admittedOn,
    confirmedOn: member.confirmedOn,
    category: member.category,
    partyStandingYears: member.confirmedOn ? Number(today.slice(0, 4)) - Number(member.confirmedOn.slice(0, 4)) : null,
    partyGroupName: '第一党小组（研发）',
    partyPosts: null,
    status: '在册',
    inRoster: true,
    flowing: null,
    phone: member.phone,
    note: member.note,
  }));
}

async function ok<T = unknown>(core: Core, method: string, input?: unknown): Promise<T> {
  const result = await core.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}：${result.error.code} ${result.error.message}`);
  return result.value as T;
}

const n = (ctx: BenchContext) => ctx.memberCount.toLocaleString('en-US');

/**
 * The bench cases, run in this order on one data folder (later cases see what earlier ones made).
 * To add a case, add an entry here — see the marked spot for the member import.
 */
export const BENCH_CASES: BenchCase[] = [
  {
    label: '打开并升级新数据文件',
    runs: 5,
    prepare: (ctx) => {
      ctx.core.close();
      rmSync(ctx.dataDir, { recursive: true, force: true });
    },
    run: (ctx) => {
      ctx.core = openCore({ dataDir: ctx.dataDir, host: 'cli', logError: () => undefined });
    },
    note: () => '每次一个空文件夹：建库 + 全部迁移',
  },
  {
    label: '建立示例支部（demo:create）',
    run: (ctx) => ok(ctx.core, 'demo:create'),
    note: () => '25 名党员、2 个党小组、一年组织生活',
  },
  {
    label: '逐个新增党员（members:create）',
    prepare: async (ctx) => {
      const groups = await ok<{ id: number }[]>(ctx.core, 'groups:list');
      ctx.members = generateMembers(ctx.memberCount, ctx.today, groups.map((group) => group.id));
    },
    run: async (ctx) => {
      for (const member of ctx.members) await ok(ctx.core, 'members:create', member);
    },
    note: (ctx, ms) => `${n(ctx)} 名，平均每名 ${(ms / ctx.memberCount).toFixed(2)} ms`,
  },
  {
    label: '党员名单（members:list）',
    runs: 5,
    run: async (ctx) => {
      const list = await ok<unknown[]>(ctx.core, 'members:list');
      if (list.length < ctx.memberCount) throw new Error(`members:list 只返回 ${list.length} 名`);
    },
    note: (ctx) => `${n(ctx)} 名 + 示例 25 名，5 次中位数`,
  },
  {
    label: '生成党员花名册 xlsx（文件构建）',
    runs: 3,
    prepare: (ctx) => {
      ctx.scratch.set('rosterRows', rosterRows(ctx.members, ctx.today));
    },
    run: async (ctx) => {
      const bytes = await buildRosterXlsx({ branchName: '中共浙江金帆智能科技有限公司支部委员会', asOf: ctx.today, rows: ctx.scratch.get('rosterRows') as RosterRow[] });
      ctx.scratch.set('rosterBytes', bytes.length);
    },
    note: (ctx) => `${n(ctx)} 行，${Math.round((ctx.scratch.get('rosterBytes') as number) / 1024)} KB，3 次中位数`,
  },
  {
    label: '导出党员花名册（members:export）',
    runs: 3,
    run: async (ctx) => {
      const result = await ok<{ rowCount: number }>(ctx.core, 'members:export');
      if (result.rowCount < ctx.memberCount) throw new Error(`members:export 只导出 ${result.rowCount} 名`);
    },
    note: (ctx) => `${n(ctx)} 名 + 示例：读名单、算状态、建文件、Base64，3 次中位数`,
  },
  {
    label: '导入预览（memberImport:check）',
    runs: 3,
    prepare: async (ctx) => {
      if (!ctx.scratch.has('importSheet')) ctx.scratch.set('importSheet', await importSheetBase64(ctx.members));
    },
    run: async (ctx) => {
      const preview = await ok<{ rows: { rowNumber: number; values: unknown }[]; counts: { withErrors: number } }>(ctx.core, 'memberImport:check', {
        fileName: '党员花名册（导入测试）.xlsx',
        contentBase64: ctx.scratch.get('importSheet'),
      });
      if (preview.counts.withErrors > 0) throw new Error(`导入预览有 ${preview.counts.withErrors} 行错误`);
      ctx.scratch.set('importRows', preview.rows.map(({ rowNumber, values }) => ({ rowNumber, values })));
    },
    note: (ctx) => `${n(ctx)} 行 .xlsx：读文件、识别表头、逐行检查（对照已有 ${n(ctx)} 名），3 次中位数`,
  },
  {
    label: '导入确认（memberImport:import）',
    run: async (ctx) => {
      const result = await ok<{ batchId: number; imported: number }>(ctx.core, 'memberImport:import', {
        fileName: '党员花名册（导入测试）.xlsx',
        rows: ctx.scratch.get('importRows'),
      });
      ctx.scratch.set('importBatch', result.batchId);
    },
    note: (ctx) => `${n(ctx)} 行，服务端重新检查后一次事务写入`,
  },
  {
    label: '撤销整批导入（importBatches:delete）',
    run: (ctx) => ok(ctx.core, 'importBatches:delete', { id: ctx.scratch.get('importBatch') }),
    note: (ctx) => `删除 ${n(ctx)} 名及其变动记录、党小组关系`,
  },
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Nearest-rank percentile; null when there are too few runs for it to differ from the maximum. */
function percentile(values: number[], fraction: number): number | null {
  if (values.length < 20) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(fraction * sorted.length) - 1];
}

/** Terminal width of text: CJK and full-width characters take two columns. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(char) ? 2 : 1;
  return width;
}
const padEnd = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));
const padStart = (text: string, width: number) => ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));

export interface BenchResult {
  label: string;
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** 95th percentile (nearest rank); null with fewer than 20 runs, where it would just be the maximum. */
  p95Ms: number | null;
  note: string;
}

export function formatBenchTable(results: BenchResult[]): string {
  const head = ['项目', '次数', '中位数 ms', 'p95 ms', '最短 ms', '最长 ms', '说明'];
  const rows = results.map((r) => [r.label, String(r.runs), ms(r.medianMs), r.p95Ms === null ? '—' : ms(r.p95Ms), ms(r.minMs), ms(r.maxMs), r.note]);
  const widths = head.map((title, i) => Math.max(displayWidth(title), ...rows.map((row) => displayWidth(row[i]))));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 || i === cells.length - 1 ? padEnd(cell, widths[i]) : padStart(cell, widths[i]))).join('  ').trimEnd();
  return [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export async function runBench(args: string[], log: (line: string) => void = console.log): Promise<number> {
  const countAt = args.indexOf('--members');
  const memberCount = countAt >= 0 ? Number(args[countAt + 1]) : 2000;
  if (!Number.isInteger(memberCount) || memberCount < 1 || memberCount > 100_000) {
    log('--members 应为 1 到 100000 之间的整数');
    return 2;
  }
  const root = mkdtempSync(join(tmpdir(), 'branch-ledger-bench-'));
  const dataDir = join(root, 'data');
  const ctx: BenchContext = {
    dataDir,
    today: todayIso(),
    memberCount,
    core: openCore({ dataDir, host: 'cli', logError: () => undefined }),
    members: [],
    scratch: new Map(),
  };
  log(`支部台账 性能测试：Node ${process.version}，${process.platform}-${process.arch}，临时数据文件夹 ${root}`);
  const results: BenchResult[] = [];
  try {
    // Then organisational life on a second data folder: ten years of records (bench.meetings.ts);
    // --meetings runs only those.
    // --backup: backup, restore and the handover package on that branch with 1,000 attachments (bench.backup.ts).
    // --package: the 迎检资料包 for a year of 250 records with 100 attachments (bench.package.ts).
    const cases = args.includes('--package') ? PACKAGE_BENCH_CASES : args.includes('--backup') ? BACKUP_BENCH_CASES : args.includes('--meetings') ? MEETING_BENCH_CASES : [...BENCH_CASES, ...MEETING_BENCH_CASES];
    for (const bench of cases) {
      const runs = bench.runs ?? 1;
      const times: number[] = [];
      for (let i = 0; i < runs; i += 1) {
        await bench.prepare?.(ctx);
        const started = performance.now();
        await bench.run(ctx);
        times.push(performance.now() - started);
      }
      const medianMs = median(times);
      results.push({ label: bench.label, runs, medianMs, minMs: Math.min(...times), maxMs: Math.max(...times), p95Ms: percentile(times, 0.95), note: bench.note?.(ctx, medianMs) ?? '' });
    }
  } finally {
    ctx.core.close();
    rmSync(root, { recursive: true, force: true });
  }
  log('');
  log(formatBenchTable(results));
  log('');
  log(`峰值内存（RSS）：${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  return 0;
}
