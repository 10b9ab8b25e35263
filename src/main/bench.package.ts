import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { unchangedUpdate, type MeetingListItem, type MeetingRecord } from '../shared/contract/meetings';
import type { PackageResult } from '../shared/contract/package';
import { formatFileSize } from '../shared/domain/attachments';
import type { BenchCase, BenchContext } from './bench';
import { MEETING_BENCH_CASES } from './bench.meetings';
import type { Core } from './core';
import { PACKAGE_ITEMS } from './package/registry';

// `npm run bench -- --package`: the whole 迎检资料包 (every item, with the .zip) for a year of 250
// records carrying 100 attachments (40–400 KB each), on the ten-year branch of bench.meetings.ts
// topped up with copies of that year's records. Peak RSS is sampled while the package is written.

const RECORDS = 250;
const ATTACHMENTS = 100;

async function ok<T>(core: Core, method: string, input?: unknown): Promise<T> {
  const result = await core.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}：${result.error.code} ${result.error.message}`);
  return result.value as T;
}

const benchYear = (ctx: BenchContext) => Number(ctx.today.slice(0, 4)) - 1;

function runPackage(ctx: BenchContext, zip: boolean) {
  return async () => {
    const target = join(ctx.dataDir, '..', 'package-out');
    rmSync(target, { recursive: true, force: true });
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
    let files = 0;
    // Time per item (top-level entry), from one progress event to the next.
    const perItem = new Map<string, number>();
    let last = { name: '准备和自查', at: performance.now() };
    const lap = (next: string) => {
      const now = performance.now();
      perItem.set(last.name, (perItem.get(last.name) ?? 0) + now - last.at);
      last = { name: next, at: now };
    };
    try {
      const result: PackageResult = await ctx.core.services.package.run(
        { year: benchYear(ctx), preset: 'gbt9704', items: PACKAGE_ITEMS.map((item) => item.id), target, zip, acceptFindings: true },
        {
          onProgress: (progress) => {
            files = progress.total;
            lap(progress.fileName.split('/')[0]);
          },
        },
      );
      lap('');
      const slowest = [...perItem].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([name, ms]) => `${name.replace(/^\d\d_/, '')} ${(ms / 1000).toFixed(1)} s`);
      ctx.scratch.set('package', { result, files, slowest, peakMb: Math.round(Math.max(peak, process.memoryUsage().rss) / 1024 / 1024) });
    } finally {
      clearInterval(sampler);
    }
  };
}

export const PACKAGE_BENCH_CASES: BenchCase[] = [
  MEETING_BENCH_CASES[0],
  {
    label: `补足一年 ${RECORDS} 条记录、${ATTACHMENTS} 个附件`,
    run: async (ctx) => {
      const year = benchYear(ctx);
      const list = await ok<MeetingListItem[]>(ctx.core, 'meetings:list', { year });
      for (let i = 0; list.length + i < RECORDS; i += 1) {
        const record = await ok<MeetingRecord>(ctx.core, 'meetings:get', { id: list[i % list.length].id });
        const { id: _id, version: _version, ...input } = unchangedUpdate(record);
        await ok(ctx.core, 'meetings:create', { ...input, decisions: input.decisions?.map((decision) => ({ ...decision, id: null })) });
      }
      // The decade's last year may hold more: the extra records are deleted so the year has exactly RECORDS.
      const all = await ok<MeetingListItem[]>(ctx.core, 'meetings:list', { year });
      for (const extra of all.slice(RECORDS)) await ok(ctx.core, 'meetings:delete', { id: extra.id });
      const records = await ok<MeetingListItem[]>(ctx.core, 'meetings:list', { year });
      let bytes = 0;
      for (let i = 0; i < ATTACHMENTS; i += 1) {
        const size = 40_000 + Math.floor(Math.random() * 360_000);
        bytes += size;
        await ok(ctx.core, 'attachments:add', { meetingId: records[(i * 7) % records.length].id, kind: 'photo', fileName: `现场照片${i + 1}.jpg`, contentBase64: randomBytes(size).toString('base64') });
      }
      ctx.scratch.set('packageSetup', `${records.length} 条记录，附件共 ${formatFileSize(bytes)}`);
    },
    note: (ctx) => String(ctx.scratch.get('packageSetup')),
  },
  {
    label: '自查（package:check）',
    runs: 5,
    run: (ctx) => ok(ctx.core, 'package:check', { year: benchYear(ctx) }),
  },
  ...[false, true].map(
    (zip): BenchCase => ({
      label: zip ? '迎检资料包，全部材料＋.zip' : '迎检资料包，全部材料（不压缩）',
      run: (ctx) => runPackage(ctx, zip)(),
      note: (ctx) => {
        const { result, files, peakMb, slowest } = ctx.scratch.get('package') as { result: PackageResult; files: number; peakMb: number; slowest: string[] };
        return `${files} 个文件，${formatFileSize(result.totalBytes)}；写入期间 RSS 峰值 ${peakMb} MB；最慢：${slowest.join('，')}`;
      },
    }),
  ),
];
