import { describe, expect, it } from 'vitest';
import en from '../web/src/locales/en.json';
import zhCN from '../web/src/locales/zh-CN.json';
import {
  BUSINESS_SCALE_LABELS,
  CUSTOMER_KIND_LABELS,
  CUSTOMER_STATUS_LABELS,
  INDUSTRY_LABELS,
  type Labels,
  UNIT_STATUS_LABELS,
  UNIT_TYPE_LABELS,
} from './labels.ts';

const locales = { 'zh-CN': zhCN, en } as const;

/** Sheets (import templates, exports) and screens must call a value by the same name. */
describe('labels shared by sheets and screens', () => {
  const cases: [string, Labels<string>, (l: typeof zhCN) => Record<string, string>][] = [
    ['industries', INDUSTRY_LABELS, (l) => l.customers.industries],
    ['customer kinds', CUSTOMER_KIND_LABELS, (l) => l.customers.kinds],
    ['business scales', BUSINESS_SCALE_LABELS, (l) => l.customers.scales],
    ['customer statuses', CUSTOMER_STATUS_LABELS, (l) => l.customers.statuses],
    ['unit types', UNIT_TYPE_LABELS, (l) => l.spaces.types],
    ['unit statuses', UNIT_STATUS_LABELS, (l) => l.spaces.statuses],
  ];
  for (const [name, labels, pick] of cases) {
    it(`names ${name} as the web app does`, () => {
      for (const locale of ['zh-CN', 'en'] as const) {
        const expected = Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, v[locale]]));
        expect(pick(locales[locale] as typeof zhCN)).toEqual(expected);
      }
    });
  }
});
