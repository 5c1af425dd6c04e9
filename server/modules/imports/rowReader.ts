import Decimal from 'decimal.js';
import { dateFromParts, isBusinessDate } from '../../../common/dates.ts';
import type { Labels } from '../../../common/labels.ts';
import { parseWanYuan } from '../../../common/money/wan.ts';
import { parseYuan } from '../../../common/money.ts';
import type { Cell } from './readSheet.ts';
import type { ReasonKey, RowError } from './reasons.ts';

type Check = (input: string) => { ok: true; value: string } | { ok: false; reason: string };

const AREA = /^\d{1,9}(\.\d{1,2})?$/;
const PRICE = /^\d{1,8}(\.\d{1,4})?$/;
const DATE = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;
// Excel counts days from 1899-12-30 (its 1900 leap-year bug included); 25569 is 1970-01-01.
const EXCEL_EPOCH_DAYS = 25569;
const INTEGER = /^-?\d{1,9}$/;
const NUMBER = /^\d{1,9}(\.\d{1,12})?$/;
const CHINESE_DIGITS = '一二三四五六七八九十';

/** Reads the cells of one sheet row into typed values, noting a problem for each cell that does not fit. */
export class RowReader {
  readonly errors: RowError[] = [];
  constructor(private readonly cells: Record<string, Cell>) {}

  /** The cell as text, as the user typed it. */
  raw(key: string): string {
    const v = this.cells[key];
    if (v === undefined || v === '') return '';
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    return String(v).trim();
  }

  fail(column: string, reason: RowError['reason'], params?: RowError['params']) {
    const value = this.raw(column);
    this.errors.push({ column, reason, ...(params ? { params } : {}), value: value || null });
  }

  has(column: string): boolean {
    return this.errors.some((e) => e.column === column);
  }

  text(key: string, o: { required?: boolean; min?: number; max: number }): string | null {
    const s = this.raw(key);
    if (s === '') {
      if (o.required) this.fail(key, 'required');
      return null;
    }
    const length = [...s].length;
    if (length > o.max) this.fail(key, 'too_long', { max: o.max });
    else if (o.min && length < o.min) this.fail(key, 'too_short', { min: o.min });
    return s;
  }

  /** A value by its Chinese or English label, or its key. */
  choice<K extends string>(key: string, labels: Labels<K>, required = false): K | null {
    const s = this.raw(key);
    if (s === '') {
      if (required) this.fail(key, 'required');
      return null;
    }
    const wanted = normalise(s);
    for (const [k, l] of Object.entries(labels) as [K, { 'zh-CN': string; en: string }][]) {
      if ([k, l['zh-CN'], l.en].some((x) => normalise(x) === wanted)) return k;
    }
    this.fail(key, 'choice', {
      allowed: Object.values<{ 'zh-CN': string }>(labels)
        .map((l) => l['zh-CN'])
        .join('、'),
    });
    return null;
  }

  /** A validator's check (USCC, phone, e-mail); its normalised value. */
  checked(key: string, check: Check, prefix: string, required = false): string | null {
    const s = this.raw(key);
    if (s === '') {
      if (required) this.fail(key, 'required');
      return null;
    }
    const r = check(s);
    if (r.ok) return r.value;
    this.fail(key, `${prefix}.${r.reason}` as RowError['reason']);
    return null;
  }

  date(key: string): string | null {
    const v = this.cells[key];
    if (v === undefined || v === '') return null;
    let d: string | null = null;
    if (v instanceof Date) d = v.toISOString().slice(0, 10);
    else if (typeof v === 'number' && Number.isInteger(v) && v > 0 && v < 2958466)
      d = new Date((v - EXCEL_EPOCH_DAYS) * 86_400_000).toISOString().slice(0, 10);
    else {
      const m = DATE.exec(String(v).trim());
      if (m) {
        try {
          d = dateFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
        } catch {
          d = null;
        }
      }
    }
    if (d && isBusinessDate(d)) return d;
    this.fail(key, 'date_format');
    return null;
  }

  /** 注册资本 in 万元 → fen, exactly. */
  capital(key: string): number | null {
    const s = this.raw(key);
    if (s === '') return null;
    const fen = parseWanYuan(s);
    if (fen === null) this.fail(key, 'capital_format');
    return fen;
  }

  decimal(key: string, kind: 'area' | 'price'): string | null {
    const s = this.raw(key).replaceAll(',', '');
    if (s === '') {
      this.fail(key, 'required');
      return null;
    }
    if ((kind === 'area' ? AREA : PRICE).test(s)) return s;
    this.fail(key, kind === 'area' ? 'area_format' : 'price_format');
    return null;
  }

  /** 12, 12F, 12层 above ground; -1 or B1 below. */
  floor(key: string): number | null {
    const s = this.raw(key).toUpperCase();
    if (s === '') {
      this.fail(key, 'required');
      return null;
    }
    const m = /^(?:(-?\d{1,3})[F层]?|B(\d{1,2}))$/.exec(s);
    const floor = m ? (m[2] ? -Number(m[2]) : Number(m[1])) : 0;
    if (floor === 0 || floor < -20 || floor > 200) {
      this.fail(key, 'floor_format');
      return null;
    }
    return floor;
  }

  /** 中央空调、光纤网络 or a,b: entries split on 、 , ， ; ； */
  list(key: string, o: { count: number; max: number }): string[] {
    const items = [
      ...new Set(
        this.raw(key)
          .split(/[、,，;；]/)
          .map((x) => x.trim())
          .filter(Boolean),
      ),
    ];
    if (items.length > o.count || items.some((x) => [...x].length > o.max))
      this.fail(key, 'list_invalid', { count: o.count, max: o.max });
    return items;
  }

  /** A whole number in [min, max]; null when empty. */
  integer(key: string, o: { min: number; max: number; required?: boolean }): number | null {
    const s = this.raw(key).replace(/\.0+$/, '');
    if (s === '') {
      if (o.required) this.fail(key, 'required');
      return null;
    }
    const n = INTEGER.test(s) ? Number(s) : Number.NaN;
    if (Number.isInteger(n) && n >= o.min && n <= o.max) return n;
    this.fail(key, 'integer_range', { min: o.min, max: o.max });
    return null;
  }

  /**
   * A rate as the decimal fraction the terms use: 0.09, 9%, 0.05% or 万分之五 (and a number cell, which
   * Excel also keeps for a percentage cell). Exact: decimal arithmetic, no float.
   */
  fraction(key: string): string | null {
    const s = this.raw(key).replace(/\s+/g, '');
    if (s === '') return null;
    let d: Decimal | null = null;
    const wan = /^万分之(\d{1,4}(?:\.\d{1,4})?|[一二三四五六七八九十])$/.exec(s);
    const percent = /^(\d{1,3}(?:\.\d{1,6})?)[%％]$/.exec(s);
    if (wan) {
      const k = CHINESE_DIGITS.indexOf(wan[1]!);
      d = new Decimal(k >= 0 ? k + 1 : wan[1]!).div(10_000);
    } else if (percent) d = new Decimal(percent[1]!).div(100);
    else if (NUMBER.test(s)) d = new Decimal(s);
    if (d?.gte(0) && d.lte(1) && d.decimalPlaces() <= 6) return d.toFixed();
    this.fail(key, 'fraction_format');
    return null;
  }

  /** An amount in yuan (30000, 30,000.00, ¥30000) as fen; null when empty. */
  yuan(key: string): number | null {
    const s = this.raw(key);
    if (s === '') return null;
    try {
      const fen = parseYuan(s);
      if (fen >= 0) return fen;
    } catch {
      // reported below
    }
    this.fail(key, 'amount_format');
    return null;
  }

  /** A date that must be there. */
  requiredDate(key: string): string | null {
    if (this.raw(key) === '') {
      this.fail(key, 'required');
      return null;
    }
    return this.date(key);
  }

  problem(column: string, reason: ReasonKey, params?: RowError['params']) {
    this.fail(column, reason, params);
  }
}

/** Labels compared loosely: ㎡, m², m2 and 平米 are all 平方米; case and spaces do not count. */
function normalise(s: string): string {
  return s
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/㎡|m²|m2|平米/g, '平方米')
    .replace(/／/g, '/');
}
