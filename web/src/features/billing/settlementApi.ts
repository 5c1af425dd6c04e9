import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  DepositLedgerView,
  manualItem,
  refundBody,
  SettlementItem,
  SettlementView,
} from '../../../../common/schemas/settlements.ts';
import { api, buildUrl } from '../../app/api.ts';
import { BILLING } from './billingApi.ts';

export type { DepositLedgerView, SettlementItem, SettlementView };
export type ManualItem = z.input<typeof manualItem>;
export type RefundBody = z.input<typeof refundBody>;

const id = encodeURIComponent;

export const getDepositLedger = (contractId: string) =>
  api.get<DepositLedgerView>(`/v1/contracts/${id(contractId)}/deposit`);
export const getContractSettlement = (contractId: string) =>
  api.get<SettlementView | null>(`/v1/contracts/${id(contractId)}/settlement`);
export const draftSettlement = (contractId: string, items: ManualItem[]) =>
  api.post<SettlementView>(`/v1/contracts/${id(contractId)}/settlement`, { items });
export const confirmSettlement = (settlementId: string) =>
  api.post<SettlementView>(`/v1/settlements/${id(settlementId)}/confirm`);
export const refundSettlement = (settlementId: string, body: RefundBody) =>
  api.post<SettlementView>(`/v1/settlements/${id(settlementId)}/refund`, body);

/** The statement's print view (HTML, a new tab) and the PDF. */
export const settlementDocumentUrl = (settlementId: string, format: 'html' | 'pdf') =>
  buildUrl(`/v1/documents/settlement-statement/${id(settlementId)}`, format === 'html' ? { format } : {});

/** The items finance typed, as the draft request takes them back. */
export const manualItemsOf = (s: SettlementView): ManualItem[] =>
  s.items
    .filter((i) => i.kind === 'penalty' || i.kind === 'other')
    .map((i) => ({
      kind: i.kind as 'penalty' | 'other',
      name: i.name,
      amountFen: i.amountFen,
      reason: i.reason ?? '',
      evidenceFileIds: i.evidenceFileIds,
    }));

export function useDepositLedger(contractId: string) {
  return useQuery({
    queryKey: [BILLING, 'deposit', contractId],
    queryFn: () => getDepositLedger(contractId),
  });
}

export function useContractSettlement(contractId: string) {
  return useQuery({
    queryKey: [BILLING, 'settlement', contractId],
    queryFn: () => getContractSettlement(contractId),
  });
}
