import JSZip from 'jszip';
import { execFileSync } from 'node:child_process';
import { promises as nodeFs, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MeetingListItem } from '../../src/shared/contract/meetings';
import type { PackageCheck, PackageItems, PackageJobStatus } from '../../src/shared/contract/package';
import { safeFileName, targetPathProblem } from '../../src/shared/domain/packageNames';
import { docxPages } from '../../src/main/package/counts';
import type { PackageFs } from '../../src/main/package/packageFs';
import { PACKAGE_ITEMS, type PackageItem } from '../../src/main/package/registry';
import { createPackageService } from '../../src/main/services/package.service';
import { runExport } from '../../src/main/cli.export';
import { demoBranch } from '../helpers/demo';
import { tables } from '../helpers/docx';
import { call, tempDataDir, type tempCore } from '../helpers/tempCore';

/** Whether this test run may mount a tmpfs (root in a container that allows it). */
function canMount(): boolean {
  if (process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(join(tmpdir(), 'package-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe]);
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

const ALL = PACKAGE_ITEMS.map((item) => item.id);
type TestCore = ReturnType<typeof tempCore>;

/** A package service on the core's data with injected file operations (or registry). */
interface ServiceOptions {
  fs?: PackageFs;
  items?: readonly PackageItem[];
  openPath?: (path: string) => Promise<string>;
  installedFonts?: () => ReadonlySet<string> | null;
}

function packageService(core: TestCore, options: ServiceOptions = {}) {
  const context = { store: core.store, clock: () => new Date('2026-11-22T10:00:00'), host: 'cli' as const, dataDir: core.dataDir, appVersion: 'test', installedFonts: options.installedFonts ?? (() => null), openPath: options.openPath };
  return createPackageService(context, core.services, options);
}

/** Every file under a folder, as paths with “/”. */
function walk(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

async function contentsRows(path: string): Promise<string[][]> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  return tables(await zip.file('word/document.xml')!.async('string')).at(-1)!;
}

/** A demo year with one record carrying two attachments (a picture and a text file). */
async function demoWithAttachments() {
  const demo = await demoBranch();
  const [first] = await call<MeetingListItem[]>(demo.core, 'meetings:list', { year: 2025 });
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
  await call(demo.core, 'attachments:add', { meetingId: first.id, kind: 'photo', fileName: '会场照片.png', contentBase64: png.toString('base64') });
  await call(demo.core, 'attachments:add', { meetingId: first.id, kind: 'other', fileName: '学习材料:第一讲?.txt', contentBase64: Buffer.from('学习材料').toString('base64') });
  return { ...demo, first };
}

describe('迎检资料包', () => {
  it('writes numbered files, a 目录 listing every file with counts, and a .zip holding the same', async () => {
    const { core } = await demoWithAttachments();
    const target = join(tempDataDir(), '导出');
    const service = packageService(core);
    const progress: string[] = [];
    const result = await service.run({ year: 2025, preset: 'gbt9704', items: ALL, target, zip: true, acceptFindings: true }, { onProgress: (p) => progress.push(`${p.current}/${p.total} ${p.fileName}`) });

    expect(result.folder).toBe(join(target, '2025年迎检资料包'));
    const top = readdirSync(result.folder).sort();
    // No assessment and no saved plan in the demo year: those items are left out and the rest numbered without gaps.
    expect(result.skipped).toEqual([
      '年度组织生活计划（2025年度计划还没有保存）',
      '整改清单（2025年没有整改事项）',
      '五星三强自评打分表（2025年度没有五星三强自评）',
      '五星三强自评报告（2025年度没有五星三强自评）',
    ]);
    expect(top).toEqual([
      '00_目录.docx',
      '01_党员花名册.xlsx',
      '02_三会一课登记台账.xlsx',
      '03_年度工作总结.docx',
      '04_会议记录汇编.docx',
      '05_会议记录',
      '06_年度落实情况表.xlsx',
      '07_年度落实情况表（打印版）.docx',
      '08_党员年度参加组织生活情况.xlsx',
      '09_民主评议汇总.xlsx',
      '10_谈心谈话台账.xlsx',
      '11_附件',
    ]);
    const files = walk(result.folder);
    const minutes = files.filter((file) => file.startsWith('05_会议记录/'));
    const records = await call<MeetingListItem[]>(core, 'meetings:list', { year: 2025 });
    expect(minutes).toHaveLength(records.length);
    // Two groups' meetings on one day are told apart by the group's name, not by (2).
    expect(minutes.filter((file) => /_党小组会_第.党小组/.test(file)).length, minutes.join('\n')).toBeGreaterThan(10);
    expect(minutes.filter((file) => file.includes('（2）'))).toEqual([]);
    expect(files).toContain('11_附件/' + files.find((file) => file.startsWith('11_附件/'))!.split('/')[1] + '/学习材料_第一讲_.txt');
    expect(files.filter((file) => file.startsWith('11_附件/'))).toHaveLength(2);

    // 目录: every file (top-level and inside the folders) appears, with pages or rows.
    const rows = await contentsRows(join(result.folder, '00_目录.docx'));
    const listed = rows.slice(1).map((row) => row[1].replace(/^\u3000/, ''));
    for (const file of files.filter((file) => file !== '00_目录.docx')) {
      const shown = file.includes('/') ? file.split('/').slice(1).join('/') : file;
      expect(listed).toContain(shown);
    }
    for (const folder of ['05_会议记录', '11_附件']) expect(listed).toContain(folder);
    const rosterRow = rows.find((row) => row[1] === '01_党员花名册.xlsx')!;
    expect(rosterRow[2]).toMatch(/^\d+行$/);
    expect(rows.find((row) => row[1] === '05_会议记录')![2]).toBe(`${records.length}个文件`);
    expect(rows.find((row) => row[1].endsWith('.docx') && row[1].startsWith('\u3000'))![2]).toMatch(/^\d+页$/);

    // The .zip beside the folder holds the same files under the folder's name.
    expect(result.zipPath).toBe(join(target, '2025年迎检资料包.zip'));
    const zip = await JSZip.loadAsync(readFileSync(result.zipPath!));
    const zipped = Object.keys(zip.files).filter((name) => !zip.files[name].dir).map((name) => name.replace(/^2025年迎检资料包\//, ''));
    expect(zipped.sort()).toEqual([...files].sort());
    const roster = await zip.file('2025年迎检资料包/01_党员花名册.xlsx')!.async('nodebuffer');
    expect(roster.equals(readFileSync(join(result.folder, '01_党员花名册.xlsx')))).toBe(true);

    // Progress: one line per file, the 目录 and the .zip last; nothing temporary left beside the package.
    expect(progress.length).toBe(files.length + 2);
    expect(progress.at(-3)).toMatch(/00_目录\.docx$/);
    expect(progress.at(-2)).toMatch(/2025年迎检资料包\.zip$/);
    expect(progress.at(-1)).toBe(`${files.length + 1}/${files.length + 1} 2025年迎检资料包`);
    expect(readdirSync(target).sort()).toEqual(['2025年迎检资料包', '2025年迎检资料包.zip']);
  });

  it('never overwrites: a second package of the same year gets the next free name', async () => {
    const { core } = await demoBranch();
    const target = tempDataDir();
    const service = packageService(core);
    const input = { year: 2025, preset: 'unit' as const, items: ['roster', 'complianceXlsx'], target, zip: true, acceptFindings: true };
    const first = await service.run(input);
    const before = statSync(join(first.folder, '01_党员花名册.xlsx')).mtimeMs;
    const second = await service.run(input);
    expect(second.folder).toBe(join(target, '2025年迎检资料包（2）'));
    expect(second.zipPath).toBe(join(target, '2025年迎检资料包（2）.zip'));
    expect(statSync(join(first.folder, '01_党员花名册.xlsx')).mtimeMs).toBe(before);
  });

  it('runs as a job: progress with counts, then cancel mid-run leaves nothing', async () => {
    const { core } = await demoBranch();
    const target = tempDataDir();
    // A slow registry: every record's minutes takes a little while, so the job can be caught mid-run.
    const slow = PACKAGE_ITEMS.map((item) =>
      item.kind === 'folder' && item.id === 'minutes'
        ? { ...item, files: (context: Parameters<typeof item.files>[0]) => item.files(context).map((file) => ({ ...file, build: async () => (await new Promise((r) => setTimeout(r, 20)), file.build()) })) }
        : item,
    );
    const service = packageService(core, { items: slow });
    const started = service.start({ year: 2025, preset: 'gbt9704', items: ['roster', 'minutes'], target, zip: true, acceptFindings: true });
    expect(started.state).toBe('running');
    let status: PackageJobStatus = started;
    for (let i = 0; i < 200 && status.current < 3; i += 1) {
      await new Promise((r) => setTimeout(r, 10));
      status = service.status({ jobId: started.jobId });
    }
    expect(status.current).toBeGreaterThanOrEqual(3);
    expect(status.total).toBeGreaterThan(status.current);
    expect(status.fileName).toMatch(/^02_会议记录\//);
    // Other requests are answered between files.
    const list = await core.dispatch('members:list', {});
    expect(list.ok).toBe(true);
    expect(service.status({ jobId: started.jobId }).state).toBe('running');
    service.cancel({ jobId: started.jobId });
    const ended = await service.settled(started.jobId);
    expect(ended.state).toBe('cancelled');
    expect(ended.message).toContain('没有留下任何文件');
    expect(readdirSync(target)).toEqual([]);

    // Other requests are answered while a job runs; a second job waits its turn.
    const again = service.start({ year: 2025, preset: 'gbt9704', items: ['roster'], target, zip: false, acceptFindings: true });
    expect(() => service.start({ year: 2025, preset: 'gbt9704', items: ['roster'], target, zip: false, acceptFindings: true })).toThrow(/正在生成2025年迎检资料包/);
    const done = await service.settled(again.jobId);
    expect(done.state).toBe('done');
    expect(done.result!.files.map((file) => file.path)).toEqual(['00_目录.docx', '01_党员花名册.xlsx']);
  });

  it('refuses without accepting the self-check, an empty year, and a target Windows cannot use', async () => {
    const { core } = await demoBranch();
    const target = tempDataDir();
    const check = await call<PackageCheck>(core, 'package:check', { year: 2025 });
    expect(check.findings.some((finding) => finding.severity === 'problem')).toBe(true);
    const refused = await core.dispatch('package:start', { year: 2025, items: ['roster'], target });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.message).toMatch(/自查发现 \d+ 个问题.*忽略并继续/);

    const empty = await call<PackageCheck>(core, 'package:check', { year: 2019 });
    expect(empty.emptyNotice).toBe('2019年还没有组织生活记录，没有可生成的迎检资料。请先录入本年度的记录，或选择其他年度。');
    const emptyStart = await core.dispatch('package:start', { year: 2019, items: ALL, target, acceptFindings: true });
    expect(!emptyStart.ok && emptyStart.error.message).toContain('2019年还没有组织生活记录');

    for (const bad of [`${target}/迎检?资料`, `${target}/a|b`, `${target}/CON`, 'D:\\资料\\报表<2025>', '相对/路径']) {
      const result = await core.dispatch('package:start', { year: 2025, items: ['roster'], target: bad, acceptFindings: true });
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error.message).toMatch(/Windows 不允许|保留的名称|完整路径/);
    }
    expect(readdirSync(target)).toEqual([]);

    // Only items with nothing this year: refused, and the folder the run would have made is not left behind.
    const nothing = join(target, '新建文件夹');
    await expect(packageService(core).run({ year: 2025, preset: 'gbt9704', items: ['plan', 'assessmentSheet'], target: nothing, zip: false, acceptFindings: true })).rejects.toThrow(
      '所选材料在2025年都没有内容（年度组织生活计划（2025年度计划还没有保存）；五星三强自评打分表（2025年度没有五星三强自评）），没有生成文件。',
    );
    expect(existsSync(nothing)).toBe(false);
    expect(targetPathProblem('D:\\迎检资料\\2025')).toBeNull();
    expect(safeFileName('会议:记录/第一次?.docx')).toBe('会议_记录_第一次_.docx');
    expect(safeFileName('NUL.txt')).toBe('_NUL.txt');
  });

  describe('file-system failures: a Chinese message and no partial output', () => {
    /** The real fs with one operation failing with the given code (after `after` successful calls). */
    function failing(operation: keyof PackageFs, code: string, after = 0): PackageFs {
      let calls = 0;
      return new Proxy(nodeFs as unknown as PackageFs, {
        get(target, key) {
          const real = (target as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>)[key as string];
          if (key !== operation) return real.bind(target);
          return async (...args: unknown[]) => {
            calls += 1;
            if (calls > after) throw Object.assign(new Error(`${code}: simulated`), { code });
            return real.apply(target, args);
          };
        },
      });
    }

    const cases: [string, keyof PackageFs, string, number, RegExp][] = [
      ['unwritable folder', 'access', 'EACCES', 0, /没有权限写入“.*”，迎检资料包未生成，没有留下写了一半的文件。请换一个文件夹/],
      ['disk full', 'writeFile', 'ENOSPC', 2, /磁盘空间不足，迎检资料包没有写完（写到“02_会议记录\/.*”时），没有留下写了一半的文件/],
      ['file locked', 'rename', 'EBUSY', 0, /正被其他程序占用（可能在 Word、WPS、Excel 或资源管理器中打开着），迎检资料包未生成/],
      ['locked or no permission', 'writeFile', 'EPERM', 1, /可能正被其他程序占用，或“.*”不允许写入/],
      ['zip disk full', 'open', 'ENOSPC', 0, /磁盘空间不足.*2025年迎检资料包\.zip/],
    ];
    for (const [name, operation, code, after, message] of cases) {
      it(name, async () => {
        const { core } = await demoBranch();
        const target = tempDataDir();
        const service = packageService(core, { fs: failing(operation, code, after) });
        const started = service.start({ year: 2025, preset: 'gbt9704', items: ['roster', 'minutes'], target, zip: true, acceptFindings: true });
        const ended = await service.settled(started.jobId);
        expect(ended.state).toBe('failed');
        expect(ended.message).toMatch(message);
        expect(readdirSync(target)).toEqual([]);
      });
    }

    it('a zip that cannot be put in place takes its folder back out', async () => {
      const { core } = await demoBranch();
      const target = tempDataDir();
      const service = packageService(core, { fs: failing('rename', 'EBUSY', 1) });
      await expect(service.run({ year: 2025, preset: 'gbt9704', items: ['roster'], target, zip: true, acceptFindings: true })).rejects.toThrow(/2025年迎检资料包\.zip”正被其他程序占用/);
      expect(readdirSync(target)).toEqual([]);
    });

    it('a real read-only folder (when not root) or a file in the way', async () => {
      const { core } = await demoBranch();
      const dir = tempDataDir();
      const file = join(dir, '不是文件夹');
      await nodeFs.writeFile(file, 'x');
      const result = await core.dispatch('package:start', { year: 2025, items: ['roster'], target: file, acceptFindings: true });
      expect(result.ok).toBe(true);
      const status = await packageJobEnd(core, (result as { value: PackageJobStatus }).value.jobId);
      expect(status.message).toMatch(/不是文件夹|没有权限|找不到/);
      expect(readdirSync(dir)).toEqual(['不是文件夹']);
    });
  });

  // A real full disk and a real read-only folder: tiny tmpfs mounts (root only, where mounting is allowed).
  describe.skipIf(!canMount())('on real file systems', () => {
    for (const [name, options, message] of [
      ['a full disk (256 KB tmpfs)', 'size=256k', /磁盘空间不足，迎检资料包没有写完/],
      ['a read-only folder', 'ro,size=256k', /没有权限写入“.*”，迎检资料包未生成/],
    ] as const) {
      it(name, async () => {
        const { core } = await demoBranch();
        const mountPoint = tempDataDir();
        execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', mountPoint]);
        try {
          const target = options.startsWith('ro') ? mountPoint : join(mountPoint, '导出');
          await expect(packageService(core).run({ year: 2025, preset: 'gbt9704', items: ALL, target, zip: true, acceptFindings: true })).rejects.toThrow(message);
          // Not even the 导出 folder the run made.
          expect(readdirSync(mountPoint)).toEqual([]);
        } finally {
          execFileSync('umount', [mountPoint]);
        }
      });
    }
  });

  it('on the desktop: the finished folder is opened, and 目录 opens on request', async () => {
    const { core } = await demoBranch();
    const target = tempDataDir();
    const opened: string[] = [];
    const service = packageService(core, { openPath: async (path) => (opened.push(path), '') });
    const started = service.start({ year: 2025, preset: 'gbt9704', items: ['roster'], target, zip: false, acceptFindings: true });
    const done = await service.settled(started.jobId);
    expect(done.result!.opened).toBe(true);
    expect(opened).toEqual([join(target, '2025年迎检资料包')]);
    expect(await service.open({ jobId: started.jobId, what: 'contents' })).toEqual({ opened: true, path: join(target, '2025年迎检资料包', '00_目录.docx') });
    // This PC's fonts: the 目录 and the Word files say which were replaced (once each).
    const fonts = await packageService(core, { installedFonts: () => new Set(['宋体', '仿宋', '黑体', '楷体']) }).run({ year: 2025, preset: 'gbt9704', items: ['roster', 'complianceDocx'], target, zip: false, acceptFindings: true });
    expect(fonts.fontNotes.join('')).toContain('方正小标宋简体');
    expect(new Set(fonts.fontNotes).size).toBe(fonts.fontNotes.length);
    const failing = packageService(core, { openPath: async () => '没有关联的程序' });
    const again = failing.start({ year: 2025, preset: 'gbt9704', items: ['roster'], target, zip: false, acceptFindings: true });
    expect((await failing.settled(again.jobId)).result!.opened).toBe(false);
    await expect(failing.open({ jobId: again.jobId, what: 'contents' })).rejects.toThrow(/无法打开“.*00_目录\.docx”：没有关联的程序/);
  });

  it('CLI export: findings printed, accepted with a warning or refused with --strict; progress lines; the same package', async () => {
    const { core } = await demoBranch();
    const out = tempDataDir();
    const lines: string[] = [];
    const warnings: string[] = [];
    const strict = await runExport(core, ['--year', '2025', '--out', out, '--strict'], (line) => lines.push(line), (line) => warnings.push(line));
    expect(strict).toBe(1);
    expect(lines[0]).toMatch(/^自查：2025年 \d+ 条记录，发现 \d+ 项：$/);
    expect(lines.some((line) => /^ {2}问题 {2}2025-.*没有填写会议内容/.test(line))).toBe(true);
    expect(warnings.at(-1)).toMatch(/^自查发现 \d+ 个问题，按 --strict 未生成资料包。/);
    expect(readdirSync(out)).toEqual([]);

    lines.length = 0;
    warnings.length = 0;
    const code = await runExport(core, ['--year', '2025', '--out', out, '--preset', 'unit', '--zip'], (line) => lines.push(line), (line) => warnings.push(line));
    expect(code).toBe(0);
    expect(warnings).toEqual([expect.stringMatching(/^警告：自查发现的 \d+ 个问题已自动忽略，资料包照常生成（加 --strict 可在有问题时停止）。$/)]);
    // 60 records' minutes, 2 attachments and 9 single files (the 目录 and .zip are counted apart).
    expect(lines).toContain('[  1/71] 01_党员花名册.xlsx');
    expect(lines.filter((line) => line.startsWith(`已生成：${join(out, '2025年迎检资料包')}（`))).toHaveLength(1);
    expect(lines).toContain(`压缩包：${join(out, '2025年迎检资料包.zip')}`);
    expect(readdirSync(out).sort()).toEqual(['2025年迎检资料包', '2025年迎检资料包.zip']);

    expect(await runExport(core, ['--year', '2025'], () => undefined, (line) => warnings.push(line))).toBe(2);
    expect(await runExport(core, ['--year', '2025', '--out', out, '--preset', 'a4'], () => undefined, (line) => warnings.push(line))).toBe(2);
    expect(warnings.at(-1)).toMatch(/^参数有误：preset/);
  });

  it('items and the default target, over the contract', async () => {
    const { core } = await demoBranch();
    const items = await call<PackageItems>(core, 'package:items');
    expect(items.items.map((item) => item.name)).toEqual([
      '党员花名册',
      '三会一课登记台账',
      '年度组织生活计划',
      '年度工作总结',
      '会议记录汇编',
      '会议记录',
      '年度落实情况表',
      '年度落实情况表（打印版）',
      '党员年度参加组织生活情况',
      '民主评议汇总',
      '谈心谈话台账',
      '整改清单',
      '五星三强自评打分表',
      '五星三强自评报告',
      '附件',
    ]);
    expect(items.defaultTarget).toBe(join(core.dataDir, '导出'));
    mkdirSync(items.defaultTarget, { recursive: true });
    const started = await call<PackageJobStatus>(core, 'package:start', { year: 2025, items: ['roster'], target: items.defaultTarget, acceptFindings: true });
    const done = await packageJobEnd(core, started.jobId);
    expect(done.state).toBe('done');
    expect(done.result!.opened).toBe(false);
    const download = await call<{ fileName: string; contentBase64: string }>(core, 'package:download', { jobId: started.jobId, what: 'contents' });
    expect(download.fileName).toBe('00_目录.docx');
    expect(await docxPages(Buffer.from(download.contentBase64, 'base64'))).toBe(1);
    const noZip = await core.dispatch('package:download', { jobId: started.jobId, what: 'zip' });
    expect(!noZip.ok && noZip.error.message).toContain('没有生成压缩包');
    const open = await call<{ opened: boolean; path: string }>(core, 'package:open', { jobId: started.jobId, what: 'folder' });
    expect(open).toEqual({ opened: false, path: join(items.defaultTarget, '2025年迎检资料包') });
    expect(existsSync(open.path)).toBe(true);
  });
});

/** Polls package:status as the page does, until the job ends. */
async function packageJobEnd(core: TestCore, jobId: string): Promise<PackageJobStatus> {
  for (;;) {
    const status = await call<PackageJobStatus>(core, 'package:status', { jobId });
    if (status.state !== 'running') return status;
    await new Promise((r) => setTimeout(r, 20));
  }
}
