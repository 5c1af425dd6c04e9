/** What other modules may use: the contract document, and art. 722's question for terminations. */
export { contractDocument } from './document.ts';
export { contractExpiryJob } from './expiryJob.ts';
export { checkImportedLease, type ImportedLease, importContract } from './importContract.ts';
export { hasLapsedPaymentDemand } from './paymentDemands.ts';
export { contractRoutes } from './routes.ts';
export { violationWarningJob } from './violationWarningJob.ts';
