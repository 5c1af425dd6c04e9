/** What other modules may use: contracts plan their charges here; the job and the routes. */
export { billingJob, runBilling } from './billingRun.ts';
export { chargeRequestRoutes } from './chargeRequestRoutes.ts';
export { billDeliveryJob } from './deliverBills.ts';
export { billDocument, receiptDocument } from './documents.ts';
export { billingIntegrityJob, checkIntegrity } from './integrity.ts';
export { invoiceRoutes } from './invoiceRoutes.ts';
export {
  checkOpeningBalances,
  type OpeningBalanceRow,
  type OpeningField,
  type OpeningProblem,
} from './openingBalances.ts';
export { type ContractForBilling, planContract } from './planContract.ts';
export { type OpeningOutcome, postOpeningBalances } from './postOpeningBalances.ts';
export { raiseChargeRequest } from './raiseChargeRequest.ts';
export { recordInvoice } from './recordInvoice.ts';
export { recordPayment } from './recordPayment.ts';
export { billingReportRoutes } from './reportRoutes.ts';
export { billingRoutes } from './routes.ts';
export { settlementDocument } from './settlementDocument.ts';
export { settlementRoutes } from './settlementRoutes.ts';
export { statementDocument } from './statementDocument.ts';
export { statementRoutes } from './statementRoutes.ts';
export {
  issuedUtilityCharges,
  type PlannedUtilityCharge,
  planUtilityCharges,
  type UtilityCharge,
  type UtilityChargeView,
  unplanUtilityCharges,
  utilityChargesOf,
} from './utilityPlan.ts';
