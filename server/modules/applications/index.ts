/** What other modules may use: the admission notice document, and what contracts read and change. */
export { applicationForContract, applicationRef, markContracted } from './contracting.ts';
export { admissionNoticeDocument } from './noticeDocument.ts';
