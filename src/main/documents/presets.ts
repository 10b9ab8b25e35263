// Page layouts for Word documents, as data (docs/DOMAIN §8). Lengths in twips (1/1440 inch),
// font sizes in points. Chinese faces go on the eastAsia slot of every run, Latin and digits in
// Times New Roman. Missing faces fall back along DOMAIN §8's chains where the installed fonts are known
// (withInstalledFonts).

import { DOCUMENT_PRESET_LABELS, type DocumentPreset } from '../../shared/domain/documentPresets';
import { chooseFont, type FontSubstitution } from '../../shared/domain/fonts';

export type DocPresetName = DocumentPreset;

export const mm = (value: number) => Math.round((value * 1440) / 25.4);
export const cm = (value: number) => mm(value * 10);
export const pt = (value: number) => Math.round(value * 20);

export interface FontSpec {
  eastAsia: string;
  latin: string;
  size: number;
  bold?: boolean;
}

/** Line spacing: `grid` snaps to the document grid (GB/T 9704), `exact` is a fixed height in points. */
export type LineSpacing = { rule: 'grid' } | { rule: 'exact'; points: number };

export interface DocPreset {
  name: DocPresetName;
  label: string;
  /** width × height as the page is used: a landscape page is wider than high (see landscapeTable). */
  page: { width: number; height: number; orientation?: 'landscape'; margin: { top: number; bottom: number; left: number; right: number; header: number; footer: number } };
  /** w:docGrid linesAndChars: lines per page and characters per line in the body font. */
  grid: { lines: number; chars: number } | null;
  title: FontSpec & { line: LineSpacing };
  body: FontSpec & { line: LineSpacing; firstLineChars: number };
  headings: { 1: FontSpec; 2: FontSpec; 3: FontSpec };
  table: FontSpec & { line: LineSpacing };
  /** “— 1 —”; `outside`: odd pages right, even pages left, one character in from the edge. */
  pageNumber: FontSpec & { placement: 'outside' | 'center' };
}

const LATIN = 'Times New Roman';
const A4 = { width: 11906, height: 16838 };

export const PRESETS: Record<DocPresetName, DocPreset> = {
  gbt9704: {
    name: 'gbt9704',
    label: DOCUMENT_PRESET_LABELS.gbt9704,
    page: {
      ...A4,
      // Text block 156 × 225 mm. The page number's 一字线 sits 7 mm under the text block (footer
      // distance = 35 − 7 mm less the number's line).
      margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), header: mm(15), footer: mm(22) },
    },
    grid: { lines: 22, chars: 28 },
    title: { eastAsia: '方正小标宋简体', latin: LATIN, size: 22, line: { rule: 'exact', points: 29 } },
    body: { eastAsia: '仿宋_GB2312', latin: LATIN, size: 16, line: { rule: 'grid' }, firstLineChars: 2 },
    headings: {
      1: { eastAsia: '黑体', latin: LATIN, size: 16 },
      2: { eastAsia: '楷体_GB2312', latin: LATIN, size: 16 },
      3: { eastAsia: '仿宋_GB2312', latin: LATIN, size: 16, bold: true },
    },
    table: { eastAsia: '仿宋_GB2312', latin: LATIN, size: 14, line: { rule: 'exact', points: 22 } },
    pageNumber: { eastAsia: '宋体', latin: '宋体', size: 14, placement: 'outside' },
  },
  unit: {
    name: 'unit',
    label: DOCUMENT_PRESET_LABELS.unit,
    page: { ...A4, margin: { top: cm(2.54), bottom: cm(2.54), left: cm(3.17), right: cm(3.17), header: cm(1.5), footer: cm(1.5) } },
    grid: null,
    title: { eastAsia: '方正小标宋简体', latin: LATIN, size: 22, line: { rule: 'exact', points: 36 } },
    body: { eastAsia: '仿宋_GB2312', latin: LATIN, size: 16, line: { rule: 'exact', points: 31 }, firstLineChars: 2 },
    headings: {
      1: { eastAsia: '黑体', latin: LATIN, size: 16 },
      2: { eastAsia: '楷体_GB2312', latin: LATIN, size: 16 },
      3: { eastAsia: '仿宋_GB2312', latin: LATIN, size: 16, bold: true },
    },
    table: { eastAsia: '仿宋_GB2312', latin: LATIN, size: 14, line: { rule: 'exact', points: 22 } },
    pageNumber: { eastAsia: '宋体', latin: '宋体', size: 14, placement: 'center' },
  },
};

/**
 * The preset turned to A4 landscape for a wide table (年度落实情况表): the same faces, title and page
 * number, but the margins of a printed form, no document grid (the page is a table, not 公文 body
 * text laid out 22 × 28), and 五号 (10.5 pt) table and note text so twelve month columns fit.
 */
export function landscapeTable(preset: DocPreset): DocPreset {
  return {
    ...preset,
    page: {
      width: A4.height,
      height: A4.width,
      orientation: 'landscape',
      margin: { top: mm(20), bottom: mm(20), left: mm(20), right: mm(20), header: mm(10), footer: mm(10) },
    },
    grid: null,
    body: { ...preset.body, size: 10.5, line: { rule: 'exact', points: 16 }, firstLineChars: 0 },
    table: { ...preset.table, size: 10.5, line: { rule: 'exact', points: 14 } },
    pageNumber: { ...preset.pageNumber, size: 10.5 },
  };
}

/** Width of the text block in twips. */
export function textWidth(preset: DocPreset): number {
  return preset.page.width - preset.page.margin.left - preset.page.margin.right;
}

/**
 * w:docGrid values for linesAndChars: linePitch = text height / lines; charSpace is the amount in
 * 1/4096 pt that each character of the default (body) size is widened or narrowed to fit `chars`.
 */
export function docGrid(preset: DocPreset): { linePitch: number; charSpace: number } | null {
  if (!preset.grid) return null;
  const height = preset.page.height - preset.page.margin.top - preset.page.margin.bottom;
  const linePitch = Math.floor(height / preset.grid.lines);
  const pitchPoints = textWidth(preset) / preset.grid.chars / 20;
  return { linePitch, charSpace: Math.round((pitchPoints - preset.body.size) * 4096) };
}

/**
 * The preset with each Chinese face replaced by the first installed face of its fallback chain
 * (DOMAIN §8), and the substitutions made — once per preferred face. `installed` null = unknown:
 * the preset is returned unchanged.
 */
export function withInstalledFonts(preset: DocPreset, installed: ReadonlySet<string> | null): { preset: DocPreset; substitutions: FontSubstitution[] } {
  const substitutions = new Map<string, FontSubstitution>();
  const swap = <T extends FontSpec>(font: T): T => {
    const choice = chooseFont(font.eastAsia, installed);
    if (choice.substitution) substitutions.set(font.eastAsia, choice.substitution);
    return { ...font, eastAsia: choice.font };
  };
  return {
    preset: {
      ...preset,
      title: swap(preset.title),
      body: swap(preset.body),
      headings: { 1: swap(preset.headings[1]), 2: swap(preset.headings[2]), 3: swap(preset.headings[3]) },
      table: swap(preset.table),
      pageNumber: swap(preset.pageNumber),
    },
    substitutions: [...substitutions.values()],
  };
}
