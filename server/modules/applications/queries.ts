import type { z } from 'zod';
import { REVIEW_STAGES, STAGE_ROLE } from '../../../common/applications/machine.ts';
import type {
  applicationStats,
  applicationStatsQuery,
  applicationsQuery,
} from '../../../common/schemas/applications.ts';
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { CURSOR_PART, decodeCursor, page } from '../../platform/http/cursor.ts';
import { getCustomer, listDocuments } from '../customers/index.ts';
import { applicationChecksFor } from './checks.ts';
import { actionsFor, presentApplication, presentSummary } from './present.ts';
import {
  type ApplicationFilter,
  type ApplicationListRow,
  type ApplicationRow,
  countWaiting,
  listApplications,
  listReviews,
  outcomeStats,
  rejectionsByMonth,
  stageStats,
  unitsByIds,
} from './repo.ts';
import { orgFacts } from './settings.ts';

export async function findApplicationRow(ctx: Ctx, id: string): Promise<ApplicationListRow> {
  const [a] = await listApplications(ctx.tx, { id, limit: 1 });
  if (!a) throw notFound('application');
  return a;
}

/** What the system can tell by itself about the application (see checks.ts). */
export async function checksOf(ctx: Ctx, a: ApplicationRow, today: string) {
  const units = await unitsByIds(ctx.tx, a.unitIds);
  const customer = await getCustomer(ctx, a.customerId);
  const documents = await listDocuments(ctx.tx, a.customerId);
  const org = await orgFacts(ctx);
  const checks = applicationChecksFor({
    today,
    termMonths: a.termMonths,
    occupants: a.occupants,
    intendedUse: a.intendedUse,
    spaceType: a.spaceType as 'office',
    areaMax: a.areaMax,
    terms: a.terms,
    units,
    documents,
    registeredCapitalFen: customer.registeredCapital,
    customerStatus: customer.status,
    maxPenaltyRatePerDay: org.admission.maxPenaltyRatePerDay,
  });
  return { checks, units, org };
}

/** The whole application as its page shows it, with what the signed-in user may do. */
export async function getApplication(ctx: Ctx, id: string, today: string) {
  const a = await findApplicationRow(ctx, id);
  // One after another: a transaction is one connection, which runs one statement at a time anyway.
  const reviews = await listReviews(ctx.tx, id);
  const { checks, units, org } = await checksOf(ctx, a, today);
  const actions = actionsFor(a, ctx.actor, reviews, org.admission.segregationOfDuties);
  return presentApplication(a, { today, units, reviews, checks, actions });
}

/** The review stages this user's roles decide. */
const stagesOf = (ctx: Ctx) => REVIEW_STAGES.filter((s) => ctx.actor.roles.includes(STAGE_ROLE[s]));

/** "Waiting for me": the stages of the user's roles, less those segregation of duties keeps them from. */
async function inboxFilter(ctx: Ctx): Promise<Pick<ApplicationFilter, 'statuses' | 'notDecidedBy'>> {
  const { admission } = await orgFacts(ctx);
  return {
    statuses: stagesOf(ctx),
    ...(admission.segregationOfDuties && ctx.actor.id ? { notDecidedBy: ctx.actor.id } : {}),
  };
}

export async function findApplications(ctx: Ctx, q: z.output<typeof applicationsQuery>, today: string) {
  const after = decodeCursor<[string, string]>(q.cursor, 2, [CURSOR_PART.instant, CURSOR_PART.uuid]);
  const list = await listApplications(ctx.tx, {
    status: q.stage ?? q.status,
    customerId: q.customerId,
    q: q.q,
    ...(q.overdue ? { dueBefore: today, statuses: [...REVIEW_STAGES] } : {}),
    ...(q.mine ? await inboxFilter(ctx) : {}),
    after,
    limit: q.limit + 1,
  });
  return page(
    list,
    q.limit,
    (a) => [a.createdKey, a.id],
    (a) => presentSummary(a, today),
  );
}

export async function inbox(ctx: Ctx, today: string) {
  const f = await inboxFilter(ctx);
  return countWaiting(ctx.tx, { statuses: f.statuses ?? [], notDecidedBy: f.notDecidedBy, today });
}

export async function applicationStatistics(
  ctx: Ctx,
  q: z.output<typeof applicationStatsQuery>,
): Promise<z.infer<typeof applicationStats>> {
  const { timeZone } = await orgFacts(ctx);
  const stages = await stageStats(ctx.tx, q.from, q.to, timeZone);
  const outcomes = await outcomeStats(ctx.tx, q.from, q.to, timeZone);
  const rejections = await rejectionsByMonth(ctx.tx, q.from, q.to, timeZone);
  const decided = outcomes.approved + outcomes.rejected + outcomes.withdrawn;
  const rate = (n: number) => (decided ? Math.round((n / decided) * 1000) / 1000 : null);
  return {
    stages: REVIEW_STAGES.map((stage) => {
      const s = stages.find((x) => x.stage === stage);
      return {
        stage,
        decided: s?.decided ?? 0,
        averageHours: s?.averageHours ?? null,
        medianHours: s?.medianHours ?? null,
        overdue: s?.overdue ?? 0,
      };
    }),
    outcomes: {
      decided,
      ...outcomes,
      approvalRate: rate(outcomes.approved),
      rejectionRate: rate(outcomes.rejected),
    },
    rejectionsByMonth: rejections as z.infer<typeof applicationStats>['rejectionsByMonth'],
  };
}
