/** What other modules may use: admissions and contracts move a customer along, and read it. */

export { addContact } from './contacts.ts';
export { createCustomer } from './createCustomer.ts';
export { megabytes, sniffMediaType } from './documents.ts';
export { findCustomers, getCustomer } from './queries.ts';
export { listContacts, listDocuments, lockCustomer } from './repo.ts';
export { setCustomerStatus } from './setCustomerStatus.ts';
