import type { ParticipationExportResult, ParticipationWarnings, ParticipationYear } from '../shared/contract/participation';
import type { BenchCase, BenchContext } from './bench';

// Bench cases for 参加组织生活情况, run after bench.meetings.ts has built the ten-year branch (about
// 2,500 records, about 60 members): the year's grid reads every record up to today once (runs cross
// year ends), the warnings the same as of today, the sheet adds the workbook. Through dispatch.

const RUNS = 30;

async function ok<T>(ctx: BenchContext, method: string, input?: unknown): Promise<T> {
  const result = await ctx.core.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}：${result.error.code} ${result.error.message}`);
  return result.value as T;
}

const lastYear = (ctx: BenchContext) => Number(ctx.today.slice(0, 4)) - 1;

export const PARTICIPATION_BENCH_CASES: BenchCase[] = [
  {
    label: '一年的参加组织生活情况（participation:year）',
    runs: RUNS,
    run: async (ctx) => {
      const sheet = await ok<ParticipationYear>(ctx, 'participation:year', { year: lastYear(ctx) });
      ctx.scratch.set('participationRows', sheet.rows.length);
      ctx.scratch.set('participationExpected', sheet.totals.expected);
    },
    note: (ctx) => `${ctx.scratch.get('participationRows')} 名党员 × 12 个月，应参加 ${ctx.scratch.get('participationExpected')} 人次（读十年全部记录一次）`,
  },
  {
    label: '连续未参加组织生活提醒（participation:warnings）',
    runs: RUNS,
    run: async (ctx) => ctx.scratch.set('participationWarnings', (await ok<ParticipationWarnings>(ctx, 'participation:warnings')).items.length),
    note: (ctx) => `${ctx.scratch.get('participationWarnings')} 名达到 3 个月`,
  },
  {
    label: '导出党员年度参加组织生活情况.xlsx',
    runs: 5,
    run: async (ctx) => ctx.scratch.set('participationBytes', (await ok<ParticipationExportResult>(ctx, 'participation:exportXlsx', { year: lastYear(ctx) })).contentBase64.length),
    note: (ctx) => `${Math.round(((ctx.scratch.get('participationBytes') as number) * 3) / 4 / 1024)} KB`,
  },
];
