import { describe, expect, it } from 'vitest';
import { pdfFontFacts, pdfText } from '../../../test/pdf.ts';
import type { DocumentModel } from './model.ts';
import { renderHtml } from './renderHtml.ts';
import { renderPdf } from './renderPdf.ts';

const model: DocumentModel = {
  org: {
    name: '演示租赁有限公司',
    address: '上海市浦东新区世纪大道100号',
    footer: '开户行：招商银行上海分行 账号：1219 0000 0000 001',
  },
  title: '租赁准入通知书',
  number: 'ZR-2027-000001',
  date: '2027-01-31',
  blocks: [
    {
      type: 'paragraph',
      text: '上海示例科技有限公司：经业务、法务、财务三部门审核及管理层审批，贵司的租赁申请已获批准。',
    },
    {
      type: 'fields',
      rows: [
        ['统一社会信用代码', '91310000MA1FL0R09G'],
        ['租赁单元', 'A座 1201 室（建筑面积 256.38 m²）'],
      ],
    },
    {
      type: 'table',
      columns: [{ title: '费用项目' }, { title: '期间' }, { title: '金额（元）', align: 'right' }],
      rows: [
        ['租金', '2027-02-01 至 2027-04-30', '49,230.00'],
        ['物业管理费', '2027-02-01 至 2027-04-30', '6,921.00'],
      ],
      footer: ['合计', '', '56,151.00'],
    },
    { type: 'amount', label: '应付金额', fen: 1640902 },
    {
      type: 'signatures',
      parties: [
        { title: '出租方（盖章）', name: '演示租赁有限公司', seal: true },
        { title: '承租方（盖章）', seal: true },
      ],
    },
  ],
};

describe('documents (issue 3 §4)', () => {
  it('renders a PDF whose Chinese text extracts as drawn, with the font embedded and no missing glyph', async () => {
    const pdf = await renderPdf(model, { compress: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = (await pdfText(pdf)).join('\n');
    for (const s of [
      '演示租赁有限公司',
      '租赁准入通知书',
      'ZR-2027-000001',
      '2027年1月31日',
      '经业务、法务、财务三部门审核及管理层审批',
      '91310000MA1FL0R09G',
      '物业管理费',
      '56,151.00',
      '¥16,409.02',
      '人民币壹万陆仟肆佰零玖元零贰分',
      '出租方（盖章）',
      '第 1 页 / 共 1 页',
      '开户行：招商银行上海分行',
    ]) {
      expect(text.replace(/\s+/g, ' ')).toContain(s);
    }
    const facts = pdfFontFacts(pdf);
    expect(facts.fonts.length).toBeGreaterThan(0);
    expect(facts.fonts.every((f) => f === 'Type0' || f === 'CIDFontType2')).toBe(true);
    expect(facts.embedded).toBe(2); // regular and bold, both embedded
    expect(facts.glyphs.length).toBeGreaterThan(200);
    expect(facts.glyphs.filter((g) => g === 0)).toEqual([]);
  });

  it('shows a box-free check can fail: a character outside the font is glyph 0', async () => {
    const pdf = await renderPdf(
      { ...model, blocks: [{ type: 'paragraph', text: '\u{1F600}' }] },
      { compress: false },
    );
    expect(pdfFontFacts(pdf).glyphs).toContain(0);
  });

  it('breaks long tables across pages and numbers the pages', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => [
      `第${i + 1}期租金`,
      '2027-02-01 至 2027-02-28',
      '16,409.02',
    ]);
    const pdf = await renderPdf({
      ...model,
      blocks: [
        {
          type: 'table',
          columns:
            model.blocks[2]!.type === 'table'
              ? (model.blocks[2] as { columns: { title: string }[] }).columns
              : [],
          rows,
        },
      ],
    });
    const pages = await pdfText(pdf);
    expect(pages.length).toBeGreaterThan(2);
    expect(pages.at(-1)).toContain(`第 ${pages.length} 页 / 共 ${pages.length} 页`);
    expect(pages.join('')).toContain('第120期租金');
  });

  it('renders the same document as print-friendly HTML, escaping text', () => {
    const html = renderHtml({
      ...model,
      blocks: [...model.blocks, { type: 'paragraph', text: '<script>alert(1)</script>' }],
    });
    expect(html).toContain('<h1>租赁准入通知书</h1>');
    expect(html).toContain('人民币壹万陆仟肆佰零玖元零贰分');
    expect(html).toContain('@page { size: A4');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });
});
