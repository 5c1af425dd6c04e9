import PDFDocument from 'pdfkit';
import { amountInWords, formatYuan } from '../../../common/money.ts';
import { cjkFonts } from './fonts.ts';
import { type Block, chineseDate, type DocumentModel, ZH_LABELS } from './model.ts';

const M = { left: 56, right: 56, top: 56, bottom: 72 };
const GREY = '#595959';
const RULE = '#bfbfbf';

type Doc = PDFKit.PDFDocument;

const contentWidth = (doc: Doc) => doc.page.width - M.left - M.right;
const bottomLimit = (doc: Doc) => doc.page.height - M.bottom;

function ensureSpace(doc: Doc, height: number) {
  if (doc.y + height > bottomLimit(doc)) doc.addPage();
}

function letterhead(doc: Doc, m: DocumentModel) {
  const w = contentWidth(doc);
  doc
    .font('bold')
    .fontSize(16)
    .fillColor('black')
    .text(m.org.name, M.left, M.top, { width: w, align: 'center' });
  if (m.org.address)
    doc.font('regular').fontSize(9).fillColor(GREY).text(m.org.address, { width: w, align: 'center' });
  doc.moveDown(0.4);
  doc
    .moveTo(M.left, doc.y)
    .lineTo(M.left + w, doc.y)
    .lineWidth(1)
    .strokeColor('black')
    .stroke();
  doc.moveDown(1.2);
  doc
    .font('bold')
    .fontSize(20)
    .fillColor('black')
    .text(m.title, M.left, doc.y, { width: w, align: 'center', characterSpacing: 2 });
  doc.moveDown(0.6);
  const labels = m.labels ?? ZH_LABELS;
  const meta = [m.number ? `${labels.number}：${m.number}` : null, `${labels.date}：${chineseDate(m.date)}`]
    .filter(Boolean)
    .join('    ');
  doc.font('regular').fontSize(10).fillColor(GREY).text(meta, M.left, doc.y, { width: w, align: 'right' });
  doc.moveDown(1);
}

function table(doc: Doc, b: Extract<Block, { type: 'table' }>) {
  const w = contentWidth(doc);
  const weights = b.columns.map((c) => c.width ?? 1);
  const total = weights.reduce((a, x) => a + x, 0);
  const widths = weights.map((x) => (x / total) * w);
  const pad = 4;
  const drawRow = (cells: string[], opts: { header?: boolean; bold?: boolean }) => {
    doc.font(opts.header || opts.bold ? 'bold' : 'regular').fontSize(9.5);
    const heights = cells.map((c, i) => doc.heightOfString(c || ' ', { width: widths[i]! - 2 * pad }));
    const h = Math.max(...heights) + 2 * pad;
    ensureSpace(doc, h);
    const y = doc.y;
    let x = M.left;
    if (opts.header) doc.rect(M.left, y, w, h).fill('#f0f0f0');
    cells.forEach((c, i) => {
      doc
        .fillColor('black')
        .text(c, x + pad, y + pad, { width: widths[i]! - 2 * pad, align: b.columns[i]?.align ?? 'left' });
      doc.rect(x, y, widths[i]!, h).lineWidth(0.5).strokeColor(RULE).stroke();
      x += widths[i]!;
    });
    doc.x = M.left;
    doc.y = y + h;
  };
  drawRow(
    b.columns.map((c) => c.title),
    { header: true },
  );
  for (const r of b.rows) drawRow(r, {});
  if (b.footer) drawRow(b.footer, { bold: true });
  doc.moveDown(0.8);
}

function signatures(doc: Doc, b: Extract<Block, { type: 'signatures' }>) {
  const w = contentWidth(doc);
  const n = Math.max(1, b.parties.length);
  const colW = w / n;
  const h = 110;
  ensureSpace(doc, h + 10);
  const y = doc.y + 10;
  b.parties.forEach((p, i) => {
    const x = M.left + i * colW;
    doc
      .font('bold')
      .fontSize(10.5)
      .fillColor('black')
      .text(p.title, x, y, { width: colW - 12 });
    doc
      .font('regular')
      .fontSize(10)
      .text(p.name ?? '', x, y + 18, { width: colW - 12 });
    if (p.seal) {
      // The seal area: a dashed circle where the company chop goes.
      doc
        .circle(x + colW - 60, y + 55, 38)
        .dash(3, { space: 3 })
        .lineWidth(0.6)
        .strokeColor(RULE)
        .stroke()
        .undash();
      doc
        .fontSize(8)
        .fillColor(GREY)
        .text('（盖章）', x + colW - 84, y + 51, { width: 48, align: 'center' });
    }
    doc
      .fontSize(10)
      .fillColor('black')
      .text(`签字：________________`, x, y + 60, { width: colW - 12 });
    doc.text(`日期：${p.date ? chineseDate(p.date) : '______年____月____日'}`, x, y + 82, {
      width: colW - 12,
    });
  });
  doc.x = M.left;
  doc.y = y + h;
}

function block(doc: Doc, b: Block, m: DocumentModel) {
  const w = contentWidth(doc);
  switch (b.type) {
    case 'heading':
      ensureSpace(doc, 40);
      doc.font('bold').fontSize(12).fillColor('black').text(b.text, M.left, doc.y, { width: w });
      doc.moveDown(0.4);
      return;
    case 'paragraph':
      doc
        .font('regular')
        .fontSize(11)
        .fillColor('black')
        .text(b.text, M.left, doc.y, { width: w, lineGap: 4, indent: 22 });
      doc.moveDown(0.6);
      return;
    case 'fields':
      for (const [label, value] of b.rows) {
        doc.font('regular').fontSize(10.5);
        const h = Math.max(doc.heightOfString(value || ' ', { width: w - 120 }), 14) + 4;
        ensureSpace(doc, h);
        const y = doc.y;
        doc.fillColor(GREY).text(`${label}：`, M.left, y, { width: 115 });
        doc.fillColor('black').text(value, M.left + 120, y, { width: w - 120 });
        doc.y = y + h;
      }
      doc.moveDown(0.6);
      return;
    case 'table':
      return table(doc, b);
    case 'amount': {
      ensureSpace(doc, 40);
      const words = amountInWords(b.fen, { prefix: true });
      const label = (m.labels ?? ZH_LABELS).amountInWords;
      doc
        .font('bold')
        .fontSize(11)
        .fillColor('black')
        .text(`${b.label}：${formatYuan(b.fen)}`, M.left, doc.y, { width: w, continued: false });
      doc.font('regular').fontSize(11).text(`（${label}：${words}）`, { width: w });
      doc.moveDown(0.6);
      return;
    }
    case 'signatures':
      return signatures(doc, b);
  }
}

function footers(doc: Doc, m: DocumentModel) {
  const range = doc.bufferedPageRange();
  const labels = m.labels ?? ZH_LABELS;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // The footer sits in the bottom margin; without this pdfkit would move it to a new page.
    doc.page.margins.bottom = 0;
    const w = contentWidth(doc);
    const y = doc.page.height - M.bottom + 20;
    doc
      .moveTo(M.left, y - 6)
      .lineTo(M.left + w, y - 6)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    doc.font('regular').fontSize(8).fillColor(GREY);
    if (m.org.footer) doc.text(m.org.footer, M.left, y, { width: w * 0.72, height: 30, lineBreak: true });
    doc.text(labels.page(i - range.start + 1, range.count), M.left + w * 0.72, y, {
      width: w * 0.28,
      align: 'right',
      lineBreak: false,
    });
  }
}

export interface PdfOptions {
  /** Uncompressed content streams, for tests that read the glyphs drawn. */
  compress?: boolean;
}

/** Renders a document to PDF bytes with the CJK font embedded (subset). */
export function renderPdf(m: DocumentModel, opts: PdfOptions = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: M,
    bufferPages: true,
    compress: opts.compress ?? true,
    info: { Title: m.title, Author: m.org.name, Creator: 'Tenantry', Subject: m.number ?? m.title },
  });
  const fonts = cjkFonts();
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  letterhead(doc, m);
  for (const b of m.blocks) block(doc, b, m);
  footers(doc, m);
  doc.end();
  return done;
}
