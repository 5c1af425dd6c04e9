import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { formatYuan } from '../common/money.ts';
import {
  bothLanguages,
  chooseOption,
  closeModal,
  type Language,
  missingBrowser,
  modalShot,
  newPage,
  openModal,
  openStage,
  posting,
  type Stage,
  screenshot,
  settle,
  signIn,
  switchLanguage,
  text,
} from './browser.ts';

vi.setConfig({ testTimeout: 300_000, hookTimeout: 120_000 });

const skip = missingBrowser();
const POLL = { timeout: 20_000 };

interface Raised {
  id: string;
  number: string;
  status: string;
  netFen: number;
  taxFen: number;
  totalFen: number;
  billId: string | null;
  billNumber: string | null;
}
interface Line {
  id: string;
  kind: string;
  chargeType: string;
  totalFen: number;
  outstandingFen: number;
}

/** Clicks and waits for the POST it sends to `path`, which must answer `status`. */

describe.skipIf(skip !== null)('charges raised by hand (issue 7)', () => {
  let stage: Stage;

  beforeAll(async () => {
    stage = await openStage();
  });
  afterAll(async () => {
    await stage?.close();
  });

  it('service raises a one-off repair charge, finance approves it, then waives part of a rent line', async () => {
    // Service staff raise the repair from an active contract's page: ¥1,130.00 at 13 %.
    const service = await newPage(stage);
    let page = service.page;
    await signIn(page, 'service');
    const found = await page.request.get('/api/v1/contracts?status=active&limit=1');
    const [contract] = ((await found.json()) as { items: { id: string; number: string }[] }).items;
    if (!contract) throw new Error('the demo has no active contract');
    await page.goto(`/contracts/${contract.id}`);
    await settle(page, contract.number);
    const openOneOff = async () => {
      await page.getByTestId('contract-one-off').click();
      const modal = openModal(page);
      await modal.locator('#name').waitFor();
      await settle(page);
      return modal;
    };
    const fillRepair = async (modal: Locator) => {
      await modal.locator('#name').fill('空调维修');
      await modal.locator('#amount').fill('1,130.00');
      await chooseOption(page, modal, '#vatRate', '13%');
      await modal.locator('#reason').fill('客户报修：更换空调压缩机');
      // The tax-inclusive amount split at the chosen rate, as the bill will print it.
      await expect
        .poll(() => modal.getByTestId('charge-split').textContent(), POLL)
        .toMatch(/¥1,000\.00.*¥130\.00.*13%/);
    };
    let modal = await openOneOff();
    expect(await modal.getByTestId('charge-contract').textContent()).toContain(contract.number);
    await fillRepair(modal);
    await modalShot(page, modal, 'charge-one-off', 'zh');
    await closeModal(modal);
    await switchLanguage(page, 'en');
    await settle(page, contract.number);
    modal = await openOneOff();
    await fillRepair(modal);
    await modalShot(page, modal, 'charge-one-off', 'en');
    // Enter in the reason sends the form.
    const raised = await posting<Raised>(
      page,
      /^\/api\/v1\/charge-requests$/,
      () => modal.locator('#reason').press('Enter'),
      201,
    );
    expect(raised).toMatchObject({ status: 'pending', netFen: 100_000, taxFen: 13_000, totalFen: 113_000 });
    await modal.waitFor({ state: 'hidden' });
    await page.locator('.ant-message-notice', { hasText: raised.number }).waitFor();
    await service.context.close();

    // Finance finds it waiting, with its net and tax, and approves it.
    const finance = await newPage(stage);
    page = finance.page;
    await signIn(page, 'finance');
    await page.goto('/charge-requests');
    const title = (language: Language) => text(language, 'nav.chargeRequests');
    await settle(page, title('zh'));
    const list = page.getByTestId('charge-requests');
    const row = list.locator('.ant-table-row', { hasText: raised.number });
    await row.waitFor();
    expect(await row.getByTestId('charge-status').textContent()).toBe(text('zh', 'charges.statuses.pending'));
    expect(await row.getByTestId('charge-kind').textContent()).toBe(text('zh', 'charges.kinds.one_off'));
    expect(await row.getByTestId('charge-amount').textContent()).toBe('¥1,130.00');
    await row.getByTestId('charge-amount').hover();
    const tip = page.locator('.ant-tooltip:not(.ant-tooltip-hidden)', { hasText: '¥1,000.00' });
    await tip.waitFor();
    expect(await tip.textContent()).toContain('¥130.00');
    await page.mouse.move(10, 10);
    await tip.waitFor({ state: 'hidden' });
    await bothLanguages(page, 'charge-requests-pending', title);

    await row.getByTestId('approve-charge').click();
    const pop = page.locator('.ant-popconfirm:not(.ant-popover-hidden)');
    await pop.waitFor();
    await settle(page); // typing into a popover still zooming in can be lost
    await pop.locator('#approve-note').fill('已核对维修单');
    await expect.poll(() => pop.locator('#approve-note').inputValue()).toBe('已核对维修单');
    await settle(page);
    await screenshot(page, 'charge-approve', 'zh');
    const approved = await posting<Raised>(page, /\/charge-requests\/[^/]+\/approve$/, () =>
      pop.locator('.ant-btn-primary').click(),
    );
    expect(approved.status).toBe('posted');
    expect(approved.billNumber).toBeTruthy();
    await row.waitFor({ state: 'detached' });

    // Posted: who decided with the note, and the bill it is on.
    await page.getByTestId('charge-view-posted').click();
    const posted = list.locator('.ant-table-row', { hasText: raised.number });
    await posted.waitFor();
    expect(await posted.getByTestId('charge-decision').textContent()).toContain('已核对维修单');
    expect(await posted.getByTestId('charge-bill').textContent()).toBe(approved.billNumber);
    await bothLanguages(page, 'charge-requests-posted', title);
    await posted.getByTestId('charge-bill').click();
    await settle(page, approved.billNumber!);
    const repairLine = page.getByTestId('bill-lines').locator('.ant-table-row', { hasText: '空调维修' });
    expect(await repairLine.textContent()).toContain('¥1,130.00');

    // Finance waives ¥200.00 of an issued rent line still owed: under the threshold, posted at once.
    const open = await page.request.get('/api/v1/bills?unpaid=true&limit=50');
    let target: { bill: { id: string; number: string }; line: Line } | null = null;
    for (const b of ((await open.json()) as { items: { id: string; number: string }[] }).items) {
      const lines = ((await (await page.request.get(`/api/v1/bills/${b.id}`)).json()) as { lines: Line[] })
        .lines;
      const line = lines.find(
        (l) => l.kind === 'charge' && l.chargeType === 'rent' && l.outstandingFen >= 20_000,
      );
      if (line) {
        target = { bill: b, line };
        break;
      }
    }
    if (!target) throw new Error('the demo has no open rent line');
    const { bill, line } = target;
    await page.goto(`/bills/${bill.id}`);
    await settle(page, bill.number);
    const lineRow = page.getByTestId('bill-lines').locator(`tr[data-row-key="${line.id}"]`);
    const openCorrection = async () => {
      await lineRow.getByTestId('correct-line').click();
      const m = openModal(page);
      await m.locator('#amount').waitFor();
      await settle(page);
      return m;
    };
    const fillWaiver = async (m: Locator, language: Language) => {
      await m.locator('#amount').fill('200');
      await m.locator('#reason').fill('装修期租金减免');
      await expect
        .poll(() => m.getByTestId('correction-outcome').textContent(), POLL)
        .toContain(formatYuan(-20_000));
      expect(await m.getByTestId('correction-threshold').textContent()).toBe(
        text(language, 'charges.correction.thresholdHint').replace('{{amount}}', '¥1,000.00'),
      );
    };
    modal = await openCorrection();
    await fillWaiver(modal, 'zh');
    await modalShot(page, modal, 'charge-correction', 'zh');
    await closeModal(modal);
    await switchLanguage(page, 'en');
    await settle(page, bill.number);
    modal = await openCorrection();
    await fillWaiver(modal, 'en');
    await modalShot(page, modal, 'charge-correction', 'en');
    const corrected = await posting<Raised>(
      page,
      /^\/api\/v1\/charge-requests$/,
      () => modal.locator('.ant-modal-footer .ant-btn-primary').click(),
      201,
    );
    expect(corrected).toMatchObject({ status: 'posted', totalFen: -20_000 });
    const done = openModal(page);
    await done.getByTestId('correction-done').waitFor();
    await modalShot(page, done, 'charge-correction-done', 'en');
    await closeModal(done);
    await switchLanguage(page, 'zh');
    await settle(page, bill.number);

    // The line owes ¥200.00 less; the waiver is a correction line on a bill of its own.
    const outstanding = lineRow.locator('td').nth(8);
    await expect.poll(() => outstanding.textContent(), POLL).toBe(formatYuan(line.outstandingFen - 20_000));
    await bothLanguages(page, 'charge-corrected-bill', () => bill.number);
    await page.goto(`/bills/${corrected.billId}`);
    await settle(page, corrected.billNumber!);
    const correctionLine = page.getByTestId('bill-lines').locator('.ant-table-row').first();
    expect(await correctionLine.getByTestId('correction').textContent()).toBe(
      text('zh', 'billing.lines.correction'),
    );
    expect(await correctionLine.textContent()).toContain('装修期租金减免');
    await bothLanguages(page, 'charge-correction-bill', () => corrected.billNumber!);
    await finance.context.close();
  });
});
