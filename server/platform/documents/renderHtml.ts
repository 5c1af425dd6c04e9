import { amountInWords, formatYuan } from '../../../common/money.ts';
import { type Block, chineseDate, type DocumentModel, ZH_LABELS } from './model.ts';

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const CSS = `
@page { size: A4; margin: 20mm 20mm 25mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans SC", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif;
  color: #000; font-size: 11pt; line-height: 1.6; max-width: 210mm; margin: 0 auto; padding: 12mm; }
.letterhead { text-align: center; border-bottom: 1.5pt solid #000; padding-bottom: 4pt; }
.letterhead .org { font-size: 16pt; font-weight: 700; }
.letterhead .addr { font-size: 9pt; color: #595959; }
h1 { text-align: center; font-size: 20pt; letter-spacing: 2pt; margin: 18pt 0 6pt; }
.meta { text-align: right; color: #595959; font-size: 10pt; margin-bottom: 12pt; }
h2 { font-size: 12pt; margin: 12pt 0 4pt; }
p { text-indent: 2em; margin: 0 0 8pt; white-space: pre-wrap; }
dl { display: grid; grid-template-columns: 8em 1fr; margin: 0 0 10pt; }
dt { color: #595959; } dd { margin: 0; }
table { width: 100%; border-collapse: collapse; font-size: 9.5pt; margin-bottom: 10pt; }
th, td { border: 0.5pt solid #bfbfbf; padding: 3pt 4pt; }
th { background: #f0f0f0; } tfoot td { font-weight: 700; }
.amount { font-weight: 700; } .amount .words { font-weight: 400; }
.signatures { display: flex; gap: 12pt; margin-top: 18pt; }
.signatures > div { flex: 1; min-height: 100pt; position: relative; }
.seal { position: absolute; right: 12pt; top: 18pt; width: 76pt; height: 76pt; border: 0.6pt dashed #bfbfbf;
  border-radius: 50%; display: flex; align-items: center; justify-content: center; color: #595959; font-size: 8pt; }
footer { margin-top: 24pt; border-top: 0.5pt solid #bfbfbf; font-size: 8pt; color: #595959; padding-top: 4pt; }
@media print { body { padding: 0; } }`;

function block(b: Block, m: DocumentModel): string {
  switch (b.type) {
    case 'heading':
      return `<h2>${esc(b.text)}</h2>`;
    case 'paragraph':
      return `<p>${esc(b.text)}</p>`;
    case 'fields':
      return `<dl>${b.rows.map(([k, v]) => `<dt>${esc(k)}：</dt><dd>${esc(v)}</dd>`).join('')}</dl>`;
    case 'table': {
      const align = (i: number) => `style="text-align:${b.columns[i]?.align ?? 'left'}"`;
      const head = b.columns.map((c, i) => `<th ${align(i)}>${esc(c.title)}</th>`).join('');
      const body = b.rows
        .map((r) => `<tr>${r.map((c, i) => `<td ${align(i)}>${esc(c)}</td>`).join('')}</tr>`)
        .join('');
      const foot = b.footer
        ? `<tfoot><tr>${b.footer.map((c, i) => `<td ${align(i)}>${esc(c)}</td>`).join('')}</tr></tfoot>`
        : '';
      return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody>${foot}</table>`;
    }
    case 'amount': {
      const label = (m.labels ?? ZH_LABELS).amountInWords;
      return `<p class="amount">${esc(b.label)}：${esc(formatYuan(b.fen))}<span class="words">（${label}：${esc(amountInWords(b.fen, { prefix: true }))}）</span></p>`;
    }
    case 'signatures':
      return `<div class="signatures">${b.parties
        .map(
          (p) =>
            `<div><strong>${esc(p.title)}</strong><div>${esc(p.name ?? '')}</div>${p.seal ? '<div class="seal">（盖章）</div>' : ''}` +
            `<div style="margin-top:36pt">签字：________________</div><div>日期：${p.date ? esc(chineseDate(p.date)) : '______年____月____日'}</div></div>`,
        )
        .join('')}</div>`;
  }
}

/** The same document as a self-contained HTML page for the browser's print dialog. */
export function renderHtml(m: DocumentModel): string {
  const labels = m.labels ?? ZH_LABELS;
  const meta = [
    m.number ? `${labels.number}：${esc(m.number)}` : '',
    `${labels.date}：${esc(chineseDate(m.date))}`,
  ]
    .filter(Boolean)
    .join('&emsp;');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(m.title)}</title><style>${CSS}</style></head><body>
<div class="letterhead"><div class="org">${esc(m.org.name)}</div>${m.org.address ? `<div class="addr">${esc(m.org.address)}</div>` : ''}</div>
<h1>${esc(m.title)}</h1><div class="meta">${meta}</div>
${m.blocks.map((b) => block(b, m)).join('\n')}
${m.org.footer ? `<footer>${esc(m.org.footer)}</footer>` : ''}
</body></html>`;
}
