// Chinese font fallback for generated Word files (DOMAIN §8). Office PCs often lack the 公文 fonts
// (仿宋_GB2312, 方正小标宋简体 come with government font packs, not with Windows), and Word then
// substitutes silently — usually with 宋体 at odd metrics. Where the installed fonts are known, each
// role gets the first installed face of its chain and the secretary is told what was changed.

/** Preferred face → faces to try next, best first. */
export const FONT_FALLBACKS: Record<string, readonly string[]> = {
  方正小标宋简体: ['方正小标宋_GBK', '华文中宋', '宋体'],
  仿宋_GB2312: ['仿宋'],
  楷体_GB2312: ['楷体'],
};

export interface FontSubstitution {
  preferred: string;
  /** The face written instead; null when nothing in the chain is installed (the preferred name is kept). */
  used: string | null;
}

/**
 * The face to write for `preferred`: itself if installed (or if the installed fonts are unknown —
 * browser mode and the CLI write the preferred names), else the first installed fallback.
 */
export function chooseFont(preferred: string, installed: ReadonlySet<string> | null): { font: string; substitution: FontSubstitution | null } {
  if (installed === null || installed.has(preferred)) return { font: preferred, substitution: null };
  const chain = FONT_FALLBACKS[preferred];
  if (!chain) return { font: preferred, substitution: null };
  const used = chain.find((face) => installed.has(face)) ?? null;
  return { font: used ?? preferred, substitution: { preferred, used } };
}

/** One sentence per substitution, for the message after an export. */
export function describeSubstitutions(substitutions: readonly FontSubstitution[]): string[] {
  return substitutions.map((item) =>
    item.used
      ? `本机未安装“${item.preferred}”，已改用“${item.used}”。`
      : `本机未安装“${item.preferred}”及其替代字体，文件中仍写“${item.preferred}”，在装有该字体的电脑上打开即可正常显示。`,
  );
}

/**
 * Font family names from Windows font file names: the Fonts folder lists files, not families,
 * and these are the files the 公文 faces and their fallbacks ship as.
 */
export const WINDOWS_FONT_FILES: Record<string, string> = {
  'simsun.ttc': '宋体',
  'simfang.ttf': '仿宋',
  'simkai.ttf': '楷体',
  'simhei.ttf': '黑体',
  'stzhongs.ttf': '华文中宋',
  'fzxbsjw.ttf': '方正小标宋简体',
  'fzxbsjw--gb1-0.ttf': '方正小标宋简体',
  'fzxbsk.ttf': '方正小标宋_GBK',
  'fzxbsk--gbk1-0.ttf': '方正小标宋_GBK',
  'fangsong_gb2312.ttf': '仿宋_GB2312',
  'simfang_gb2312.ttf': '仿宋_GB2312',
  '仿宋_gb2312.ttf': '仿宋_GB2312',
  'kaiti_gb2312.ttf': '楷体_GB2312',
  'simkai_gb2312.ttf': '楷体_GB2312',
  '楷体_gb2312.ttf': '楷体_GB2312',
};
