import Decimal from 'decimal.js';
import { isReviewStage, REVIEW_STAGES, type ReviewStage } from '../../../../common/applications/machine.ts';
import type {
  ApplicationChecks,
  ApplicationStatus,
  ApplicationView,
  RejectReason,
} from './applicationsApi.ts';

/** One colour per review stage, so a list read at a glance shows where each application waits. */
export const STATUS_COLORS: Record<ApplicationStatus, string> = {
  draft: 'default',
  business_review: 'blue',
  legal_review: 'purple',
  finance_review: 'gold',
  management_approval: 'magenta',
  approved: 'green',
  returned: 'orange',
  rejected: 'red',
  withdrawn: 'default',
  notice_expired: 'volcano',
  contracted: 'cyan',
};

const PERCENT_TEXT = /^\d{1,3}(\.\d{1,4})?$/;

/**
 * People type percentages ("5" for 5%, "0.05" for 万分之五 a day); the API takes fractions as strings
 * ("0.05", "0.0005"). Null for text that is not a percentage from 0 to 100 with at most four decimals,
 * which keeps the fraction within the six decimals the API accepts.
 */
export function percentToFraction(text: string | undefined | null): string | null {
  const s = (text ?? '').trim();
  if (!PERCENT_TEXT.test(s)) return null;
  const value = new Decimal(s);
  if (value.gt(100)) return null;
  return value.div(100).toFixed();
}

/** "0.0005" → "0.05": a fraction from the API as the percentage people read. */
export function fractionToPercent(fraction: string): string {
  return new Decimal(fraction).mul(100).toFixed();
}

/** Where a step of the stage tracker stands: antd's step statuses plus "returned". */
export type StepState = 'wait' | 'process' | 'finish' | 'error' | 'returned';

/** The four review stages and the notice, each with its state, for the stage tracker. */
export function stageStates(
  view: Pick<ApplicationView, 'status' | 'returnedFrom' | 'reviews'>,
): Record<ReviewStage | 'notice', StepState> {
  const latest = new Map<ReviewStage, string>();
  for (const review of view.reviews) latest.set(review.stage, review.decision);
  const rejectedAt =
    view.status === 'rejected' ? view.reviews.findLast((r) => r.decision === 'reject') : null;
  let current: ReviewStage | null = null;
  let currentState: StepState = 'process';
  if (isReviewStage(view.status)) current = view.status;
  else if (view.status === 'returned') {
    current = view.returnedFrom ?? 'business_review';
    currentState = 'returned';
  } else if (rejectedAt) {
    current = rejectedAt.stage;
    currentState = 'error';
  }
  const states = {} as Record<ReviewStage | 'notice', StepState>;
  const currentIndex = current ? REVIEW_STAGES.indexOf(current) : REVIEW_STAGES.length;
  REVIEW_STAGES.forEach((stage, i) => {
    if (stage === current) states[stage] = currentState;
    else if (i < currentIndex && latest.get(stage) === 'approve') states[stage] = 'finish';
    else states[stage] = 'wait';
  });
  states.notice =
    view.status === 'approved'
      ? 'process'
      : view.status === 'contracted'
        ? 'finish'
        : view.status === 'notice_expired'
          ? 'error'
          : 'wait';
  return states;
}

/**
 * What the system could tell about each checklist item, shown beside it: true (fits), false (flagged)
 * or null (the system cannot tell; the reviewer judges alone).
 */
export function systemFlag(key: string, checks: ApplicationChecks): boolean | null {
  switch (key) {
    case 'qualificationsVerified':
      return (
        checks.documents.licenceValid && checks.documents.taxRegistrationValid && checks.documents.allVerified
      );
    case 'termLawful':
      return checks.termWithinLimit;
    case 'penaltyWithinLimit':
      return checks.penaltyWithinLimit;
    case 'useFitsUnits':
    case 'unitsSuitable':
      return checks.useFitsUnits;
    case 'abilityToPay':
      return checks.capitalCoversAnnualRent;
    case 'noArrears':
      return checks.customerStatus === 'blacklisted' ? false : null;
    default:
      return null;
  }
}

/** Rejections by month pivoted for a table: one row per month, a count per reason. */
export function rejectionRows(
  entries: { month: string; reason: RejectReason; count: number }[],
): { month: string; total: number; counts: Partial<Record<RejectReason, number>> }[] {
  const rows = new Map<
    string,
    { month: string; total: number; counts: Partial<Record<RejectReason, number>> }
  >();
  for (const e of entries) {
    const row = rows.get(e.month) ?? { month: e.month, total: 0, counts: {} };
    row.counts[e.reason] = (row.counts[e.reason] ?? 0) + e.count;
    row.total += e.count;
    rows.set(e.month, row);
  }
  return [...rows.values()].sort((a, b) => a.month.localeCompare(b.month));
}

/** An area without its trailing zeros: "150.00" → "150", "150.50" → "150.5". */
export function areaText(area: string): string {
  return area.includes('.') ? area.replace(/\.?0+$/, '') : area;
}

/** Hours with one decimal, or a dash when nothing was decided. */
export function hoursText(hours: number | null): string {
  return hours === null ? '—' : (Math.round(hours * 10) / 10).toFixed(1);
}

/** A rate (0..1) as a percentage with one decimal. */
export function rateText(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}
