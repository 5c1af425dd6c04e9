import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { formatYuan } from '../common/money.ts';
import {
  type Language,
  missingBrowser,
  modalShot,
  newPage,
  openModal,
  openStage,
  pickOption,
  posting,
  type Stage,
  screenshot,
  settle,
  shot,
  signIn,
  switchLanguage,
  text,
} from './browser.ts';

vi.setConfig({ testTimeout: 300_000, hookTimeout: 120_000 });

const skip = missingBrowser();
const POLL = { timeout: 20_000 };

interface Line {
  lineId: string;
  billId: string;
  billNumber: string;
  customerId: string;
  buyerName: string;
  netFen: number;
  taxFen: number;
  totalFen: number;
}
interface Invoice {
  id: string;
  number: string;
  type: string;
  status: string;
  netFen: number;
  taxFen: number;
  totalFen: number;
  lines: { lineId: string }[];
}

const title = (language: Language) => text(language, 'nav.invoices');

/** The page's table is no wider than the page: nothing scrolls sideways at 1280 pixels. */
async function fitsThePage(page: Page) {
  const overflow = await page.evaluate(() =>
    [...document.querySelectorAll('.ant-table-content, .ant-table-body')].map(
      (el) => el.scrollWidth - el.clientWidth,
    ),
  );
  for (const o of overflow) expect(o).toBeLessThanOrEqual(1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
}

/** The page in Chinese, then in English, back to Chinese; in both, no table wider than the page. */
async function bothLanguages(page: Page, name: string) {
  await fitsThePage(page);
  await shot(page, name, 'zh');
  await switchLanguage(page, 'en');
  await settle(page, title('en'));
  await fitsThePage(page);
  await shot(page, name, 'en');
  await switchLanguage(page, 'zh');
  await settle(page, title('zh'));
}

/** Clicks and waits for the POST it sends to `path`, which must answer `status`. */

describe.skipIf(skip !== null)('invoice records (issue 7)', () => {
  let stage: Stage;

  beforeAll(async () => {
    stage = await openStage();
  });
  afterAll(async () => {
    await stage?.close();
  });

  it('finance exports lines to invoice, records a special invoice for two of them, then voids it', async () => {
    const { context, page } = await newPage(stage);
    await signIn(page, 'finance');

    // A demo customer with at least two issued lines still to invoice, each of some money.
    const all = (await (await page.request.get('/api/v1/invoicing/lines?limit=500')).json()) as {
      items: Line[];
    };
    const byCustomer = new Map<string, Line[]>();
    for (const l of all.items.filter((x) => x.totalFen > 0))
      byCustomer.set(l.customerId, [...(byCustomer.get(l.customerId) ?? []), l]);
    const found = [...byCustomer.values()].find((ls) => ls.length >= 2);
    if (!found) throw new Error('the demo has no customer with two lines to invoice');
    const { customerId, buyerName } = found[0]!;
    const pending = (
      (await (
        await page.request.get(`/api/v1/invoicing/lines?customerId=${customerId}&limit=50`)
      ).json()) as { items: Line[] }
    ).items;
    const [first, second] = pending.filter((l) => l.totalFen > 0);
    const net = first!.netFen + second!.netFen;
    const tax = first!.taxFen + second!.taxFen;
    const total = first!.totalFen + second!.totalFen;

    await page.locator('.ant-layout-sider a[href="/invoices"]').click();
    await settle(page, title('zh'));
    const lines = page.getByTestId('invoicing-lines');
    await lines.locator('.ant-table-row').first().waitFor();
    // Nothing chosen: nothing to record yet.
    expect(await page.getByTestId('record-invoice').isDisabled()).toBe(true);
    await bothLanguages(page, 'invoices-pending');

    // One customer's lines, two of them chosen: the bar adds them up.
    await pickOption(
      page,
      page,
      '#invoicing-customer',
      buyerName,
      page.locator('.ant-select-content', { hasText: buyerName }),
    );
    await page.waitForURL((u) => u.searchParams.get('customerId') === customerId);
    const row = (l: Line) => lines.locator(`tr[data-row-key="${l.lineId}"]`);
    await row(first!).waitFor();
    await expect.poll(() => lines.locator('.ant-table-row').count(), POLL).toBe(Math.min(pending.length, 50));
    for (const l of [first!, second!]) await row(l).locator('.ant-checkbox-input').check();
    const summary = page.getByTestId('selection-summary');
    await expect.poll(() => summary.textContent(), POLL).toContain(formatYuan(total));
    expect(await summary.textContent()).toContain(formatYuan(net));
    expect(await summary.textContent()).toContain(formatYuan(tax));
    expect(await page.getByTestId('record-invoice').isDisabled()).toBe(false);

    // The export is what the invoicing tool reads: Chinese headers, this customer's lines.
    const download = page.waitForEvent('download');
    await page.getByTestId('export-invoicing').click();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(await (await download).path()) as unknown as ExcelJS.Buffer);
    const sheet = wb.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(expect.arrayContaining(['购买方名称', '不动产地址', '价税合计']));
    expect(sheet.rowCount).toBe(pending.length + 1);
    expect(sheet.getRow(2).getCell(1).value).toBe(buyerName);
    await shot(page, 'invoices-chosen', 'zh');

    // The form, in both languages: the buyer and the chosen lines' totals above the number and date.
    const number = `26${String(Date.now()).padStart(18, '0')}`;
    const openForm = async (language: Language) => {
      await page.getByTestId('record-invoice').click();
      const modal = openModal(page);
      await modal.locator('#number').waitFor();
      await settle(page);
      const totals = modal.getByTestId('invoice-totals');
      expect(await totals.textContent()).toContain(buyerName);
      expect(await modal.getByTestId('invoice-total').textContent()).toBe(formatYuan(total));
      expect(await modal.locator('.ant-radio-wrapper-checked').textContent()).toBe(
        text(language, 'invoices.typeNames.special'),
      );
      await modal.locator('#number').fill(number);
      await modal.locator('#note').fill('按合同约定开具');
      return modal;
    };
    let modal = await openForm('zh');
    await modalShot(page, modal, 'invoice-record', 'zh');
    await modal.locator('.ant-modal-close').click();
    await modal.waitFor({ state: 'hidden' });
    await switchLanguage(page, 'en');
    await settle(page, title('en'));
    modal = await openForm('en');
    await modalShot(page, modal, 'invoice-record', 'en');
    // Enter in the number records it.
    const recorded = await posting<Invoice>(
      page,
      /^\/api\/v1\/invoices$/,
      () => modal.locator('#number').press('Enter'),
      201,
    );
    expect(recorded).toMatchObject({ number, type: 'special', status: 'issued', netFen: net, taxFen: tax });
    expect(recorded.totalFen).toBe(total);
    expect(recorded.lines.map((l) => l.lineId).sort()).toEqual([first!.lineId, second!.lineId].sort());
    await modal.waitFor({ state: 'hidden' });
    await page.locator('.ant-message-notice', { hasText: number }).waitFor();
    await switchLanguage(page, 'zh');
    await settle(page, title('zh'));

    // The two lines leave the list to invoice, and the choice is cleared.
    await row(first!).waitFor({ state: 'detached' });
    await row(second!).waitFor({ state: 'detached' });
    expect(await summary.textContent()).toContain(formatYuan(0));

    // The bill shows the invoice that covers its lines.
    await page.goto(`/bills/${first!.billId}`);
    await settle(page, first!.billNumber);
    await expect
      .poll(() => page.getByTestId('bill-invoice-number').allTextContents(), POLL)
      .toContain(number);
    await page.getByTestId('bill-invoices').scrollIntoViewIfNeeded();
    await settle(page);
    await screenshot(page, 'invoice-bill', 'zh');

    // Among the invoices: the number, 专票, the total, issued; its row opens the two lines.
    await page.getByTestId('bill-invoice-number').first().click();
    await page.waitForURL((u) => u.pathname === '/invoices' && u.searchParams.get('tab') === 'issued');
    await settle(page, title('zh'));
    const invoices = page.getByTestId('invoices');
    const invoiceRow = invoices.locator('.ant-table-row', { hasText: number });
    await invoiceRow.waitFor();
    expect(await invoiceRow.getByTestId('invoice-type').textContent()).toBe(
      text('zh', 'invoices.types.special'),
    );
    expect(await invoiceRow.getByTestId('invoice-total').textContent()).toBe(formatYuan(total));
    expect(await invoiceRow.getByTestId('invoice-status').textContent()).toBe(
      text('zh', 'invoices.statuses.issued'),
    );
    await invoiceRow.click();
    const detail = invoices.getByTestId('invoice-lines');
    await expect.poll(() => detail.locator('.ant-table-row').count(), POLL).toBe(2);
    await bothLanguages(page, 'invoices-issued');

    // Voided with a reason: it stays, in grey, with the reason in its tooltip.
    await invoiceRow.getByTestId('void-invoice').click();
    modal = openModal(page);
    await modal.locator('#reason').waitFor();
    await modal.locator('#reason').fill('购买方名称有误，已在税务系统作废');
    await settle(page);
    await screenshot(page, 'invoice-void', 'zh');
    const voided = await posting<Invoice>(page, /\/api\/v1\/invoices\/[^/]+\/void$/, () =>
      modal.locator('#reason').press('Enter'),
    );
    expect(voided.status).toBe('void');
    await modal.waitFor({ state: 'hidden' });
    const status = invoiceRow.getByTestId('invoice-status');
    await expect.poll(() => status.textContent(), POLL).toBe(text('zh', 'invoices.statuses.void'));
    expect(await invoiceRow.getByTestId('void-invoice').count()).toBe(0);
    await status.hover();
    await page.locator('.ant-tooltip:not(.ant-tooltip-hidden)', { hasText: '购买方名称有误' }).waitFor();
    await page.mouse.move(10, 10);
    await bothLanguages(page, 'invoices-voided');

    // Its lines are to invoice again.
    await page.getByTestId('invoices-tab-pending').click();
    await row(first!).waitFor();
    await row(second!).waitFor();
    await context.close();
  });
});
