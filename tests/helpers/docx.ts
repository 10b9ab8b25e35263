import JSZip from 'jszip';

// Reading generated .docx files back in tests: the XML parts and each body paragraph's text.

export interface ReadBack {
  document: string;
  settings: string;
  footers: string[];
  /** Text of each paragraph of the body, in order. */
  paragraphs: string[];
}

export async function readDocx(base64: string): Promise<ReadBack> {
  const zip = await JSZip.loadAsync(Buffer.from(base64, 'base64'));
  const read = (name: string) => zip.file(name)!.async('string');
  const document = await read('word/document.xml');
  const footerNames = Object.keys(zip.files).filter((name) => /^word\/footer\d+\.xml$/.test(name));
  const paragraphs = [...document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((match) =>
    [...match[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((text) => text[1]).join(''),
  );
  return { document, settings: await read('word/settings.xml'), footers: await Promise.all(footerNames.map(read)), paragraphs };
}

export function attr(xml: string, element: string, name: string): string | undefined {
  const tag = new RegExp(`<${element}\\b[^>]*>`).exec(xml)?.[0];
  return tag ? new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] : undefined;
}

/** Runs' East Asian fonts, one per run that carries text. */
export function runFonts(xml: string): { eastAsia: string | undefined; ascii: string | undefined; text: string }[] {
  return [...xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)]
    .filter((match) => /<w:t[ >]|<w:fldChar|<w:instrText/.test(match[1]))
    .map((match) => ({ eastAsia: attr(match[1], 'w:rFonts', 'w:eastAsia'), ascii: attr(match[1], 'w:rFonts', 'w:ascii'), text: /<w:t[^>]*>([^<]*)/.exec(match[1])?.[1] ?? '' }));
}

/** Each table of the body as rows of cell texts (paragraphs of a cell joined by a newline). */
export function tables(document: string): string[][][] {
  return [...document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((table) =>
    [...table[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) =>
      [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) =>
        [...cell[0].matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')).join('\n'),
      ),
    ),
  );
}
