import { OPENING_DEPOSIT_REFERENCE } from '../../../common/billing/opening.ts';
import { taxFromInclusive } from '../../../common/money.ts';
import type { Ctx } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { orgFacts } from '../orgs/index.ts';
import {
  auditOpeningLines,
  contractsByNumber,
  insertOpeningPlan,
  lockCustomersMoney,
  type OpeningPlanRow,
} from './openingBalanceRepo.ts';
import {
  checkOpeningBalances,
  type OpeningBalanceRow,
  type OpeningLine,
  type OpeningProblem,
} from './openingBalances.ts';
import { assertOpen } from './periodLock.ts';
import { recordPayment } from './recordPayment.ts';
import { customersWithCreditIn, freeDueDates, issueDue } from './repo.ts';
import { settle } from './settle.ts';

/** Charges a statement issues: bills of one contract never straddle two (one bill per due date). */
const ISSUE_CHUNK = 5000;

export interface OpeningOutcome {
  /** Lines posted; 0 when all or nothing refused. */
  posted: number;
  bills: number;
  /** Rows refused now (the contract changed, a charge billed since the preview …), by their ref. */
  problems: OpeningProblem[];
}

/**
 * Posts opening balances (issue 7) in the caller's transaction, under the money locks of every customer
 * concerned and with the books open today. Each good row becomes a charge issued at once through the
 * billing run's own statement (`run_id` = the batch): kind `charge`, seq 0, issued and posted today, due
 * on its date (a deposit today), net and tax split from the tax-inclusive amount, reason 期初导入 …; one
 * bill per contract and due date with gapless ZD numbers. A deposit held is then received: a payment
 * (`other`, 期初保证金, today) applied to exactly its line, so the deposit ledger holds it. Last, credit the
 * customers hold settles the new bills, as after a billing run. With `allOrNothing`, any problem found
 * now posts nothing.
 */
export async function postOpeningBalances(
  ctx: Ctx,
  o: { batchId: string; today: string; rows: readonly OpeningBalanceRow[]; allOrNothing: boolean },
): Promise<OpeningOutcome> {
  // The money locks first, as payments take them, then the books; the check runs under both, so what it
  // found still holds when the lines are written.
  const numbers = [...new Set(o.rows.map((r) => r.contractNumber))];
  const contracts = await contractsByNumber(ctx.tx, ctx.orgId, numbers);
  await lockCustomersMoney(
    ctx.tx,
    contracts.map((c) => c.customerId),
  );
  await assertOpen(ctx, o.today, 'postedOn');
  const { lines, problems } = await checkOpeningBalances(ctx, o.rows);
  if ((problems.length && o.allOrNothing) || !lines.length) return { posted: 0, bills: 0, problems };

  const plan = await planOf(ctx, lines, o.today);
  let bills = 0;
  for (const chunk of chunksByContract(plan)) {
    await insertOpeningPlan(ctx.tx, ctx.orgId, o.today, chunk);
    const ids = chunk.map((p) => p.id);
    const r = await issueDue(ctx.tx, {
      orgId: ctx.orgId,
      asOf: o.today,
      runId: o.batchId,
      from: chunk[0]!.contractId,
      to: chunk.at(-1)!.contractId,
      onlyIds: ids,
    });
    bills += r.bills;
  }

  // Deposits held: received on the import day, each by a payment of its own applied to its line.
  for (const [k, l] of lines.entries()) {
    if (l.chargeType !== 'deposit') continue;
    await recordPayment(
      ctx,
      {
        customerId: l.customerId,
        amountFen: l.totalFen,
        receivedOn: o.today,
        method: 'other',
        reference: OPENING_DEPOSIT_REFERENCE,
        payerName: null,
        idempotencyKey: `opening-${o.batchId}-${l.ref}`,
        allocation: { mode: 'lines', lines: [{ lineId: plan[k]!.id }] },
      },
      o.today,
    );
  }
  const { settings } = await orgFacts(ctx);
  if (settings.billing.autoApplyCredit)
    for (const customerId of await customersWithCreditIn(ctx.tx, o.batchId))
      await settle(ctx, customerId, o.today);

  await auditOpeningLines(
    ctx,
    lines.map((l, k) => ({ id: plan[k]!.id, ref: l.ref, contractNumber: l.contractNumber })),
    o.batchId,
  );
  return { posted: lines.length, bills, problems };
}

/**
 * The plan rows of the lines, in the lines' order. A bill is one per contract, due date and issue day: if
 * the contract already has a bill issued today with that due date (an earlier import today, a charge
 * posted by hand), the line takes the next free due date, as postCharge does with freeDueDate.
 */
async function planOf(ctx: Ctx, lines: OpeningLine[], today: string): Promise<OpeningPlanRow[]> {
  const due = (l: OpeningLine) => l.dueDate ?? today;
  const pairs = new Map(
    lines.map((l) => [`${l.contractId}|${due(l)}`, { contractId: l.contractId, dueDate: due(l) }]),
  );
  const free = new Map(
    (await freeDueDates(ctx.tx, [...pairs.values()], today)).map((f) => [
      `${f.contractId}|${f.dueDate}`,
      f.free,
    ]),
  );
  return lines.map((l) => {
    const split = taxFromInclusive(l.totalFen, l.vatRate);
    return {
      id: newId(),
      contractId: l.contractId,
      customerId: l.customerId,
      chargeType: l.chargeType,
      name: l.name,
      periodStart: l.periodStart,
      periodEnd: l.periodEnd,
      dueDate: free.get(`${l.contractId}|${due(l)}`) ?? due(l),
      netFen: split.net,
      taxFen: split.tax,
      totalFen: split.total,
      vatRate: l.vatRate,
      reason: l.reason,
    };
  });
}

/** The rows in chunks of about ISSUE_CHUNK, sorted by contract, a contract's rows never split. */
function chunksByContract(plan: OpeningPlanRow[]): OpeningPlanRow[][] {
  // Compared as the database compares uuids (lower-case hex), not by the locale's collation.
  const sorted = [...plan].sort((a, b) =>
    a.contractId < b.contractId ? -1 : a.contractId > b.contractId ? 1 : 0,
  );
  const chunks: OpeningPlanRow[][] = [];
  let current: OpeningPlanRow[] = [];
  sorted.forEach((p, i) => {
    const newContract = i > 0 && sorted[i - 1]!.contractId !== p.contractId;
    if (newContract && current.length >= ISSUE_CHUNK) {
      chunks.push(current);
      current = [];
    }
    current.push(p);
  });
  if (current.length) chunks.push(current);
  return chunks;
}
