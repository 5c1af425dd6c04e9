/** What other modules may use: the sheet reader and the row checks, for imports of their own. */
export type { Column } from './columns.ts';
export { type Cell, readSheet, type SheetRow } from './readSheet.ts';
export { reasonText } from './reasons.ts';
export { RowReader } from './rowReader.ts';
