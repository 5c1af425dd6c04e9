import type { z } from 'zod';
import { type ContractStatus, contractActions } from '../../../common/contracts/machine.ts';
import { billingAreaOf, monthRentFen } from '../../../common/contracts/rent.ts';
import { daysBetweenExclusive } from '../../../common/dates.ts';
import type {
  ContractTerms,
  contractFileView,
  contractSummary,
  TermsSnapshot,
  versionView,
} from '../../../common/schemas/contracts.ts';
import type { Ctx } from '../../platform/context.ts';
import type { UnitFacts } from '../spaces/index.ts';
import { versionOn } from './lifecycle.ts';
import type { ContractListRow, FileRow, VersionRow } from './repo.ts';

type Unit = TermsSnapshot['units'][number];

/** A version's units as they bill: frozen in its snapshot once signed, else read live from spaces. */
export function unitsOf(v: VersionRow, live: Map<string, UnitFacts>): Unit[] {
  if (v.snapshot) return v.snapshot.units;
  return v.terms.units.flatMap((u) => {
    const f = live.get(u.unitId);
    if (!f) return [];
    return [
      {
        unitId: f.id,
        code: f.code,
        type: f.type,
        siteName: f.siteName,
        buildingName: f.buildingName,
        address: f.address,
        floor: f.floor,
        grossArea: f.grossArea,
        insideArea: f.insideArea,
        usableArea: f.usableArea,
        billingArea: billingAreaOf(f, v.terms.areaBasis),
        certificateNo: f.certificateNo,
      },
    ];
  });
}

/** The day whose terms a list shows: today inside the term, else its nearer end. */
export const dayInTerm = (c: { startDate: string; endDate: string }, today: string) =>
  today < c.startDate ? c.startDate : today > c.endDate ? c.endDate : today;

export function fileView(contractId: string, f: FileRow): z.output<typeof contractFileView> {
  return {
    id: f.id,
    purpose: f.purpose as z.output<typeof contractFileView>['purpose'],
    fileName: f.fileName,
    mediaType: f.mediaType,
    size: f.size,
    uploadedAt: f.uploadedAt.toISOString(),
    href: `/api/v1/contracts/${contractId}/files/${f.id}`,
  };
}

export const person = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

export function presentSummary(
  c: ContractListRow,
  versions: VersionRow[],
  live: Map<string, UnitFacts>,
  today: string,
  daysPerYear: number,
): z.output<typeof contractSummary> {
  const v = versionOn(versions, dayInTerm(c, today));
  const units = unitsOf(v, live);
  return {
    id: c.id,
    number: c.number,
    status: c.status as ContractStatus,
    customer: { id: c.customerId, name: c.customerName },
    unitCodes: units.map((u) => u.code),
    startDate: c.startDate,
    endDate: c.endDate,
    monthlyRentFen: monthRentFen(
      v.terms,
      units,
      dayInTerm(c, today),
      v.snapshot?.settings.daysPerYear ?? daysPerYear,
    ),
    signedOn: c.signedOn,
    holdingOver: c.holdingOver,
    daysToEnd: daysBetweenExclusive(today, c.endDate),
    accountManager: person(c.accountManagerId, c.accountManagerName),
    updatedAt: new Date(c.updatedAt).toISOString(),
  };
}

export function presentVersion(
  v: VersionRow,
  files: Map<string, FileRow>,
  names: Map<string, string>,
): z.output<typeof versionView> {
  const agreement = v.agreementFileId ? files.get(v.agreementFileId) : undefined;
  return {
    version: v.version,
    status: v.status as z.output<typeof versionView>['status'],
    effectiveFrom: v.effectiveFrom,
    reason: v.reason,
    terms: v.terms as ContractTerms,
    snapshot: v.snapshot,
    agreementFile: agreement ? fileView(v.contractId, agreement) : null,
    proposedBy: person(v.proposedBy, names.get(v.proposedBy ?? '') ?? null),
    decidedBy: person(v.decidedBy, names.get(v.decidedBy ?? '') ?? null),
    decidedAt: v.decidedAt?.toISOString() ?? null,
    decisionComment: v.decisionComment,
  };
}

/** The actions the state table allows that this user's roles and the contract's facts also allow. */
export function actionsFor(ctx: Ctx, c: ContractListRow, hasRenewal: boolean) {
  const roles = ctx.actor.roles;
  const writer = roles.includes('admin') || roles.includes('business');
  const terminator = writer || roles.includes('management');
  return contractActions(c.status as ContractStatus).filter((a) => {
    if (a === 'terminate') return terminator;
    if (a === 'move_out') return writer && !c.movedOutOn && Boolean(c.handedOverOn);
    if (a === 'renew') return writer && !hasRenewal;
    if (a === 'expire') return false;
    return writer;
  });
}
