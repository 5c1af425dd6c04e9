import { describe, expect, it } from 'vitest';
import { PRICE_BASIS_LABELS, UNIT_TYPE_LABELS } from '../../../common/labels.ts';
import { CUSTOMER_COLUMNS } from './columns.ts';
import { readSheet } from './readSheet.ts';
import { RowReader } from './rowReader.ts';

const read = (cells: Record<string, string | number | Date>) => new RowReader(cells);

describe('reading cells', () => {
  it('takes dates as Excel dates, serial numbers or text', () => {
    const r = read({
      a: new Date(Date.UTC(2018, 5, 1)),
      b: 43252,
      c: '2018/6/1',
      d: '2018年6月1日',
      e: '2018-02-30',
      f: 'next week',
    });
    expect(['a', 'b', 'c', 'd'].map((k) => r.date(k))).toEqual(Array(4).fill('2018-06-01'));
    expect([r.date('e'), r.date('f')]).toEqual([null, null]);
    expect(r.errors.map((e) => [e.column, e.reason])).toEqual([
      ['e', 'date_format'],
      ['f', 'date_format'],
    ]);
  });

  it('takes rates as fractions, percentages or 万分之N, exactly', () => {
    const r = read({
      a: '0.09',
      b: '9%',
      c: 0.09,
      d: '0.05%',
      e: '万分之五',
      f: '万分之3',
      g: 0.000005,
      h: '1.5',
      i: '9 %',
      j: 'x',
    });
    expect(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'i'].map((k) => r.fraction(k))).toEqual([
      '0.09',
      '0.09',
      '0.09',
      '0.0005',
      '0.0005',
      '0.0003',
      '0.000005',
      '0.09',
    ]);
    expect([r.fraction('h'), r.fraction('j'), r.fraction('none')]).toEqual([null, null, null]);
    expect(r.errors.map((e) => [e.column, e.reason])).toEqual([
      ['h', 'fraction_format'],
      ['j', 'fraction_format'],
    ]);
  });

  it('takes whole numbers in a range and amounts in yuan as fen', () => {
    const r = read({
      a: 3,
      b: '12',
      c: '3.0',
      d: 2.5,
      e: 13,
      f: '30,000.00',
      g: '¥1234.5',
      h: 1234.56,
      i: '1.234',
      j: '-5',
    });
    expect(['a', 'b', 'c'].map((k) => r.integer(k, { min: 1, max: 12 }))).toEqual([3, 12, 3]);
    expect([r.integer('d', { min: 1, max: 12 }), r.integer('e', { min: 1, max: 12 })]).toEqual([null, null]);
    expect(r.integer('none', { min: 0, max: 1, required: true })).toBeNull();
    expect(['f', 'g', 'h'].map((k) => r.yuan(k))).toEqual([3_000_000, 123_450, 123_456]);
    expect([r.yuan('i'), r.yuan('j'), r.yuan('none')]).toEqual([null, null, null]);
    expect(r.errors.map((e) => [e.column, e.reason])).toEqual([
      ['d', 'integer_range'],
      ['e', 'integer_range'],
      ['none', 'required'],
      ['i', 'amount_format'],
      ['j', 'amount_format'],
    ]);
  });

  it('takes floors as 12, 12F, 12层, -1 or B1, never 0', () => {
    const r = read({ a: 12, b: '12F', c: '12层', d: '-1', e: 'b2', f: 0, g: 'L3' });
    expect(['a', 'b', 'c', 'd', 'e'].map((k) => r.floor(k))).toEqual([12, 12, 12, -1, -2]);
    expect([r.floor('f'), r.floor('g')]).toEqual([null, null]);
    expect(r.errors.map((e) => e.reason)).toEqual(['floor_format', 'floor_format']);
  });

  it('matches enumerations by Chinese label, English label or key, loosely', () => {
    const r = read({ a: '仓库', b: 'Warehouse', c: 'office', d: '元/㎡/月', e: '元/m2/天', f: '厂房' });
    expect(r.choice('a', UNIT_TYPE_LABELS)).toBe('warehouse');
    expect(r.choice('b', UNIT_TYPE_LABELS)).toBe('warehouse');
    expect(r.choice('c', UNIT_TYPE_LABELS)).toBe('office');
    expect(r.choice('d', PRICE_BASIS_LABELS)).toBe('per_sqm_month');
    expect(r.choice('e', PRICE_BASIS_LABELS)).toBe('per_sqm_day');
    expect(r.choice('f', UNIT_TYPE_LABELS)).toBeNull();
    expect(r.errors).toEqual([
      { column: 'f', reason: 'choice', params: { allowed: '办公、仓库、其他' }, value: '厂房' },
    ]);
  });

  it('keeps registered capital exact in fen and areas as typed', () => {
    const r = read({ cap: 0.1, cap2: '1,234.5', area: 256.38, bad: '1.234', price: '4.5' });
    expect(r.capital('cap')).toBe(100_000);
    expect(r.capital('cap2')).toBe(1_234_500_000);
    expect(r.decimal('area', 'area')).toBe('256.38');
    expect(r.decimal('bad', 'area')).toBeNull();
    expect(r.decimal('price', 'price')).toBe('4.5');
  });
});

describe('reading sheets', () => {
  it('reads a CSV saved by Excel on a Chinese Windows (GB18030)', async () => {
    const text = '客户名称,统一社会信用代码,联系人\r\n上海某某商贸有限公司,91310115MA1K3YJ15R,王五\r\n';
    const rows = await readSheet(gb18030(text), '客户.csv', CUSTOMER_COLUMNS);
    expect(rows).toEqual([
      { rowNo: 2, cells: { name: '上海某某商贸有限公司', uscc: '91310115MA1K3YJ15R', contactName: '王五' } },
    ]);
  });

  it('matches headers with or without the required mark and with full-width brackets', async () => {
    const text = '\ufeff客户名称*,统一社会信用代码＊,注册资本（万元）\n甲公司,X,12\n';
    const rows = await readSheet(Buffer.from(text), 'a.csv', CUSTOMER_COLUMNS);
    expect(rows[0]!.cells).toEqual({ name: '甲公司', uscc: 'X', registeredCapital: '12' });
  });
});

/** Node has no GB18030 encoder: find each character's bytes by decoding every two-byte sequence once. */
function gb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let a = 0x81; a <= 0xfe; a++)
    for (let b = 0x40; b <= 0xfe; b++) table.set(decoder.decode(new Uint8Array([a, b])), [a, b]);
  return Buffer.from(
    [...text].flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : (table.get(c) ?? [0x3f]))),
  );
}
