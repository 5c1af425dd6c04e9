import { addDays } from '../../../common/dates.ts';
import type { INTENDED_USES, RENT_BASES } from '../../../common/schemas/applications.ts';
import {
  type AREA_BASES,
  type ContractTerms,
  type ContractTermsInput,
  contractTerms,
} from '../../../common/schemas/contracts.ts';
import type { OrgSettings } from '../../../common/schemas/organization.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { type Ctx, nowOf } from '../../platform/context.ts';
import { nextNumber } from '../../platform/db/numbers.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { findCustomers, setCustomerStatus } from '../customers/index.ts';
import { orgFacts } from '../orgs/index.ts';
import { listBuildings, listUnits, occupyUnits, type UnitFacts } from '../spaces/index.ts';
import { staffIdByUsername } from '../users/index.ts';
import { replanCharges } from './billingPlan.ts';
import { recordEvent } from './lifecycle.ts';
import { insertContract, insertVersion } from './repo.ts';
import { templateFor } from './templates.ts';
import { checkTerms, snapshotOf } from './terms.ts';

/**
 * An existing lease as a company brings it to Tenantry (an import row): the customer by USCC, the units by
 * site, building and codes, the terms with the organization's defaults where a value is left out, the
 * signing and handover as they happened, and the last day already billed outside Tenantry.
 */
export interface ImportedLease {
  uscc: string;
  site: string;
  building: string;
  unitCodes: string[];
  areaBasis: (typeof AREA_BASES)[number];
  use: (typeof INTENDED_USES)[number];
  startDate: string;
  endDate: string;
  rent: {
    basis: (typeof RENT_BASES)[number];
    /** Yuan, as a decimal string. */
    price: string;
    taxInclusive: boolean;
    /** Null: the organization's rent VAT rate. */
    vatRate: string | null;
  };
  billingCycleMonths: 1 | 3 | 6 | 12;
  dueDaysBeforePeriod: number;
  /** Yuan per m² per month on the billing area; null: no property fee. */
  propertyFeePrice: string | null;
  deposit: { months: number } | { amountFen: number };
  /** Nulls take the organization's defaults. */
  lateFee: { dailyRate: string | null; graceDays: number | null };
  signedOn: string;
  handedOverOn: string | null;
  /** Username of the member of staff who keeps the original. */
  custodian: string | null;
  archiveLocation: string | null;
  /** The last day billed outside Tenantry: from the day before the start (nothing billed) to the end. */
  billedThrough: string;
  originalNumber?: string | null;
  notes?: string | null;
}

interface LeasePlan {
  customer: { id: string; name: string; uscc: string };
  units: UnitFacts[];
  custodianId: string | null;
  terms: ContractTerms;
  settings: OrgSettings;
}

/**
 * What a caller checking many leases at once (an import's preview) may let checkImportedLease keep from
 * one lease to the next: the organization's settings and its buildings do not change meanwhile.
 */
export interface LeaseMemo {
  settings?: OrgSettings;
  buildings?: Awaited<ReturnType<typeof listBuildings>>;
}

export interface LeaseCheck {
  /** Every problem found, each an AppError naming its field (`uscc`, `unitCodes`, `terms.endDate`, …). */
  problems: AppError[];
  customer: { id: string; name: string } | null;
  /** The units found, in the order of the codes; null when one of them was not found. */
  unitIds: string[] | null;
  /** Set when there is no problem: what importContract writes. */
  plan: LeasePlan | null;
}

/**
 * Checks an existing lease without writing anything: the customer exists and is not blacklisted, the
 * units exist, the custodian is on the staff, the dates hold (signed and handed over by today, the
 * handover not before the start, billedThrough within [start - 1 day, end]) and the terms pass every
 * rule a drafted contract passes (checkTerms: the 20-year limit, use against unit type, late-fee limit,
 * units free for the term). All problems are collected, not just the first.
 */
export async function checkImportedLease(
  ctx: Ctx,
  row: ImportedLease,
  today: string,
  memo: LeaseMemo = {},
): Promise<LeaseCheck> {
  const problems: AppError[] = [];
  const label = (zh: string, en: string) => (ctx.locale === 'en' ? en : zh);
  const missing = (field: string, zh: string, en: string) =>
    problems.push(new AppError('CONTRACT_IMPORT_NOT_FOUND', { what: label(zh, en) }, field));
  memo.settings ??= (await orgFacts(ctx)).settings;
  const settings = memo.settings;

  const found = (await findCustomers(ctx, { q: row.uscc, sort: 'name', limit: 5 })).items.find(
    (c) => c.uscc === row.uscc,
  );
  if (!found) missing('uscc', `统一社会信用代码为 ${row.uscc} 的客户`, `A customer with USCC ${row.uscc}`);
  else if (found.status === 'blacklisted')
    problems.push(new AppError('CUSTOMER_BLACKLISTED', { name: found.name }, 'uscc'));

  const unitIds = await findUnitIds(ctx, row, today, missing, memo);
  let custodianId: string | null = null;
  if (row.custodian) {
    custodianId = await staffIdByUsername(ctx.tx, row.custodian);
    if (!custodianId)
      missing('custodian', `在职员工“${row.custodian}”`, `An active member of staff "${row.custodian}"`);
  }

  if (row.signedOn > today)
    problems.push(new AppError('CONTRACT_DATE_IN_FUTURE', { date: row.signedOn }, 'signedOn'));
  if (row.handedOverOn && row.handedOverOn > today)
    problems.push(new AppError('CONTRACT_DATE_IN_FUTURE', { date: row.handedOverOn }, 'handedOverOn'));
  else if (row.handedOverOn && row.handedOverOn < row.startDate)
    problems.push(new AppError('CONTRACT_HANDOVER_BEFORE_START', { date: row.startDate }, 'handedOverOn'));
  const earliest = addDays(row.startDate, -1);
  if (row.billedThrough < earliest || row.billedThrough > row.endDate)
    problems.push(
      new AppError(
        'CONTRACT_BILLED_THROUGH_OUTSIDE_TERM',
        { min: earliest, max: row.endDate },
        'billedThrough',
      ),
    );

  let plan: LeasePlan | null = null;
  if (found && unitIds) {
    const parsed = contractTerms.safeParse(termsOf(row, unitIds, settings));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = `terms.${issue.path.join('.')}`;
      problems.push(new AppError('VALIDATION_FAILED', { field, detail: issue.message }, field));
    } else {
      try {
        const units = await checkTerms(ctx, parsed.data, { settings, ownSources: [], prefix: 'terms.' });
        plan = { customer: found, units, custodianId, terms: parsed.data, settings };
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        problems.push(e);
      }
    }
  }
  return {
    problems,
    customer: found ? { id: found.id, name: found.name } : null,
    unitIds,
    plan: problems.length ? null : plan,
  };
}

/**
 * Records an existing lease as a contract already signed (an import): version 1 in force with its
 * snapshot, the units leased for the term, the customer a tenant (unless the lease is over), the ledger's
 * `signed` (and `handed_over`, `expired`) entries and an audit record, all in the caller's transaction.
 * Its status follows the dates: `expired` once the end date has passed (not holding over: the import
 * says nothing of it), `active` when handed over, else `signed`. Billing starts after `billedThrough`.
 */
export async function importContract(ctx: Ctx, row: ImportedLease, importId: string, today: string) {
  const check = await checkImportedLease(ctx, row, today);
  if (!check.plan) throw check.problems[0] ?? new AppError('BAD_REQUEST');
  const { customer, units, custodianId, settings } = check.plan;
  const kind = units.every((u) => u.type === 'warehouse') ? 'warehouse' : 'office';
  const template = await templateFor(ctx, kind);
  const terms: ContractTerms = { ...check.plan.terms, clauses: template.clauses };
  const status = row.endDate < today ? 'expired' : row.handedOverOn ? 'active' : 'signed';
  const reason = `存量合同导入（批次 ${importId}）`;
  const id = newId();
  // Numbered in the year it was signed, like the paper it stands for.
  const number = await nextNumber(ctx.tx, ctx.orgId, 'HT', Number(row.signedOn.slice(0, 4)));
  const notes = [row.originalNumber ? `原合同编号：${row.originalNumber}` : null, row.notes ?? null]
    .filter(Boolean)
    .join('\n');
  const c = await insertContract(ctx.tx, {
    id,
    orgId: ctx.orgId,
    number,
    customerId: customer.id,
    applicationId: null,
    noApplicationReason: reason,
    renewalOf: null,
    templateId: template.id,
    status,
    startDate: row.startDate,
    endDate: row.endDate,
    notes: notes || null,
    signedOn: row.signedOn,
    custodianId,
    archiveLocation: row.archiveLocation,
    handedOverOn: row.handedOverOn,
    // The handover as the view shows it; the checklist, keys and readings stay on the paper record.
    handover: row.handedOverOn
      ? {
          handedOverOn: row.handedOverOn,
          facilities: [],
          keys: [],
          meterReadings: [],
          photoFileIds: [],
          lessorConfirmedBy: reason,
          customerConfirmedBy: reason,
          note: '存量合同导入：交付记录以原合同档案为准',
        }
      : null,
    billedThrough: row.billedThrough,
    importId,
    holdingOver: false,
    createdBy: ctx.actor.id,
  });
  await insertVersion(ctx.tx, {
    id: newId(),
    orgId: ctx.orgId,
    contractId: id,
    version: 1,
    status: 'in_force',
    effectiveFrom: row.startDate,
    terms,
    snapshot: snapshotOf(terms, units, customer, settings),
    proposedBy: ctx.actor.id,
    decidedBy: ctx.actor.id,
    decidedAt: nowOf(ctx),
  });
  await occupyUnits(ctx, {
    unitIds: units.map((u) => u.id),
    kind: 'leased',
    from: row.startDate,
    to: row.endDate,
    sourceType: 'contract',
    sourceId: id,
    customerId: customer.id,
  });
  if (status !== 'expired')
    await setCustomerStatus(ctx, customer.id, 'tenant', { entityType: 'contract', entityId: id });
  await recordEvent(ctx, c, 'signed', row.signedOn, {
    imported: true,
    importId,
    custodianId,
    archiveLocation: row.archiveLocation,
    originalNumber: row.originalNumber ?? null,
  });
  if (row.handedOverOn) await recordEvent(ctx, c, 'handed_over', row.handedOverOn, { imported: true });
  if (status === 'expired')
    await recordEvent(ctx, c, 'expired', row.endDate, { holdingOver: false, imported: true });
  await recordAudit(ctx, {
    entityType: 'contract',
    entityId: id,
    action: 'contract.import',
    after: {
      number,
      status,
      importId,
      customer: { name: customer.name, uscc: customer.uscc },
      units: units.map((u) => `${u.siteName} ${u.buildingName} ${u.code}`),
      startDate: row.startDate,
      endDate: row.endDate,
      signedOn: row.signedOn,
      handedOverOn: row.handedOverOn,
      billedThrough: row.billedThrough,
      originalNumber: row.originalNumber ?? null,
    },
    customerId: customer.id,
  });
  await replanCharges(ctx, c.id, today, null);
  return c;
}

/** The terms as a drafted contract has them; left-out values take the organization's defaults. */
function termsOf(row: ImportedLease, unitIds: string[], settings: OrgSettings): ContractTermsInput {
  const lateFee = settings.contracts.lateFee;
  return {
    units: unitIds.map((unitId) => ({ unitId })),
    areaBasis: row.areaBasis,
    use: row.use,
    startDate: row.startDate,
    endDate: row.endDate,
    rent: { ...row.rent, vatRate: row.rent.vatRate ?? settings.vatRates.rent },
    billingCycleMonths: row.billingCycleMonths,
    dueDaysBeforePeriod: row.dueDaysBeforePeriod,
    rentFree: [],
    rentFreeAppliesToPropertyFee: false,
    escalations: [],
    propertyFee: row.propertyFeePrice
      ? {
          pricePerSqmMonth: row.propertyFeePrice,
          taxInclusive: row.rent.taxInclusive,
          vatRate: settings.vatRates.propertyFee,
        }
      : null,
    otherCharges: [],
    deposit: row.deposit,
    propertyFeeDeposit: null,
    lateFee: {
      dailyRate: row.lateFee.dailyRate ?? lateFee.dailyRate,
      graceDays: row.lateFee.graceDays ?? lateFee.graceDays,
      cap: lateFee.cap,
    },
    // The template's clauses are filled in when the contract is written.
    clauses: '',
  };
}

/** The units by site, building and codes, in the order of the codes; null when one is missing. */
async function findUnitIds(
  ctx: Ctx,
  row: ImportedLease,
  today: string,
  missing: (field: string, zh: string, en: string) => void,
  memo: LeaseMemo,
): Promise<string[] | null> {
  memo.buildings ??= await listBuildings(ctx.tx, { limit: 10_000 });
  const buildings = memo.buildings;
  if (!buildings.some((b) => b.siteName === row.site)) {
    missing('site', `园区“${row.site}”`, `Site "${row.site}"`);
    return null;
  }
  const building = buildings.find((b) => b.siteName === row.site && b.name === row.building);
  if (!building) {
    missing(
      'building',
      `园区“${row.site}”中的楼栋“${row.building}”`,
      `Building "${row.building}" of site "${row.site}"`,
    );
    return null;
  }
  if (!row.unitCodes.length) {
    missing('unitCodes', '单元', 'Unit');
    return null;
  }
  const ids: string[] = [];
  for (const code of row.unitCodes) {
    const list = await listUnits(ctx.tx, { asOf: today, buildingId: building.id, q: code, limit: 1000 });
    const unit = list.find((u) => u.code === code);
    if (unit) ids.push(unit.id);
    else
      missing(
        'unitCodes',
        `楼栋“${row.building}”中的单元“${code}”`,
        `Unit "${code}" of building "${row.building}"`,
      );
  }
  return ids.length === row.unitCodes.length ? ids : null;
}
