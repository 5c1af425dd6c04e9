import { planCharges } from '../../../common/billing/plan.ts';
import { chargeSchedule, cutAt, type ScheduleVersion } from '../../../common/billing/schedule.ts';
import { depositsFen } from '../../../common/contracts/rent.ts';
import { addDays } from '../../../common/dates.ts';
import type { Ctx } from '../../platform/context.ts';
import { orgFacts } from '../orgs/index.ts';
import { issuedKeys, replacePlan } from './repo.ts';

export interface ContractForBilling {
  contractId: string;
  customerId: string;
  signedOn: string;
  billedThrough: string | null;
  /** The versions in force, oldest first, with their frozen snapshots. */
  versions: ScheduleVersion[];
  /** A termination's last day: charges stop there and anything billed beyond it is credited. */
  endsOn: string | null;
}

/**
 * Writes what is left to bill of a contract (docs/billing.md): contracts call it when a contract is signed
 * or imported, when an amendment comes into force and when it is terminated. Charges not yet issued are
 * redrawn; for charges already issued, the difference is planned as an adjustment on the next bill.
 * The deposits of the signed terms are billed at signing, without VAT.
 */
export async function planContract(ctx: Ctx, c: ContractForBilling, today: string, reason: string | null) {
  const { settings } = await orgFacts(ctx);
  const afterSigning = settings.billing.dueAfterSigningDays;
  const versions = c.endsOn ? cutAt(c.versions, c.endsOn) : c.versions;
  const first = c.versions[0]!;
  const deposits = depositsFen(first.terms, first.snapshot.units, first.snapshot.settings.daysPerYear);
  const depositLine = (name: string, totalFen: number) => ({
    chargeType: 'deposit' as const,
    unitId: null,
    name,
    periodStart: first.terms.startDate,
    periodEnd: first.terms.endDate,
    dueDate: addDays(c.signedOn, afterSigning),
    issueDate: c.signedOn,
    netFen: totalFen,
    taxFen: 0,
    totalFen,
    vatRate: '0',
  });
  const lines = [
    ...(deposits.rent ? [depositLine('rent', deposits.rent)] : []),
    ...(deposits.propertyFee ? [depositLine('property_fee', deposits.propertyFee)] : []),
    ...chargeSchedule(versions),
  ];
  const planned = planCharges({
    lines,
    issued: await issuedKeys(ctx.tx, c.contractId),
    signedOn: c.signedOn,
    billedThrough: c.billedThrough,
    dueAfterSigningDays: afterSigning,
    today,
    reason,
  });
  await replacePlan(ctx.tx, { orgId: ctx.orgId, ...c }, planned);
  return planned;
}
