import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text of every page, as a PDF reader extracts it (through the fonts' ToUnicode maps). */
export async function pdfText(pdf: Buffer): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false })
    .promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str : '')).join(''));
  }
  await doc.destroy();
  return pages;
}

/**
 * Facts about the fonts of an uncompressed PDF (render with compress: false): which are embedded, and
 * the glyph ids drawn by text operators. Glyph 0 is .notdef, the empty box a reader shows for a
 * character the font lacks.
 */
export function pdfFontFacts(pdf: Buffer) {
  const s = pdf.toString('latin1');
  const fonts = [...s.matchAll(/\/Type \/Font\s*\/Subtype \/(\w+)/g)].map((m) => m[1]!);
  const embedded = (s.match(/\/FontFile2 \d+ 0 R/g) ?? []).length;
  const glyphs: number[] = [];
  // (a plain bracket scan: a nested quantifier here backtracks for minutes over the binary font data)
  for (const m of s.matchAll(/\[([^\][]*)\] ?TJ/g)) {
    for (const hex of m[1]!.matchAll(/<([0-9a-f]+)>/g)) {
      for (let i = 0; i < hex[1]!.length; i += 4) glyphs.push(Number.parseInt(hex[1]!.slice(i, i + 4), 16));
    }
  }
  return { fonts, embedded, glyphs };
}
