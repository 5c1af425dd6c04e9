import dayjs, { type Dayjs } from 'dayjs';
import { addMonths, startOfMonth } from '../../../../common/dates.ts';
import { parseWanYuan } from '../../../../common/money/wan.ts';
import type { INDUSTRIES } from '../../../../common/schemas/customers.ts';
import type { UNIT_TYPES } from '../../../../common/schemas/spaces.ts';
import type {
  ApplicationBody,
  ApplicationChanges,
  ApplicationView,
  IntendedUse,
  RentBasis,
} from './applicationsApi.ts';
import { areaText, fractionToPercent, percentToFraction } from './applicationsFormat.ts';

type PaymentCycle = ApplicationBody['terms']['paymentCycleMonths'];

/** The form as people fill it: dates as Dayjs, rates as percentages, capital in 万元. */
export interface Values {
  customerMode: 'existing' | 'new';
  customerId?: string;
  newCustomer?: {
    name: string;
    uscc: string;
    legalRepresentative?: string;
    registeredCapital?: string;
    industry?: (typeof INDUSTRIES)[number];
  };
  spaceType: (typeof UNIT_TYPES)[number];
  areaMin: string;
  areaMax: string;
  siteId?: string | null;
  buildingId?: string | null;
  unitIds: string[];
  startDate: Dayjs;
  termMonths: number;
  occupants: number;
  intendedUse: IntendedUse;
  useDescription?: string;
  terms: {
    rentBasis: RentBasis;
    price: string;
    paymentCycleMonths: PaymentCycle;
    depositMonths: number;
    rentFreeMonths: number;
    /** Percent a year, e.g. "5". */
    yearlyIncrease: string;
    /** Percent a day, e.g. "0.05" (万分之五). */
    penaltyRatePerDay: string;
  };
  notes?: string;
}

const text = (value: string | undefined | null) => value?.trim() || null;

/** The fields an application has whoever its customer is: what PATCH takes, and POST with a customer. */
export function toFields(values: Values): Required<Omit<ApplicationChanges, 'siteId' | 'buildingId'>> & {
  siteId: string | null;
  buildingId: string | null;
} {
  const { terms } = values;
  return {
    spaceType: values.spaceType,
    areaMin: values.areaMin.trim(),
    areaMax: values.areaMax.trim(),
    siteId: values.siteId ?? null,
    buildingId: values.buildingId ?? null,
    unitIds: values.unitIds ?? [],
    startDate: values.startDate.format('YYYY-MM-DD'),
    termMonths: values.termMonths,
    occupants: values.occupants,
    intendedUse: values.intendedUse,
    useDescription: text(values.useDescription),
    terms: {
      rentBasis: terms.rentBasis,
      price: terms.price.trim(),
      paymentCycleMonths: terms.paymentCycleMonths,
      depositMonths: terms.depositMonths,
      rentFreeMonths: terms.rentFreeMonths,
      // The form's rules have checked both; a bad one would be refused by the server on its field.
      yearlyIncrease: percentToFraction(terms.yearlyIncrease) ?? terms.yearlyIncrease,
      penaltyRatePerDay: percentToFraction(terms.penaltyRatePerDay) ?? terms.penaltyRatePerDay,
    },
    notes: text(values.notes),
  };
}

/** POST's body: the fields plus an existing customer or a new one (created as a prospect). */
export function toCreateBody(values: Values): ApplicationBody {
  const fields = toFields(values);
  if (values.customerMode === 'existing') return { ...fields, customerId: values.customerId };
  const c = values.newCustomer!;
  const capital = c.registeredCapital?.trim();
  return {
    ...fields,
    newCustomer: {
      name: c.name.trim(),
      uscc: c.uscc.trim(),
      legalRepresentative: text(c.legalRepresentative),
      registeredCapital: capital ? parseWanYuan(capital) : null,
      industry: c.industry ?? null,
    },
  };
}

/** A new application starts on the first of next month, for three years, on common terms. */
export function blankValues(today: string, customerId: string | undefined): Partial<Values> {
  return {
    customerMode: 'existing',
    customerId,
    spaceType: 'office',
    unitIds: [],
    startDate: dayjs(startOfMonth(addMonths(today, 1))),
    termMonths: 36,
    intendedUse: 'office',
    terms: {
      rentBasis: 'per_sqm_month',
      price: '',
      paymentCycleMonths: 3,
      depositMonths: 3,
      rentFreeMonths: 0,
      yearlyIncrease: '5',
      penaltyRatePerDay: '0.05',
    },
  };
}

/** The form filled from an application being edited. */
export function valuesOf(view: ApplicationView): Partial<Values> {
  return {
    customerMode: 'existing',
    customerId: view.customer.id,
    spaceType: view.spaceType,
    areaMin: areaText(view.areaMin),
    areaMax: areaText(view.areaMax),
    siteId: view.siteId,
    buildingId: view.buildingId,
    unitIds: view.units.map((u) => u.id),
    startDate: dayjs(view.startDate),
    termMonths: view.termMonths,
    occupants: view.occupants,
    intendedUse: view.intendedUse,
    useDescription: view.useDescription ?? '',
    terms: {
      ...view.terms,
      yearlyIncrease: fractionToPercent(view.terms.yearlyIncrease),
      penaltyRatePerDay: fractionToPercent(view.terms.penaltyRatePerDay),
    },
    notes: view.notes ?? '',
  };
}
