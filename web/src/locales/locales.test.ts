import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { APPLICATION_STATUSES, DECISIONS, REVIEW_STAGES } from '../../../common/applications/machine.ts';
import { CONTRACT_ACTIONS, CONTRACT_STATUSES } from '../../../common/contracts/machine.ts';
import { LOCALES } from '../../../common/locale.ts';
import { ROLES } from '../../../common/roles.ts';
import {
  INTENDED_USES,
  PAYMENT_CYCLES,
  REJECT_REASONS,
  RENT_BASES,
  STAGE_CHECKLISTS,
} from '../../../common/schemas/applications.ts';
import {
  BILL_STATUSES,
  CHARGE_TYPES,
  PAYMENT_METHODS,
  PAYMENT_STATUSES,
} from '../../../common/schemas/billing.ts';
import {
  AREA_BASES,
  DELIVERY_METHODS,
  ESCALATION_KINDS,
  FILE_PURPOSES,
  LATE_FEE_CAPS,
  TEMPLATE_KINDS,
  TERMINATION_REASONS,
  VIOLATION_ACTIONS,
  VIOLATION_KINDS,
} from '../../../common/schemas/contracts.ts';
import {
  BUSINESS_SCALES,
  CONTACT_ROLES,
  CUSTOMER_KINDS,
  CUSTOMER_STATUSES,
  DOCUMENT_KINDS,
  INDUSTRIES,
} from '../../../common/schemas/customers.ts';
import { OUTBOX_STATUSES } from '../../../common/schemas/outbox.ts';
import { PRICE_BASES, UNIT_STATUSES, UNIT_TYPES } from '../../../common/schemas/spaces.ts';
import { NAV } from '../app/nav.ts';
import { EVENT_FACTS } from '../features/contracts/contractsFormat.ts';
import en from './en.json';
import zhCN from './zh-CN.json';

type Tree = { [key: string]: string | Tree };

/** Every leaf as `a.b.c` → its value. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

const languages = { 'zh-CN': flatten(zhCN as Tree), en: flatten(en as Tree) };
const srcRoot = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

const KEY = String.raw`[a-zA-Z][\w-]*(?:\.[\w-]+)+`;
// t('a.b'), i18n.t("a.b"), and both branches of t(cond ? 'a.b' : 'a.c').
const LITERAL = new RegExp(String.raw`\bt\(\s*(['"])(${KEY})\1`, 'g');
const TERNARY = new RegExp(String.raw`\bt\(\s*[^'"()]*?\?\s*(['"])(${KEY})\1\s*:\s*(['"])(${KEY})\3`, 'g');
// t(`jobs.names.${job}`): only the fixed part can be checked, and it must be a group of keys.
const TEMPLATE = /\bt\(\s*`([a-zA-Z][\w.-]*)\.\$\{/g;

function usedKeys() {
  const literal = new Map<string, string>();
  const prefixes = new Map<string, string>();
  for (const file of sourceFiles(srcRoot)) {
    const text = fs.readFileSync(file, 'utf8');
    const where = path.relative(srcRoot, file);
    for (const m of text.matchAll(LITERAL)) literal.set(m[2]!, where);
    for (const m of text.matchAll(TERNARY)) {
      literal.set(m[2]!, where);
      literal.set(m[4]!, where);
    }
    for (const m of text.matchAll(TEMPLATE)) prefixes.set(m[1]!, where);
  }
  return { literal, prefixes };
}

describe('locale files', () => {
  it('have the same keys in both languages', () => {
    const zhKeys = [...languages['zh-CN'].keys()];
    const enKeys = [...languages.en.keys()];
    expect(
      zhKeys.filter((k) => !languages.en.has(k)),
      'missing in en.json',
    ).toEqual([]);
    expect(
      enKeys.filter((k) => !languages['zh-CN'].has(k)),
      'missing in zh-CN.json',
    ).toEqual([]);
  });

  it('have no empty values', () => {
    for (const [language, keys] of Object.entries(languages)) {
      const empty = [...keys].filter(([, value]) => value.trim() === '').map(([key]) => key);
      expect(empty, `empty in ${language}`).toEqual([]);
    }
  });

  it('use the same {{placeholders}} in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
    const differing = [...languages['zh-CN']]
      .filter(
        ([key, zh]) =>
          JSON.stringify(placeholders(zh)) !== JSON.stringify(placeholders(languages.en.get(key) ?? '')),
      )
      .map(([key]) => key);
    expect(differing).toEqual([]);
  });
});

describe('keys used by the app', () => {
  const { literal, prefixes } = usedKeys();

  it('finds the keys it scans for (the scan itself works)', () => {
    expect(literal.get('users.created')).toBeDefined();
    expect(literal.get('users.saved')).toBeDefined();
    expect(literal.get('errors.http')).toBeDefined();
    expect(literal.size).toBeGreaterThan(100);
    expect(prefixes.get('roles')).toBeDefined();
  });

  it('exist in both languages for every literal t() call', () => {
    for (const [language, keys] of Object.entries(languages)) {
      const missing = [...literal].filter(([key]) => !keys.has(key)).map(([key, file]) => `${key} (${file})`);
      expect(missing, `missing in ${language}`).toEqual([]);
    }
  });

  it('name groups of keys where the key is built at run time', () => {
    for (const [language, keys] of Object.entries(languages)) {
      const missing = [...prefixes]
        .filter(([prefix]) => ![...keys.keys()].some((key) => key.startsWith(`${prefix}.`)))
        .map(([prefix, file]) => `${prefix}.* (${file})`);
      expect(missing, `missing in ${language}`).toEqual([]);
    }
  });

  it('cover every value of the enumerations the app translates', () => {
    const expected = [
      ...ROLES.map((role) => `roles.${role}`),
      ...LOCALES.map((locale) => `language.${locale}`),
      ...OUTBOX_STATUSES.map((status) => `outbox.statuses.${status}`),
      ...['running', 'succeeded', 'failed'].map((status) => `jobs.statuses.${status}`),
      ...['schedule', 'manual'].map((trigger) => `jobs.triggers.${trigger}`),
      ...['user', 'system', 'job'].map((kind) => `audit.actorKinds.${kind}`),
      ...['rent', 'propertyFee', 'water', 'electricity'].map((rate) => `organization.rates.${rate}`),
      ...NAV.map((entry) => entry.labelKey),
      ...NAV.flatMap((entry) => (entry.group ? [entry.group] : [])),
      ...UNIT_STATUSES.map((status) => `spaces.statuses.${status}`),
      ...UNIT_TYPES.map((type) => `spaces.types.${type}`),
      ...PRICE_BASES.map((basis) => `spaces.bases.${basis}`),
      ...['application', 'contract', 'manual'].map((source) => `spaces.sources.${source}`),
      ...['grossArea', 'insideArea', 'usableArea'].flatMap((area) => [
        `spaces.unit.${area}`,
        `spaces.unit.${area}Short`,
      ]),
      ...['insideArea', 'usableArea'].map((area) => `spaces.unit.${area}TooLarge`),
      ...CUSTOMER_STATUSES.map((status) => `customers.statuses.${status}`),
      ...CUSTOMER_KINDS.map((kind) => `customers.kinds.${kind}`),
      ...INDUSTRIES.map((industry) => `customers.industries.${industry}`),
      ...BUSINESS_SCALES.map((scale) => `customers.scales.${scale}`),
      ...CONTACT_ROLES.map((role) => `customers.contactRoles.${role}`),
      ...DOCUMENT_KINDS.map((kind) => `customers.documentKinds.${kind}`),
      ...['valid', 'expiring', 'expired', 'no_expiry'].map((v) => `customers.validity.${v}`),
      ...APPLICATION_STATUSES.map((status) => `applications.statuses.${status}`),
      ...[...REVIEW_STAGES, 'notice'].map((stage) => `applications.stages.${stage}`),
      ...DECISIONS.flatMap((d) => [
        `applications.decisions.${d}`,
        `applications.review.submit.${d}`,
        `applications.review.done.${d}`,
      ]),
      ...REJECT_REASONS.map((reason) => `applications.rejectReasons.${reason}`),
      ...INTENDED_USES.map((use) => `applications.uses.${use}`),
      ...RENT_BASES.flatMap((b) => [`applications.rentBases.${b}`, `applications.priceUnits.${b}`]),
      ...PAYMENT_CYCLES.map((n) => `applications.paymentCycles.${n}`),
      ...Object.values(STAGE_CHECKLISTS).flatMap((c) =>
        Object.keys(c.shape).map((key) => `applications.checklist.${key}`),
      ),
      ...['mine', 'all', 'overdue'].map((view) => `applications.views.${view}`),
      ...CONTRACT_STATUSES.map((status) => `contracts.statuses.${status}`),
      ...CONTRACT_ACTIONS.map((action) => `contracts.actions.${action}`),
      ...['draft', 'pending', 'in_force', 'rejected'].map((status) => `contracts.versionStatuses.${status}`),
      ...AREA_BASES.map((basis) => `contracts.areaBases.${basis}`),
      ...ESCALATION_KINDS.map((kind) => `contracts.escalationKinds.${kind}`),
      ...[...LATE_FEE_CAPS, 'fraction'].map((cap) => `contracts.lateFeeCaps.${cap}`),
      ...['none', 'months', 'amount'].map((mode) => `contracts.depositModes.${mode}`),
      ...TEMPLATE_KINDS.map((kind) => `contracts.templateKinds.${kind}`),
      ...TERMINATION_REASONS.map((reason) => `contracts.terminationReasons.${reason}`),
      ...VIOLATION_KINDS.map((kind) => `contracts.violationKinds.${kind}`),
      ...VIOLATION_ACTIONS.map((action) => `contracts.violationActions.${action}`),
      ...DELIVERY_METHODS.map((method) => `contracts.deliveryMethods.${method}`),
      ...FILE_PURPOSES.map((purpose) => `contracts.filePurposes.${purpose}`),
      ...['water', 'electricity', 'gas', 'other'].map((kind) => `contracts.meters.kinds.${kind}`),
      ...EVENT_FACTS.map((fact) => `contracts.eventFacts.${fact}`),
      ...BILL_STATUSES.map((status) => `billing.statuses.${status}`),
      ...PAYMENT_STATUSES.map((status) => `billing.paymentStatuses.${status}`),
      ...CHARGE_TYPES.map((type) => `billing.chargeTypes.${type}`),
      ...PAYMENT_METHODS.map((method) => `billing.methods.${method}`),
      ...['contracts', 'bills', 'lines', 'credited'].map((count) => `jobs.countNames.${count}`),
    ];
    for (const [language, keys] of Object.entries(languages)) {
      expect(
        expected.filter((key) => !keys.has(key)),
        `missing in ${language}`,
      ).toEqual([]);
    }
  });
});
