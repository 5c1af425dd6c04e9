import type { z } from 'zod';
import {
  type ApplicationStatus,
  EDITABLE_STATUSES,
  isReviewStage,
  type ReviewStage,
  STAGE_ROLE,
  transition,
} from '../../../common/applications/machine.ts';
import type { Role } from '../../../common/roles.ts';
import type {
  APPLICATION_ACTIONS,
  applicationSummary,
  applicationView,
  ProposedTerms,
} from '../../../common/schemas/applications.ts';
import { toIso } from '../../platform/db/database.ts';
import type { Checks } from './checks.ts';
import type { ApplicationListRow, ApplicationUnitRow, ReviewListRow } from './repo.ts';

type Action = (typeof APPLICATION_ACTIONS)[number];
const APPLICANT_SIDE: readonly Role[] = ['admin', 'business'];

export const noticeHref = (id: string) => `/api/v1/applications/${id}/notice.pdf`;

export function presentSummary(a: ApplicationListRow, today: string): z.infer<typeof applicationSummary> {
  return {
    id: a.id,
    number: a.number,
    status: a.status as ApplicationStatus,
    customer: { id: a.customerId, name: a.customerName },
    spaceType: a.spaceType as 'office',
    areaMin: a.areaMin,
    areaMax: a.areaMax,
    startDate: a.startDate,
    termMonths: a.termMonths,
    stageDueOn: isReviewStage(a.status) ? a.stageDueOn : null,
    overdue: isReviewStage(a.status) && a.stageDueOn !== null && a.stageDueOn < today,
    createdBy: a.createdBy ? { id: a.createdBy, name: a.createdByName ?? '' } : null,
    submittedAt: toIso(a.submittedAt),
    updatedAt: toIso(a.updatedAt)!,
    notice:
      a.noticeNumber && a.noticeIssuedOn && a.noticeSignBy
        ? {
            number: a.noticeNumber,
            issuedOn: a.noticeIssuedOn,
            signBy: a.noticeSignBy,
            href: noticeHref(a.id),
          }
        : null,
  };
}

/** What this user may do with the application now: the transition table, their roles and segregation. */
export function actionsFor(
  a: { status: string; returnedFrom: string | null },
  user: { id: string | null; roles: readonly Role[] },
  decidedStages: { stage: string; decidedBy: string }[],
  segregation: boolean,
): Action[] {
  const status = a.status as ApplicationStatus;
  const applicantSide = user.roles.some((r) => APPLICANT_SIDE.includes(r));
  const actions: Action[] = [];
  if (applicantSide && EDITABLE_STATUSES.includes(status)) actions.push('edit', 'submit');
  if (isReviewStage(status) && user.roles.includes(STAGE_ROLE[status])) {
    const decidedOther = decidedStages.some((r) => r.decidedBy === user.id && r.stage !== status);
    if (!(segregation && decidedOther)) actions.push('review');
  }
  if (applicantSide && transition(status, 'withdraw')) actions.push('withdraw');
  return actions;
}

export function presentApplication(
  a: ApplicationListRow,
  extra: {
    today: string;
    units: ApplicationUnitRow[];
    reviews: ReviewListRow[];
    checks: Checks;
    actions: Action[];
  },
): z.infer<typeof applicationView> {
  return {
    ...presentSummary(a, extra.today),
    customer: { id: a.customerId, name: a.customerName, uscc: a.customerUscc, status: a.customerStatus },
    siteId: a.siteId,
    siteName: a.siteName,
    buildingId: a.buildingId,
    buildingName: a.buildingName,
    units: extra.units.map((u) => ({
      id: u.id,
      code: u.code,
      type: u.type,
      siteName: u.siteName,
      buildingName: u.buildingName,
      floor: u.floor,
      grossArea: u.grossArea,
      insideArea: u.insideArea,
    })),
    occupants: a.occupants,
    intendedUse: a.intendedUse as 'office',
    useDescription: a.useDescription,
    terms: a.terms as ProposedTerms,
    notes: a.notes,
    returnedFrom: (a.returnedFrom as ReviewStage | null) ?? null,
    reviews: extra.reviews.map((r) => ({
      id: r.id,
      stage: r.stage as ReviewStage,
      decision: r.decision as 'approve',
      comment: r.comment,
      rejectReason: (r.rejectReason as 'other' | null) ?? null,
      checklist: r.checklist,
      decidedBy: { id: r.decidedBy, name: r.decidedByName ?? '' },
      decidedAt: toIso(r.decidedAt)!,
    })),
    checks: extra.checks,
    withdrawReason: a.withdrawReason,
    actions: extra.actions,
  };
}
