import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addDays, todayIn } from '../common/dates.ts';
import {
  bothLanguages,
  type Language,
  missingBrowser,
  newPage,
  openModal,
  openStage,
  type Stage,
  screenshot,
  settle,
  signIn,
  switchLanguage,
  text,
} from './browser.ts';

vi.setConfig({ testTimeout: 300_000, hookTimeout: 120_000 });

const skip = missingBrowser();
const TODAY = todayIn('Asia/Shanghai');
/** The last day of the month before the one `day` is in. */
const lastMonthEnd = (day: string) => addDays(`${day.slice(0, 8)}01`, -1);
const POLL = { timeout: 20_000 };

async function openCloseBooks(page: Page): Promise<Locator> {
  await page.getByTestId('close-books').click();
  const modal = openModal(page);
  await modal.locator('#lockedThrough').waitFor();
  await settle(page);
  return modal;
}

async function modalShot(page: Page, name: string, language: Language) {
  await page.setViewportSize({ width: 1280, height: 960 });
  await settle(page);
  await screenshot(page, name, language);
}

async function typeDate(input: Locator, date: string) {
  await input.click();
  await input.fill(date);
  await input.press('Tab');
  await expect.poll(() => input.inputValue(), POLL).toBe(date);
}

const closing = (page: Page) =>
  page.waitForResponse(
    (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/billing/period-lock',
  );

describe.skipIf(skip !== null)('closing the books and sending a bill', () => {
  let stage: Stage;

  beforeAll(async () => {
    stage = await openStage();
  });
  afterAll(async () => {
    await stage?.close();
  });

  it('finance closes last month, an administrator reopens a month with a reason, finance sends a bill', async () => {
    const closeTo = lastMonthEnd(TODAY);
    const reopenTo = lastMonthEnd(closeTo);
    const { context, page } = await newPage(stage);
    await signIn(page, 'finance');
    await page.goto('/billing');
    await settle(page, text('zh', 'nav.billingRun'));
    const card = page.getByTestId('period-lock');
    await expect
      .poll(() => card.getByTestId('locked-through').textContent(), POLL)
      .toBe(text('zh', 'billing.books.notClosed'));

    // The form offers the last day of the previous month; shot in both languages.
    let modal = await openCloseBooks(page);
    expect(await modal.locator('#lockedThrough').inputValue()).toBe(closeTo);
    await modalShot(page, 'books-close', 'zh');
    await modal.locator('.ant-modal-footer .ant-btn:not(.ant-btn-primary)').click();
    await modal.waitFor({ state: 'detached' });
    await switchLanguage(page, 'en');
    await settle(page, text('en', 'nav.billingRun'));
    modal = await openCloseBooks(page);
    await modalShot(page, 'books-close', 'en');
    await modal.locator('.ant-modal-footer .ant-btn:not(.ant-btn-primary)').click();
    await modal.waitFor({ state: 'detached' });
    await switchLanguage(page, 'zh');
    await settle(page, text('zh', 'nav.billingRun'));

    // Close it.
    modal = await openCloseBooks(page);
    const [closed] = await Promise.all([
      closing(page),
      modal.locator('.ant-modal-footer .ant-btn-primary').click(),
    ]);
    expect(closed.status(), await closed.text()).toBe(200);
    await modal.waitFor({ state: 'detached' });
    await expect.poll(() => card.getByTestId('locked-through').textContent(), POLL).toBe(closeTo);
    const history = card.getByTestId('period-lock-history').locator('.ant-table-row');
    await expect.poll(() => history.count(), POLL).toBe(1);
    expect(await history.first().textContent()).toContain(closeTo);
    // The run's date picker now refuses closed days.
    await page.locator('#billing-as-of').click();
    const panel = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)');
    await panel.waitFor();
    // The first of this month is open; in the month before, the closed day is not.
    expect(await panel.locator(`td[title="${addDays(closeTo, 1)}"]`).getAttribute('class')).not.toContain(
      'ant-picker-cell-disabled',
    );
    await panel.locator('.ant-picker-header-prev-btn').click();
    expect(await panel.locator(`td[title="${closeTo}"]`).getAttribute('class')).toContain(
      'ant-picker-cell-disabled',
    );
    await page.locator('#billing-as-of').press('Escape');
    await page.locator('#billing-as-of').blur();
    await panel.waitFor({ state: 'hidden' });
    await bothLanguages(page, 'books-closed', (lang) => text(lang, 'nav.billingRun'));

    // Finance cannot pick a day before the closed date: the form does not take it.
    modal = await openCloseBooks(page);
    await modal.locator('#lockedThrough').click();
    await modal.locator('#lockedThrough').fill(reopenTo);
    await modal.locator('#lockedThrough').press('Tab');
    expect(await modal.getByTestId('reopen-warning').count()).toBe(0);
    await modal.locator('.ant-modal-footer .ant-btn:not(.ant-btn-primary)').click();
    await modal.waitFor({ state: 'detached' });

    // An administrator reopens a month: the reason is required, then the history has both.
    const admin = await newPage(stage);
    await signIn(admin.page, 'admin');
    await admin.page.goto('/billing');
    await settle(admin.page, text('zh', 'nav.billingRun'));
    modal = await openCloseBooks(admin.page);
    await typeDate(modal.locator('#lockedThrough'), reopenTo);
    await modal.getByTestId('reopen-warning').waitFor();
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    await modal.getByText(text('zh', 'billing.books.reasonMissing')).waitFor();
    await modal.locator('#reason').fill('上月水电费重算，需更正');
    await modalShot(admin.page, 'books-reopen', 'zh');
    const [reopened] = await Promise.all([
      closing(admin.page),
      modal.locator('.ant-modal-footer .ant-btn-primary').click(),
    ]);
    expect(reopened.status(), await reopened.text()).toBe(200);
    await modal.waitFor({ state: 'detached' });
    const adminCard = admin.page.getByTestId('period-lock');
    await expect.poll(() => adminCard.getByTestId('locked-through').textContent(), POLL).toBe(reopenTo);
    const adminHistory = adminCard.getByTestId('period-lock-history').locator('.ant-table-row');
    await expect.poll(() => adminHistory.count(), POLL).toBe(2);
    expect(await adminHistory.first().textContent()).toContain('上月水电费重算');
    await admin.context.close();

    // Finance sends a bill to the customer and sees where it went.
    const res = await page.request.get('/api/v1/bills?limit=1');
    const [bill] = ((await res.json()) as { items: { id: string; number: string; sentAt: string | null }[] })
      .items;
    if (!bill) throw new Error('the demo has no bill');
    await page.goto(`/bills/${bill.id}`);
    await settle(page, bill.number);
    const state = page.getByTestId('bill-sent');
    if (!bill.sentAt) {
      expect(await state.textContent()).toContain(text('zh', 'billing.delivery.notSent'));
      await bothLanguages(page, 'bill-unsent', () => bill.number);
    }
    await page.getByTestId('send-bill').click();
    const confirm = page.locator('.ant-popconfirm');
    await confirm.waitFor();
    await settle(page);
    await screenshot(page, 'bill-send-confirm', 'zh');
    const [sent] = await Promise.all([
      page.waitForResponse(
        (r) =>
          r.request().method() === 'POST' && new URL(r.url()).pathname === `/api/v1/bills/${bill.id}/send`,
      ),
      confirm.locator('.ant-btn-primary').click(),
    ]);
    expect(sent.status(), await sent.text()).toBe(200);
    const view = (await sent.json()) as { sentTo: string | null; sentAt: string | null };
    expect(view.sentTo).toMatch(/@/);
    await expect.poll(() => state.textContent(), POLL).toContain(view.sentTo);
    expect(await state.textContent()).toContain(text('zh', 'billing.delivery.sent'));
    expect(await page.getByTestId('send-bill').textContent()).toBe(text('zh', 'billing.delivery.sendAgain'));
    await bothLanguages(page, 'bill-sent', () => bill.number);

    // The list marks it.
    await page.goto(`/bills?q=${encodeURIComponent(bill.number)}`);
    await settle(page, text('zh', 'nav.bills'));
    const row = page.locator('.ant-table-row', { hasText: bill.number });
    await row.waitFor();
    expect(await row.locator('.anticon-mail').count()).toBe(1);
    await context.close();
  });
});
