import { type ImportKind, mayImport } from '../../../common/schemas/imports.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Ctx } from '../../platform/context.ts';
import { forbidden } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { listBuildings } from '../spaces/index.ts';
import { checkContractRows, readContractRow } from './contractRows.ts';
import { checkCustomerRows, readCustomerRow, type Staged } from './customerRows.ts';
import { checkOpeningRows, readOpeningRow } from './openingRows.ts';
import type { SheetRow } from './readSheet.ts';
import { activeBusinessUsers, insertBatch, insertRows, takenUnitCodes, takenUsccs } from './repo.ts';
import { checkUnitCodes, readUnitRow, resolveBuildings, unitKey } from './unitRows.ts';

const CHUNK = 1000;

/**
 * Checks every row of a sheet and keeps them, with their problems, as a batch to preview. Nothing is
 * imported yet: commitImport does that. `today` is the organization's business date (leases: signed and
 * handed over by then, expired before it).
 */
export async function stageImport(
  ctx: Ctx,
  input: { kind: ImportKind; fileName: string; rows: SheetRow[]; today: string },
): Promise<string> {
  if (!mayImport(input.kind, ctx.actor.roles)) throw forbidden();
  const staged =
    input.kind === 'customers'
      ? await checkCustomers(ctx, input.rows)
      : input.kind === 'units'
        ? await checkUnits(ctx, input.rows)
        : input.kind === 'contracts'
          ? await checkContracts(ctx, input.rows, input.today)
          : await checkOpening(ctx, input.rows);
  const id = newId();
  const errorRows = staged.filter((r) => r.errors.length > 0).length;
  await insertBatch(ctx.tx, {
    id,
    orgId: ctx.orgId,
    kind: input.kind,
    fileName: input.fileName,
    totalRows: staged.length,
    errorRows,
    createdBy: ctx.actor.id,
  });
  for (let i = 0; i < staged.length; i += CHUNK) {
    const chunk = staged.slice(i, i + CHUNK);
    await insertRows(
      ctx.tx,
      ctx.orgId,
      id,
      chunk.map((r) => ({
        rowNo: r.rowNo,
        data: r.data as unknown as Record<string, unknown>,
        errors: r.errors,
      })),
    );
  }
  await recordAudit(ctx, {
    entityType: 'import_batch',
    entityId: id,
    action: 'import.preview',
    after: { kind: input.kind, fileName: input.fileName, totalRows: staged.length, errorRows },
  });
  return id;
}

async function checkCustomers(ctx: Ctx, sheet: SheetRow[]): Promise<Staged<object>[]> {
  const rows = sheet.map(readCustomerRow);
  const usccs = [...new Set(rows.flatMap((r) => (r.data.uscc ? [r.data.uscc] : [])))];
  const managers = await activeBusinessUsers(ctx.tx);
  const taken = await takenUsccs(ctx.tx, ctx.orgId, usccs);
  checkCustomerRows(rows, { managers, taken: new Map(taken.map((t) => [t.uscc, t.name])) });
  return rows;
}

async function checkContracts(ctx: Ctx, sheet: SheetRow[], today: string): Promise<Staged<object>[]> {
  const rows = sheet.map(readContractRow);
  await checkContractRows(ctx, rows, today);
  return rows;
}

async function checkOpening(ctx: Ctx, sheet: SheetRow[]): Promise<Staged<object>[]> {
  const rows = sheet.map(readOpeningRow);
  await checkOpeningRows(ctx, rows);
  return rows;
}

async function checkUnits(ctx: Ctx, sheet: SheetRow[]): Promise<Staged<object>[]> {
  const rows = sheet.map(readUnitRow);
  const buildings = await listBuildings(ctx.tx, { limit: 10_000 });
  resolveBuildings(rows, buildings);
  const pairs = rows.flatMap((r) =>
    r.data.buildingId && r.data.code ? [{ buildingId: r.data.buildingId, code: r.data.code }] : [],
  );
  const taken = await takenUnitCodes(ctx.tx, pairs);
  checkUnitCodes(rows, new Set(taken.map((t) => unitKey(t.buildingId, t.code))));
  return rows;
}
