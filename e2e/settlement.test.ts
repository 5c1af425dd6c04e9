import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  bothLanguages,
  type Language,
  missingBrowser,
  modalShot,
  newPage,
  openModal,
  openStage,
  type Stage,
  settle,
  signIn,
  switchLanguage,
  text,
  toastsGone,
} from './browser.ts';

vi.setConfig({ testTimeout: 300_000, hookTimeout: 120_000 });

const skip = missingBrowser();
const POLL = { timeout: 20_000 };

/** Clicks and waits for the POST it sends to `path`. */
async function posting(page: Page, path: RegExp, click: () => Promise<void>) {
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && path.test(new URL(r.url()).pathname)),
    click(),
  ]);
  expect(res.status(), await res.text()).toBe(200);
  return res.json() as Promise<{ id: string; status: string; number: string; resultFen: number }>;
}

describe.skipIf(skip !== null)('deposit and settlement journey', () => {
  let stage: Stage;

  beforeAll(async () => {
    stage = await openStage();
  });
  afterAll(async () => {
    await stage?.close();
  });

  it('finance drafts the settlement of a terminated lease, adds a penalty, confirms, refunds and opens the PDF', async () => {
    const { context, page } = await newPage(stage);
    await signIn(page, 'finance');
    // The demo's terminated lease: moved out, with a damage recorded at the inspection.
    const res = await page.request.get('/api/v1/contracts?status=terminated&limit=50');
    const contracts = ((await res.json()) as { items: { id: string; number: string }[] }).items;
    expect(contracts.length).toBeGreaterThan(0);
    const contract = contracts[0]!;
    await page.goto(`/contracts/${contract.id}?tab=settlement`);
    await settle(page, contract.number);
    const tab = page.getByTestId('deposit-settlement');
    await tab.getByTestId('deposit-figures').waitFor();
    // Nothing to confirm yet: the button says why.
    expect(await tab.getByTestId('disabled-reason').first().getAttribute('data-reason')).toBeTruthy();

    // Compute the draft.
    const drafted = await posting(page, /\/settlement$/, () => tab.getByTestId('settlement-compute').click());
    expect(drafted.status).toBe('draft');
    await expect
      .poll(() => tab.getByTestId('settlement-status').textContent(), POLL)
      .toBe(text('zh', 'settlement.statuses.draft'));
    await tab.getByTestId('settlement-items').locator('.ant-table-row', { hasText: '墙面修补' }).waitFor();

    // Add the agreed penalty with its reason: the form in Chinese, then filled and sent in English.
    const openForm = async (button: Locator, field: string) => {
      await button.click();
      const modal = openModal(page);
      await modal.locator(field).waitFor();
      await settle(page);
      await toastsGone(page);
      return modal;
    };
    const addItem = (language: Language) =>
      openForm(tab.getByRole('button', { name: text(language, 'settlement.addItem') }), '#name');
    let modal = await addItem('zh');
    await modalShot(page, modal, 'settlement-add-item', 'zh');
    await modal.locator('.ant-modal-close').click();
    await modal.waitFor({ state: 'hidden' });
    await switchLanguage(page, 'en');
    await settle(page, contract.number);
    modal = await addItem('en');
    await modal.locator('#name').fill('提前解除补偿');
    await modal.locator('#amount').fill('1,000.00');
    await modal.locator('#reason').fill('解除协议：乙方支付补偿');
    await modalShot(page, modal, 'settlement-add-item', 'en');
    const withItem = await posting(page, /\/settlement$/, () =>
      modal.locator('.ant-modal-footer .ant-btn-primary').click(),
    );
    await switchLanguage(page, 'zh');
    await settle(page, contract.number);
    expect(withItem.id).toBe(drafted.id);
    await tab
      .getByTestId('settlement-items')
      .locator('.ant-table-row', { hasText: '提前解除补偿' })
      .waitFor();
    await bothLanguages(page, 'settlement-draft', () => contract.number);

    // Confirm, after the pop-up question.
    await tab.getByTestId('settlement-confirm').click();
    const pop = page.locator('.ant-popconfirm:not(.ant-popover-hidden)');
    await pop.waitFor();
    const confirmed = await posting(page, /\/settlements\/[^/]+\/confirm$/, () =>
      pop.locator('.ant-btn-primary').click(),
    );
    expect(confirmed.status).toBe('confirmed');
    await expect
      .poll(() => tab.getByTestId('settlement-status').textContent(), POLL)
      .toBe(text('zh', 'settlement.statuses.confirmed'));

    // Record the refund: the date is today's, the method a bank transfer; the reference is typed.
    const refundForm = () => openForm(tab.getByTestId('settlement-refund'), '#reference');
    let refund = await refundForm();
    await modalShot(page, refund, 'settlement-refund', 'zh');
    await refund.locator('.ant-modal-close').click();
    await refund.waitFor({ state: 'hidden' });
    await switchLanguage(page, 'en');
    await settle(page, contract.number);
    refund = await refundForm();
    await refund.locator('#reference').fill('TK-20261127-01');
    await modalShot(page, refund, 'settlement-refund', 'en');
    const refunded = await posting(page, /\/settlements\/[^/]+\/refund$/, () =>
      refund.locator('.ant-modal-footer .ant-btn-primary').click(),
    );
    await switchLanguage(page, 'zh');
    await settle(page, contract.number);
    expect(refunded.status).toBe('refunded');
    await tab.getByTestId('settlement-refunded').waitFor();
    await expect.poll(() => tab.getByTestId('deposit-heldFen').textContent(), POLL).toBe('¥0.00');
    await bothLanguages(page, 'settlement-refunded', () => contract.number);

    // The statement's PDF link.
    const href = await tab.getByTestId('settlement-pdf').getAttribute('href');
    expect(href).toBe(`/api/v1/documents/settlement-statement/${drafted.id}`);
    const pdf = await page.request.get(href!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    await context.close();
  });
});
