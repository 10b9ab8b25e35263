import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { z } from 'zod';
import { AppError } from '../../shared/contract/errors';
import type {
  PackageCheck,
  PackageDownload,
  PackageItems,
  PackageJobStatus,
  PackageOpenResult,
  PackageResult,
  packageDownloadInput,
  packageOpenInput,
  packageStartInput,
} from '../../shared/contract/package';
import type { MeetingRecord } from '../../shared/contract/meetings';
import { blockingFindings, packageFindings, type CheckObligation } from '../../shared/domain/packageCheck';
import { targetPathProblem } from '../../shared/domain/packageNames';
import { describeSubstitutions } from '../../shared/domain/fonts';
import { PRESETS, withInstalledFonts } from '../documents/presets';
import { renderDocx } from '../documents/renderDocx';
import { realPackageFs, type PackageFs } from '../package/packageFs';
import { PACKAGE_ITEMS, packageItemInfos, type PackageBuildContext, type PackageItem } from '../package/registry';
import { PackageCancelled, writePackage, type PackageProgress } from '../package/writer';
import { createAttachmentFiles } from './attachmentFiles';
import type { ServiceContext } from './context';
import type { CoreServices } from '.';

type StartInput = z.output<typeof packageStartInput>;

/** Where packages go unless another folder is typed: 导出 in the data folder. */
export const EXPORT_FOLDER = '导出';
/** Finished jobs kept for the page to read their result. */
const KEPT_JOBS = 20;
/** Largest file the page may download through the contract (a .zip in browser mode). */
const MAX_DOWNLOAD_BYTES = 100 * 1024 * 1024;

interface Job {
  status: PackageJobStatus;
  cancelRequested: boolean;
  done: Promise<void>;
}

export interface PackageServiceOptions {
  /** Injected file operations (tests simulate a full disk or a locked file). */
  fs?: PackageFs;
  /** The registry (tests use a smaller or a slow one). */
  items?: readonly PackageItem[];
}

/**
 * 迎检资料包: the self-check, the registry's items, and writing as a job in the main process that the
 * page polls (browser mode has no events). One package is written at a time; between files the job
 * yields to the event loop, so other requests keep being answered.
 */
type WriteHooks = { onProgress?: (progress: PackageProgress) => void; isCancelled?: () => boolean };

export function createPackageService(context: ServiceContext, services: CoreServices, options: PackageServiceOptions = {}) {
  const { store, dataDir, clock, installedFonts } = context;
  const fs = options.fs ?? realPackageFs;
  const registry = options.items ?? PACKAGE_ITEMS;
  const jobs = new Map<string, Job>();
  const attachmentFiles = createAttachmentFiles(dataDir, () => true);

  function yearRecords(year: number): MeetingRecord[] {
    return services.meetings
      .list({ year })
      .map((item) => services.meetings.get({ id: item.id }))
      .sort((a, b) => a.heldOn.localeCompare(b.heldOn) || a.id - b.id);
  }

  const emptyNotice = (year: number) => `${year}年还没有组织生活记录，没有可生成的迎检资料。请先录入本年度的记录，或选择其他年度。`;

  function assessmentOf(year: number) {
    return services.assessments.list().find((summary) => summary.year === year) ?? null;
  }

  function check(year: number, records: readonly MeetingRecord[]): PackageCheck {
    if (records.length === 0) return { year, records: 0, emptyNotice: emptyNotice(year), findings: [] };
    const report = services.compliance.year({ year });
    const overdue: CheckObligation[] = [];
    for (const rule of report.rules) {
      for (const row of rule.rows) {
        for (const period of row.periods) {
          if (period.status !== 'overdue') continue;
          overdue.push({ key: `${rule.rule.id}:${row.groupId ?? 'branch'}:${period.period.label}`, label: rule.rule.label, periodLabel: period.period.label, groupName: row.groupName });
        }
      }
    }
    const assessment = assessmentOf(year);
    const findings = packageFindings({
      year,
      records: records.map((record) => ({
        id: record.id,
        heldOn: record.heldOn,
        topic: record.topic,
        types: record.types,
        recorderMemberId: record.recorderMemberId,
        recorderName: record.recorderName,
        summary: record.summary,
        agendaCount: record.agenda.length,
        decisionCount: record.decisions.length,
        voteCount: record.votes.length,
        attendanceCount: record.attendance.length,
      })),
      overdue,
      assessment: assessment ? { id: assessment.id, status: assessment.status } : null,
      openRectifications: services.orgLife.rectifications({ status: 'open', year }).map((item) => ({ id: item.id, meetingId: item.meetingId, measure: item.measure, dueOn: item.dueOn, overdue: item.overdue })),
    });
    return { year, records: records.length, emptyNotice: null, findings };
  }

  function branchName(): string {
    const branch = store.branch.get();
    if (!branch) throw new AppError('NOT_FOUND', '还没有建立支部，不能生成迎检资料包。请先填写支部信息。');
    return branch.name;
  }

  /** Checks what can be checked before a job starts; returns what the writer needs. */
  function prepare(input: StartInput) {
    const problem = targetPathProblem(input.target);
    if (problem) throw new AppError('VALIDATION', problem, [{ path: 'target', label: '保存位置', message: problem }]);
    const unknown = input.items.filter((id) => !registry.some((item) => item.id === id));
    if (unknown.length > 0) throw new AppError('VALIDATION', `没有这些材料：${unknown.join('、')}，请刷新页面后重新选择。`, [{ path: 'items', label: '材料', message: '有不认识的材料' }]);
    const name = branchName();
    const records = yearRecords(input.year);
    const result = check(input.year, records);
    if (result.emptyNotice) throw new AppError('VALIDATION', result.emptyNotice, [{ path: 'year', label: '年度', message: result.emptyNotice }]);
    const blocking = blockingFindings(result.findings);
    if (blocking.length > 0 && !input.acceptFindings) {
      throw new AppError('CONFLICT', `自查发现 ${blocking.length} 个问题，尚未确认。请先修改，或选择“忽略并继续”后再生成。`);
    }
    const assessment = assessmentOf(input.year);
    const buildContext: PackageBuildContext = {
      year: input.year,
      preset: input.preset,
      services,
      records,
      assessmentId: assessment?.id ?? null,
      attachmentsOf: (meetingId) => store.attachments.ofMeeting(meetingId),
      groupName: (partyGroupId) => store.groups.get(partyGroupId)?.name ?? null,
      readAttachment: (item) => attachmentFiles.read(item),
    };
    const items = registry.filter((item) => input.items.includes(item.id)).sort((a, b) => a.number - b.number);
    return { name, buildContext, items, findings: result.findings };
  }

  async function renderContents(model: Parameters<typeof renderDocx>[0], preset: StartInput['preset']) {
    const adjusted = withInstalledFonts(PRESETS[preset], installedFonts());
    return { bytes: await renderDocx(model, adjusted.preset), fontNotes: describeSubstitutions(adjusted.substitutions) };
  }

  /** Writes one package to the end (the CLI and the bench; the page goes through `start`). */
  async function run(input: StartInput, hooks: WriteHooks = {}): Promise<PackageResult> {
    return writePrepared(prepare(input), input, hooks);
  }

  /** The one call into the writer, for `run` and for a job started by `start`. */
  function writePrepared(prepared: ReturnType<typeof prepare>, input: StartInput, hooks: WriteHooks): Promise<PackageResult> {
    return writePackage({
      items: prepared.items,
      context: prepared.buildContext,
      target: input.target,
      zip: input.zip,
      branchName: prepared.name,
      now: clock(),
      fs,
      renderContents: (model) => renderContents(model, input.preset),
      onProgress: hooks.onProgress ?? (() => undefined),
      isCancelled: hooks.isCancelled ?? (() => false),
    });
  }

  function job(jobId: string): Job {
    const found = jobs.get(jobId);
    if (!found) throw new AppError('NOT_FOUND', '找不到这次生成任务（软件可能已重新启动）。请重新生成。');
    return found;
  }

  function forget(): void {
    const finished = [...jobs.values()].filter((candidate) => candidate.status.state !== 'running');
    for (const old of finished.slice(0, Math.max(0, finished.length - KEPT_JOBS))) jobs.delete(old.status.jobId);
  }

  async function openPath(path: string): Promise<boolean> {
    if (!context.openPath) return false;
    const problem = await context.openPath(path);
    if (problem) throw new AppError('NOT_FOUND', `无法打开“${path}”：${problem}`);
    return true;
  }

  return {
    items(): PackageItems {
      return { items: packageItemInfos(registry), defaultTarget: join(dataDir, EXPORT_FOLDER) };
    },

    check({ year }: { year: number }): PackageCheck {
      return check(year, yearRecords(year));
    },

    run,

    start(input: StartInput): PackageJobStatus {
      const running = [...jobs.values()].find((candidate) => candidate.status.state === 'running');
      if (running) throw new AppError('CONFLICT', `正在生成${running.status.year}年迎检资料包，请等它完成或取消后再开始新的。`);
      const prepared = prepare(input);
      const jobId = randomUUID();
      const status: PackageJobStatus = { jobId, state: 'running', year: input.year, current: 0, total: 0, fileName: null, message: '正在准备……', result: null, errorCode: null };
      const entry: Job = { status, cancelRequested: false, done: Promise.resolve() };
      jobs.set(jobId, entry);
      entry.done = (async () => {
        try {
          // Let start's answer go out before the first file is built.
          await new Promise<void>((resolve) => setImmediate(resolve));
          const result = await writePrepared(prepared, input, {
            onProgress: ({ current, total, fileName }) => Object.assign(status, { current, total, fileName, message: `正在写入 ${fileName}（${current + 1}/${total}）` }),
            isCancelled: () => entry.cancelRequested,
          });
          const opened = await openPath(result.folder).catch(() => false);
          Object.assign(status, { state: 'done', current: status.total, result: { ...result, opened }, message: `已生成 ${basename(result.folder)}，共 ${result.files.length} 项。` });
        } catch (error) {
          if (error instanceof PackageCancelled) {
            Object.assign(status, { state: 'cancelled', message: '已取消，没有留下任何文件。' });
          } else if (error instanceof AppError) {
            Object.assign(status, { state: 'failed', message: error.message, errorCode: error.code });
          } else {
            console.error('[package]', error);
            Object.assign(status, { state: 'failed', message: '生成迎检资料包时软件内部出错，没有留下写了一半的文件。请重试；如仍出现，请联系维护人员。', errorCode: 'INTERNAL' });
          }
        } finally {
          forget();
        }
      })();
      return { ...status };
    },

    status({ jobId }: { jobId: string }): PackageJobStatus {
      return { ...job(jobId).status };
    },

    cancel({ jobId }: { jobId: string }): PackageJobStatus {
      const found = job(jobId);
      if (found.status.state === 'running') {
        found.cancelRequested = true;
        found.status.message = '正在取消……';
      }
      return { ...found.status };
    },

    /** Waits for a job to end (tests, CLI). */
    async settled(jobId: string): Promise<PackageJobStatus> {
      await job(jobId).done;
      return { ...job(jobId).status };
    },

    async open({ jobId, what }: z.output<typeof packageOpenInput>): Promise<PackageOpenResult> {
      const result = job(jobId).status.result;
      if (!result) throw new AppError('CONFLICT', '资料包还没有生成完成。');
      const path = what === 'folder' ? result.folder : result.contentsFile;
      return { opened: await openPath(path), path };
    },

    async download({ jobId, what }: z.output<typeof packageDownloadInput>): Promise<PackageDownload> {
      const result = job(jobId).status.result;
      if (!result) throw new AppError('CONFLICT', '资料包还没有生成完成。');
      const path = what === 'zip' ? result.zipPath : result.contentsFile;
      if (!path) throw new AppError('NOT_FOUND', '这次没有生成压缩包。请勾选“同时生成 .zip 压缩包”后重新生成。');
      try {
        if ((await stat(path)).size > MAX_DOWNLOAD_BYTES) throw new AppError('VALIDATION', `“${basename(path)}”太大，不能通过浏览器下载，请直接到文件夹中取用：${path}`);
        return { fileName: basename(path), contentBase64: (await readFile(path)).toString('base64') };
      } catch (error) {
        if (error instanceof AppError) throw error;
        throw new AppError('NOT_FOUND', `找不到“${path}”，它可能已被移动或删除。`);
      }
    },
  };
}

export type PackageService = ReturnType<typeof createPackageService>;
