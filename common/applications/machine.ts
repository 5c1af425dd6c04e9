/**
 * The lease application's life (R2.2.1-R2.2.6): a table of states and the transitions allowed between
 * them. The server refuses anything not in the table (APPLICATION_TRANSITION_INVALID, 409); the web app
 * reads the same table to show which actions a state offers.
 */
export const APPLICATION_STATUSES = [
  'draft',
  'business_review',
  'legal_review',
  'finance_review',
  'management_approval',
  'approved',
  'returned',
  'rejected',
  'withdrawn',
  'notice_expired',
  'contracted',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** The review stages in order, each decided by one department. */
export const REVIEW_STAGES = [
  'business_review',
  'legal_review',
  'finance_review',
  'management_approval',
] as const;
export type ReviewStage = (typeof REVIEW_STAGES)[number];

export const STAGE_ROLE = {
  business_review: 'business',
  legal_review: 'legal',
  finance_review: 'finance',
  management_approval: 'management',
} as const satisfies Record<ReviewStage, string>;

export const DECISIONS = ['approve', 'reject', 'return'] as const;
export type Decision = (typeof DECISIONS)[number];

export type ApplicationEvent = 'submit' | 'resubmit' | Decision | 'withdraw' | 'expire_notice' | 'contract';

export const isReviewStage = (s: string): s is ReviewStage =>
  (REVIEW_STAGES as readonly string[]).includes(s);

/** The stage after an approval at `stage`; management's approval ends the review. */
export function nextAfterApproval(stage: ReviewStage): ApplicationStatus {
  const i = REVIEW_STAGES.indexOf(stage);
  return REVIEW_STAGES[i + 1] ?? 'approved';
}

/** States in which the applicant side may still withdraw (nothing is signed yet). */
const WITHDRAWABLE: readonly ApplicationStatus[] = ['draft', 'returned', ...REVIEW_STAGES, 'approved'];

/**
 * Where `event` takes an application in `status`, or null when the table does not allow it. A resubmitted
 * application goes back to the stage that returned it (`returnedFrom`), not to the start.
 */
export function transition(
  status: ApplicationStatus,
  event: ApplicationEvent,
  returnedFrom: ReviewStage | null = null,
): ApplicationStatus | null {
  switch (event) {
    case 'submit':
      return status === 'draft' ? 'business_review' : null;
    case 'resubmit':
      return status === 'returned' ? (returnedFrom ?? 'business_review') : null;
    case 'approve':
      return isReviewStage(status) ? nextAfterApproval(status) : null;
    case 'reject':
      return isReviewStage(status) ? 'rejected' : null;
    case 'return':
      return isReviewStage(status) ? 'returned' : null;
    case 'withdraw':
      return WITHDRAWABLE.includes(status) ? 'withdrawn' : null;
    case 'expire_notice':
      return status === 'approved' ? 'notice_expired' : null;
    case 'contract':
      return status === 'approved' ? 'contracted' : null;
  }
}

/** The applicant side may edit only what is not under review. */
export const EDITABLE_STATUSES: readonly ApplicationStatus[] = ['draft', 'returned'];
