// The secretary's adjustments (设置 → 文书格式) on top of a shipped preset: settingsOf reads the
// adjustable values out of a DocPreset (the defaults shown and restored), applySettings lays them
// back over it. What is not adjustable (header/footer distances, page-number face, the bold of the
// third heading level) stays the preset's.

import type { PresetSettings } from '../../shared/domain/presetSettings';
import { mm, type DocPreset, type FontSpec, type LineSpacing } from './presets';

const toMm = (twips: number) => Math.round((twips * 25.4 * 10) / 1440) / 10;

export function settingsOf(preset: DocPreset): PresetSettings {
  const { margin } = preset.page;
  const font = (spec: FontSpec) => ({ face: spec.eastAsia, size: spec.size });
  const body = preset.body.line;
  return {
    margins: { top: toMm(margin.top), bottom: toMm(margin.bottom), left: toMm(margin.left), right: toMm(margin.right) },
    fonts: {
      title: font(preset.title),
      heading1: font(preset.headings[1]),
      heading2: font(preset.headings[2]),
      heading3: font(preset.headings[3]),
      body: font(preset.body),
      table: font(preset.table),
    },
    line: preset.grid ? { rule: 'grid', ...preset.grid } : { rule: 'exact', points: body.rule === 'exact' ? body.points : Math.round(preset.body.size * 1.5) },
    firstLineChars: preset.body.firstLineChars,
  };
}

/** An exact line scaled with its font (a bigger title gets a taller line); grid lines stay grid lines. */
function scaledLine(line: LineSpacing, from: number, to: number): LineSpacing {
  return line.rule === 'exact' ? { rule: 'exact', points: Math.round((line.points * to) / from) } : line;
}

export function applySettings(base: DocPreset, settings: PresetSettings): DocPreset {
  const { fonts, margins, line } = settings;
  const face = <T extends FontSpec>(spec: T, chosen: { face: string; size: number }): T => ({ ...spec, eastAsia: chosen.face, size: chosen.size });
  return {
    ...base,
    page: { ...base.page, margin: { ...base.page.margin, top: mm(margins.top), bottom: mm(margins.bottom), left: mm(margins.left), right: mm(margins.right) } },
    grid: line.rule === 'grid' ? { lines: line.lines, chars: line.chars } : null,
    title: { ...face(base.title, fonts.title), line: scaledLine(base.title.line, base.title.size, fonts.title.size) },
    body: { ...face(base.body, fonts.body), line: line.rule === 'grid' ? { rule: 'grid' } : { rule: 'exact', points: line.points }, firstLineChars: settings.firstLineChars },
    headings: { 1: face(base.headings[1], fonts.heading1), 2: face(base.headings[2], fonts.heading2), 3: face(base.headings[3], fonts.heading3) },
    table: { ...face(base.table, fonts.table), line: scaledLine(base.table.line, base.table.size, fonts.table.size) },
  };
}
