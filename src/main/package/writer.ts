import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PackageFileResult, PackageResult } from '../../shared/contract/package';
import { AppError } from '../../shared/contract/errors';
import { numberPrefix, packageFolderName, safeFileName } from '../../shared/domain/packageNames';
import type { DocumentModel } from '../documents/documentModel';
import { CONTENTS_FILE_NAME, contentsModel, type ContentsEntry } from './contents.model';
import { docxPages } from './counts';
import { exists, packageFsError, type PackageFs } from './packageFs';
import type { PackageBuildContext, PackageItem } from './registry';
import { createZipWriter, type ZipWriter } from './zip';

// Writes one 迎检资料包: everything goes into a hidden temporary folder beside the package's final
// place (same folder, so the same file system and the rename is atomic), the 目录 last, then the
// optional .zip, then one rename each into place. Any failure or a cancel removes what was written.
// A package never replaces an earlier one: the next free name is taken (2025年迎检资料包（2）).

export interface PackageProgress {
  current: number;
  total: number;
  fileName: string;
}

export interface WritePackageOptions {
  items: readonly PackageItem[];
  context: PackageBuildContext;
  /** The folder the package folder is created in (made when missing). */
  target: string;
  zip: boolean;
  branchName: string;
  now: Date;
  fs: PackageFs;
  renderContents(model: DocumentModel): Promise<{ bytes: Buffer; fontNotes: string[] }>;
  onProgress(progress: PackageProgress): void;
  isCancelled(): boolean;
}

export class PackageCancelled extends Error {
  constructor() {
    super('已取消');
  }
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

interface PlannedWrite {
  /** Path inside the package folder, with “/”. */
  path: string;
  build(): Promise<{ bytes: Uint8Array; pageOrRowCount: number | null; fontNotes?: string[] }>;
  /** Index of its top-level entry in `tops`. */
  top: number;
  inFolder: boolean;
}

interface TopEntry {
  path: string;
  title: string;
  kind: PackageItem['kind'];
  size: number;
  count: number | null;
  files: number;
}

const localDate = (date: Date) => `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;

export async function writePackage(options: WritePackageOptions): Promise<PackageResult> {
  const { fs, target, context } = options;
  let currentFile: string | null = null;
  const fail = (error: unknown): never => {
    if (error instanceof PackageCancelled || error instanceof AppError) throw error;
    if ((error as Error).message === 'ZIP_TOO_LARGE') throw new AppError('VALIDATION', '资料包超过 4 GB，无法压缩成 .zip。请不选“同时生成压缩包”，或少选一些附件。');
    if (typeof (error as NodeJS.ErrnoException).code === 'string') throw packageFsError(error, target, currentFile);
    throw error;
  };

  // The folders this run made for the target (the first one made), taken away again on failure.
  let madeTarget: string | undefined;
  try {
    madeTarget = (await fs.mkdir(target, { recursive: true })) as string | undefined;
    const stat = await fs.stat(target);
    if (!stat.isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    await fs.access(target, constants.W_OK);
  } catch (error) {
    if (madeTarget) await fs.rm(madeTarget, { recursive: true, force: true }).catch(() => undefined);
    fail(error);
  }

  const tops: TopEntry[] = [];
  const writes: PlannedWrite[] = [];
  const skipped: string[] = [];
  let total = 0;
  const token = randomBytes(4).toString('hex');
  const temp = join(target, `.${packageFolderName(context.year)}.正在生成-${token}`);
  const tempZip = join(target, `.${packageFolderName(context.year)}.zip.正在生成-${token}`);
  let finalFolder: string | null = null;
  let zipWriter: ZipWriter | null = null;
  const results: PackageFileResult[] = [];
  const contents: ContentsEntry[] = [];
  const fontNotes = new Set<string>();
  let current = 0;
  const progress = (fileName: string) => options.onProgress({ current, total, fileName });
  const checkCancel = () => {
    if (options.isCancelled()) throw new PackageCancelled();
  };

  try {
    // What will be written, numbered 01, 02 … among the items that have something this year.
    for (const item of options.items) {
      const reason = item.skipReason?.(context) ?? null;
      if (reason) {
        skipped.push(`${item.name}（${reason}）`);
        continue;
      }
      const prefix = numberPrefix(tops.length + 1);
      const name = safeFileName(item.name);
      const topIndex = tops.length;
      if (item.kind === 'folder') {
        const folder = `${prefix}_${name}`;
        const files = item.files(context);
        tops.push({ path: folder, title: item.name, kind: 'folder', size: 0, count: files.length, files: files.length });
        for (const file of files) writes.push({ path: `${folder}/${file.path}`, build: file.build, top: topIndex, inFolder: true });
      } else {
        const path = `${prefix}_${name}.${item.kind}`;
        tops.push({ path, title: item.name, kind: item.kind, size: 0, count: null, files: 1 });
        writes.push({ path, build: () => item.build(context), top: topIndex, inFolder: false });
      }
    }
    if (writes.length === 0) {
      throw new AppError('VALIDATION', `所选材料在${context.year}年都没有内容（${skipped.join('；')}），没有生成文件。`);
    }
    total = writes.length + 1 + (options.zip ? 1 : 0);

    await fs.mkdir(temp, { recursive: true });
    const made = new Set<string>();
    for (const write of writes) {
      checkCancel();
      currentFile = write.path;
      progress(write.path);
      const built = await write.build();
      for (const note of built.fontNotes ?? []) fontNotes.add(note);
      const dir = dirname(write.path);
      if (dir !== '.' && !made.has(dir)) {
        await fs.mkdir(join(temp, dir), { recursive: true });
        made.add(dir);
      }
      await fs.writeFile(join(temp, write.path), built.bytes, { flag: 'wx' });
      const top = tops[write.top];
      top.size += built.bytes.byteLength;
      if (!write.inFolder) top.count = built.pageOrRowCount;
      contents.push({ path: write.path, title: top.title, count: built.pageOrRowCount, unit: write.path.endsWith('.xlsx') ? '行' : write.path.endsWith('.docx') ? '页' : null, inFolder: write.inFolder });
      current += 1;
      await yieldToEventLoop();
    }

    // The 目录, last: it lists and counts everything above (a folder's row, then its files).
    checkCancel();
    currentFile = CONTENTS_FILE_NAME;
    progress(CONTENTS_FILE_NAME);
    const listed: ContentsEntry[] = [];
    for (const top of tops) {
      if (top.kind === 'folder') listed.push({ path: top.path, title: top.title, count: top.files, unit: '个文件', inFolder: false });
      for (const entry of contents.filter((candidate) => candidate.path === top.path || candidate.path.startsWith(`${top.path}/`))) {
        listed.push({ ...entry, path: entry.inFolder ? entry.path.slice(top.path.length + 1) : entry.path });
      }
    }
    const { bytes: contentsBytes, fontNotes: contentsFontNotes } = await options.renderContents(contentsModel(listed, { branchName: options.branchName, year: context.year, generatedOn: localDate(options.now), skipped }));
    for (const note of contentsFontNotes) fontNotes.add(note);
    await fs.writeFile(join(temp, CONTENTS_FILE_NAME), contentsBytes, { flag: 'wx' });
    const contentsPages = await docxPages(contentsBytes);
    results.push({ path: CONTENTS_FILE_NAME, size: contentsBytes.byteLength, count: contentsPages, unit: '页' });
    for (const top of tops) results.push({ path: top.path, size: top.size, count: top.count, unit: top.kind === 'folder' ? '个文件' : top.kind === 'xlsx' ? '行' : '页' });
    current += 1;
    await yieldToEventLoop();

    // The final name: never an earlier package's (nor its .zip's).
    let attempt = 1;
    while ((await exists(fs, join(target, packageFolderName(context.year, attempt)))) || (options.zip && (await exists(fs, join(target, `${packageFolderName(context.year, attempt)}.zip`))))) {
      attempt += 1;
      if (attempt > 99) throw new AppError('CONFLICT', `“${target}”中已有太多迎检资料包，请先整理或换一个文件夹。`);
    }
    const folderName = packageFolderName(context.year, attempt);

    let zipPath: string | null = null;
    if (options.zip) {
      checkCancel();
      currentFile = `${folderName}.zip`;
      progress(currentFile);
      zipWriter = await createZipWriter(fs, tempZip, options.now);
      for (const path of [CONTENTS_FILE_NAME, ...writes.map((write) => write.path)]) {
        checkCancel();
        await zipWriter.add(`${folderName}/${path}`, await fs.readFile(join(temp, path)));
        await yieldToEventLoop();
      }
      await zipWriter.close();
      current += 1;
    }

    checkCancel();
    currentFile = folderName;
    const folder = join(target, folderName);
    await fs.rename(temp, folder);
    finalFolder = folder;
    if (options.zip) {
      zipPath = join(target, `${folderName}.zip`);
      currentFile = `${folderName}.zip`;
      await fs.rename(tempZip, zipPath);
    }
    progress(folderName);
    const totalBytes = results.reduce((sum, file) => sum + file.size, 0);
    return { folder, zipPath, files: results, contentsFile: join(folder, CONTENTS_FILE_NAME), totalBytes, skipped, fontNotes: [...fontNotes], opened: false };
  } catch (error) {
    await zipWriter?.abort();
    await fs.rm(temp, { recursive: true, force: true }).catch(() => undefined);
    await fs.rm(tempZip, { recursive: true, force: true }).catch(() => undefined);
    // The folder was renamed into place but its .zip could not be: the package is not complete.
    if (finalFolder) await fs.rm(finalFolder, { recursive: true, force: true }).catch(() => undefined);
    if (madeTarget) await fs.rm(madeTarget, { recursive: true, force: true }).catch(() => undefined);
    return fail(error);
  }
}
