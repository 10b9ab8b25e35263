// The adjustable part of a Word layout (issue 7 item 1), as the secretary sees it: margins in mm,
// a face and a 字号 per role, the body's line spacing. main/documents/presetSettings turns these into
// a DocPreset on top of the shipped preset; the defaults are the shipped presets' own values.

/** 字号 from 初号 to 小五 and their sizes in points (the list Word and WPS offer). */
export const FONT_SIZES = [
  { name: '初号', pt: 42 },
  { name: '小初', pt: 36 },
  { name: '一号', pt: 26 },
  { name: '小一', pt: 24 },
  { name: '二号', pt: 22 },
  { name: '小二', pt: 18 },
  { name: '三号', pt: 16 },
  { name: '小三', pt: 15 },
  { name: '四号', pt: 14 },
  { name: '小四', pt: 12 },
  { name: '五号', pt: 10.5 },
  { name: '小五', pt: 9 },
] as const;

export const FONT_SIZE_POINTS: readonly number[] = FONT_SIZES.map((size) => size.pt);

/** “三号（16磅）”; a size off the list shows as points. */
export function fontSizeName(points: number): string {
  const found = FONT_SIZES.find((size) => size.pt === points);
  return found ? found.name : `${points}磅`;
}

/** The roles a face and a size are chosen for. */
export const PRESET_ROLES = ['title', 'heading1', 'heading2', 'heading3', 'body', 'table'] as const;
export type PresetRole = (typeof PRESET_ROLES)[number];
export const PRESET_ROLE_LABELS: Record<PresetRole, string> = {
  title: '标题',
  heading1: '一级标题（一、）',
  heading2: '二级标题（（一））',
  heading3: '三级标题（1.）',
  body: '正文',
  table: '表格',
};

/** Faces offered in the picker (any installed face may be typed). */
export const COMMON_FACES = ['方正小标宋简体', '方正小标宋_GBK', '华文中宋', '宋体', '黑体', '仿宋_GB2312', '仿宋', '楷体_GB2312', '楷体', '微软雅黑'] as const;

export type PresetLineSpacing = { rule: 'grid'; lines: number; chars: number } | { rule: 'exact'; points: number };

export interface PresetSettings {
  /** Millimetres. */
  margins: { top: number; bottom: number; left: number; right: number };
  fonts: Record<PresetRole, { face: string; size: number }>;
  /** Body line spacing: the document grid (lines × characters per page) or a fixed height in points. */
  line: PresetLineSpacing;
  /** First-line indent of body paragraphs, in characters. */
  firstLineChars: number;
}

export const MARGIN_RANGE = { min: 10, max: 50 } as const;
export const GRID_LINES_RANGE = { min: 15, max: 40 } as const;
export const GRID_CHARS_RANGE = { min: 15, max: 40 } as const;
export const EXACT_LINE_RANGE = { min: 12, max: 60 } as const;
/** A4 portrait, mm. */
export const A4_MM = { width: 210, height: 297 } as const;

/** The text block in mm for these margins. */
export function textBlockMm(margins: PresetSettings['margins']): { width: number; height: number } {
  return { width: round1(A4_MM.width - margins.left - margins.right), height: round1(A4_MM.height - margins.top - margins.bottom) };
}

const round1 = (value: number) => Math.round(value * 10) / 10;
const PT_PER_MM = 72 / 25.4;

export interface PresetProblem {
  /** Dotted path in PresetSettings: margins.top, fonts.body.size, line.chars… */
  path: string;
  message: string;
}

/**
 * What is wrong with the values, each with a Chinese message saying what to change. Beyond each
 * value's range: the grid's characters must fit the line at the body size (condensed by at most a
 * quarter, as Word does), and a line must be at least as high as the body text.
 */
export function presetProblems(settings: PresetSettings): PresetProblem[] {
  const problems: PresetProblem[] = [];
  const sides = { top: '上边距', bottom: '下边距', left: '左边距', right: '右边距' } as const;
  for (const side of Object.keys(sides) as (keyof typeof sides)[]) {
    const value = settings.margins[side];
    if (!Number.isFinite(value) || value < MARGIN_RANGE.min || value > MARGIN_RANGE.max) {
      problems.push({ path: `margins.${side}`, message: `${sides[side]}应在 ${MARGIN_RANGE.min}–${MARGIN_RANGE.max} 毫米之间` });
    }
  }
  for (const role of PRESET_ROLES) {
    const font = settings.fonts[role];
    if (!font.face.trim()) problems.push({ path: `fonts.${role}.face`, message: `请填写${PRESET_ROLE_LABELS[role]}的字体` });
    else if ([...font.face].length > 30) problems.push({ path: `fonts.${role}.face`, message: `${PRESET_ROLE_LABELS[role]}的字体名称不能超过30个字` });
    if (!FONT_SIZE_POINTS.includes(font.size)) {
      problems.push({ path: `fonts.${role}.size`, message: `${PRESET_ROLE_LABELS[role]}的字号应从初号到小五中选择` });
    }
  }
  if (!Number.isInteger(settings.firstLineChars) || settings.firstLineChars < 0 || settings.firstLineChars > 4) {
    problems.push({ path: 'firstLineChars', message: '首行缩进应为 0–4 个字' });
  }
  const block = textBlockMm(settings.margins);
  const body = settings.fonts.body.size;
  const line = settings.line;
  if (line.rule === 'grid') {
    if (!Number.isInteger(line.lines) || line.lines < GRID_LINES_RANGE.min || line.lines > GRID_LINES_RANGE.max) {
      problems.push({ path: 'line.lines', message: `每页行数应为 ${GRID_LINES_RANGE.min}–${GRID_LINES_RANGE.max} 行` });
    } else if ((block.height * PT_PER_MM) / line.lines < body) {
      problems.push({ path: 'line.lines', message: `按当前页边距和正文字号，每页最多排 ${Math.floor((block.height * PT_PER_MM) / body)} 行，请减少行数或缩小字号` });
    }
    if (!Number.isInteger(line.chars) || line.chars < GRID_CHARS_RANGE.min || line.chars > GRID_CHARS_RANGE.max) {
      problems.push({ path: 'line.chars', message: `每行字数应为 ${GRID_CHARS_RANGE.min}–${GRID_CHARS_RANGE.max} 字` });
    } else if ((block.width * PT_PER_MM) / line.chars < body * 0.75) {
      problems.push({ path: 'line.chars', message: `按当前页边距和正文字号，每行最多排 ${Math.floor((block.width * PT_PER_MM) / (body * 0.75))} 字，请减少字数或加宽版心` });
    }
  } else {
    if (!Number.isFinite(line.points) || line.points < EXACT_LINE_RANGE.min || line.points > EXACT_LINE_RANGE.max) {
      problems.push({ path: 'line.points', message: `固定行距应为 ${EXACT_LINE_RANGE.min}–${EXACT_LINE_RANGE.max} 磅` });
    } else if (line.points < body) {
      problems.push({ path: 'line.points', message: `固定行距不能小于正文字号（${body} 磅），否则文字会被截断` });
    }
  }
  return problems;
}

/** One line for the settings page: “页边距 上37 下35 左28 右26 毫米；正文 仿宋_GB2312 三号；每页22行×每行28字”. */
export function describePreset(settings: PresetSettings): string[] {
  const { margins, fonts, line } = settings;
  const block = textBlockMm(margins);
  return [
    `页边距：上 ${margins.top}、下 ${margins.bottom}、左 ${margins.left}、右 ${margins.right} 毫米（版心 ${block.width} × ${block.height} 毫米）`,
    `标题：${fonts.title.face} ${fontSizeName(fonts.title.size)}；正文：${fonts.body.face} ${fontSizeName(fonts.body.size)}；表格：${fonts.table.face} ${fontSizeName(fonts.table.size)}`,
    `标题层次：${fonts.heading1.face} → ${fonts.heading2.face} → ${fonts.heading3.face}（加粗）`,
    line.rule === 'grid' ? `行距：文档网格，每页 ${line.lines} 行 × 每行 ${line.chars} 字` : `行距：固定值 ${line.points} 磅`,
    `首行缩进 ${settings.firstLineChars} 字`,
  ];
}
