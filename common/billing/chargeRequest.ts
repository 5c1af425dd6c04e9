/**
 * A charge raised by hand (费用调整单): a one-off charge or a correction of an issued line. Raised, it waits
 * for finance (or, a correction at or under the organization's threshold, is posted at once); finance posts
 * or rejects it; whoever raised it may withdraw it while it waits. The server refuses anything not in the
 * table (CHARGE_REQUEST_TRANSITION_INVALID, 409).
 */
export const CHARGE_REQUEST_KINDS = ['one_off', 'correction'] as const;
export type ChargeRequestKind = (typeof CHARGE_REQUEST_KINDS)[number];
export const CHARGE_REQUEST_STATUSES = ['pending', 'posted', 'rejected', 'cancelled'] as const;
export type ChargeRequestStatus = (typeof CHARGE_REQUEST_STATUSES)[number];
export const CHARGE_REQUEST_ACTIONS = ['approve', 'reject', 'cancel'] as const;
export type ChargeRequestAction = (typeof CHARGE_REQUEST_ACTIONS)[number];

const TABLE: Record<ChargeRequestAction, Partial<Record<ChargeRequestStatus, ChargeRequestStatus>>> = {
  approve: { pending: 'posted' },
  reject: { pending: 'rejected' },
  cancel: { pending: 'cancelled' },
};

export function chargeRequestTransition(
  status: ChargeRequestStatus,
  action: ChargeRequestAction,
): ChargeRequestStatus | null {
  return TABLE[action][status] ?? null;
}

/** The charge types a correction may correct: deposits have their own ledger and settlement. */
export const CORRECTABLE_CHARGE_TYPES = [
  'rent',
  'property_fee',
  'other',
  'utility',
  'one_off',
  'penalty',
] as const;

/** Whether a correction of `totalFen` needs finance's approval: above the threshold, either way. */
export const correctionNeedsApproval = (totalFen: number, thresholdFen: number) =>
  Math.abs(totalFen) > thresholdFen;
