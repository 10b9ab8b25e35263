import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectInstalledFonts, parseFcList } from '../../src/main/documents/installedFonts';
import { PRESETS, withInstalledFonts } from '../../src/main/documents/presets';
import { chooseFont, describeSubstitutions } from '../../src/shared/domain/fonts';

// Font fallback along DOMAIN §8's chains: 方正小标宋简体 → 方正小标宋_GBK → 华文中宋 → 宋体;
// 仿宋_GB2312 → 仿宋; 楷体_GB2312 → 楷体.

describe('chooseFont', () => {
  it('keeps the preferred face when it is installed or when the installed fonts are unknown', () => {
    expect(chooseFont('仿宋_GB2312', new Set(['仿宋_GB2312', '仿宋']))).toEqual({ font: '仿宋_GB2312', substitution: null });
    expect(chooseFont('仿宋_GB2312', null)).toEqual({ font: '仿宋_GB2312', substitution: null });
  });

  it('takes the first installed face of the chain, in order', () => {
    expect(chooseFont('方正小标宋简体', new Set(['宋体', '华文中宋'])).font).toBe('华文中宋');
    expect(chooseFont('方正小标宋简体', new Set(['宋体'])).font).toBe('宋体');
    expect(chooseFont('方正小标宋简体', new Set(['宋体', '方正小标宋_GBK', '华文中宋'])).font).toBe('方正小标宋_GBK');
    expect(chooseFont('楷体_GB2312', new Set(['楷体'])).substitution).toEqual({ preferred: '楷体_GB2312', used: '楷体' });
  });

  it('keeps the preferred name when nothing in the chain is installed, and says so', () => {
    const choice = chooseFont('仿宋_GB2312', new Set(['宋体']));
    expect(choice).toEqual({ font: '仿宋_GB2312', substitution: { preferred: '仿宋_GB2312', used: null } });
    expect(describeSubstitutions([choice.substitution!])[0]).toContain('仍写“仿宋_GB2312”');
  });

  it('leaves faces without a chain (黑体, 宋体) alone even when missing', () => {
    expect(chooseFont('黑体', new Set())).toEqual({ font: '黑体', substitution: null });
  });
});

describe('withInstalledFonts', () => {
  it('replaces every role of the GB/T preset on a stock Windows PC and reports each face once', () => {
    const stockWindows = new Set(['宋体', '仿宋', '楷体', '黑体']);
    const { preset, substitutions } = withInstalledFonts(PRESETS.gbt9704, stockWindows);
    expect(preset.title.eastAsia).toBe('宋体');
    expect(preset.body.eastAsia).toBe('仿宋');
    expect(preset.table.eastAsia).toBe('仿宋');
    expect(preset.headings[1].eastAsia).toBe('黑体');
    expect(preset.headings[2].eastAsia).toBe('楷体');
    expect(preset.headings[3]).toEqual({ ...PRESETS.gbt9704.headings[3], eastAsia: '仿宋' });
    expect(substitutions.map((item) => `${item.preferred}→${item.used}`).sort()).toEqual(['仿宋_GB2312→仿宋', '方正小标宋简体→宋体', '楷体_GB2312→楷体'].sort());
    expect(describeSubstitutions(substitutions)).toContain('本机未安装“仿宋_GB2312”，已改用“仿宋”。');
    // The shared preset itself is not changed.
    expect(PRESETS.gbt9704.body.eastAsia).toBe('仿宋_GB2312');
  });

  it('changes nothing where the 公文 fonts are installed', () => {
    const { preset, substitutions } = withInstalledFonts(PRESETS.unit, new Set(['方正小标宋简体', '仿宋_GB2312', '楷体_GB2312', '黑体', '宋体']));
    expect(preset).toEqual(PRESETS.unit);
    expect(substitutions).toEqual([]);
  });
});

describe('installed font detection', () => {
  it('reads family names, including Chinese aliases, from fc-list output', () => {
    const families = parseFcList('FangSong,仿宋:style=Regular\nNoto Serif CJK SC,Noto Serif CJK SC SemiBold\n\nSimSun,宋体\n');
    expect(families).toEqual(new Set(['FangSong', '仿宋', 'Noto Serif CJK SC', 'Noto Serif CJK SC SemiBold', 'SimSun', '宋体']));
  });

  it('maps Windows font files (any case) in the system and per-user folders to their families', () => {
    const root = mkdtempSync(join(tmpdir(), 'fonts-'));
    try {
      mkdirSync(join(root, 'Windows', 'Fonts'), { recursive: true });
      mkdirSync(join(root, 'Local', 'Microsoft', 'Windows', 'Fonts'), { recursive: true });
      for (const file of ['SIMFANG.TTF', 'simsun.ttc', 'arial.ttf']) writeFileSync(join(root, 'Windows', 'Fonts', file), '');
      writeFileSync(join(root, 'Local', 'Microsoft', 'Windows', 'Fonts', 'FZXBSJW.TTF'), '');
      const families = detectInstalledFonts('win32', { WINDIR: join(root, 'Windows'), LOCALAPPDATA: join(root, 'Local') });
      expect(families).toEqual(new Set(['仿宋', '宋体', '方正小标宋简体']));
      expect(detectInstalledFonts('win32', { WINDIR: join(root, 'missing') })).toBeNull();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
