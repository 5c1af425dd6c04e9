import { endOfMonth, epochDay } from '../../../common/dates.ts';
import { AppError } from '../../platform/errors.ts';

/** The longest period a report covers: three years of months. */
export const MAX_REPORT_MONTHS = 36;

const monthsSpanned = (from: string, to: string) =>
  (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
  Number(to.slice(5, 7)) -
  Number(from.slice(5, 7)) +
  1;

/** Refuses a period that ends before it starts or spans more months than a report lists. */
export function checkPeriod(from: string, to: string, field: string) {
  if (epochDay(from) > epochDay(to) || monthsSpanned(from, to) > MAX_REPORT_MONTHS)
    throw new AppError('REPORT_PERIOD_INVALID', { months: MAX_REPORT_MONTHS }, field);
}

/** A month `YYYY-MM` as its first and last days. */
export const monthRange = (month: string) => {
  const from = `${month}-01`;
  return { from, to: endOfMonth(from) };
};
