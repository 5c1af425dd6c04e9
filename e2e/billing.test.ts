import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { todayIn } from '../common/dates.ts';
import { amountInWords, formatYuan } from '../common/money.ts';
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
  shot,
  signIn,
  switchLanguage,
  text,
} from './browser.ts';

vi.setConfig({ testTimeout: 300_000, hookTimeout: 120_000 });

const skip = missingBrowser();
/** The business date of the run: today in the organization's zone (the browser runs in another). */
const TODAY = todayIn('Asia/Shanghai');
/** Generous: on a loaded machine a refetch after a write can take longer than vitest's one-second default. */
const POLL = { timeout: 20_000 };

interface Bill {
  id: string;
  number: string;
  customerId: string;
  customerName: string;
  dueDate: string;
  outstandingFen: number;
  overdueDays: number;
  status: string;
}

/**
 * A bill that an automatic allocation pays first: the customer's earliest due (then lowest numbered) unpaid
 * bill, so a part payment lands on it and leaves it partly paid.
 */
async function firstBillToPay(page: Page): Promise<Bill> {
  const res = await page.request.get('/api/v1/bills?unpaid=true&limit=200');
  expect(res.status(), await res.text()).toBe(200);
  const bills = ((await res.json()) as { items: Bill[] }).items;
  const first = new Map<string, Bill>();
  for (const b of bills) {
    const seen = first.get(b.customerId);
    if (!seen || `${b.dueDate}${b.number}` < `${seen.dueDate}${seen.number}`) first.set(b.customerId, b);
  }
  // The longest overdue first: its customer has the most bills, which the customer's tab then shows.
  const bill = [...first.values()]
    .sort((a, b) => b.overdueDays - a.overdueDays)
    .find((b) => b.status === 'open' && b.outstandingFen >= 200);
  if (!bill) throw new Error('the billing run issued no open bill to pay');
  return bill;
}

async function typeDate(page: Page, selector: string, date: string) {
  const input = page.locator(selector);
  await input.click();
  await input.fill(date);
  // Tab, not Enter: Enter in a form would submit it.
  await input.press('Tab');
  await expect.poll(() => input.inputValue(), POLL).toBe(date);
}

/** Opens the payment form from the page's "record payment" button and waits until it has finished opening. */
async function openPaymentForm(page: Page, language: Language): Promise<Locator> {
  await page
    .getByRole('button', { name: text(language, 'billing.pay.action') })
    .first()
    .click();
  const modal = openModal(page);
  await modal.locator('#amount').waitFor();
  await settle(page);
  return modal;
}

/** Types the amount and waits until the preview shows it settling `settles`. */
async function previewAmount(page: Page, modal: Locator, amount: string, settles: string) {
  await modal.locator('#amount').fill(amount);
  await expect.poll(() => modal.getByTestId('preview-settled').textContent(), POLL).toBe(settles);
  await settle(page);
}

const statusTag = (page: Page) => page.locator('h4 [data-testid=bill-status]').textContent();
const figure = (scope: Page | Locator, testId: string) =>
  scope.getByTestId(testId).locator('.ant-statistic-content').textContent();

describe.skipIf(skip !== null)('billing journey', () => {
  let stage: Stage;

  beforeAll(async () => {
    stage = await openStage();
  });
  afterAll(async () => {
    await stage?.close();
  });

  it('finance runs billing, records part of a bill with the allocation preview, prints the receipt, sees the balance and issues the statement', async () => {
    const { context, page } = await newPage(stage);
    await signIn(page, 'finance');

    // The billing run: the date, then the preview of what it would issue.
    await page.locator('.ant-layout-sider a[href="/billing"]').click();
    await settle(page, text('zh', 'nav.billingRun'));
    await typeDate(page, '#billing-as-of', TODAY);
    await expect.poll(async () => Number(await figure(page, 'run-bills')), POLL).toBeGreaterThan(0);
    const toIssue = Number(await figure(page, 'run-bills'));
    await page.getByTestId('run-sample').locator('.ant-table-row').first().waitFor();
    expect(await page.locator('.ant-card-head-title', { hasText: TODAY }).count()).toBe(1);
    await bothLanguages(page, 'billing-run', (lang) => text(lang, 'nav.billingRun'));

    // Run it, after the confirmation, and wait for the run itself rather than for the page.
    await page.getByTestId('run-billing').click();
    const confirm = page.locator('.ant-modal-confirm');
    await confirm.waitFor();
    await settle(page);
    const [ran] = await Promise.all([
      page.waitForResponse(
        (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/billing/runs',
        { timeout: 60_000 }, // the whole demo's run, beside other journeys on two cores
      ),
      confirm.locator('.ant-btn-primary').click(),
    ]);
    expect(ran.status(), await ran.text()).toBe(201);
    const run = (await ran.json()) as { status: string; counts: Record<string, number> };
    expect(run.status).toBe('succeeded');
    expect(run.counts.bills).toBe(toIssue);
    const result = page.getByTestId('run-result');
    await result.waitFor();
    expect(await result.textContent()).toContain(text('zh', 'billing.run.done').replace('{{date}}', TODAY));
    // Run again for the same day, nothing more would be issued.
    await expect.poll(() => figure(page, 'run-bills'), POLL).toBe('0');
    await shot(page, 'billing-run-done', 'zh');

    // The run links to the unpaid bills.
    await result.getByRole('link', { name: text('zh', 'billing.run.openBills') }).click();
    await page.waitForURL((u) => u.pathname === '/bills' && u.searchParams.get('unpaid') === 'true');
    await settle(page, text('zh', 'nav.bills'));
    expect(await page.locator('#bill-unpaid').isChecked()).toBe(true);
    await page.locator('.ant-table-row').first().waitFor();
    await bothLanguages(page, 'bills-list', (lang) => text(lang, 'nav.bills'));

    // Find the bill by its number and open it.
    const bill = await firstBillToPay(page);
    const before = (await (
      await page.request.get(`/api/v1/customers/${bill.customerId}/balance`)
    ).json()) as {
      outstandingFen: number;
    };
    await page.locator('#bill-search').fill(bill.number);
    await page.locator('#bill-search').press('Enter');
    await page.waitForURL((u) => u.searchParams.get('q') === bill.number);
    const row = page.locator('.ant-table-row', { hasText: bill.number });
    await row.waitFor();
    await expect.poll(() => page.locator('.ant-table-row').count(), POLL).toBe(1);
    await row.click();
    await page.waitForURL((u) => u.pathname === `/bills/${bill.id}`);
    await settle(page, bill.number);
    await expect.poll(() => statusTag(page), POLL).toBe(text('zh', 'billing.statuses.open'));
    expect(await page.getByTestId('bill-lines').locator('.ant-table-row').count()).toBeGreaterThan(0);
    await bothLanguages(page, 'bill-page', () => bill.number);

    // Record part of it: the form starts with the customer and what the bill still owes.
    const part = Math.floor(bill.outstandingFen / 200) * 100;
    const partText = formatYuan(part).replace('¥', '');
    let modal = await openPaymentForm(page, 'zh');
    expect(await modal.locator('#amount').inputValue()).toBe(
      formatYuan(bill.outstandingFen).replace(/[¥,]/g, ''),
    );
    expect(await modal.locator('.ant-select-content', { hasText: bill.customerName }).count()).toBe(1);
    await previewAmount(page, modal, partText, formatYuan(part));
    const preview = modal.getByTestId('allocation-preview');
    expect(await preview.locator('.ant-table-row').first().textContent()).toContain(bill.number);
    expect(await preview.getByTestId('preview-credit').textContent()).toBe(formatYuan(0));
    await modal.locator('#reference').fill('TR-20261127-0001');
    await modal.locator('#payerName').fill('陈经理');
    await modalShot(page, modal, 'payment-modal', 'zh');
    const [posted] = await Promise.all([
      page.waitForResponse(
        (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/payments',
      ),
      modal.locator('.ant-modal-footer .ant-btn-primary').click(),
    ]);
    expect(posted.status(), await posted.text()).toBe(201);
    const payment = (await posted.json()) as { id: string; number: string; amountFen: number };
    expect(payment.number).toMatch(/^SK-\d{4}-\d{6}$/);
    expect(payment.amountFen).toBe(part);
    const done = page.getByTestId('payment-done');
    await done.waitFor();
    expect(await done.textContent()).toContain(payment.number);

    expect(await openModal(page).getByTestId('print-receipt').getAttribute('href')).toBe(
      `/api/v1/documents/payment-receipt/${payment.id}?format=html`,
    );

    // Back on the bill: partly paid, the payment among what was applied to it.
    await openModal(page)
      .getByRole('button', { name: text('zh', 'billing.close') })
      .click();
    await expect.poll(() => statusTag(page), POLL).toBe(text('zh', 'billing.statuses.partially_paid'));
    await expect.poll(() => figure(page, 'bill-paid'), POLL).toBe(formatYuan(part));
    expect(await figure(page, 'bill-outstanding')).toBe(formatYuan(bill.outstandingFen - part));
    await page
      .getByTestId('allocations')
      .locator('.ant-table-row', { hasText: payment.number })
      .first()
      .waitFor();

    // The customer's bills tab: the balance is down by the payment, and the bill shows partly paid.
    await page.locator('h4 a', { hasText: bill.customerName }).click();
    await page.waitForURL((u) => u.pathname === `/customers/${bill.customerId}`);
    await settle(page, bill.customerName);
    await expect
      .poll(() => figure(page, 'balance-outstanding'), POLL)
      .toBe(formatYuan(before.outstandingFen - part));
    const tabRow = page.locator('[role=tabpanel] .ant-table-row', { hasText: bill.number });
    await expect
      .poll(() => tabRow.textContent(), POLL)
      .toContain(text('zh', 'billing.statuses.partially_paid'));
    await page.locator('[role=tabpanel] .ant-table-row', { hasText: payment.number }).waitFor();
    await bothLanguages(page, 'customer-bills', () => bill.customerName);

    // The form in English, with the preview of what is left on the bill.
    await page.goto(`/bills/${bill.id}`);
    await switchLanguage(page, 'en');
    await settle(page, bill.number);
    modal = await openPaymentForm(page, 'en');
    const rest = bill.outstandingFen - part;
    await previewAmount(page, modal, formatYuan(rest).replace('¥', ''), formatYuan(rest));
    await modalShot(page, modal, 'payment-modal', 'en');
    await modal.locator('.ant-modal-close').click();
    await modal.waitFor({ state: 'detached' });
    await switchLanguage(page, 'zh');

    // The payment's own page, from the customer's payments, with the receipt and the reversal.
    await page.goto(`/customers/${bill.customerId}?tab=bills`);
    await page.locator('[role=tabpanel] .ant-table-row a', { hasText: payment.number }).click();
    await page.waitForURL((u) => u.pathname === `/payments/${payment.id}`);
    await settle(page, payment.number);
    expect(await page.getByTestId('allocations').textContent()).toContain(bill.number);
    await page.getByRole('button', { name: text('zh', 'billing.reverse.action') }).waitFor();
    await bothLanguages(page, 'payment-page', () => payment.number);

    // The receipt's print view names the payment and says the amount in words.
    const [receipt] = await Promise.all([
      context.waitForEvent('page'),
      page.getByTestId('print-receipt').click(),
    ]);
    await receipt.waitForLoadState();
    expect(new URL(receipt.url()).pathname).toBe(`/api/v1/documents/payment-receipt/${payment.id}`);
    const printed = (await receipt.locator('body').textContent()) ?? '';
    expect(printed).toContain(payment.number);
    expect(printed).toContain('人民币');
    expect(printed).toContain(amountInWords(part));
    await receipt.close();

    // The customer's statements tab: this year's account, with the payment just recorded and the balance.
    await page.goto(`/customers/${bill.customerId}?tab=statements`);
    await settle(page, bill.customerName);
    const thisYear = { from: `${TODAY.slice(0, 4)}-01-01`, to: TODAY };
    const statementPath = `/api/v1/customers/${bill.customerId}/statement`;
    const [liveRes] = await Promise.all([
      page.waitForResponse((r) => {
        const u = new URL(r.url());
        return u.pathname === statementPath && u.searchParams.get('from') === thisYear.from;
      }),
      page
        .getByTestId('statement-presets')
        .getByText(text('zh', 'statements.presets.thisYear'), { exact: true })
        .click(),
    ]);
    expect(liveRes.status(), await liveRes.text()).toBe(200);
    const live = (await liveRes.json()) as {
      to: string;
      openingFen: number;
      chargesFen: number;
      receivedFen: number;
      closingFen: number;
      entries: { kind: string; document: string; creditFen: number; balanceFen: number }[];
    };
    expect(live.to).toBe(TODAY);
    expect(live.closingFen).toBe(live.openingFen + live.chargesFen - live.receivedFen);
    const paid = live.entries.find((e) => e.kind === 'payment' && e.document === payment.number);
    expect(paid?.creditFen).toBe(part);
    // Up to today the account agrees with the customer's balance: what is owed less the credit held.
    const balance = (await (
      await page.request.get(`/api/v1/customers/${bill.customerId}/balance`)
    ).json()) as { outstandingFen: number; creditFen: number };
    expect(live.closingFen).toBe(balance.outstandingFen - balance.creditFen);
    const closingText = (fen: number) =>
      fen < 0 ? text('zh', 'statements.inHand').replace('{{amount}}', formatYuan(-fen)) : formatYuan(fen);
    const liveCard = page.getByTestId('live-statement');
    const paymentRow = liveCard.locator('.ant-table-row', { hasText: payment.number });
    await expect.poll(() => paymentRow.count(), POLL).toBe(1);
    expect(await paymentRow.textContent()).toContain(formatYuan(part));
    expect(await paymentRow.locator('a').getAttribute('href')).toBe(`/payments/${payment.id}`);
    await expect.poll(() => figure(page, 'statement-closing'), POLL).toBe(closingText(live.closingFen));
    expect(await liveCard.getByTestId('statement-totals').textContent()).toContain(
      closingText(live.closingFen),
    );

    // Issue it (finance may), after the confirmation; it is listed below, numbered, waiting for the customer.
    await page.getByTestId('issue-statement').click();
    const pop = page.locator('.ant-popconfirm:not(.ant-popover-hidden)');
    await pop.waitFor();
    await settle(page); // a click on the confirmation while it still zooms in can land on nothing
    const [issuedRes] = await Promise.all([
      page.waitForResponse(
        (r) =>
          r.request().method() === 'POST' &&
          new URL(r.url()).pathname === `/api/v1/customers/${bill.customerId}/statements`,
        { timeout: 60_000 },
      ),
      pop.locator('.ant-btn-primary').click(),
    ]);
    expect(issuedRes.status(), await issuedRes.text()).toBe(201);
    const statement = (await issuedRes.json()) as {
      id: string;
      number: string;
      closingFen: number;
      status: string;
      sentAt: string | null;
    };
    expect(statement.number).toMatch(/^DZ-\d{4}-\d{6}$/);
    expect(statement.closingFen).toBe(live.closingFen);
    expect(statement.status).toBe('issued');
    expect(statement.sentAt).toBeNull();
    const issuedRow = page.locator('[data-testid=statements] .ant-table-row', { hasText: statement.number });
    await issuedRow.waitFor();
    expect(await issuedRow.textContent()).toContain(text('zh', 'statements.statuses.issued'));

    // Its PDF link answers with a PDF.
    const pdfHref = await issuedRow.getByTestId('statement-pdf').getAttribute('href');
    expect(pdfHref).toBe(`/api/v1/documents/statement/${statement.id}`);
    const pdf = await page.request.get(pdfHref!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await bothLanguages(page, 'customer-statements', () => bill.customerName);

    // The issued copy's page, then the customer's answer: a dispute needs a note.
    await issuedRow.locator('a', { hasText: statement.number }).click();
    await page.waitForURL((u) => u.pathname === `/statements/${statement.id}`);
    await settle(page, statement.number);
    await page
      .getByTestId('statement-entries')
      .locator('.ant-table-row', { hasText: payment.number })
      .waitFor();
    expect(await figure(page, 'statement-closing')).toBe(closingText(live.closingFen));
    await bothLanguages(page, 'statement-page', () => statement.number);
    await page.getByTestId('answer-statement').click();
    modal = openModal(page);
    await modal.locator('#respondent').waitFor();
    await settle(page);
    await modal.getByText(text('zh', 'statements.statuses.disputed'), { exact: true }).click();
    await modal.locator('#respondent').fill('陈经理');
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    await modal.getByText(text('zh', 'statements.answer.noteRequired')).waitFor();
    await modal.locator('#note').fill('11 月物业费金额不符');
    await modalShot(page, modal, 'statement-answer', 'zh');
    const [answered] = await Promise.all([
      page.waitForResponse(
        (r) =>
          r.request().method() === 'POST' &&
          new URL(r.url()).pathname === `/api/v1/statements/${statement.id}/response`,
      ),
      modal.locator('.ant-modal-footer .ant-btn-primary').click(),
    ]);
    expect(answered.status(), await answered.text()).toBe(200);
    await modal.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.locator('h4 [data-testid=statement-status]').textContent(), POLL)
      .toBe(text('zh', 'statements.statuses.disputed'));
    expect(await page.getByTestId('statement-answer').textContent()).toContain('11 月物业费金额不符');
    expect(await page.getByTestId('answer-statement').count()).toBe(0);

    // The finance list, filtered to the disputed ones.
    await page.locator('.ant-layout-sider a[href="/statements"]').click();
    await page.waitForURL((u) => u.pathname === '/statements');
    await settle(page, text('zh', 'nav.statements'));
    await page.locator('.ant-table-row', { hasText: statement.number }).waitFor();
    await page.goto('/statements?status=disputed');
    await settle(page, text('zh', 'nav.statements'));
    const listed = page.locator('.ant-table-row', { hasText: statement.number });
    await listed.waitFor();
    expect(await listed.textContent()).toContain('11 月物业费金额不符');
    await bothLanguages(page, 'statements-list', (lang) => text(lang, 'nav.statements'));
    await context.close();
  });
});
