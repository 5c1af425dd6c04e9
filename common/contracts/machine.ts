/**
 * The lease contract's life (R3.1-R3.3): a table of states and the transitions allowed between them. The
 * server refuses anything not in the table (CONTRACT_TRANSITION_INVALID, 409); the web app reads the same
 * table to show which actions a state offers.
 */
export const CONTRACT_STATUSES = [
  'draft',
  'pending_signature',
  'signed',
  'active',
  'expired',
  'terminated',
  'cancelled',
] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

export const CONTRACT_ACTIONS = [
  'edit',
  'submit',
  'reopen',
  'explain',
  'sign',
  'cancel',
  'hand_over',
  'amend',
  'record_violation',
  'record_demand',
  'terminate',
  'expire',
  'move_out',
  'renew',
  'archive',
] as const;
export type ContractAction = (typeof CONTRACT_ACTIONS)[number];

/** Where each action takes a contract, by the state it starts from; a state missing from a row refuses it. */
const TABLE: Record<ContractAction, Partial<Record<ContractStatus, ContractStatus>>> = {
  edit: { draft: 'draft' },
  submit: { draft: 'pending_signature' },
  /** Back to the drafting table: the recorded explanation no longer holds for changed terms. */
  reopen: { pending_signature: 'draft' },
  explain: { pending_signature: 'pending_signature' },
  sign: { pending_signature: 'signed' },
  cancel: { draft: 'cancelled', pending_signature: 'cancelled' },
  hand_over: { signed: 'active' },
  amend: { signed: 'signed', active: 'active' },
  record_violation: { signed: 'signed', active: 'active', expired: 'expired' },
  record_demand: { signed: 'signed', active: 'active', expired: 'expired', terminated: 'terminated' },
  terminate: { signed: 'terminated', active: 'terminated' },
  expire: { signed: 'expired', active: 'expired' },
  /** The space comes back: after termination or expiry, or on the last day of an active lease. */
  move_out: { active: 'expired', expired: 'expired', terminated: 'terminated' },
  renew: { signed: 'signed', active: 'active', expired: 'expired' },
  archive: { signed: 'signed', active: 'active', expired: 'expired', terminated: 'terminated' },
};

/** Where `action` takes a contract in `status`, or null when the table does not allow it. */
export function contractTransition(status: ContractStatus, action: ContractAction): ContractStatus | null {
  return TABLE[action][status] ?? null;
}

/** The actions a contract in `status` offers (the web app shows these buttons). */
export function contractActions(status: ContractStatus): ContractAction[] {
  return CONTRACT_ACTIONS.filter((a) => contractTransition(status, a) !== null);
}

/** States in which the contract binds both parties: its units are leased, its money is billed. */
export const BINDING_STATUSES: readonly ContractStatus[] = ['signed', 'active', 'expired', 'terminated'];
