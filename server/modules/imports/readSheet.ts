import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { IMPORT_MAX_ROWS } from '../../../common/schemas/imports.ts';
import { AppError } from '../../platform/errors.ts';
import { type Column, headerKey } from './columns.ts';

/** A cell as the row checks see it: text (trimmed, '' when empty), a number, or an Excel date. */
export type Cell = string | number | Date;
export interface SheetRow {
  /** The row number in the sheet, as Excel shows it. */
  rowNo: number;
  cells: Record<string, Cell>;
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
/** The template's example row begins so; a user who keeps it in the sheet does not import it. */
const EXAMPLE = /^(示例|example)\s*[:：]/i;

/**
 * Reads the first data sheet of an .xlsx file, or a .csv file (UTF-8, with or without a byte-order mark, or
 * GB18030 as Excel saves it on a Chinese Windows), into rows keyed by column. The first non-empty row
 * is the header; columns are matched by header, in any order; unknown columns are ignored.
 */
export async function readSheet(bytes: Buffer, fileName: string, columns: Column[]): Promise<SheetRow[]> {
  const wb = new ExcelJS.Workbook();
  let sheet: ExcelJS.Worksheet | undefined;
  if (bytes.subarray(0, 4).equals(ZIP)) {
    try {
      await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    } catch {
      throw new AppError('IMPORT_FILE_UNREADABLE', {}, 'file');
    }
    sheet = wb.worksheets.find((s) => s.name !== '说明' && s.state === 'visible') ?? wb.worksheets[0];
  } else if (bytes.subarray(0, 4).equals(OLE) || !/\.(csv|txt)$/i.test(fileName)) {
    throw new AppError('IMPORT_FILE_TYPE', {}, 'file');
  } else {
    sheet = await wb.csv.read(Readable.from([decodeText(bytes)]), {
      map: (v: string) => v,
    } as unknown as Parameters<typeof wb.csv.read>[1]);
  }
  if (!sheet) throw new AppError('IMPORT_EMPTY', {}, 'file');
  return rowsOf(sheet, columns);
}

function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function rowsOf(sheet: ExcelJS.Worksheet, columns: Column[]): SheetRow[] {
  const byHeader = new Map<string, Column>();
  for (const c of columns) {
    byHeader.set(headerKey(c.zh), c);
    byHeader.set(headerKey(c.en), c);
    byHeader.set(headerKey(c.key), c);
    for (const a of c.aliases ?? []) byHeader.set(headerKey(a), c);
  }
  let header: Map<number, string> | null = null;
  const out: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNo) => {
    const values = row.values as ExcelJS.CellValue[];
    if (!header) {
      header = new Map();
      values.forEach((v, i) => {
        const c = byHeader.get(headerKey(text(v)));
        if (c && ![...header!.values()].includes(c.key)) header!.set(i, c.key);
      });
      return;
    }
    const cells: Record<string, Cell> = {};
    let blank = true;
    let example = false;
    for (const [i, key] of header) {
      const cell = cellOf(values[i]);
      cells[key] = cell;
      if (cell !== '') blank = false;
      if (typeof cell === 'string' && EXAMPLE.test(cell)) example = true;
    }
    if (blank || example) return;
    if (out.length === IMPORT_MAX_ROWS)
      throw new AppError('IMPORT_TOO_MANY_ROWS', { max: IMPORT_MAX_ROWS }, 'file');
    out.push({ rowNo, cells });
  });
  if (!header) throw new AppError('IMPORT_EMPTY', {}, 'file');
  const found = new Set((header as Map<number, string>).values());
  const missing = columns.filter((c) => c.required && !found.has(c.key));
  if (missing.length)
    throw new AppError('IMPORT_MISSING_COLUMNS', { columns: missing.map((c) => c.zh).join('、') }, 'file');
  if (out.length === 0) throw new AppError('IMPORT_EMPTY', {}, 'file');
  return out;
}

function cellOf(v: ExcelJS.CellValue): Cell {
  if (v instanceof Date) return v;
  if (typeof v === 'number') return v;
  if (v && typeof v === 'object' && 'result' in v) return cellOf(v.result as ExcelJS.CellValue);
  return text(v);
}

/** Any cell as text: rich text joined, a hyperlink's text, a formula's result, an error's code. */
export function text(v: ExcelJS.CellValue | undefined): string {
  if (v == null) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v)
    return v.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if ('hyperlink' in v) return text(v.text as ExcelJS.CellValue);
  if ('result' in v) return text(v.result as ExcelJS.CellValue);
  if ('error' in v) return String(v.error);
  return '';
}
