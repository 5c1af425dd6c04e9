import type { z } from 'zod';
import { addDays, addMonths, addYears, minDate } from '../../../common/dates.ts';
import type { contractProposal, proposalQuery } from '../../../common/schemas/contracts.ts';
import type { Ctx } from '../../platform/context.ts';
import { applicationForContract } from '../applications/index.ts';
import { orgFacts } from '../orgs/index.ts';
import { approvedApplication } from './createContract.ts';
import { templateFor } from './templates.ts';
import { latestEnd } from './terms.ts';

/**
 * Where a draft starts: the approved application's proposed terms made exact (rent-free months as a
 * range, the yearly increase as dated escalations), the organization's defaults, the template's clauses.
 */
export async function proposeTerms(
  ctx: Ctx,
  q: z.output<typeof proposalQuery>,
  today: string,
): Promise<z.output<typeof contractProposal>> {
  const { settings } = await orgFacts(ctx);
  const a = q.applicationId
    ? await approvedApplication(
        ctx,
        q.applicationId,
        q.customerId ?? (await applicationForContract(ctx, q.applicationId)).customerId,
      )
    : null;
  const kind = a ? (a.spaceType === 'warehouse' ? 'warehouse' : 'office') : (q.kind ?? 'office');
  const template = await templateFor(ctx, kind);
  const start = a
    ? a.noticeIssuedOn && a.startDate < a.noticeIssuedOn
      ? a.noticeIssuedOn
      : a.startDate
    : today;
  const months = a?.termMonths ?? 12;
  const wanted = addDays(addMonths(start, months), -1);
  const end = minDate(wanted, latestEnd(start));
  const t = a?.terms;
  const escalations = [];
  if (t && Number(t.yearlyIncrease) > 0) {
    for (let k = 1; addYears(start, k) <= end; k++)
      escalations.push({ from: addYears(start, k), kind: 'percent' as const, value: t.yearlyIncrease });
  }
  return {
    customerId: a?.customerId ?? q.customerId ?? null,
    applicationId: a?.id ?? null,
    template: { kind, version: template.version, title: template.title },
    terms: {
      units: (a?.unitIds ?? []).map((unitId) => ({ unitId })),
      areaBasis: 'gross',
      use: (a?.intendedUse as 'office' | undefined) ?? (kind === 'warehouse' ? 'warehousing' : 'office'),
      startDate: start,
      endDate: end,
      rent: {
        basis: t?.rentBasis ?? 'per_sqm_month',
        price: t?.price ?? '0',
        taxInclusive: true,
        vatRate: settings.vatRates.rent,
      },
      billingCycleMonths: t?.paymentCycleMonths ?? 3,
      dueDaysBeforePeriod: 0,
      rentFree: t?.rentFreeMonths
        ? [{ from: start, to: addDays(addMonths(start, t.rentFreeMonths), -1) }]
        : [],
      rentFreeAppliesToPropertyFee: false,
      escalations,
      propertyFee: null,
      otherCharges: [],
      deposit: { months: t?.depositMonths ?? 3 },
      propertyFeeDeposit: null,
      lateFee: {
        dailyRate: t?.penaltyRatePerDay ?? settings.contracts.lateFee.dailyRate,
        graceDays: settings.contracts.lateFee.graceDays,
        cap: settings.contracts.lateFee.cap,
      },
      clauses: template.clauses,
    },
  };
}
