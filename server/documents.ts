import { admissionNoticeDocument } from './modules/applications/index.ts';
import {
  billDocument,
  receiptDocument,
  settlementDocument,
  statementDocument,
} from './modules/billing/index.ts';
import { contractDocument } from './modules/contracts/index.ts';
import { DocumentRegistry } from './platform/documents/registry.ts';

/** Every kind of document the application renders; modules add theirs here. */
export function buildDocumentRegistry(): DocumentRegistry {
  return new DocumentRegistry()
    .register(admissionNoticeDocument)
    .register(contractDocument)
    .register(billDocument)
    .register(receiptDocument)
    .register(settlementDocument)
    .register(statementDocument);
}
