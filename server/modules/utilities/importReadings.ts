import { readingValue } from '../../../common/schemas/utilities.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { type Column, RowReader, readSheet, reasonText } from '../imports/index.ts';
import { prepareReadings, type ReadingInput } from './prepareReadings.ts';
import { writeReadings } from './recordReadings.ts';
import { listMeters, lockMeters } from './repo.ts';

/*
 * Readings from a sheet (.xlsx or .csv; R5.2.1): meter code, date, value, replacement, start value. The
 * preview checks every row with the grid's own rules and lists each problem (row, column, reason) without
 * writing anything; the commit checks again and writes all rows or none.
 */
export const READING_COLUMNS: Column[] = [
  {
    key: 'meterCode',
    zh: '表计编号',
    en: 'Meter code',
    required: true,
    text: true,
    aliases: ['表号', '编号'],
    width: 16,
    example: 'E-A-1201',
    note: '系统中表计的编号',
  },
  {
    key: 'readOn',
    zh: '抄表日期',
    en: 'Reading date',
    required: true,
    aliases: ['日期'],
    width: 14,
    example: '2026-11-25',
    note: 'YYYY-MM-DD，应晚于上次抄表日期，且不晚于今天',
  },
  {
    key: 'value',
    zh: '本次读数',
    en: 'Reading',
    required: true,
    aliases: ['读数'],
    width: 14,
    example: '12345.6',
    note: '最多两位小数；低于上次读数须标记换表',
  },
  {
    key: 'replacement',
    zh: '换表',
    en: 'Replacement',
    aliases: ['是否换表'],
    width: 10,
    example: '否',
    note: '是/否，不填为否',
  },
  {
    key: 'startValue',
    zh: '新表起始读数',
    en: 'Start value',
    aliases: ['起始读数'],
    width: 14,
    example: '',
    note: '换表时填写新表的起始读数',
  },
];

const YES = new Set(['是', 'y', 'yes', 'true', '1', '换表']);
const NO = new Set(['', '否', 'n', 'no', 'false', '0']);

interface ParsedRow {
  rowNo: number;
  meterCode: string;
  readOn: string | null;
  value: string | null;
  replacement: boolean;
  startValue: string | null;
}

export interface ImportProblem {
  row: number;
  field: string;
  column: string;
  code: string;
  message: string;
  value: string | null;
}

const FIELD_COLUMN: Record<string, string> = {
  meterId: 'meterCode',
  readOn: 'readOn',
  value: 'value',
  startValue: 'startValue',
  replacement: 'replacement',
};

export async function importReadings(
  ctx: Ctx,
  file: { bytes: Buffer; fileName: string },
  o: { today: string; commit: boolean },
) {
  const sheet = await readSheet(file.bytes, file.fileName, READING_COLUMNS);
  const header = (key: string) => {
    const c = READING_COLUMNS.find((x) => x.key === key)!;
    return ctx.locale === 'en' ? c.en : c.zh;
  };
  const problems: ImportProblem[] = [];
  const parsed: ParsedRow[] = [];
  const raw = new Map<number, RowReader>();
  for (const s of sheet) {
    const r = new RowReader(s.cells);
    raw.set(s.rowNo, r);
    const meterCode = r.text('meterCode', { required: true, max: 40 }) ?? '';
    const readOn = r.requiredDate('readOn');
    const value = decimalCell(r, 'value', true);
    const flag = r.raw('replacement').toLowerCase();
    const replacement = YES.has(flag);
    if (!replacement && !NO.has(flag)) r.problem('replacement', 'choice', { allowed: '是、否' });
    const startValue = decimalCell(r, 'startValue', false);
    for (const e of r.errors)
      problems.push({
        row: s.rowNo,
        field: e.column,
        column: header(e.column),
        code: e.reason,
        message: reasonText(e, ctx.locale),
        value: e.value ?? null,
      });
    parsed.push({ rowNo: s.rowNo, meterCode, readOn, value, replacement, startValue });
  }
  const codes = [...new Set(parsed.map((p) => p.meterCode).filter(Boolean))];
  const byCode = new Map(
    (await listMeters(ctx.tx, { codes, limit: codes.length + 1 })).map((m) => [m.code, m]),
  );
  const inputs: ReadingInput[] = [];
  for (const p of parsed) {
    const meter = byCode.get(p.meterCode);
    if (p.meterCode && !meter) {
      problems.push({
        row: p.rowNo,
        field: 'meterCode',
        column: header('meterCode'),
        code: 'UTILITY_METER_UNKNOWN',
        message: reasonText({ reason: 'UTILITY_METER_UNKNOWN', params: { code: p.meterCode } }, ctx.locale),
        value: p.meterCode,
      });
      continue;
    }
    if (!meter || !p.readOn || p.value === null || problems.some((x) => x.row === p.rowNo)) continue;
    inputs.push({
      row: p.rowNo,
      prefix: '',
      meterId: meter.id,
      readOn: p.readOn,
      value: p.value,
      replacement: p.replacement,
      startValue: p.startValue,
    });
  }
  if (o.commit)
    await lockMeters(
      ctx.tx,
      inputs.map((i) => i.meterId),
    );
  const checked = await prepareReadings(ctx, inputs, { today: o.today });
  for (const x of checked.problems) {
    const key = FIELD_COLUMN[x.field] ?? 'value';
    problems.push({
      row: x.row,
      field: key,
      column: header(key),
      code: x.code,
      message: x.message,
      value: raw.get(x.row)?.raw(key) || null,
    });
  }
  problems.sort((a, b) => a.row - b.row);
  const byRow = new Map(checked.prepared.map((p) => [p.input.row, p]));
  const result = {
    totalRows: sheet.length,
    problems,
    rows: parsed.map((p) => {
      const ok = byRow.get(p.rowNo);
      return {
        rowNo: p.rowNo,
        meterCode: p.meterCode,
        readOn: p.readOn,
        value: p.value,
        replacement: p.replacement,
        startValue: p.startValue,
        consumption: ok ? ok.consumption : null,
        totalFen: ok ? ok.charges.reduce((a, c) => a + c.totalFen, 0) : null,
      };
    }),
  };
  if (!o.commit) return { ...result, committed: false };
  if (problems.length)
    throw new AppError(
      'UTILITY_IMPORT_HAS_ERRORS',
      { count: new Set(problems.map((p) => p.row)).size },
      'file',
      undefined,
      {
        problems,
      },
    );
  await writeReadings(ctx, checked.prepared);
  return { ...result, committed: true };
}

/** A reading cell: a number with at most two decimals (a number cell as Excel keeps it). */
function decimalCell(r: RowReader, key: string, required: boolean): string | null {
  const s = r.raw(key).replaceAll(',', '');
  if (s === '') {
    if (required) r.problem(key, 'required');
    return null;
  }
  const ok = readingValue.safeParse(s);
  if (ok.success) return ok.data;
  r.fail(key, 'UTILITY_READING_FORMAT');
  return null;
}
