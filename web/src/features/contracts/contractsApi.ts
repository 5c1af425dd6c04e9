import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ContractAction, ContractStatus } from '../../../../common/contracts/machine.ts';
import type {
  amendmentBody,
  amendmentDecisionBody,
  archiveBody,
  ContractTerms,
  ContractTermsInput,
  cancelBody,
  contractBody,
  contractFileView,
  contractSummary,
  contractsOverview,
  contractView,
  demandView,
  explanationBody,
  FILE_PURPOSES,
  handoverBody,
  ledgerEntry,
  moveOutBody,
  paymentDemandBody,
  signBody,
  TEMPLATE_KINDS,
  templateBody,
  templateView,
  terminateBody,
  updateContractBody,
  violationActionBody,
  violationBody,
  violationView,
} from '../../../../common/schemas/contracts.ts';
import { api, buildUrl, type Page } from '../../app/api.ts';
import { CONTRACT_WRITERS } from '../../app/nav.ts';
import { hasAnyRole, useUser } from '../../app/session.tsx';

export type ContractSummary = z.output<typeof contractSummary>;
export type ContractView = z.output<typeof contractView>;
export type ContractFile = z.output<typeof contractFileView>;
export type ViolationView = z.output<typeof violationView>;
export type DemandView = z.output<typeof demandView>;
export type VersionView = ContractView['versions'][number];
export type ContractEvent = ContractView['events'][number];
export type LedgerEntry = z.output<typeof ledgerEntry>;
export type TemplateView = z.output<typeof templateView>;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];
export type FilePurpose = (typeof FILE_PURPOSES)[number];
export type ContractBody = z.input<typeof contractBody>;
export type ContractsOverview = z.output<typeof contractsOverview>;
export type ContractChanges = z.input<typeof updateContractBody>;
export type { ContractAction, ContractStatus, ContractTerms, ContractTermsInput };

export interface ContractFilters {
  status?: ContractStatus;
  customerId?: string;
  expiringBefore?: string;
  holdingOver?: 'true';
  q?: string;
}

/** A prefilled contract: from an approved application, or (admin) a template's clauses and defaults. */
export interface Proposal {
  customerId: string;
  applicationId: string | null;
  terms: ContractTerms;
}

/** Every query of this feature starts with it, so one invalidation refreshes lists, pages and the ledger. */
export const CONTRACTS = 'contracts';
const id = encodeURIComponent;
const base = (contractId: string) => `/v1/contracts/${id(contractId)}`;

export const listContracts = (filters: ContractFilters, cursor: string | undefined) =>
  api.get<Page<ContractSummary>>('/v1/contracts', { ...filters, cursor, limit: 50 });
export const listLedger = (filters: ContractFilters, cursor: string | undefined) =>
  api.get<Page<LedgerEntry>>('/v1/contract-ledger', { ...filters, cursor, limit: 50 });
export const ledgerXlsxUrl = (filters: ContractFilters) =>
  buildUrl('/v1/contract-ledger.xlsx', { ...filters });
export const getContract = (contractId: string) => api.get<ContractView>(base(contractId));
export const getProposal = (query: { applicationId?: string; customerId?: string; kind?: TemplateKind }) =>
  api.get<Proposal>('/v1/contracts/proposal', { ...query });
export const createContract = (body: ContractBody) => api.post<ContractView>('/v1/contracts', body);
export const updateContract = (contractId: string, body: ContractChanges) =>
  api.patch<ContractView>(base(contractId), body);
export const contractPdfUrl = (contractId: string) => buildUrl(`${base(contractId)}/document.pdf`);

/** The workflow's sub-resources; each answers with the contract as it now stands. */
export const contractCommands = {
  submit: (contractId: string) => api.post<ContractView>(`${base(contractId)}/submit-for-signature`),
  reopen: (contractId: string) => api.post<ContractView>(`${base(contractId)}/reopen`),
  renew: (contractId: string) => api.post<ContractView>(`${base(contractId)}/renew`),
  explain: (contractId: string, body: z.input<typeof explanationBody>) =>
    api.post<ContractView>(`${base(contractId)}/explanation`, body),
  sign: (contractId: string, body: z.input<typeof signBody>) =>
    api.post<ContractView>(`${base(contractId)}/sign`, body),
  cancel: (contractId: string, body: z.input<typeof cancelBody>) =>
    api.post<ContractView>(`${base(contractId)}/cancel`, body),
  archive: (contractId: string, body: z.input<typeof archiveBody>) =>
    api.post<ContractView>(`${base(contractId)}/archive`, body),
  handOver: (contractId: string, body: z.input<typeof handoverBody>) =>
    api.post<ContractView>(`${base(contractId)}/handover`, body),
  amend: (contractId: string, body: z.input<typeof amendmentBody>) =>
    api.post<ContractView>(`${base(contractId)}/amendments`, body),
  decide: (contractId: string, version: number, body: z.input<typeof amendmentDecisionBody>) =>
    api.post<ContractView>(`${base(contractId)}/amendments/${version}/decision`, body),
  recordViolation: (contractId: string, body: z.input<typeof violationBody>) =>
    api.post<ContractView>(`${base(contractId)}/violations`, body),
  actOnViolation: (contractId: string, violationId: string, body: z.input<typeof violationActionBody>) =>
    api.post<ContractView>(`${base(contractId)}/violations/${id(violationId)}/action`, body),
  recordDemand: (contractId: string, body: z.input<typeof paymentDemandBody>) =>
    api.post<ContractView>(`${base(contractId)}/payment-demands`, body),
  terminate: (contractId: string, body: z.input<typeof terminateBody>) =>
    api.post<ContractView>(`${base(contractId)}/terminate`, body),
  moveOut: (contractId: string, body: z.input<typeof moveOutBody>) =>
    api.post<ContractView>(`${base(contractId)}/move-out`, body),
};

/** The purpose goes before the file: the server reads the parts in order and streams the file last. */
export function uploadContractFile(contractId: string, purpose: FilePurpose, file: Blob) {
  const form = new FormData();
  form.append('purpose', purpose);
  form.append('file', file);
  return api.upload<ContractFile>(`${base(contractId)}/files`, form);
}

export const listTemplates = () => api.get<TemplateView[]>('/v1/contract-templates');
export const createTemplate = (body: z.input<typeof templateBody>) =>
  api.post<TemplateView>('/v1/contract-templates', body);

/** The dashboard's figures: contracts by state, ending soon, holding over, waiting for someone. */
export function useContractsOverview() {
  return useQuery({
    queryKey: [CONTRACTS, 'overview'],
    queryFn: () => api.get<ContractsOverview>('/v1/contracts/overview'),
  });
}

export function useContract(contractId: string) {
  return useQuery({ queryKey: [CONTRACTS, 'one', contractId], queryFn: () => getContract(contractId) });
}

export function useTemplates() {
  return useQuery({ queryKey: [CONTRACTS, 'templates'], queryFn: listTemplates });
}

export function useCanWriteContracts(): boolean {
  return hasAnyRole(useUser(), CONTRACT_WRITERS);
}

/** Management decides amendments; administrators edit templates; the server checks again. */
export function useContractRoles() {
  const user = useUser();
  return {
    write: hasAnyRole(user, CONTRACT_WRITERS),
    decide: hasAnyRole(user, ['management']),
    admin: hasAnyRole(user, ['admin']),
  };
}

export const can = (view: Pick<ContractView, 'actions'>, action: ContractAction) =>
  view.actions.includes(action);
