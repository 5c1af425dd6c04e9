import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';
import { organizations, users } from './platform.ts';

/**
 * An import (R9.7): the uploaded sheet is parsed into staging rows with their problems, shown as a preview,
 * then committed to the real tables in one transaction, or discarded.
 */
export const importBatches = pgTable(
  'import_batches',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    kind: text('kind', { enum: ['customers', 'units', 'contracts'] }).notNull(),
    fileName: text('file_name').notNull(),
    status: text('status', { enum: ['previewed', 'committed', 'discarded'] })
      .notNull()
      .default('previewed'),
    totalRows: integer('total_rows').notNull().default(0),
    errorRows: integer('error_rows').notNull().default(0),
    importedRows: integer('imported_rows'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    committedAt: ts('committed_at'),
  },
  (t) => [index('import_batches_org_created_idx').on(t.orgId, t.createdAt)],
);

export const importRows = pgTable(
  'import_rows',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => importBatches.id, { onDelete: 'cascade' }),
    /** The sheet's own row number (the header is row 1), as the user sees it in Excel. */
    rowNo: integer('row_no').notNull(),
    data: jsonb('data').notNull(),
    /** [{ column, reason }] — empty when the row can be imported. */
    errors: jsonb('errors').notNull().default(sql`'[]'::jsonb`),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.rowNo] })],
);
