import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  HeightRule,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  PageReference,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
} from 'docx';
import type { DocBlock, DocParagraph, DocSection, DocTable, DocumentModel } from './documentModel';
import { docGrid, pt, textWidth, type DocPreset, type FontSpec, type LineSpacing } from './presets';

// Lays a DocumentModel out as .docx with a preset. Every run names its fonts explicitly (eastAsia
// for Chinese, ascii/hAnsi for Latin and digits), so the document does not depend on Word's
// Normal style or on the theme fonts of the PC that opens it.

type RunOptions = Omit<IRunOptions, 'text' | 'children'>;
type Xml = Record<string, unknown>;

/** pPr children that must come after w:snapToGrid (ECMA-376 CT_PPrBase order). */
const AFTER_SNAP = new Set(['w:spacing', 'w:ind', 'w:contextualSpacing', 'w:mirrorIndents', 'w:suppressOverlap', 'w:jc', 'w:textDirection', 'w:textAlignment', 'w:textboxTightWrap', 'w:outlineLvl', 'w:divId', 'w:cnfStyle', 'w:rPr', 'w:sectPr', 'w:pPrChange']);

/**
 * A paragraph that does not snap to the document grid (w:snapToGrid off in its pPr; docx has no
 * option for it). LibreOffice (7.4) lays a grid whose character pitch is below the font size —
 * GB/T 9704's 28 characters of 16 pt in 156 mm — as two cells per character, 14 characters a
 * line, and a 22 pt title as 14 a line. So every paragraph states its metrics itself: exact line
 * height = the grid's linePitch, characters condensed to fit 28 a line (see `condense`). The
 * section keeps its w:docGrid, so Word's page setup shows 22 × 28 and new text typed follows it.
 */
class GridFreeParagraph extends Paragraph {
  override prepForXml(context: Parameters<Paragraph['prepForXml']>[0]) {
    const xml = super.prepForXml(context) as Xml | undefined;
    const children = xml?.['w:p'];
    if (!Array.isArray(children)) return xml;
    const snap = { 'w:snapToGrid': { _attr: { 'w:val': false } } };
    let pPr = children.find((child: Xml) => Array.isArray(child['w:pPr'])) as Xml | undefined;
    if (!pPr) {
      pPr = { 'w:pPr': [] };
      children.unshift(pPr);
    }
    const props = pPr['w:pPr'] as Xml[];
    const at = props.findIndex((prop) => Object.keys(prop).some((key) => AFTER_SNAP.has(key)));
    props.splice(at < 0 ? props.length : at, 0, snap);
    return xml;
  }
}

function runStyle(font: FontSpec, extra: RunOptions = {}): RunOptions {
  return {
    font: { ascii: font.latin, hAnsi: font.latin, cs: font.latin, eastAsia: font.eastAsia },
    size: font.size * 2,
    sizeComplexScript: font.size * 2,
    bold: font.bold ?? false,
    ...extra,
  };
}

function run(text: string, font: FontSpec, extra: RunOptions = {}): TextRun {
  return new TextRun({ text, ...runStyle(font, extra) });
}

/** Line height in twips: one grid line (linePitch), or the exact height. */
function lineTwips(line: LineSpacing, preset: DocPreset): number {
  return line.rule === 'grid' ? (docGrid(preset)?.linePitch ?? pt(preset.body.size * 1.5)) : pt(line.points);
}

function spacing(line: LineSpacing, preset: DocPreset, before = 0, after = 0): IParagraphOptions['spacing'] {
  return { line: lineTwips(line, preset), lineRule: LineRuleType.EXACT, before, after };
}

/**
 * Character spacing (twips, negative = condensed) that fits the grid's characters per line in
 * body-size text, with half a character to spare: Word would fit 28 at −4, LibreOffice needs −10.
 */
function condense(preset: DocPreset): number {
  if (!preset.grid) return 0;
  return Math.min(0, Math.floor(textWidth(preset) / (preset.grid.chars + 0.5)) - pt(preset.body.size));
}

/** A run of body-size text (body, headings, signatures): condensed on a grid. */
function bodyRun(text: string, font: FontSpec, preset: DocPreset): TextRun {
  const spacingTwips = condense(preset);
  return run(text, font, spacingTwips ? { characterSpacing: spacingTwips } : {});
}

function bodyParagraph(paragraph: DocParagraph, preset: DocPreset): Paragraph {
  const children = [...(paragraph.lead ? [bodyRun(paragraph.lead, { ...preset.body, bold: true }, preset)] : []), bodyRun(paragraph.text, preset.body, preset)];
  return new GridFreeParagraph({
    children,
    ...(paragraph.keepNext ? { keepNext: true, keepLines: true } : {}),
    alignment: AlignmentType.BOTH,
    spacing: spacing(preset.body.line, preset),
    indent: { firstLineChars: preset.body.firstLineChars * 100, firstLine: pt(preset.body.size * preset.body.firstLineChars) },
  });
}

function heading(text: string, font: FontSpec, preset: DocPreset, newPage = false): Paragraph {
  return new GridFreeParagraph({
    children: [bodyRun(text, font, preset)],
    alignment: AlignmentType.LEFT,
    keepNext: true,
    ...(newPage ? { pageBreakBefore: true } : {}),
    spacing: spacing(preset.body.line, preset),
    indent: { firstLineChars: preset.body.firstLineChars * 100, firstLine: pt(preset.body.size * preset.body.firstLineChars) },
  });
}

const CELL_MARGIN = 100;
/** A compact table's text: 小四 on 18 pt lines. */
const COMPACT_TABLE = { size: 12, line: { rule: 'exact', points: 18 } as LineSpacing };
const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function table(model: DocTable, preset: DocPreset): Table {
  const total = textWidth(preset);
  const sum = model.widths.reduce((a, b) => a + b, 0);
  const widths = model.widths.map((width) => Math.floor((width / sum) * total));
  const bold = new Set(model.boldColumns ?? []);
  const centred = new Set(model.centredColumns ?? []);
  const boldRows = new Set(model.boldRows ?? []);
  const tableFont = model.compact ? { ...preset.table, size: COMPACT_TABLE.size } : preset.table;
  const tableLine = model.compact ? COMPACT_TABLE.line : preset.table.line;
  const cell = (text: string, column: number, header: boolean, span = 1, rowBold = false) =>
    new TableCell({
      width: { size: widths.slice(column, column + span).reduce((a, b) => a + b, 0), type: WidthType.DXA },
      ...(span > 1 ? { columnSpan: span } : {}),
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 40, bottom: 40 },
      children: text.split('\n').map(
        (line) =>
          new GridFreeParagraph({
            children: [run(line, { ...tableFont, bold: header || rowBold || bold.has(column) }, { snapToGrid: false })],
            // A group row stays on the page of the rows it heads (Word and WPS honour keepNext in a row).
            ...(rowBold ? { keepNext: true } : {}),
            alignment: rowBold ? AlignmentType.LEFT : header || bold.has(column) || centred.has(column) ? AlignmentType.CENTER : AlignmentType.LEFT,
            spacing: spacing(tableLine, preset),
          }),
      ),
    });
  /** A body row's cells, each starting at the column after the previous one's span. */
  const bodyCells = (row: readonly string[], spans: readonly number[] | undefined, rowBold: boolean) => {
    let column = 0;
    return row.map((text, i) => {
      const span = spans?.[i] ?? 1;
      const made = cell(text, column, false, span, rowBold);
      column += span;
      return made;
    });
  };
  const rows = [
    ...(model.header ? [new TableRow({ tableHeader: true, cantSplit: true, children: model.header.map((text, column) => cell(text, column, true)) })] : []),
    ...model.rows.map(
      (row, index) =>
        new TableRow({
          cantSplit: true,
          ...(model.rowHeight ? { height: { value: pt(model.rowHeight), rule: HeightRule.ATLEAST } } : {}),
          children: bodyCells(row, model.spans?.[index], boldRows.has(index)),
        }),
    ),
  ];
  return new Table({
    rows,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
  });
}

function block(item: DocBlock, preset: DocPreset): Paragraph | Table {
  switch (item.kind) {
    case 'paragraph':
      return bodyParagraph(item, preset);
    case 'heading':
      return heading(item.text, preset.headings[item.level], preset);
    case 'table':
      return table(item, preset);
  }
}

/** “— 1 —” in the footer; with `outside`, the odd-page footer is right and the even-page one left. */
function footers(preset: DocPreset): { default: Footer; even?: Footer } {
  const font = preset.pageNumber;
  const indent = pt(font.size);
  const number = (alignment: (typeof AlignmentType)[keyof typeof AlignmentType], side: 'left' | 'right' | null) =>
    new Footer({
      children: [
        new GridFreeParagraph({
          alignment,
          spacing: { line: pt(font.size + 2), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
          indent: side === 'left' ? { left: indent } : side === 'right' ? { right: indent } : undefined,
          children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], ...runStyle(font, { snapToGrid: false }) })],
        }),
      ],
    });
  if (preset.pageNumber.placement === 'center') return { default: number(AlignmentType.CENTER, null) };
  return { default: number(AlignmentType.RIGHT, 'right'), even: number(AlignmentType.LEFT, 'left') };
}

const TITLE_BREAKS = ['党总支部委员会', '总支部委员会', '支部委员会', '党总支', '党支部', '委员会'];

/**
 * Title lines that fit the text block: a line too long for one line (a long 支部 name in the
 * unit layout) breaks before its 支部委员会/党支部…, or else in the middle, never leaving one
 * character alone on the second line.
 */
export function fitTitleLines(lines: readonly string[], maxChars: number): string[] {
  return lines.flatMap((line) => {
    const chars = [...line];
    if (chars.length <= maxChars) return [line];
    for (const suffix of TITLE_BREAKS) {
      const at = line.lastIndexOf(suffix);
      if (at > 0 && [...line.slice(0, at)].length <= maxChars && [...line.slice(at)].length <= maxChars) return [line.slice(0, at), line.slice(at)];
    }
    const half = Math.ceil(chars.length / 2);
    return [chars.slice(0, half).join(''), ...fitTitleLines([chars.slice(half).join('')], maxChars)];
  });
}

/** Label and value columns of the facts table under the title. */
export const META_WIDTHS = [27, 73];

/**
 * The children of the one section: title, facts table, notes, sections, signatures. In a book
 * (renderDocxBook), a part starts on a new page and its first title line carries a bookmark the
 * contents list refers to.
 */
function content(model: DocumentModel, preset: DocPreset, part: { newPage: boolean; bookmark: string | null } = { newPage: false, bookmark: null }): (Paragraph | Table)[] {
  const gap = lineTwips(preset.body.line, preset);
  const title = fitTitleLines(model.title, Math.floor(textWidth(preset) / pt(preset.title.size)));
  const out: (Paragraph | Table)[] = title.map((line, index) => {
    const text = run(line, preset.title, { snapToGrid: false });
    return new GridFreeParagraph({
      children: index === 0 && part.bookmark ? [new Bookmark({ id: part.bookmark, children: [text] })] : [text],
      alignment: AlignmentType.CENTER,
      keepNext: true,
      ...(index === 0 && part.newPage ? { pageBreakBefore: true } : {}),
      spacing: spacing(preset.title.line, preset, 0, index === title.length - 1 ? gap : 0),
    });
  });
  if (model.metaRows.length > 0) {
    out.push(table({ widths: META_WIDTHS, rows: model.metaRows.map(([label, value]) => [label, value]), boldColumns: [0] }, preset));
  }
  out.push(...model.notes.map((note) => bodyParagraph(note, preset)));
  const sections = (list: readonly DocSection[]) => {
    for (const section of list) {
      if (section.heading) out.push(heading(section.heading, preset.headings[1], preset, section.newPage));
      out.push(...section.blocks.map((item) => block(item, preset)));
    }
  };
  sections(model.sections);
  model.signatures.forEach((line, index) => {
    out.push(
      new GridFreeParagraph({
        children: [bodyRun(line, preset.body, preset)],
        alignment: AlignmentType.RIGHT,
        keepLines: true,
        spacing: spacing(preset.body.line, preset, index === 0 ? gap : 0),
      }),
    );
  });
  sections(model.appendix ?? []);
  return out;
}

/** The document as .docx bytes, laid out with `preset`. */
export async function renderDocx(model: DocumentModel, preset: DocPreset): Promise<Buffer> {
  return renderDocument(model.title.join(''), content(model, preset), preset, { coverPage: false, updateFields: false });
}

/** Several documents in one file (会议记录汇编): an optional cover and contents, then each part on a new page. */
export interface DocumentBook {
  /** The file's title property. */
  title: string;
  /** Cover lines, centred in the title face; the cover carries no page number. */
  cover?: { lines: string[]; footerLines: string[] };
  /** Contents list: one row per part (its cells before the page number), page numbers as PAGEREF fields. */
  contents?: { heading: string; header: string[]; widths: number[]; rows: string[][] };
  parts: DocumentModel[];
}

/** The bookmark naming a part's first title line (a PAGEREF target). */
export const partBookmark = (index: number) => `part_${index + 1}`;

function cover(book: NonNullable<DocumentBook['cover']>, preset: DocPreset): Paragraph[] {
  const lineHeight = pt(preset.title.size * 2);
  const out: Paragraph[] = [];
  book.lines.forEach((line, index) =>
    out.push(
      new GridFreeParagraph({
        children: [run(line, { ...preset.title, size: index === 0 ? preset.title.size : preset.title.size + 4 }, { snapToGrid: false })],
        alignment: AlignmentType.CENTER,
        spacing: { line: lineHeight, lineRule: LineRuleType.EXACT, before: index === 0 ? pt(150) : pt(24), after: 0 },
      }),
    ),
  );
  book.footerLines.forEach((line, index) =>
    out.push(
      new GridFreeParagraph({
        children: [run(line, preset.headings[2], { snapToGrid: false })],
        alignment: AlignmentType.CENTER,
        spacing: { line: pt(preset.body.size * 2), lineRule: LineRuleType.EXACT, before: index === 0 ? pt(220) : 0, after: 0 },
      }),
    ),
  );
  return out;
}

function contentsList(list: NonNullable<DocumentBook['contents']>, preset: DocPreset, newPage: boolean): (Paragraph | Table)[] {
  const total = textWidth(preset);
  const sum = list.widths.reduce((a, b) => a + b, 0);
  const widths = list.widths.map((width) => Math.floor((width / sum) * total));
  // 小四 on 18 pt lines, as a compact table: a year of records fits on two or three pages.
  const font = { ...preset.table, size: COMPACT_TABLE.size };
  const cellParagraph = (children: (TextRun | PageReference)[], centred: boolean) =>
    new GridFreeParagraph({ children, alignment: centred ? AlignmentType.CENTER : AlignmentType.LEFT, spacing: spacing(COMPACT_TABLE.line, preset) });
  const cell = (column: number, children: (TextRun | PageReference)[], centred: boolean) =>
    new TableCell({
      width: { size: widths[column], type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 40, bottom: 40 },
      children: [cellParagraph(children, centred)],
    });
  const last = list.header.length;
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [...list.header, '页码'].map((text, column) => cell(column, [run(text, { ...font, bold: true }, { snapToGrid: false })], true)),
  });
  const rows = list.rows.map(
    (row, index) =>
      new TableRow({
        cantSplit: true,
        children: [
          ...row.map((text, column) => cell(column, [run(text, font, { snapToGrid: false })], column === 0)),
          // The page number is the word processor's: Word and WPS fill PAGEREF when fields update (the file asks on open), LibreOffice on load.
          cell(last, [new PageReference(partBookmark(index))], true),
        ],
      }),
  );
  return [
    new GridFreeParagraph({
      children: [run(list.heading, preset.title, { snapToGrid: false })],
      alignment: AlignmentType.CENTER,
      keepNext: true,
      ...(newPage ? { pageBreakBefore: true } : {}),
      spacing: spacing(preset.title.line, preset, 0, lineTwips(preset.body.line, preset)),
    }),
    new Table({
      rows: [header, ...rows],
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    }),
  ];
}

/** Parts one after another, each from a new page, behind an optional cover and contents list. */
export async function renderDocxBook(book: DocumentBook, preset: DocPreset): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  if (book.cover) children.push(...cover(book.cover, preset));
  if (book.contents) children.push(...contentsList(book.contents, preset, children.length > 0));
  book.parts.forEach((part, index) => {
    children.push(...content(part, preset, { newPage: children.length > 0, bookmark: book.contents ? partBookmark(index) : null }));
  });
  return renderDocument(book.title, children, preset, { coverPage: Boolean(book.cover), updateFields: Boolean(book.contents) });
}

async function renderDocument(title: string, children: (Paragraph | Table)[], preset: DocPreset, options: { coverPage: boolean; updateFields: boolean }): Promise<Buffer> {
  const grid = docGrid(preset);
  const { margin } = preset.page;
  const doc = new Document({
    creator: '支部台账',
    title,
    ...(options.updateFields ? { features: { updateFields: true } } : {}),
    evenAndOddHeaderAndFooters: preset.pageNumber.placement === 'outside',
    styles: {
      default: {
        document: {
          run: runStyle(preset.body),
          paragraph: { spacing: spacing(preset.body.line, preset) },
        },
      },
      // The grid's character pitch is counted from the Normal style's size (LibreOffice reads only
      // the style, not the document defaults), so Normal states the body size itself.
      paragraphStyles: [{ id: 'Normal', name: 'Normal', quickFormat: true, run: runStyle(preset.body) }],
    },
    sections: [
      {
        properties: {
          page: {
            // docx swaps width and height for a landscape section, so it is given them as portrait.
            size:
              preset.page.orientation === 'landscape'
                ? { width: preset.page.height, height: preset.page.width, orientation: PageOrientation.LANDSCAPE }
                : { width: preset.page.width, height: preset.page.height },
            margin: { top: margin.top, bottom: margin.bottom, left: margin.left, right: margin.right, header: margin.header, footer: margin.footer, gutter: 0 },
          },
          ...(grid ? { grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: grid.linePitch, charSpace: grid.charSpace } } : {}),
          ...(options.coverPage ? { titlePage: true } : {}),
        },
        footers: { ...footers(preset), ...(options.coverPage ? { first: new Footer({ children: [new Paragraph({})] }) } : {}) },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
