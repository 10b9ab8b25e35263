import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { BackupInspection, BackupItem, HandoverExport, RestoreResult } from '../shared/contract/dataSafety';
import type { MeetingListItem } from '../shared/contract/meetings';
import { formatFileSize } from '../shared/domain/attachments';
import type { BenchCase, BenchContext } from './bench';
import { MEETING_BENCH_CASES } from './bench.meetings';
import type { Core } from './core';

// `npm run bench -- --backup`: backup, verification, restore and the handover package on the
// ten-year branch (bench.meetings.ts) with 1,000 attachments (photos and scans, 40–400 KB of
// incompressible bytes each, about 220 MB), as a secretary's data folder would hold after a decade.

const ATTACHMENTS = 1000;
const PASSWORD = 'Bench#交接-2026';

async function ok<T>(core: Core, method: string, input?: unknown): Promise<T> {
  const result = await core.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}：${result.error.code} ${result.error.message}`);
  return result.value as T;
}

const mb = (bytes: number) => formatFileSize(bytes);

export const BACKUP_BENCH_CASES: BenchCase[] = [
  MEETING_BENCH_CASES[0],
  {
    label: `添加 ${ATTACHMENTS} 个附件（attachments:add）`,
    run: async (ctx: BenchContext) => {
      const years = Number(ctx.today.slice(0, 4));
      const meetings: MeetingListItem[] = [];
      for (let year = years - 9; year <= years; year += 1) meetings.push(...(await ok<MeetingListItem[]>(ctx.core, 'meetings:list', { year })));
      let total = 0;
      for (let i = 0; i < ATTACHMENTS; i += 1) {
        const size = 40_000 + Math.floor(Math.random() * 360_000);
        total += size;
        const meeting = meetings[i % meetings.length];
        await ok(ctx.core, 'attachments:add', { meetingId: meeting.id, kind: i % 3 === 0 ? 'signInSheet' : 'photo', fileName: `现场照片${i + 1}.jpg`, contentBase64: randomBytes(size).toString('base64') });
      }
      ctx.scratch.set('attachmentBytes', total);
    },
    note: (ctx) => `共 ${mb(ctx.scratch.get('attachmentBytes') as number)}`,
  },
  {
    label: '备份（dataSafety:backupNow，含写后校验）',
    run: async (ctx) => ctx.scratch.set('backup', await ok<BackupItem>(ctx.core, 'dataSafety:backupNow')),
    note: (ctx) => {
      const item = ctx.scratch.get('backup') as BackupItem;
      return `${mb(item.sizeBytes)}，${item.attachmentFiles} 个附件文件，${item.counts.meetings} 条记录`;
    },
  },
  {
    label: '再次备份（未变的附件与上一份共用文件）',
    run: (ctx) => ok(ctx.core, 'dataSafety:backupNow'),
    note: () => '每天的自动备份通常是这种情况',
  },
  {
    label: '检查备份（dataSafety:inspect，逐个重算校验值）',
    run: async (ctx) => {
      const inspection = await ok<BackupInspection>(ctx.core, 'dataSafety:inspect', { source: { kind: 'backup', id: (ctx.scratch.get('backup') as BackupItem).id } });
      if (inspection.status !== 'verified') throw new Error(`备份未通过检查：${inspection.problem}`);
    },
  },
  {
    label: '恢复（dataSafety:restore，含恢复前备份）',
    run: async (ctx) => ctx.scratch.set('restore', await ok<RestoreResult>(ctx.core, 'dataSafety:restore', { source: { kind: 'backup', id: (ctx.scratch.get('backup') as BackupItem).id } })),
    note: () => '校验备份 → 备份当前数据 → 复制附件 → 写临时库并检查 → 改名替换 → 重新打开',
  },
  {
    label: '导出交接包（scrypt + AES-256-GCM，1 MiB 分块）',
    run: async (ctx) => ctx.scratch.set('handover', await ok<HandoverExport>(ctx.core, 'dataSafety:exportHandover', { password: PASSWORD, folder: join(ctx.dataDir, '..', 'handover') })),
    note: (ctx) => mb((ctx.scratch.get('handover') as HandoverExport).sizeBytes),
  },
  {
    label: '导入交接包（dataSafety:importHandover，含导入前备份）',
    run: async (ctx) => {
      await ok(ctx.core, 'dataSafety:importHandover', { source: { kind: 'path', path: (ctx.scratch.get('handover') as HandoverExport).path }, password: PASSWORD });
    },
  },
];
