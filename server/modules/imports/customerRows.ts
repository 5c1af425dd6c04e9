import { BUSINESS_SCALE_LABELS, CUSTOMER_KIND_LABELS, INDUSTRY_LABELS } from '../../../common/labels.ts';
import { checkEmail } from '../../../common/validators/email.ts';
import { checkPhone } from '../../../common/validators/phone.ts';
import { checkUscc } from '../../../common/validators/uscc.ts';
import { newId } from '../../platform/ids.ts';
import type { SheetRow } from './readSheet.ts';
import type { RowError } from './reasons.ts';
import { RowReader } from './rowReader.ts';

/** A customer row as staged: the values to insert and the ids made now (no uuidv7() in PostgreSQL 15). */
export interface CustomerData {
  id: string;
  auditId: string;
  name: string | null;
  kind: string;
  uscc: string | null;
  legalRepresentative: string | null;
  registeredCapital: number | null;
  establishedOn: string | null;
  industry: string | null;
  registeredAddress: string | null;
  scale: string | null;
  accountManager: string | null;
  accountManagerId: string | null;
  tags: string[];
  notes: string | null;
  contact: {
    id: string;
    name: string;
    title: string | null;
    mobile: string | null;
    email: string | null;
  } | null;
}

export interface Staged<D> {
  rowNo: number;
  data: D;
  errors: RowError[];
}

export function readCustomerRow(row: SheetRow): Staged<CustomerData> {
  const r = new RowReader(row.cells);
  const contactName = r.text('contactName', { max: 50 });
  const contactTitle = r.text('contactTitle', { max: 50 });
  const mobile = r.checked('mobile', checkPhone, 'phone');
  const email = r.checked('email', checkEmail, 'email');
  const data: CustomerData = {
    id: newId(),
    auditId: newId(),
    name: r.text('name', { required: true, min: 2, max: 100 }),
    kind: r.choice('kind', CUSTOMER_KIND_LABELS) ?? 'company',
    uscc: r.checked('uscc', checkUscc, 'uscc', true),
    legalRepresentative: r.text('legalRepresentative', { max: 50 }),
    registeredCapital: r.capital('registeredCapital'),
    establishedOn: r.date('establishedOn'),
    industry: r.choice('industry', INDUSTRY_LABELS),
    registeredAddress: r.text('registeredAddress', { max: 300 }),
    scale: r.choice('scale', BUSINESS_SCALE_LABELS),
    accountManager: r.text('accountManager', { max: 100 }),
    accountManagerId: null,
    tags: r.list('tags', { count: 20, max: 20 }),
    notes: r.text('notes', { max: 2000 }),
    contact: null,
  };
  const details = contactTitle || r.raw('mobile') || r.raw('email');
  if (contactName) {
    if (!r.raw('mobile') && !r.raw('email')) r.problem('mobile', 'contact_needs_way');
    data.contact = { id: newId(), name: contactName, title: contactTitle, mobile, email };
  } else if (details) {
    r.problem('contactName', 'contact_name_required');
  }
  return { rowNo: row.rowNo, data, errors: r.errors };
}

export interface CustomerLookups {
  /** Active users of the business department. */
  managers: { id: string; username: string; displayName: string }[];
  /** USCCs of the file already in the organization, with the customer's name. */
  taken: Map<string, string>;
}

/** What one row cannot know alone: the account manager, duplicates in the file and in the database. */
export function checkCustomerRows(rows: Staged<CustomerData>[], lookups: CustomerLookups) {
  const byUsername = new Map(lookups.managers.map((m) => [m.username.toLowerCase(), m.id]));
  const byName = new Map<string, string[]>();
  for (const m of lookups.managers) byName.set(m.displayName, [...(byName.get(m.displayName) ?? []), m.id]);
  const firstRow = new Map<string, number>();
  for (const row of rows) {
    const d = row.data;
    const fail = (column: string, reason: RowError['reason'], value: string, params?: RowError['params']) =>
      row.errors.push({ column, reason, value, ...(params ? { params } : {}) });
    if (d.accountManager) {
      const named = byName.get(d.accountManager) ?? [];
      const id = byUsername.get(d.accountManager.toLowerCase()) ?? (named.length === 1 ? named[0] : null);
      if (id) d.accountManagerId = id;
      else
        fail('accountManager', named.length > 1 ? 'manager_ambiguous' : 'manager_unknown', d.accountManager, {
          value: d.accountManager,
        });
    }
    if (!d.uscc) continue;
    const first = firstRow.get(d.uscc);
    if (first !== undefined) fail('uscc', 'uscc_duplicate_in_file', d.uscc, { row: first });
    else firstRow.set(d.uscc, row.rowNo);
    const existing = lookups.taken.get(d.uscc);
    if (existing !== undefined) fail('uscc', 'uscc_taken', d.uscc, { name: existing });
  }
}
