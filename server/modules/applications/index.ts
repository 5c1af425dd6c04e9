/** What other modules may use: the admission notice document (the contract issue adds signing). */
export { admissionNoticeDocument } from './noticeDocument.ts';
