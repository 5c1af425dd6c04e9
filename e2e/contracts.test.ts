import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { todayIn } from '../common/dates.ts';
import { TINY_PDF } from '../test/multipart.ts';
import {
  chooseOption,
  type Language,
  missingBrowser,
  modalShot,
  newPage,
  openStage,
  pickOption,
  type Stage,
  settle,
  shot,
  signIn,
  switchLanguage,
  text,
} from './browser.ts';

vi.setConfig({ testTimeout: 300_000, hookTimeout: 120_000 });

const skip = missingBrowser();
/** The lease starts today so the space can be handed over today (a handover is never before the start). */
const TODAY = todayIn('Asia/Shanghai');

interface Application {
  id: string;
  number: string;
  customer: { id: string; name: string };
}

/** The demo's approved application (its admission notice is out and not yet lapsed). */
function approvedApplication(page: Page): Promise<Application> {
  return page.evaluate(async () => {
    const list = await (await fetch('/api/v1/applications?status=approved&limit=10')).json();
    const a = list.items[0];
    if (!a) throw new Error('no approved application in the demo data');
    return a;
  });
}

const statusTag = (page: Page) => page.locator('h4 [data-testid=contract-status]').textContent();

/** Opens a modal from its button on the contract page and waits until it has finished opening. */
async function openDialog(page: Page, button: string): Promise<Locator> {
  await page.getByRole('button', { name: button }).first().click();
  const modal = page.locator('.ant-modal-wrap:not([style*="display: none"]) .ant-modal').last();
  await modal.waitFor();
  await settle(page);
  return modal;
}

/** Submits a modal and waits until it has gone and the status tag says `status`. */
async function submitDialog(page: Page, modal: Locator, status: string) {
  await modal.locator('.ant-modal-footer .ant-btn-primary').click();
  await modal.waitFor({ state: 'detached' });
  await expect.poll(() => statusTag(page)).toBe(status);
}

async function typeDate(page: Page, selector: string, date: string) {
  const input = page.locator(selector);
  await input.click();
  await input.fill(date);
  // Tab, not Enter: Enter in the form would save it.
  await input.press('Tab');
  await expect.poll(() => input.inputValue()).toBe(date);
}

/** Opens the dialog behind `button`, shoots it whole and closes it. */
async function dialogShot(page: Page, button: string, name: string, language: Language) {
  const modal = await openDialog(page, button);
  await modalShot(page, modal, name, language);
  await modal.locator('.ant-modal-close').click();
  await modal.waitFor({ state: 'detached' });
  await settle(page);
}

type Demo = { id: string; customer: { id: string }; violations: { kind: string }[] };

/** The first demo contract in a state that passes `test`. */
async function demoContract(page: Page, status: string, test = (_: Demo) => true): Promise<Demo> {
  const list = await (await page.request.get(`/api/v1/contracts?status=${status}&limit=50`)).json();
  for (const { id } of list.items as { id: string }[]) {
    const c = (await (await page.request.get(`/api/v1/contracts/${id}`)).json()) as Demo;
    if (test(c)) return c;
  }
  throw new Error(`no ${status} demo contract for this screen`);
}

describe.skipIf(skip !== null)('contract journey', () => {
  let stage: Stage;

  beforeAll(async () => {
    stage = await openStage();
  });
  afterAll(async () => {
    await stage?.close();
  });

  it('business drafts a contract from an approved application, has it signed, hands over and finds it in the ledger', async () => {
    const { context, page } = await newPage(stage);
    await signIn(page, 'business');
    const application = await approvedApplication(page);

    // The approved application offers the draft; the form comes prefilled from it.
    await page.goto(`/applications/${application.id}`);
    await settle(page, application.number);
    await page.getByRole('button', { name: text('zh', 'applications.draftContract') }).click();
    await page.waitForURL((u) => u.pathname === '/contracts/new');
    await settle(page, text('zh', 'contracts.form.createTitle'));
    // The unit of the application shows by its code and place.
    await page.locator('[data-testid=unit-row] .ant-select-content', { hasText: ' · ' }).waitFor();
    expect(await page.locator('#terms_rent_price').inputValue()).toBe('98');
    expect(await page.locator('#terms_clauses').inputValue()).toContain('第一条');
    await typeDate(page, '#terms_startDate', TODAY);
    // A property fee, and the deposit as a fixed sum in yuan (sent as fen).
    await page.locator('#terms_propertyFee_enabled').click();
    await page.locator('#terms_propertyFee_pricePerSqmMonth').fill('12');
    await chooseOption(page, page, '#terms_deposit_mode', text('zh', 'contracts.depositModes.amount'));
    await page.locator('#terms_deposit_amount').fill('60,000.50');
    await shot(page, 'contract-form', 'zh');
    await switchLanguage(page, 'en');
    await settle(page, text('en', 'contracts.form.createTitle'));
    expect(await page.locator('#terms_deposit_amount').inputValue()).toBe('60,000.50');
    await shot(page, 'contract-form', 'en');
    await switchLanguage(page, 'zh');
    await page.getByRole('button', { name: text('zh', 'contracts.saveAndSubmit') }).click();
    await page.waitForURL((u) => /^\/contracts\/[0-9a-f-]{36}$/.test(u.pathname));
    const contractUrl = new URL(page.url()).pathname;
    await expect.poll(() => statusTag(page)).toBe(text('zh', 'contracts.statuses.pending_signature'));
    const number = (await page.getByTestId('contract-number').textContent()) ?? '';
    expect(number).toMatch(/^HT-\d{4}-\d{6}$/);
    expect(await page.getByTestId('contract-terms').textContent()).toContain('¥60,000.50');

    // The standard clauses are explained before signing (art. 496).
    let modal = await openDialog(page, text('zh', 'contracts.actions.explain'));
    await modal.locator('#explainedTo').fill('海纳物流 法务 李女士');
    await modal.locator('#highlightedClauses').fill('第六条 逾期付款违约责任');
    await modal.locator('#highlightedClauses').press('Enter');
    await modal.locator('#customerAcknowledged').check();
    await submitDialog(page, modal, text('zh', 'contracts.statuses.pending_signature'));
    await page.getByRole('tab', { name: text('zh', 'contracts.tabs.signing') }).click();
    await expect
      .poll(() => page.getByTestId('explanation').textContent())
      .toContain('第六条 逾期付款违约责任');

    // Signing: the scanned copy goes up first, then the signatories, the custodian and the archive place.
    modal = await openDialog(page, text('zh', 'contracts.actions.sign'));
    await modal.locator('input[type=file]').setInputFiles({
      name: '租赁合同签署件.pdf',
      mimeType: 'application/pdf',
      buffer: TINY_PDF,
    });
    await modal.locator('.ant-upload-list-item', { hasText: '租赁合同签署件.pdf' }).waitFor();
    await modal.locator('#lessorSignatory').fill('张总');
    await modal.locator('#customerSignatory').fill('陈经理');
    await pickOption(
      page,
      modal,
      '#custodianId',
      '王业务',
      modal.locator('.ant-select-content', { hasText: '王业务' }),
    );
    await modal.locator('#archiveLocation').fill('档案室 A 柜 3 层');
    await submitDialog(page, modal, text('zh', 'contracts.statuses.signed'));
    const signing = page.getByTestId('signing');
    await expect.poll(() => signing.textContent()).toContain('档案室 A 柜 3 层');
    const copy = await page.request.get((await signing.getByTestId('file-link').getAttribute('href'))!);
    expect(copy.status()).toBe(200);

    // Handover: a facility checked, the keys counted and a meter read.
    modal = await openDialog(page, text('zh', 'contracts.actions.hand_over'));
    await modal.locator('#facilities_0_item').fill('中央空调');
    await modal.locator('#keys_0_label').fill('大门钥匙');
    await modal.locator('#keys_0_count').fill('3');
    await modal.getByRole('button', { name: text('zh', 'contracts.meters.add') }).click();
    await modal.locator('#meterReadings_0_meter').fill('电表 E-1201');
    await modal.locator('#meterReadings_0_reading').fill('10234.5');
    await modal.locator('#lessorConfirmedBy').fill('赵工');
    await modal.locator('#customerConfirmedBy').fill('陈经理');
    await submitDialog(page, modal, text('zh', 'contracts.statuses.active'));
    await page.getByRole('tab', { name: text('zh', 'contracts.tabs.handover') }).click();
    await expect.poll(() => page.getByTestId('handover').textContent()).toContain('大门钥匙 × 3');
    await page.getByRole('tab', { name: text('zh', 'contracts.tabs.terms') }).click();
    expect(await page.getByTestId('events').textContent()).toContain(
      text('zh', 'contracts.eventKinds.handed_over'),
    );
    const pdf = await page.request.get((await page.getByTestId('contract-pdf').getAttribute('href'))!);
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await shot(page, 'contract-page', 'zh');
    await switchLanguage(page, 'en');
    await expect.poll(() => statusTag(page)).toBe(text('en', 'contracts.statuses.active'));
    await shot(page, 'contract-page', 'en');

    // The list, from the menu, in both languages.
    await page.locator('.ant-layout-sider a[href="/contracts"]').click();
    await settle(page, text('en', 'nav.contracts'));
    const row = page.locator('.ant-table-row', { hasText: number });
    await row.waitFor();
    expect(await row.textContent()).toContain(text('en', 'contracts.statuses.active'));
    await shot(page, 'contracts-list', 'en');
    await switchLanguage(page, 'zh');
    await settle(page, text('zh', 'nav.contracts'));
    await shot(page, 'contracts-list', 'zh');

    // The ledger shows the signing, handover, custodian and archive place; its export is a workbook.
    await page.locator('.ant-layout-sider a[href="/contract-ledger"]').click();
    await settle(page, text('zh', 'nav.contractLedger'));
    const entry = page.locator('.ant-table-row', { hasText: number });
    await entry.waitFor();
    const cells = (await entry.textContent()) ?? '';
    expect(cells).toContain(TODAY);
    expect(cells).toContain('王业务');
    expect(cells).toContain('档案室 A 柜 3 层');
    expect(cells).toContain(text('zh', 'contracts.eventKinds.signed'));
    const xlsx = await page.request.get((await page.getByTestId('ledger-export').getAttribute('href'))!);
    expect(xlsx.status()).toBe(200);
    expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');
    await shot(page, 'contract-ledger', 'zh');
    await switchLanguage(page, 'en');
    await settle(page, text('en', 'nav.contractLedger'));
    await shot(page, 'contract-ledger', 'en');

    // The customer's page lists it under its contracts tab.
    await page.goto(`/customers/${application.customer.id}?tab=contracts`);
    await settle(page, application.customer.name);
    await page.locator('[role=tabpanel] .ant-table-row', { hasText: number }).waitFor();
    expect(new URL(page.url()).pathname).not.toBe(contractUrl);
    await context.close();
  });

  it('shows the dashboard card, the lists it opens, the modals, a sublet, the timeline, templates and the lease import', async () => {
    const { context, page } = await newPage(stage);
    await signIn(page, 'business');
    const sublet = await demoContract(page, 'active', (c) => c.violations.some((v) => v.kind === 'sublet'));
    const signed = await demoContract(page, 'signed');
    for (const lang of ['zh', 'en'] as const) {
      if (lang === 'en') await switchLanguage(page, 'en');
      // The dashboard: the demo tenant holding over (art. 734) stands out and opens the filtered list.
      await page.goto('/');
      const holding = page.getByTestId('overview-holdingOver');
      await expect.poll(() => holding.locator('.ant-statistic-content').textContent()).toBe('1');
      await settle(page, text(lang, 'home.welcome').replace('{{name}}', '王业务'));
      await shot(page, 'dashboard', lang);
      await holding.locator('a').click();
      await page.waitForURL(
        (u) => u.pathname === '/contracts' && u.searchParams.get('holdingOver') === 'true',
      );
      await settle(page, text(lang, 'nav.contracts'));
      await expect.poll(() => page.locator('.ant-table-row [data-testid=holding-over]').count()).toBe(1);
      expect(await page.locator('.ant-table-row').count()).toBe(1);

      await page.goto(`/contracts/${sublet.id}`);
      await settle(page);
      await dialogShot(page, text(lang, 'contracts.actions.amend'), 'contract-amend', lang);
      await dialogShot(page, text(lang, 'contracts.actions.terminate'), 'contract-terminate', lang);
      await page.getByRole('tab', { name: text(lang, 'contracts.tabs.breaches') }).click();
      await page.getByTestId('objection-deadline').waitFor();
      await shot(page, 'contract-violations', lang);
      await page.goto(`/contracts/${signed.id}`);
      await settle(page);
      await dialogShot(page, text(lang, 'contracts.actions.hand_over'), 'contract-handover', lang);

      // The customer's timeline tells the contract's story in words, each entry linking to the contract.
      await page.goto(`/customers/${sublet.customer.id}?tab=timeline`);
      const entries = page.getByTestId('timeline-entry');
      await entries.first().waitFor();
      await settle(page);
      const titles = await entries.locator('strong').allTextContents();
      expect(titles).toContain(text(lang, 'customers.timeline.actions.contract.violation'));
      expect(titles.filter((a) => /^contract\./.test(a))).toEqual([]);
      expect(await page.getByTestId('timeline-link').first().getAttribute('href')).toBe(
        `/contracts/${sublet.id}`,
      );
      await shot(page, 'contract-customer-timeline', lang);

      await page.goto('/contract-templates');
      await settle(page, text(lang, 'nav.contractTemplates'));
      await shot(page, 'contract-templates', lang);
    }
    await context.close();

    // Existing leases are the administrator's to import.
    const admin = await newPage(stage, 'en');
    await signIn(admin.page, 'admin');
    for (const lang of ['en', 'zh'] as const) {
      if (lang === 'zh') await switchLanguage(admin.page, 'zh');
      await admin.page.goto('/imports');
      await settle(admin.page, text(lang, 'nav.imports'));
      await admin.page
        .locator('.ant-segmented-item', { hasText: text(lang, 'imports.kinds.contracts') })
        .click();
      await admin.page.getByText(text(lang, 'imports.contractsHint')).waitFor();
      await shot(admin.page, 'imports-contracts', lang);
    }
    await admin.context.close();
  });
});
