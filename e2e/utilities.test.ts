import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addDays, maxDate, todayIn } from '../common/dates.ts';
import { formatYuan } from '../common/money.ts';
import { sheet } from '../test/sheets.ts';
import {
  bothLanguages,
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
const TODAY = todayIn('Asia/Shanghai');
const POLL = { timeout: 20_000 };

async function api(page: Page, method: 'GET' | 'POST', url: string, data?: unknown) {
  const csrf = await page.evaluate(async () => {
    const r = await fetch('/api/v1/auth/me');
    return ((await r.json()) as { csrfToken: string }).csrfToken;
  });
  const res =
    method === 'GET'
      ? await page.request.get(url)
      : await page.request.post(url, { data, headers: { 'x-csrf-token': csrf } });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return res.json();
}

describe.skipIf(skip !== null)('utilities journey', () => {
  let stage: Stage;

  beforeAll(async () => {
    stage = await openStage();
  });
  afterAll(async () => {
    await stage?.close();
  });

  it('finance enters readings in the grid and finds the utility line on the bill after the run', async () => {
    const { context, page } = await newPage(stage);
    await signIn(page, 'finance');

    // A leased unit with a meter read a month ago, and the organization's electricity price.
    const units = await api(page, 'GET', `/api/v1/units?status=leased&asOf=${TODAY}&limit=1`);
    const unit = units.items[0] as { id: string; code: string; buildingId: string };
    await api(page, 'POST', '/api/v1/utility-rates', {
      meterType: 'electricity',
      price: '1.2345',
      vatRate: '0.13',
      effectiveFrom: addDays(TODAY, -400),
    });
    const own = await api(page, 'POST', '/api/v1/meters', {
      code: 'E2E-E1',
      type: 'electricity',
      buildingId: unit.buildingId,
      unitId: unit.id,
    });
    const second = await api(page, 'POST', '/api/v1/meters', {
      code: 'E2E-E2',
      type: 'electricity',
      buildingId: unit.buildingId,
      unitId: unit.id,
      multiplier: '10',
    });
    await api(page, 'POST', '/api/v1/meter-readings', {
      readOn: addDays(TODAY, -30),
      rows: [
        { meterId: own.id, value: '1000' },
        { meterId: second.id, value: '500' },
      ],
    });

    // The meters page.
    // The three pages are in the finance menu; open them by address (a long menu may still be moving).
    for (const href of ['/utilities/readings', '/utilities/meters', '/utilities/rates'])
      expect(await page.locator(`.ant-layout-sider a[href="${href}"]`).count()).toBe(1);
    await page.goto('/utilities/meters');
    await settle(page, text('zh', 'nav.utilityMeters'));
    await page.locator('.ant-table-row', { hasText: 'E2E-E1' }).waitFor();
    await bothLanguages(page, 'utility-meters', (lang) => text(lang, 'nav.utilityMeters'));
    await page.getByRole('button', { name: text('zh', 'utilities.newMeter') }).click();
    const form = openModal(page);
    await form.locator('#code').waitFor();
    await settle(page);
    // A click while the dialog still zooms in can miss: switch on until the switch says so.
    const shared = page.locator('#shared');
    await expect
      .poll(async () => {
        if ((await shared.getAttribute('aria-checked')) !== 'true') await shared.click();
        return shared.getAttribute('aria-checked');
      }, POLL)
      .toBe('true');
    await form.getByText(text('zh', 'utilities.splitRules.percent')).click();
    await form.getByRole('button', { name: text('zh', 'utilities.addShare') }).click();
    await settle(page);
    await modalShot(page, form, 'utility-meter-form', 'zh');
    await form.locator('.ant-modal-close').click();

    // The grid: the building in the address, today's date; type, Tab moves down the value column.
    await page.goto(`/utilities/readings?buildingId=${unit.buildingId}`);
    await settle(page, text('zh', 'nav.utilityReadings'));
    const first = page.locator('#reading-value-E2E-E1');
    await first.waitFor();
    await first.fill('1234.5');
    await first.press('Tab');
    const next = page.locator('#reading-value-E2E-E2');
    await expect.poll(() => next.evaluate((el) => el === document.activeElement), POLL).toBe(true);
    await next.fill('400');
    // Consumption is shown as it is typed: 234.5, and (400 - 500) x 10 = -1000 in red.
    const row = (code: string) => page.locator('.ant-table-row', { hasText: code });
    await expect.poll(() => row('E2E-E1').textContent(), POLL).toContain('234.5');
    await expect.poll(() => row('E2E-E2').textContent(), POLL).toContain('-1000');

    // The server refuses the lower reading on its row and saves nothing.
    const save = page.locator('#save-readings');
    const [refused] = await Promise.all([
      page.waitForResponse(
        (r) => r.request().method() === 'POST' && r.url().endsWith('/api/v1/meter-readings'),
      ),
      save.click(),
    ]);
    expect(refused.status()).toBe(400);
    await row('E2E-E2').getByTestId('row-error').waitFor();
    expect(await row('E2E-E1').getByTestId('row-error').count()).toBe(0);
    await shot(page, 'utility-grid-error', 'zh');

    // Fix it: 560 -> (560 - 500) x 10 = 600 kWh; save both.
    await next.fill('560');
    await expect.poll(() => row('E2E-E2').textContent(), POLL).toContain('600');
    const [saved] = await Promise.all([
      page.waitForResponse(
        (r) => r.request().method() === 'POST' && r.url().endsWith('/api/v1/meter-readings'),
      ),
      save.click(),
    ]);
    expect(saved.status(), await saved.text()).toBe(201);
    const readings = (await saved.json()).readings as {
      charges: { contractId: string; totalFen: number; dueDate: string; issueDate: string }[];
    }[];
    // 234.5 kWh x 1.2345 = 289.49025 元 -> 28949 fen; 600 kWh x 1.2345 = 740.70 元 -> 74070 fen.
    expect(readings.map((r) => r.charges.map((c) => c.totalFen))).toEqual([[28949], [74070]]);
    const charge = readings[0]!.charges[0]!;
    await expect.poll(() => page.getByTestId('reading-charge').count(), POLL).toBe(2);
    await bothLanguages(page, 'utility-grid-saved', (lang) => text(lang, 'nav.utilityReadings'));

    // The import's preview lists every bad row and writes nothing (in each language: the modal is
    // closed to switch).
    const bytes = await sheet(
      ['表计编号', '抄表日期', '本次读数', '换表', '新表起始读数'],
      [
        ['E2E-E1', TODAY, '1300', null, null],
        ['NO-SUCH', TODAY, '1', null, null],
        ['E2E-E2', '2026-02-30', 'x', null, null],
      ],
    );
    for (const lang of ['zh', 'en'] as const) {
      if (lang === 'en') await switchLanguage(page, 'en');
      await page.getByRole('button', { name: text(lang, 'utilities.importSheet') }).click();
      const modal = openModal(page);
      await modal.locator('input[type=file]').setInputFiles({
        name: 'readings.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: bytes,
      });
      const preview = modal.getByTestId('import-readings-preview');
      await preview.waitFor();
      await expect.poll(() => preview.locator('.ant-table-row').count(), POLL).toBeGreaterThan(3);
      expect(await page.locator('#commit-import').isDisabled()).toBe(true);
      await modalShot(page, modal, 'utility-import-preview', lang);
      await modal.locator('.ant-modal-close').click();
      await modal.waitFor({ state: 'hidden' });
    }
    await switchLanguage(page, 'zh');
    const after = await api(page, 'GET', `/api/v1/meter-readings?meterId=${own.id}`);
    expect(after.items).toHaveLength(2);

    // The prices page.
    await page.goto('/utilities/rates');
    await settle(page, text('zh', 'nav.utilityRates'));
    await page.locator('.ant-table-row', { hasText: '1.2345' }).waitFor();
    await bothLanguages(page, 'utility-rates', (lang) => text(lang, 'nav.utilityRates'));

    // The run issues the line on the contract's next bill.
    await api(page, 'POST', '/api/v1/billing/runs', { asOf: maxDate(charge.issueDate, TODAY) });
    const bills = await api(page, 'GET', `/api/v1/bills?contractId=${charge.contractId}&limit=200`);
    const bill = (bills.items as { id: string; number: string; dueDate: string }[]).find(
      (b) => b.dueDate === charge.dueDate,
    )!;
    expect(bill).toBeDefined();
    await page.goto(`/bills/${bill.id}`);
    await settle(page, bill.number);
    const line = page.getByTestId('bill-lines').locator('.ant-table-row', { hasText: 'E2E-E1' });
    await line.waitFor();
    expect(await line.textContent()).toContain(formatYuan(28949).replace('¥', ''));
    await shot(page, 'utility-bill-line', 'zh');
    await context.close();
  });
});
