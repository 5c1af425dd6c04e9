import { describe, expect, it } from 'vitest';
import { fraction } from '../../../../common/schemas/applications.ts';
import type { ReviewView } from './applicationsApi.ts';
import {
  areaText,
  fractionToPercent,
  percentToFraction,
  rateText,
  rejectionRows,
  stageStates,
} from './applicationsFormat.ts';

const review = (stage: ReviewView['stage'], decision: ReviewView['decision']): ReviewView => ({
  id: `${stage}-${decision}`,
  stage,
  decision,
  comment: null,
  rejectReason: null,
  checklist: {},
  decidedBy: null,
  decidedAt: '2026-03-01T02:00:00Z',
});

describe('percentages and fractions', () => {
  it('turns what people type into the fraction strings the API takes', () => {
    expect(percentToFraction('5')).toBe('0.05');
    expect(percentToFraction(' 0.05 ')).toBe('0.0005');
    expect(percentToFraction('0')).toBe('0');
    expect(percentToFraction('100')).toBe('1');
    expect(percentToFraction('12.3456')).toBe('0.123456');
    for (const text of ['5', '0.05', '0', '100', '12.3456']) {
      expect(fraction.safeParse(percentToFraction(text)).success).toBe(true);
    }
  });

  it('refuses what the API would refuse: over 100, too many decimals, not a number', () => {
    for (const text of ['100.01', '0.00001', '-1', '5%', '', 'abc', '1e2']) {
      expect(percentToFraction(text), text).toBeNull();
    }
  });

  it('reads fractions back as percentages without float noise', () => {
    expect(fractionToPercent('0.0005')).toBe('0.05');
    expect(fractionToPercent('0.07')).toBe('7');
    expect(fractionToPercent('0.123456')).toBe('12.3456');
  });

  it('writes areas without trailing zeros', () => {
    expect(['150.00', '150.50', '150.05', '150', '0.00'].map(areaText)).toEqual([
      '150',
      '150.5',
      '150.05',
      '150',
      '0',
    ]);
  });

  it('writes rates with one decimal', () => {
    expect(rateText(0.8333)).toBe('83.3%');
    expect(rateText(1)).toBe('100.0%');
    expect(rateText(null)).toBe('—');
  });
});

describe('stageStates', () => {
  it('marks the stages approved before the current one done, and the rest waiting', () => {
    const states = stageStates({
      status: 'finance_review',
      returnedFrom: null,
      reviews: [review('business_review', 'approve'), review('legal_review', 'approve')],
    });
    expect(states).toEqual({
      business_review: 'finish',
      legal_review: 'finish',
      finance_review: 'process',
      management_approval: 'wait',
      notice: 'wait',
    });
  });

  it('shows a returned application at the stage that returned it, and back in process once resubmitted', () => {
    const reviews = [review('business_review', 'approve'), review('legal_review', 'return')];
    expect(stageStates({ status: 'returned', returnedFrom: 'legal_review', reviews })).toMatchObject({
      business_review: 'finish',
      legal_review: 'returned',
      finance_review: 'wait',
    });
    expect(stageStates({ status: 'legal_review', returnedFrom: null, reviews })).toMatchObject({
      business_review: 'finish',
      legal_review: 'process',
    });
  });

  it('marks the rejecting stage red and the notice waiting; approval and contract fill the notice', () => {
    const rejected = stageStates({
      status: 'rejected',
      returnedFrom: null,
      reviews: [review('business_review', 'approve'), review('legal_review', 'reject')],
    });
    expect(rejected).toMatchObject({ business_review: 'finish', legal_review: 'error', notice: 'wait' });
    const all = ['business_review', 'legal_review', 'finance_review', 'management_approval'] as const;
    const reviews = all.map((s) => review(s, 'approve'));
    expect(stageStates({ status: 'approved', returnedFrom: null, reviews })).toEqual({
      business_review: 'finish',
      legal_review: 'finish',
      finance_review: 'finish',
      management_approval: 'finish',
      notice: 'process',
    });
    expect(stageStates({ status: 'contracted', returnedFrom: null, reviews }).notice).toBe('finish');
    expect(stageStates({ status: 'notice_expired', returnedFrom: null, reviews }).notice).toBe('error');
  });

  it('shows a draft as not started', () => {
    const states = stageStates({ status: 'draft', returnedFrom: null, reviews: [] });
    expect(Object.values(states)).toEqual(['wait', 'wait', 'wait', 'wait', 'wait']);
  });
});

describe('rejectionRows', () => {
  it('pivots the counts by month, in month order, with a total', () => {
    expect(
      rejectionRows([
        { month: '2026-03', reason: 'credit', count: 1 },
        { month: '2026-02', reason: 'terms', count: 2 },
        { month: '2026-03', reason: 'terms', count: 3 },
      ]),
    ).toEqual([
      { month: '2026-02', total: 2, counts: { terms: 2 } },
      { month: '2026-03', total: 4, counts: { credit: 1, terms: 3 } },
    ]);
  });
});
