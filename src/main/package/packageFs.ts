import { promises as nodeFs } from 'node:fs';
import { AppError } from '../../shared/contract/errors';

/** The file operations the package writer uses; tests inject failures (ENOSPC, EBUSY, EACCES). */
export interface PackageFs {
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  writeFile(path: string, data: Uint8Array, options: { flag: 'wx' }): Promise<void>;
  copyFile(from: string, to: string, mode: number): Promise<void>;
  readFile(path: string): Promise<Buffer>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, options: { recursive: true; force: true }): Promise<void>;
  stat(path: string): Promise<{ isDirectory(): boolean; size: number }>;
  access(path: string, mode: number): Promise<void>;
  open(path: string, flags: 'wx'): Promise<{ write(buffer: Buffer): Promise<unknown>; close(): Promise<void> }>;
}

export const realPackageFs: PackageFs = nodeFs as unknown as PackageFs;

export async function exists(fs: PackageFs, path: string): Promise<boolean> {
  try {
    await fs.stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

const NOTHING_LEFT = '没有留下写了一半的文件';

/**
 * A file-system failure while writing a package, in words a secretary can act on. `where` is the
 * folder chosen; `file` the file being written when it failed, if known.
 */
export function packageFsError(error: unknown, where: string, file: string | null): AppError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const shown = file ? `“${file}”` : '文件';
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new AppError('STORE_FULL', `磁盘空间不足，迎检资料包没有写完（写到${shown}时），${NOTHING_LEFT}。请清理“${where}”所在的磁盘，或换一个空间充足的位置（如 U 盘）后重试。`);
    case 'EBUSY':
    case 'ETXTBSY':
      return new AppError('CONFLICT', `${shown}正被其他程序占用（可能在 Word、WPS、Excel 或资源管理器中打开着），迎检资料包未生成，${NOTHING_LEFT}。请关闭占用它的程序后重试。`);
    case 'EPERM':
      return new AppError('STORE_READ_ONLY', `无法写入${shown}：它可能正被其他程序占用，或“${where}”不允许写入。迎检资料包未生成，${NOTHING_LEFT}。请关闭打开的文件，或换一个文件夹后重试。`);
    case 'EACCES':
    case 'EROFS':
      return new AppError('STORE_READ_ONLY', `没有权限写入“${where}”，迎检资料包未生成，${NOTHING_LEFT}。请换一个文件夹（如“文档”或桌面）后重试。`);
    case 'ENOTDIR':
    case 'EEXIST':
      return new AppError('VALIDATION', `保存位置“${where}”不是文件夹（同名文件已存在），迎检资料包未生成。请换一个位置。`);
    case 'ENOENT':
      return new AppError('VALIDATION', `找不到保存位置“${where}”（盘符或上级文件夹不存在，U 盘可能已拔出），迎检资料包未生成。请检查后重试。`);
    case 'ENAMETOOLONG':
      return new AppError('VALIDATION', `保存位置“${where}”的路径太长，迎检资料包未生成。请选一个层级浅一些的文件夹。`);
    default:
      return new AppError('STORE_UNAVAILABLE', `写入迎检资料包失败（${code ?? '未知原因'}），${NOTHING_LEFT}。请检查保存位置“${where}”后重试。`);
  }
}
