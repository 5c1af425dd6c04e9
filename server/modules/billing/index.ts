/** What other modules may use: contracts plan their charges here; the job and the routes. */
export { billingJob, runBilling } from './billingRun.ts';
export { billDocument, receiptDocument } from './documents.ts';
export { billingIntegrityJob, checkIntegrity } from './integrity.ts';
export { type ContractForBilling, planContract } from './planContract.ts';
export { recordPayment } from './recordPayment.ts';
export { billingRoutes } from './routes.ts';
