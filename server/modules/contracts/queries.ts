import type { z } from 'zod';
import { daysBetweenExclusive } from '../../../common/dates.ts';
import type {
  contractsQuery,
  contractView,
  explanationBody,
  handoverBody,
  moveOutBody,
  terminateBody,
} from '../../../common/schemas/contracts.ts';
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { CURSOR_PART, decodeCursor, page } from '../../platform/http/cursor.ts';
import { applicationRef } from '../applications/index.ts';
import { orgFacts } from '../orgs/index.ts';
import { type UnitFacts, unitFacts } from '../spaces/index.ts';
import { versionOn } from './lifecycle.ts';
import {
  actionsFor,
  dayInTerm,
  fileView,
  person,
  presentSummary,
  presentVersion,
  unitsOf,
} from './present.ts';
import {
  type ContractFilter,
  type ContractListRow,
  contractNumbers,
  demandsOf,
  eventsOf,
  filesOf,
  listContracts,
  renewalsOf,
  templateById,
  userNames,
  type VersionRow,
  versionsOf,
  violationsOf,
} from './repo.ts';
import { objectionDeadline } from './violations.ts';

/** Versions and live unit facts for a page of contracts: three queries, whatever the page size. */
async function loadTerms(ctx: Ctx, list: ContractListRow[]) {
  const versions = await versionsOf(
    ctx.tx,
    list.map((c) => c.id),
  );
  const byContract = new Map<string, VersionRow[]>();
  for (const v of versions) byContract.set(v.contractId, [...(byContract.get(v.contractId) ?? []), v]);
  const liveIds = versions.filter((v) => !v.snapshot).flatMap((v) => v.terms.units.map((u) => u.unitId));
  const live = new Map<string, UnitFacts>(
    (await unitFacts(ctx.tx, [...new Set(liveIds)])).map((u) => [u.id, u]),
  );
  return { byContract, live };
}

export function filterOf(q: z.output<typeof contractsQuery>, limit: number): ContractFilter {
  return {
    status: q.status,
    customerId: q.customerId,
    expiringBefore: q.expiringBefore,
    holdingOver: q.holdingOver,
    q: q.q,
    after: decodeCursor<[string, string]>(q.cursor, 2, [CURSOR_PART.instant, CURSOR_PART.uuid]),
    limit,
  };
}

export async function findContracts(ctx: Ctx, q: z.output<typeof contractsQuery>, today: string) {
  const list = await listContracts(ctx.tx, filterOf(q, q.limit + 1));
  const { byContract, live } = await loadTerms(ctx, list);
  const { settings } = await orgFacts(ctx);
  return page(
    list,
    q.limit,
    (c) => [c.createdKey, c.id],
    (c) => presentSummary(c, byContract.get(c.id)!, live, today, settings.billing.daysPerYear),
  );
}

/** The events the ledger lists; the rest stay on the contract page. */
const LEDGER_KINDS = new Set([
  'signed',
  'handed_over',
  'amended',
  'violation',
  'renewed',
  'terminated',
  'expired',
  'moved_out',
  'cancelled',
]);

/** The contract ledger (合同台账, R3.1.4): each contract with its custody and its events. */
export async function findLedger(ctx: Ctx, q: z.output<typeof contractsQuery>, today: string) {
  const list = await listContracts(ctx.tx, filterOf(q, q.limit + 1));
  const { byContract, live } = await loadTerms(ctx, list);
  // One pass over the page's events, grouped by contract.
  const ledgerEvents = new Map<string, { kind: string; onDate: string }[]>();
  for (const e of await eventsOf(
    ctx.tx,
    list.map((c) => c.id),
  )) {
    if (!LEDGER_KINDS.has(e.kind)) continue;
    const entries = ledgerEvents.get(e.contractId) ?? [];
    entries.push({ kind: e.kind, onDate: e.onDate });
    ledgerEvents.set(e.contractId, entries);
  }
  const { settings } = await orgFacts(ctx);
  return page(
    list,
    q.limit,
    (c) => [c.createdKey, c.id],
    (c) => ({
      ...presentSummary(c, byContract.get(c.id)!, live, today, settings.billing.daysPerYear),
      custodian: person(c.custodianId, c.custodianName),
      archiveLocation: c.archiveLocation,
      handedOverOn: c.handedOverOn,
      terminatedOn: c.terminatedOn,
      events: ledgerEvents.get(c.id) ?? [],
    }),
  );
}

export async function getContract(
  ctx: Ctx,
  id: string,
  today: string,
): Promise<z.output<typeof contractView>> {
  const [c] = await listContracts(ctx.tx, { id, limit: 1 });
  if (!c) throw notFound('contract');
  const { byContract, live } = await loadTerms(ctx, [c]);
  const versions = byContract.get(c.id)!;
  const { settings } = await orgFacts(ctx);
  const [files, events, violations, demands, renewals, template] = await Promise.all([
    filesOf(ctx.tx, c.id),
    eventsOf(ctx.tx, [c.id]),
    violationsOf(ctx.tx, c.id),
    demandsOf(ctx.tx, c.id),
    renewalsOf(ctx.tx, [c.id]),
    templateById(ctx.tx, c.templateId),
  ]);
  const fileMap = new Map(files.map((f) => [f.id, f]));
  const fv = (fid: string | null | undefined) => {
    const f = fid ? fileMap.get(fid) : undefined;
    return f ? fileView(c.id, f) : null;
  };
  const many = (ids: unknown) => ((ids as string[] | undefined) ?? []).flatMap((x) => fv(x) ?? []);
  const explanation = c.explanation as (z.output<typeof explanationBody> & { recordedBy: string }) | null;
  const names = await userNames(ctx.tx, [
    ...versions.flatMap((v) => [v.proposedBy, v.decidedBy]),
    explanation?.recordedBy,
  ]);
  const current = versionOn(versions, dayInTerm(c, today));
  const a = c.applicationId ? await applicationRef(ctx, c.applicationId) : null;
  const [original] = c.renewalOf ? await contractNumbers(ctx.tx, [c.renewalOf]) : [];
  const renewal = renewals[0];
  const handover = c.handover as z.output<typeof handoverBody> | null;
  const termination = c.termination as z.output<typeof terminateBody> | null;
  const moveOut = c.moveOut as z.output<typeof moveOutBody> | null;
  const { photoFileIds: _hp, ...handoverRest } = handover ?? { photoFileIds: [] };
  const { fileIds: _tf, ...terminationRest } = termination ?? { fileIds: [] };
  const { photoFileIds: _mp, ...moveOutRest } = moveOut ?? { photoFileIds: [] };
  return {
    ...presentSummary(c, versions, live, today, settings.billing.daysPerYear),
    customer: { id: c.customerId, name: c.customerName, uscc: c.customerUscc, status: c.customerStatus },
    application: a,
    noApplicationReason: c.noApplicationReason,
    renewalOf: original ?? null,
    renewedBy: renewal ? { id: renewal.id, number: renewal.number, status: renewal.status as 'draft' } : null,
    template: {
      id: template!.id,
      kind: template!.kind as 'office',
      version: template!.version,
      title: template!.title,
    },
    notes: c.notes,
    terms: current.terms,
    units: unitsOf(current, live).map((u) => ({
      ...u,
      rent: current.terms.units.find((x) => x.unitId === u.unitId)?.rent ?? null,
    })),
    versions: versions.map((v) => presentVersion(v, fileMap, names)),
    explanation: explanation
      ? {
          ...explanation,
          recordedBy: person(explanation.recordedBy, names.get(explanation.recordedBy) ?? null),
        }
      : null,
    signing: c.signedOn
      ? {
          signedOn: c.signedOn,
          lessorSignatory: c.lessorSignatory ?? '',
          customerSignatory: c.customerSignatory ?? '',
          signedCopy: fv(c.signedCopyFileId),
        }
      : null,
    custodian: person(c.custodianId, c.custodianName),
    archiveLocation: c.archiveLocation,
    handover: handover
      ? { ...(handoverRest as Omit<typeof handover, 'photoFileIds'>), photos: many(handover.photoFileIds) }
      : null,
    termination: termination
      ? { ...(terminationRest as Omit<typeof termination, 'fileIds'>), files: many(termination.fileIds) }
      : null,
    moveOut: moveOut
      ? { ...(moveOutRest as Omit<typeof moveOut, 'photoFileIds'>), photos: many(moveOut.photoFileIds) }
      : null,
    cancelReason: c.cancelReason,
    billedThrough: c.billedThrough,
    violations: violations.map((v) => {
      const deadline = v.action ? null : objectionDeadline(v);
      return {
        id: v.id,
        kind: v.kind as 'sublet',
        foundOn: v.foundOn,
        description: v.description,
        evidence: many(v.evidenceFileIds),
        action: v.action as 'notice' | null,
        actionOn: v.actionOn,
        actionNote: v.actionNote,
        objectionDeadline: deadline,
        daysToDeadline: deadline ? daysBetweenExclusive(today, deadline) : null,
      };
    }),
    demands: demands.map((d) => ({
      id: d.id,
      demandedOn: d.demandedOn,
      deadline: d.deadline,
      method: d.method as 'courier',
      amountFen: d.amountFen,
      note: d.note,
      proof: fv(d.proofFileId),
      lapsed: d.deadline < today,
    })),
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      onDate: e.onDate,
      data: e.data,
      actor: person(e.actorId, e.actorName),
      at: new Date(e.at).toISOString(),
    })),
    files: files.map((f) => fileView(c.id, f)),
    actions: actionsFor(ctx, c, Boolean(renewal)),
  };
}
