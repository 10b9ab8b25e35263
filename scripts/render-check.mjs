// Rendering check for generated documents (docs/ARCHITECTURE §6): converts an .xlsx or .docx to
// PDF with LibreOffice headless and the PDF to PNG pages with pdftoppm, using the project's
// fontconfig (宋体/仿宋_GB2312/方正小标宋简体 -> Noto Serif CJK SC, 黑体 -> Noto Sans CJK SC).
// Then LOOK at the PNGs.
//
//   node scripts/render-check.mjs <file.xlsx|file.docx> <outdir> [--dpi 70]
//
// Needs: libreoffice-calc-nogui / libreoffice-writer-nogui, poppler-utils, fonts-noto-cjk, and for
// .xlsx column widths true to Excel, fonts-crosextra-carlito (Calibri's metric twin).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const fontconfig = join(root, 'resources', 'fontconfig', 'fonts.conf');

function usage(message) {
  if (message) console.error(message);
  console.error('用法：node scripts/render-check.mjs <文件.xlsx|文件.docx> <输出文件夹> [--dpi 70]');
  process.exit(2);
}

function which(command) {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const args = process.argv.slice(2);
const dpiAt = args.indexOf('--dpi');
const dpi = dpiAt >= 0 ? Number(args.splice(dpiAt, 2)[1]) : 70;
const [input, outArg] = args;
if (!input || !outArg) usage();
if (!Number.isFinite(dpi) || dpi <= 0) usage('--dpi 应为正数');
const file = resolve(input);
if (!existsSync(file)) usage(`找不到文件：${file}`);
if (!['.xlsx', '.docx', '.xls', '.doc', '.odt', '.ods'].includes(extname(file).toLowerCase())) usage('只支持 xlsx/docx 等办公文档');
for (const tool of ['soffice', 'pdftoppm']) {
  if (!which(tool)) {
    console.error(`缺少 ${tool}。请以 root 运行：apt-get update && apt-get install -y libreoffice-calc-nogui libreoffice-writer-nogui poppler-utils fonts-noto-cjk fonts-crosextra-carlito`);
    process.exit(1);
  }
}

if (which('fc-list') && execFileSync('fc-list', ['Carlito']).toString().trim() === '') {
  console.warn('提示：未安装 Carlito 字体（fonts-crosextra-carlito），Excel 表格的列宽会比在 Excel/WPS 中宽，排版判断会失真。');
}

const outDir = resolve(outArg);
mkdirSync(outDir, { recursive: true });
const env = { ...process.env, FONTCONFIG_FILE: fontconfig };
// A private LibreOffice profile: several engineers (and tests) may convert at the same time,
// and a shared profile makes the second soffice exit silently without converting.
const profile = mkdtempSync(join(tmpdir(), 'render-check-lo-'));
const stem = basename(file, extname(file));
try {
  execFileSync(
    'soffice',
    [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, file],
    { env, stdio: ['ignore', 'ignore', 'inherit'], timeout: 120_000 },
  );
} finally {
  rmSync(profile, { recursive: true, force: true });
}
const pdf = join(outDir, `${stem}.pdf`);
if (!existsSync(pdf)) {
  console.error(`LibreOffice 没有生成 PDF：${pdf}`);
  process.exit(1);
}
for (const old of readdirSync(outDir)) if (old.startsWith(`${stem}-`) && old.endsWith('.png')) rmSync(join(outDir, old));
execFileSync('pdftoppm', ['-png', '-r', String(dpi), pdf, join(outDir, stem)], { env, stdio: 'inherit' });
const pages = readdirSync(outDir)
  .filter((name) => name.startsWith(`${stem}-`) && name.endsWith('.png'))
  .sort();
console.log(`PDF：${pdf}`);
console.log(`共 ${pages.length} 页：`);
for (const page of pages) console.log(`  ${join(outDir, page)}`);
