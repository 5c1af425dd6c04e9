import { describe, expect, it } from 'vitest';
import {
  APPLICATION_STATUSES,
  type ApplicationEvent,
  type ApplicationStatus,
  REVIEW_STAGES,
  type ReviewStage,
  transition,
} from './machine.ts';

const EVENTS: ApplicationEvent[] = [
  'submit',
  'resubmit',
  'approve',
  'reject',
  'return',
  'withdraw',
  'expire_notice',
  'contract',
];

/** The whole table written out by hand (R2.2.1-R2.2.6, R3.1.1): every pair not listed is refused. */
const ALLOWED: Partial<Record<ApplicationStatus, Partial<Record<ApplicationEvent, ApplicationStatus>>>> = {
  draft: { submit: 'business_review', withdraw: 'withdrawn' },
  returned: { resubmit: 'business_review', withdraw: 'withdrawn' },
  business_review: { approve: 'legal_review', reject: 'rejected', return: 'returned', withdraw: 'withdrawn' },
  legal_review: { approve: 'finance_review', reject: 'rejected', return: 'returned', withdraw: 'withdrawn' },
  finance_review: {
    approve: 'management_approval',
    reject: 'rejected',
    return: 'returned',
    withdraw: 'withdrawn',
  },
  management_approval: { approve: 'approved', reject: 'rejected', return: 'returned', withdraw: 'withdrawn' },
  approved: { withdraw: 'withdrawn', expire_notice: 'notice_expired', contract: 'contracted' },
};

describe('the application state machine (issue 5)', () => {
  for (const status of APPLICATION_STATUSES) {
    for (const event of EVENTS) {
      const expected = ALLOWED[status]?.[event] ?? null;
      it(`${status} --${event}--> ${expected ?? 'refused'}`, () => {
        expect(transition(status, event)).toBe(expected);
      });
    }
  }

  it('resubmits a returned application to the stage that returned it', () => {
    for (const stage of REVIEW_STAGES) {
      expect(transition('returned', 'resubmit', stage as ReviewStage)).toBe(stage);
    }
  });

  it('leaves the ended states with no way out', () => {
    for (const status of ['rejected', 'withdrawn', 'notice_expired', 'contracted'] as const) {
      expect(EVENTS.map((e) => transition(status, e)).filter(Boolean)).toEqual([]);
    }
  });
});
