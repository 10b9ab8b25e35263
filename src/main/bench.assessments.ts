import type { AssessmentExportResult, AssessmentView } from '../shared/contract/assessments';
import type { BenchCase, BenchContext } from './bench';

// Bench cases for the 五星三强 self-assessment, run on the ten-year branch built by bench.meetings.ts
// (about 400 records a year): proposing every indicator from the records reads compliance,
// participation, talks, 整改 and follow-ups of the year; opening re-scores the stored entries; the
// two documents are the ones a secretary exports before submitting. Through dispatch.

const TEMPLATE = 'wuxing-sanqiang-reference';

async function ok<T>(ctx: BenchContext, method: string, input?: unknown): Promise<T> {
  const result = await ctx.core.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}：${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** Years before last, one per run of 开始自评 (one assessment per year and template). */
let nextYear = 0;
const assessmentId = (ctx: BenchContext) => ctx.scratch.get('assessmentId') as number;

export const ASSESSMENTS_BENCH_CASES: BenchCase[] = [
  {
    label: '开始年度自评（assessments:start，按台账给出建议分）',
    runs: 5,
    run: async (ctx) => {
      const lastYear = Number(ctx.today.slice(0, 4)) - 1;
      nextYear = nextYear === 0 ? lastYear : nextYear - 1;
      const view = await ok<AssessmentView>(ctx, 'assessments:start', { templateId: TEMPLATE, year: nextYear });
      ctx.scratch.set('assessmentId', view.id);
      ctx.scratch.set('assessmentProposed', view.indicators.filter((indicator) => !indicator.proposal.manual).length);
      ctx.scratch.set('assessmentIndicators', view.indicators.length);
    },
    note: (ctx) => `${ctx.scratch.get('assessmentIndicators')} 项指标，${ctx.scratch.get('assessmentProposed')} 项按记录给出建议分`,
  },
  {
    label: '打开一份自评（assessments:get）',
    runs: 30,
    run: async (ctx) => {
      await ok<AssessmentView>(ctx, 'assessments:get', { id: assessmentId(ctx) });
    },
  },
  {
    label: '保存自评（assessments:save，改一项得分并写理由）',
    runs: 30,
    run: async (ctx) => {
      const score = 4 + (Number(ctx.scratch.get('assessmentSaves') ?? 0) % 4);
      ctx.scratch.set('assessmentSaves', score);
      await ok(ctx, 'assessments:save', { id: assessmentId(ctx), indicators: [{ id: 'leadership-committee-meeting', answer: null, finalScore: score, note: '测试' }], vetoes: [], summary: null });
    },
  },
  {
    label: '导出自评打分表.xlsx',
    runs: 5,
    run: async (ctx) => ctx.scratch.set('assessmentXlsx', (await ok<AssessmentExportResult>(ctx, 'assessments:exportXlsx', { id: assessmentId(ctx) })).contentBase64.length),
    note: (ctx) => `${Math.round(((ctx.scratch.get('assessmentXlsx') as number) * 3) / 4 / 1024)} KB`,
  },
  {
    label: '导出自评报告.docx（GB/T 9704）',
    runs: 5,
    run: async (ctx) => ctx.scratch.set('assessmentDocx', (await ok<AssessmentExportResult>(ctx, 'assessments:exportDocx', { id: assessmentId(ctx), preset: 'gbt9704' })).contentBase64.length),
    note: (ctx) => `${Math.round(((ctx.scratch.get('assessmentDocx') as number) * 3) / 4 / 1024)} KB`,
  },
];
