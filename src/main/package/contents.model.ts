import type { DocumentModel } from '../documents/documentModel';

// 目录 of a 迎检资料包: every file in order with its pages (Word, estimated) or rows (Excel); a
// folder is one bold row followed by its files. Built last, so it can count everything else.

export interface ContentsEntry {
  /** 01_党员花名册.xlsx or, for a folder's file, 2025-03-12_支部委员会会议/照片.jpg */
  path: string;
  /** 党员花名册 */
  title: string;
  count: number | null;
  unit: '页' | '行' | '个文件' | null;
  /** A file inside a folder item (indented under the folder's row). */
  inFolder: boolean;
}

export interface ContentsContext {
  branchName: string;
  year: number;
  generatedOn: string;
  /** Items left out and why: “五星三强自评打分表（2025年度没有五星三强自评）”. */
  skipped: string[];
}

export const CONTENTS_FILE_NAME = '00_目录.docx';

const countText = (entry: ContentsEntry) => (entry.count === null ? '' : `${entry.count}${entry.unit ?? ''}`);

export function contentsModel(entries: readonly ContentsEntry[], context: ContentsContext): DocumentModel {
  const rows: string[][] = [];
  const boldRows: number[] = [];
  let number = 0;
  for (const entry of entries) {
    if (entry.inFolder) {
      rows.push(['', `\u3000${entry.path}`, countText(entry)]);
      continue;
    }
    number += 1;
    if (entry.unit === '个文件') boldRows.push(rows.length);
    rows.push([String(number), entry.path, countText(entry)]);
  }
  const files = entries.filter((entry) => entry.unit !== '个文件').length;
  return {
    title: [context.branchName, `${context.year}年度迎检资料目录`],
    metaRows: [
      ['年　　度', `${context.year}年`],
      ['文件数量', `${files + 1}个（含本目录）`],
      ['生成日期', context.generatedOn],
    ],
    notes: [],
    sections: [
      {
        blocks: [
          { kind: 'table', widths: [10, 72, 18], header: ['序号', '文件', '页数/行数'], rows, centredColumns: [0, 2], boldRows, compact: true },
          { kind: 'paragraph', text: '注：Word 文件的页数为估算（按版式的每页行数、每行字数计），以打印为准；Excel 文件为表格行数（含标题行和表头）。' },
          ...(context.skipped.length > 0 ? [{ kind: 'paragraph' as const, text: `未包含：${context.skipped.join('；')}。` }] : []),
        ],
      },
    ],
    signatures: [],
  };
}
