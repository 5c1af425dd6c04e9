import type { CHARGE_TYPES } from '../schemas/billing.ts';
import type { OrgSettings } from '../schemas/organization.ts';

/*
 * Opening balances (期初余额): what each customer still owed and the deposits held on the day a company
 * starts with Tenantry, imported as bill lines issued on the import day (docs/billing.md).
 */

type ChargeType = (typeof CHARGE_TYPES)[number];

/**
 * Every opening line's reason starts so. It marks the line for the schedule: a contract's replan compares
 * its schedule with what it issued, and must leave an opening line alone as it leaves a correction alone
 * (the schedule never billed it, so it would otherwise "correct" it away).
 */
export const OPENING_REASON = '期初导入';
/** The item name of an opening bill line when the sheet gives none. */
export const OPENING_DEFAULT_NAME = '期初余额';
/** The reference of the payment that records a deposit held as received. */
export const OPENING_DEPOSIT_REFERENCE = '期初保证金';
/** The names of the schedule's deposits (the rent deposit, the property-fee deposit). */
export const DEPOSIT_NAMES = ['rent', 'property_fee'] as const;
/** One hundred million yuan a line: more is a typing slip. */
export const OPENING_MAX_FEN = 10_000_000_000;

/** The organization's VAT rate for a charge type; deposits carry none. */
export function defaultVatRate(chargeType: ChargeType, rates: OrgSettings['vatRates']): string {
  switch (chargeType) {
    case 'deposit':
      return '0';
    case 'property_fee':
      return rates.propertyFee;
    case 'utility':
      return rates.electricity;
    default:
      return rates.rent;
  }
}

/** 期初导入, then the original bill number and the note when there are. */
export function openingReason(originalBillNo: string | null, notes: string | null): string {
  return [OPENING_REASON, originalBillNo && `原账单号 ${originalBillNo}`, notes].filter(Boolean).join('；');
}
