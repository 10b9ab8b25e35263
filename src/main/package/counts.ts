import JSZip from 'jszip';

// Page counts for the 目录 without a layout engine. Word files are estimated from their own XML: the
// section's page size and margins give the text block; each paragraph takes ceil(width of its text ÷
// characters per line) lines at its line pitch (the document grid's, an exact spacing, or 1.3 × the
// font size); each table row takes its tallest cell (cell width from w:tcW) plus cell margins; page
// breaks (pageBreakBefore, w:br type=page) start a new page. The render test compares the estimate
// with LibreOffice's PDF. Excel files count the rows of their sheets (title and header rows included).

const attr = (xml: string, name: string): number | null => {
  const match = new RegExp(`w:${name}="(-?\\d+)"`).exec(xml);
  return match ? Number(match[1]) : null;
};

/** Width of text in character cells: CJK and full-width count 1, the rest ½. */
function textCells(text: string): number {
  let cells = 0;
  for (const ch of text) cells += /[\u2e80-\uffef]/.test(ch) ? 1 : 0.5;
  return cells;
}

const paragraphText = (xml: string) => [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

interface Layout {
  /** Text block width and height in twips. */
  width: number;
  height: number;
  linePitch: number | null;
}

/** Font size (twips per character) and line height of one paragraph. */
function paragraphMetrics(xml: string, layout: Layout, inTable: boolean): { charWidth: number; lineHeight: number } {
  const halfPoints = attr(/<w:sz [^>]*>/.exec(xml)?.[0] ?? '', 'val') ?? (inTable ? 28 : 32);
  const charWidth = halfPoints * 10;
  const exact = /<w:spacing [^>]*w:lineRule="exact"[^>]*>/.exec(xml)?.[0];
  const exactLine = exact ? attr(exact, 'line') : null;
  const lineHeight = exactLine ?? (!inTable && layout.linePitch ? layout.linePitch : Math.round(charWidth * 1.3));
  return { charWidth, lineHeight };
}

function paragraphHeight(xml: string, layout: Layout, width: number, inTable: boolean): number {
  const { charWidth, lineHeight } = paragraphMetrics(xml, layout, inTable);
  const perLine = Math.max(1, Math.floor(width / charWidth));
  const cells = textCells(paragraphText(xml)) + (inTable ? 0 : 2);
  const lines = Math.max(1, Math.ceil(cells / perLine));
  const spacing = /<w:spacing [^>]*>/.exec(xml)?.[0] ?? '';
  return lines * lineHeight + (attr(spacing, 'before') ?? 0) + (attr(spacing, 'after') ?? 0);
}

function tableRowHeights(tableXml: string, layout: Layout): number[] {
  return [...tableXml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map(([row]) => {
    let tallest = 0;
    for (const [cell] of row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)) {
      const width = Math.max(400, (attr(/<w:tcW [^>]*>/.exec(cell)?.[0] ?? '', 'w') ?? 2000) - 216);
      let height = 0;
      for (const [paragraph] of cell.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)) height += paragraphHeight(paragraph, layout, width, true);
      tallest = Math.max(tallest, height);
    }
    const minimum = attr(/<w:trHeight [^>]*>/.exec(row)?.[0] ?? '', 'val') ?? 0;
    return Math.max(tallest + 60, minimum);
  });
}

/** Estimated pages of a .docx (see the note at the top). */
export async function docxPages(bytes: Uint8Array): Promise<number> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  const sect = /<w:sectPr[\s\S]*?<\/w:sectPr>/.exec(xml)?.[0] ?? '';
  const pgSz = /<w:pgSz [^>]*>/.exec(sect)?.[0] ?? '';
  const pgMar = /<w:pgMar [^>]*>/.exec(sect)?.[0] ?? '';
  const layout: Layout = {
    width: (attr(pgSz, 'w') ?? 11906) - (attr(pgMar, 'left') ?? 1800) - (attr(pgMar, 'right') ?? 1800),
    height: (attr(pgSz, 'h') ?? 16838) - (attr(pgMar, 'top') ?? 1440) - (attr(pgMar, 'bottom') ?? 1440),
    linePitch: attr(/<w:docGrid [^>]*>/.exec(sect)?.[0] ?? '', 'linePitch'),
  };
  const body = /<w:body>([\s\S]*)<\/w:body>/.exec(xml)?.[1] ?? '';
  let pages = 1;
  let used = 0;
  const place = (height: number) => {
    if (used > 0 && used + height > layout.height) {
      pages += 1;
      used = 0;
    }
    used += height;
  };
  for (const [block] of body.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>|<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)) {
    if (block.startsWith('<w:tbl>')) {
      for (const height of tableRowHeights(block, layout)) place(height);
      continue;
    }
    if ((block.includes('<w:pageBreakBefore/>') || block.includes('<w:pageBreakBefore w:val="true"/>')) && used > 0) {
      pages += 1;
      used = 0;
    }
    place(paragraphHeight(block, layout, layout.width, false));
    if (/<w:br w:type="page"\/>/.test(block)) {
      pages += 1;
      used = 0;
    }
  }
  return pages;
}

/** Rows of every sheet of an .xlsx (those with content). */
export async function xlsxRows(bytes: Uint8Array): Promise<number> {
  const zip = await JSZip.loadAsync(bytes);
  let rows = 0;
  for (const name of Object.keys(zip.files).filter((file) => /^xl\/worksheets\/sheet\d+\.xml$/.test(file))) {
    const xml = await zip.file(name)!.async('string');
    rows += [...xml.matchAll(/<row [^>]*>(?!<\/row>)/g)].length;
  }
  return rows;
}
