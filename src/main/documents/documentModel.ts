// A plain Word document model (docs/ARCHITECTURE §6): builders turn data into this with pure
// functions, renderDocx lays it out with a preset. Numbering (一、（一）1.) is part of the text, so
// the document looks the same in Word, WPS and LibreOffice without list definitions.

export interface DocParagraph {
  /** A run-in lead in bold, e.g. the speaker in “王丽萍：介绍……”. */
  lead?: string;
  text: string;
  /** Stays on the page of what follows (the last paragraph before a 落款). */
  keepNext?: boolean;
}

export interface DocTable {
  /** Relative column widths (any unit; they are scaled to the text block). */
  widths: number[];
  /** Header row, repeated on every page; omitted for a label/value table. */
  header?: string[];
  rows: string[][];
  /** Column indexes set bold (the labels of a facts table). */
  boldColumns?: number[];
  /** Column indexes centred (numbers, short codes). */
  centredColumns?: number[];
  /** Body row indexes set bold and left-aligned (group rows of a list, e.g. an indicator above its evidence). */
  boldRows?: number[];
  /** 小四 (12 pt) instead of the preset's table size: a long list such as an appendix's index. */
  compact?: boolean;
  /** Minimum row height in points, e.g. room for a handwritten signature. */
  rowHeight?: number;
  /**
   * Merged cells: per body row (same index as `rows`), how many columns each of its cells spans; a
   * row with spans has fewer cells than `widths`. Omitted (or a row's entry omitted): one column each.
   */
  spans?: (readonly number[] | undefined)[];
}

export type DocBlock =
  | ({ kind: 'paragraph' } & DocParagraph)
  /** Level 2 (（一） 楷体) and level 3 (1. 仿宋 bold); level 1 is a section's heading. */
  | { kind: 'heading'; level: 2 | 3; text: string }
  | ({ kind: 'table' } & DocTable);

export interface DocSection {
  /** Level-1 heading with its number, e.g. “一、会议议题” (黑体); none for a form's body. */
  heading?: string;
  /** Starts on a new page (an appendix). */
  newPage?: boolean;
  blocks: DocBlock[];
}

export interface DocumentModel {
  /** Title lines, centred (二号 小标宋): e.g. the branch's name, then “支部党员大会会议记录”. */
  title: string[];
  /** Label/value facts under the title, as a two-column table. */
  metaRows: [label: string, value: string][];
  /** Paragraphs right after the facts table (the quorum verdict). */
  notes: DocParagraph[];
  sections: DocSection[];
  /** Signature lines (落款) after the sections, right-aligned. */
  signatures: string[];
  /** Sections after the 落款 (附件, an index of evidence); give the first one newPage. */
  appendix?: DocSection[];
}

/** Numbers of level-1 headings: 一 … 二十. */
export function chineseOrdinal(n: number): string {
  const digits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return digits[n];
  if (n === 10) return '十';
  if (n < 20) return `十${digits[n - 10]}`;
  return `${digits[Math.floor(n / 10)]}十${digits[n % 10]}`;
}

/**
 * Drops the spaces the domain messages put around numbers (“实到 20 名”): printed Chinese runs
 * digits into the text (“实到20名”). Other spaces are kept.
 */
export function tightenSpaces(text: string): string {
  return text.replace(/(?<=[\u3000-\u9fff\uff00-\uffef]) +(?=\d)|(?<=\d) +(?=[\u3000-\u9fff\uff00-\uffef])/g, '');
}
