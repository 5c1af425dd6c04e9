import { priceOn } from '../../../common/contracts/rent.ts';
import { addDays, addMonths, minDate, wholeMonthsAndDays } from '../../../common/dates.ts';
import type { ContractTerms } from '../../../common/schemas/contracts.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { inForce } from './amendments.ts';
import { draftContract } from './createContract.ts';
import { lockOrFail, nextStatus } from './lifecycle.ts';
import { renewalsOf, versionsOf } from './repo.ts';
import { latestEnd } from './terms.ts';

/**
 * The renewal terms: the same units and conditions for a term of the same length from the day after the
 * end, at the prices in force on the last day; no rent-free days, no increases (the parties agree new ones).
 */
export function renewalTerms(t: ContractTerms): ContractTerms {
  const start = addDays(t.endDate, 1);
  const length = wholeMonthsAndDays(t.startDate, t.endDate);
  const end = addDays(addMonths(start, Math.max(1, length.months)), -1);
  const price = (unitId: string) => priceOn(t, unitId, t.endDate).toDecimalPlaces(4).toFixed();
  return {
    ...t,
    startDate: start,
    endDate: minDate(end, latestEnd(start)),
    units: t.units.map((u) => ({
      unitId: u.unitId,
      rent: u.rent ? { ...u.rent, price: price(u.unitId) } : null,
    })),
    rent: { ...t.rent, price: priceOn(t, null, t.endDate).toDecimalPlaces(4).toFixed() },
    rentFree: [],
    escalations: [],
  };
}

/** A new draft linked to this contract (renewed when it is signed); one live renewal at a time. */
export async function renewContract(ctx: Ctx, id: string, today: string) {
  const c = await lockOrFail(ctx, id);
  nextStatus(ctx, c, 'renew');
  const [existing] = await renewalsOf(ctx.tx, [c.id]);
  if (existing) throw new AppError('CONTRACT_RENEWAL_EXISTS', { number: existing.number });
  const terms = inForce(await versionsOf(ctx.tx, [c.id])).at(-1)!.terms;
  return draftContract(
    ctx,
    {
      customerId: c.customerId,
      applicationId: null,
      noApplicationReason: ctx.locale === 'en' ? `Renewal of ${c.number}` : `${c.number} 续签`,
      renewalOf: c.id,
      terms: renewalTerms(terms),
    },
    today,
  );
}
