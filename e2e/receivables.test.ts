import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { formatYuan } from '../common/money.ts';
import type { AgingReport } from '../web/src/features/receivables/receivablesApi.ts';
import {
  type Language,
  missingBrowser,
  newPage,
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
const POLL = { timeout: 20_000 };

/** The cells of the aging table's body rows and of its totals row, as text. */
async function table(page: Page): Promise<{ rows: string[][]; totals: string[] }> {
  const scope = page.getByTestId('aging-table');
  const rows = await scope
    .locator('.ant-table-tbody .ant-table-row')
    .evaluateAll((trs) =>
      trs.map((r) => [...r.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())),
    );
  const totals = await scope
    .locator('.ant-table-summary tr')
    .first()
    .evaluate((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim()));
  return { rows, totals };
}

const aging = async (page: Page, query: string) => {
  const res = await page.request.get(`/api/v1/reports/aging?${query}`);
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as AgingReport;
};

async function pickGroup(page: Page, language: Language, group: 'customer' | 'manager' | 'site') {
  await page
    .locator('.ant-segmented-item', { hasText: text(language, `receivables.groupBy.${group}`) })
    .click();
  await page.waitForURL((u) => u.searchParams.get('groupBy') === group);
  await settle(page);
}

describe.skipIf(skip !== null)('receivables reports (R5.1.3, R5.2.2, R5.2.3)', () => {
  let stage: Stage;

  beforeAll(async () => {
    stage = await openStage();
  });
  afterAll(async () => {
    await stage?.close();
  });

  it('opens the aging report from the menu, switches grouping, keeps it in the address and exports it', async () => {
    const { context, page } = await newPage(stage);
    await signIn(page, 'finance');
    await page.locator('.ant-layout-sider a[href="/receivables/aging"]').click();
    await settle(page, text('zh', 'nav.receivablesAging'));

    const byCustomer = await aging(page, 'groupBy=customer&limit=50');
    expect(byCustomer.items.length).toBeGreaterThan(0);
    await expect.poll(async () => (await table(page)).rows.length, POLL).toBe(byCustomer.items.length);
    let shown = await table(page);
    expect(shown.rows.map((r) => r[0])).toEqual(byCustomer.items.map((x) => x.name));
    expect(shown.rows[0]!.at(-1)).toBe(formatYuan(byCustomer.items[0]!.totalFen));
    expect(shown.totals.at(-1)).toBe(formatYuan(byCustomer.totals.totalFen));
    await screenshot(page, 'receivables-aging-customer', 'zh');

    await pickGroup(page, 'zh', 'manager');
    const byManager = await aging(page, 'groupBy=manager');
    await expect
      .poll(async () => (await table(page)).rows.map((r) => r[0]), POLL)
      .toEqual(byManager.items.map((x) => x.name ?? text('zh', 'receivables.unassigned')));
    shown = await table(page);
    expect(shown.rows.map((r) => r[1])).toEqual(byManager.items.map((x) => String(x.customers)));
    // The same money, grouped another way.
    expect(byManager.totals.totalFen).toBe(byCustomer.totals.totalFen);
    expect(shown.totals.at(-1)).toBe(formatYuan(byManager.totals.totalFen));
    await screenshot(page, 'receivables-aging-manager', 'zh');

    await pickGroup(page, 'zh', 'site');
    const bySite = await aging(page, 'groupBy=site');
    await expect
      .poll(async () => (await table(page)).rows.map((r) => r[0]), POLL)
      .toEqual(bySite.items.map((x) => x.name ?? text('zh', 'receivables.noSite')));
    expect(bySite.totals.totalFen).toBe(byCustomer.totals.totalFen);

    // The grouping is in the address: a reload shows the same table.
    await page.reload();
    await settle(page, text('zh', 'nav.receivablesAging'));
    await expect.poll(async () => (await table(page)).rows.length, POLL).toBe(bySite.items.length);

    const download = page.waitForEvent('download');
    await page.getByTestId('report-export').click();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(await (await download).path()) as unknown as ExcelJS.Buffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.name).toBe('应收账龄');
    expect((sheet.getRow(1).values as unknown[])[1]).toBe('园区');
    expect((sheet.getRow(bySite.items.length + 2).values as unknown[])[1]).toBe('合计');

    await switchLanguage(page, 'en');
    await settle(page, text('en', 'nav.receivablesAging'));
    await screenshot(page, 'receivables-aging-site', 'en');
    await pickGroup(page, 'en', 'manager');
    await expect
      .poll(async () => (await table(page)).rows.map((r) => r[0]), POLL)
      .toEqual(byManager.items.map((x) => x.name ?? text('en', 'receivables.unassigned')));
    await screenshot(page, 'receivables-aging-manager', 'en');

    // A manager's row opens that manager's customers.
    const first = byManager.items.find((x) => x.key);
    if (first) {
      await page.getByTestId('aging-table').getByRole('button', { name: first.name! }).click();
      await page.waitForURL((u) => u.searchParams.get('managerId') === first.key);
      await settle(page);
      const mine = await aging(page, `groupBy=customer&managerId=${first.key}`);
      await expect.poll(async () => (await table(page)).rows.length, POLL).toBe(mine.items.length);
      expect((await table(page)).totals.at(-1)).toBe(formatYuan(first.totalFen));
      await screenshot(page, 'receivables-aging-customer', 'en');
    }
    await switchLanguage(page, 'zh');
    await pickGroup(page, 'zh', 'site');
    await screenshot(page, 'receivables-aging-site', 'zh');
    await context.close();
  });

  it('shows rent collection and the other fees ledger in both languages', async () => {
    const { context, page } = await newPage(stage);
    await signIn(page, 'management');
    for (const [path, key, name] of [
      [
        '/receivables/collection?from=2020-01-01&to=2022-12-31',
        'nav.receivablesCollection',
        'receivables-collection',
      ],
      ['/receivables/fees', 'nav.receivablesFees', 'receivables-fees'],
    ] as const) {
      // A range with nothing due first (the empty state), then the page as opened from the menu.
      if (path.includes('from=')) {
        await page.goto(path);
        await settle(page, text('zh', key));
        await expect(page.locator('.ant-empty').first().isVisible()).resolves.toBe(true);
        await screenshot(page, `${name}-empty`, 'zh');
      }
      await page.locator(`.ant-layout-sider a[href="${path.split('?')[0]}"]`).click();
      await settle(page, text('zh', key));
      const api = path.includes('collection') ? '/api/v1/reports/collection' : '/api/v1/reports/fees';
      const report = (await (await page.request.get(api)).json()) as { items: unknown[] };
      await expect
        .poll(() => page.locator('.ant-table-tbody .ant-table-row').count(), POLL)
        .toBe(report.items.length);
      await screenshot(page, name, 'zh');
      await switchLanguage(page, 'en');
      await settle(page, text('en', key));
      await screenshot(page, name, 'en');
      await switchLanguage(page, 'zh');
    }
    await context.close();
  });
});
