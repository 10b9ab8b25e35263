import { describe, expect, it } from 'vitest';
import { ftsPhrase, likeContaining, wordCondition } from '../../src/main/store/repos/searchQuery';
import { charCount, excerptAround, highlightSegments, MAX_SEARCH_WORDS, searchWords } from '../../src/shared/domain/textSearch';

describe('searchWords', () => {
  it('splits on half- and full-width spaces and lower-cases', () => {
    expect(searchWords(' 党费  发展党员　ABC ')).toEqual(['党费', '发展党员', 'abc']);
  });
  it('drops repeats and words inside another word of the query', () => {
    expect(searchWords('党费 党费收缴 党费')).toEqual(['党费收缴']);
    expect(searchWords('安全 生产 安全生产')).toEqual(['安全生产']);
  });
  it('gives no words for an empty or blank query', () => {
    expect(searchWords('')).toEqual([]);
    expect(searchWords(' \u3000 ')).toEqual([]);
    expect(searchWords(undefined)).toEqual([]);
  });
  it(`keeps at most ${MAX_SEARCH_WORDS} words`, () => {
    expect(searchWords('甲 乙 丙 丁 戊 己 庚 辛 壬 癸')).toHaveLength(MAX_SEARCH_WORDS);
  });
});

describe('charCount', () => {
  it('counts a character outside the BMP once', () => {
    expect(charCount('𠀀党')).toBe(2);
    expect('𠀀党'.length).toBe(3);
  });
});

describe('query escaping for the trigram index', () => {
  it('quotes a word as one FTS5 phrase, doubling inner quotes', () => {
    expect(ftsPhrase('党费收缴')).toBe('"党费收缴"');
    expect(ftsPhrase('a"b')).toBe('"a""b"');
    expect(ftsPhrase('""')).toBe('""""""');
    expect(ftsPhrase('x" OR "y')).toBe('"x"" OR ""y"');
  });
  it('escapes LIKE wildcards and the escape character', () => {
    expect(likeContaining('党费')).toBe('%党费%');
    expect(likeContaining('50%')).toBe('%50\\%%');
    expect(likeContaining('a_b')).toBe('%a\\_b%');
    expect(likeContaining('\\')).toBe('%\\\\%');
  });
  it('uses MATCH from 3 characters (as the tokenizer counts them) and LIKE below', () => {
    expect(wordCondition('党费').kind).toBe('like');
    expect(wordCondition('党').kind).toBe('like');
    expect(wordCondition('党费收').kind).toBe('match');
    expect(wordCondition('𠀀𠀀').kind).toBe('like'); // 2 characters, 4 UTF-16 units
    expect(wordCondition('OR(').param).toBe('"OR("');
  });
});

describe('highlightSegments', () => {
  it('marks every occurrence of every word, merging overlaps', () => {
    expect(highlightSegments('研究党费收缴和党费公示', ['党费', '收缴'])).toEqual([
      { text: '研究', hit: false },
      { text: '党费收缴', hit: true },
      { text: '和', hit: false },
      { text: '党费', hit: true },
      { text: '公示', hit: false },
    ]);
  });
  it('ignores case of Latin letters and treats wildcards literally', () => {
    expect(highlightSegments('WPS 与 a_b', ['wps', '_'])).toEqual([
      { text: 'WPS', hit: true },
      { text: ' 与 a', hit: false },
      { text: '_', hit: true },
      { text: 'b', hit: false },
    ]);
  });
  it('returns the text unmarked when nothing matches', () => {
    expect(highlightSegments('会议记录', ['党费'])).toEqual([{ text: '会议记录', hit: false }]);
    expect(highlightSegments('', ['党费'])).toEqual([]);
  });
});

describe('excerptAround', () => {
  const long = `${'一'.repeat(30)}党费收缴${'二'.repeat(60)}`;
  it('keeps a short text whole', () => {
    expect(excerptAround('研究党费收缴情况', ['党费'])).toBe('研究党费收缴情况');
  });
  it('cuts a long text around the first word, with 12 characters before it', () => {
    const excerpt = excerptAround(long, ['党费']);
    expect(excerpt).toBe(`…${'一'.repeat(12)}党费收缴${'二'.repeat(32)}…`);
  });
  it('does not run past the end: a word near the end shifts the window back', () => {
    const text = `${'一'.repeat(60)}党费`;
    expect(excerptAround(text, ['党费'])).toBe(`…${'一'.repeat(46)}党费`);
  });
  it('starts at the beginning when no word is found, and flattens line breaks', () => {
    expect(excerptAround(`第一行\n第二行${'三'.repeat(60)}`, ['党费'])).toBe(`第一行 第二行${'三'.repeat(41)}…`);
  });
  it('never splits a character outside the BMP', () => {
    const text = `${'𠀀'.repeat(30)}党费${'𠀀'.repeat(30)}`;
    expect(Array.from(excerptAround(text, ['党费'])).every((char) => char !== '\ud840')).toBe(true);
  });
});
