import type { Fen } from '../money.ts';

/*
 * Which open lines money settles (R5.1.2): a pure function so the preview a cashier sees and the
 * allocation written are the same. Oldest due date first; with `principalFirst`, penalties wait until
 * every principal line is settled. Chosen lines are settled in the order given.
 */

export interface OpenLine {
  id: string;
  billId: string;
  dueDate: string;
  /** Issue order within a due date: bill number, then line. */
  order: string;
  penalty: boolean;
  outstandingFen: Fen;
}

export interface CreditSource {
  /** `payment:<id>` or `credit:<lineId>`. */
  id: string;
  availableFen: Fen;
}

export interface Allocation {
  sourceId: string;
  lineId: string;
  billId: string;
  amountFen: Fen;
}

export type AllocationRule = 'principal_first' | 'due_date';

export function orderLines(lines: OpenLine[], rule: AllocationRule): OpenLine[] {
  return [...lines].sort(
    (a, b) =>
      (rule === 'principal_first' ? Number(a.penalty) - Number(b.penalty) : 0) ||
      a.dueDate.localeCompare(b.dueDate) ||
      a.order.localeCompare(b.order),
  );
}

/**
 * Spends the sources, in order, on the lines, in order. `caps` limits what a chosen line may take. Returns
 * the allocations; what is left of each source stays the customer's credit.
 */
export function allocate(
  lines: OpenLine[],
  sources: CreditSource[],
  caps?: ReadonlyMap<string, Fen>,
): Allocation[] {
  const out: Allocation[] = [];
  const left = sources.map((s) => ({ ...s }));
  let si = 0;
  for (const line of lines) {
    let need = Math.min(line.outstandingFen, caps?.get(line.id) ?? line.outstandingFen);
    while (need > 0 && si < left.length) {
      const s = left[si]!;
      const take = Math.min(need, s.availableFen);
      if (take > 0) {
        out.push({ sourceId: s.id, lineId: line.id, billId: line.billId, amountFen: take });
        s.availableFen -= take;
        need -= take;
      }
      if (s.availableFen === 0) si++;
    }
    if (si >= left.length) break;
  }
  return out;
}
