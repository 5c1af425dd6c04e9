import { describe, expect, it } from 'vitest';
import {
  CONTRACT_ACTIONS,
  CONTRACT_STATUSES,
  type ContractAction,
  type ContractStatus,
  contractActions,
  contractTransition,
} from './machine.ts';

/** The whole table, written out: every (state, action) pair not listed here must be refused. */
const ALLOWED: [ContractStatus, ContractAction, ContractStatus][] = [
  ['draft', 'edit', 'draft'],
  ['draft', 'submit', 'pending_signature'],
  ['draft', 'cancel', 'cancelled'],
  ['pending_signature', 'reopen', 'draft'],
  ['pending_signature', 'explain', 'pending_signature'],
  ['pending_signature', 'sign', 'signed'],
  ['pending_signature', 'cancel', 'cancelled'],
  ['signed', 'hand_over', 'active'],
  ['signed', 'amend', 'signed'],
  ['signed', 'record_violation', 'signed'],
  ['signed', 'record_demand', 'signed'],
  ['signed', 'terminate', 'terminated'],
  ['signed', 'expire', 'expired'],
  ['signed', 'renew', 'signed'],
  ['signed', 'archive', 'signed'],
  ['active', 'amend', 'active'],
  ['active', 'record_violation', 'active'],
  ['active', 'record_demand', 'active'],
  ['active', 'terminate', 'terminated'],
  ['active', 'expire', 'expired'],
  ['active', 'move_out', 'expired'],
  ['active', 'renew', 'active'],
  ['active', 'archive', 'active'],
  ['expired', 'record_violation', 'expired'],
  ['expired', 'record_demand', 'expired'],
  ['expired', 'move_out', 'expired'],
  ['expired', 'renew', 'expired'],
  ['expired', 'archive', 'expired'],
  ['terminated', 'record_demand', 'terminated'],
  ['terminated', 'move_out', 'terminated'],
  ['terminated', 'archive', 'terminated'],
];

describe('the contract state machine (R3.1-R3.3)', () => {
  for (const status of CONTRACT_STATUSES) {
    for (const action of CONTRACT_ACTIONS) {
      const row = ALLOWED.find(([s, a]) => s === status && a === action);
      it(`${status} + ${action} -> ${row ? row[2] : 'refused'}`, () => {
        expect(contractTransition(status, action)).toBe(row ? row[2] : null);
      });
    }
  }

  it('offers no way back from a cancelled contract, and nothing but paperwork after termination', () => {
    expect(contractActions('cancelled')).toEqual([]);
    expect(contractActions('terminated')).toEqual(['record_demand', 'move_out', 'archive']);
  });

  it('signs only from pending_signature: a draft must be submitted (and explained) first', () => {
    expect(contractTransition('draft', 'sign')).toBeNull();
    expect(contractTransition('signed', 'sign')).toBeNull();
  });
});
