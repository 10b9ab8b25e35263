import { resolve } from 'node:path';
import { isAppError } from '../shared/contract/errors';
import { packageStartInput, type PackageCheck } from '../shared/contract/package';
import { formatFileSize } from '../shared/domain/attachments';
import { blockingFindings } from '../shared/domain/packageCheck';
import type { Core } from './core';
import { PACKAGE_ITEMS } from './package/registry';

// npm run cli -- export --year 2025 --out <dir> [--preset gbt9704|unit] [--zip] [--items a,b] [--strict]
// The same 迎检资料包 as the page, headless: the self-check's findings are printed and accepted with a
// warning (or, with --strict, refused), then one progress line per file.

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

export async function runExport(core: Core, args: string[], log: (line: string) => void = console.log, warn: (line: string) => void = console.error): Promise<number> {
  const yearText = option(args, '--year');
  const out = option(args, '--out');
  if (!yearText || !out) {
    warn('用法：npm run cli -- export --year 2025 --out 文件夹 [--preset gbt9704|unit] [--zip] [--items roster,minutes] [--strict]');
    return 2;
  }
  // npm runs scripts in the project folder; a relative --out means the folder the command was typed in.
  const target = resolve(process.env.INIT_CWD ?? process.cwd(), out);
  const itemIds = option(args, '--items')?.split(',').map((id) => id.trim()).filter(Boolean) ?? PACKAGE_ITEMS.map((item) => item.id);
  const parsed = packageStartInput.safeParse({ year: Number(yearText), preset: option(args, '--preset') ?? 'gbt9704', items: itemIds, target, zip: args.includes('--zip'), acceptFindings: true });
  if (!parsed.success) {
    warn(`参数有误：${parsed.error.issues.map((issue) => `${issue.path.join('.') || '输入'} ${issue.message}`).join('；')}`);
    return 2;
  }

  const checked = await core.dispatch('package:check', { year: parsed.data.year });
  if (!checked.ok) {
    warn(checked.error.message);
    return 1;
  }
  const check = checked.value as PackageCheck;
  if (check.emptyNotice) {
    warn(check.emptyNotice);
    return 1;
  }
  log(`自查：${check.year}年 ${check.records} 条记录，发现 ${check.findings.length} 项：`);
  for (const finding of check.findings) log(`  ${finding.severity === 'problem' ? '问题' : '提示'}  ${finding.message}`);
  const blocking = blockingFindings(check.findings);
  if (blocking.length > 0) {
    if (args.includes('--strict')) {
      warn(`自查发现 ${blocking.length} 个问题，按 --strict 未生成资料包。请在软件中修改后重试，或去掉 --strict。`);
      return 1;
    }
    warn(`警告：自查发现的 ${blocking.length} 个问题已自动忽略，资料包照常生成（加 --strict 可在有问题时停止）。`);
  }

  try {
    const result = await core.services.package.run(parsed.data, {
      onProgress: (progress) => log(`[${String(Math.min(progress.current + 1, progress.total)).padStart(3)}/${progress.total}] ${progress.fileName}`),
    });
    log(`已生成：${result.folder}（${formatFileSize(result.totalBytes)}）`);
    for (const file of result.files) log(`  ${file.path}  ${formatFileSize(file.size)}${file.count !== null ? `  ${file.count}${file.unit}` : ''}`);
    if (result.zipPath) log(`压缩包：${result.zipPath}`);
    if (result.skipped.length > 0) log(`未包含：${result.skipped.join('；')}。`);
    for (const note of result.fontNotes) warn(note);
    return 0;
  } catch (error) {
    warn(isAppError(error) ? error.message : String(error));
    return 1;
  }
}
