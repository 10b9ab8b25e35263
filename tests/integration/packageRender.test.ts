import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DocumentPreset } from '../../src/shared/domain/documentPresets';
import { docxPages, xlsxRows } from '../../src/main/package/counts';
import { PACKAGE_ITEMS } from '../../src/main/package/registry';
import { demoBranch } from '../helpers/demo';
import { tempDataDir } from '../helpers/tempCore';

// The demo year's whole 迎检资料包 through LibreOffice to PDF: every document renders, no page is
// blank, no table runs away, and the 目录's page estimates stay near the real page counts.
// Skipped where LibreOffice or poppler is missing (see scripts/render-check.mjs for installing them).

const have = (tool: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const canRender = have('soffice') && have('pdftotext');
const fontconfig = join(__dirname, '..', '..', 'resources', 'fontconfig', 'fonts.conf');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
}

/** Converts the files to PDF in one LibreOffice run (a private profile, so parallel runs do not clash). */
function toPdf(files: string[], outDir: string): void {
  const profile = mkdtempSync(join(tmpdir(), 'package-render-lo-'));
  try {
    execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...files], {
      env: { ...process.env, FONTCONFIG_FILE: fontconfig },
      stdio: 'ignore',
      timeout: 240_000,
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Text of each page of a PDF (pdftotext separates pages with a form feed). */
function pdfPages(pdf: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
  return text.split('\f').slice(0, -1);
}

describe.skipIf(!canRender)('迎检资料包 rendered by LibreOffice', () => {
  for (const preset of ['gbt9704', 'unit'] as DocumentPreset[]) {
    it(`${preset}: every document renders, no blank pages, page estimates near the real count`, { timeout: 240_000 }, async () => {
      const { core } = await demoBranch();
      const target = tempDataDir();
      const result = await core.services.package.run({ year: 2025, preset, items: PACKAGE_ITEMS.map((item) => item.id), target, zip: false, acceptFindings: true });
      const files = walk(result.folder);
      // The unit preset renders the same Excel files: only its Word files are converted.
      const chosen = files.filter((file) => file.endsWith('.docx') || (preset === 'gbt9704' && file.endsWith('.xlsx')));
      const outDir = join(target, 'pdf');
      toPdf(chosen, outDir);

      const report: string[] = [];
      for (const file of chosen) {
        const pdf = join(outDir, `${basename(file).replace(/\.(docx|xlsx)$/, '')}.pdf`);
        expect(existsSync(pdf), `${basename(file)} should convert`).toBe(true);
        const pages = pdfPages(pdf);
        const blank = pages.map((text, index) => (text.trim() === '' ? index + 1 : null)).filter((page) => page !== null);
        expect(blank, `${basename(file)}: blank pages`).toEqual([]);
        const bytes = readFileSync(file);
        if (file.endsWith('.docx')) {
          const estimate = await docxPages(bytes);
          report.push(`${basename(file)} 估算 ${estimate} 实际 ${pages.length}`);
          expect(Math.abs(estimate - pages.length), `${basename(file)}: estimated ${estimate}, rendered ${pages.length}`).toBeLessThanOrEqual(Math.max(1, Math.ceil(pages.length * 0.34)));
        } else {
          // A sheet prints at least a dozen rows a page: more pages than that means a runaway layout.
          const rows = await xlsxRows(bytes);
          report.push(`${basename(file)} ${rows} 行 ${pages.length} 页`);
          expect(pages.length, `${basename(file)}: ${rows} rows on ${pages.length} pages`).toBeLessThanOrEqual(Math.ceil(rows / 12) + 1);
        }
      }
      // The minutes of one record are a few pages, never dozens.
      const minutes = chosen.filter((file) => file.includes('_会议记录/'));
      expect(minutes.length).toBeGreaterThan(50);
      if (process.env.PACKAGE_RENDER_REPORT) console.log(report.join('\n'));
    });
  }
});
