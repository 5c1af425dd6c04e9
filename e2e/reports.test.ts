import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CustomerReport, OccupancyReport } from '../web/src/features/reports/reportsApi.ts';
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

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const skip = missingBrowser();

/** The cells of each body row of a card's table, as text. */
async function tableRows(card: Locator): Promise<string[][]> {
  return card
    .locator('.ant-table-tbody .ant-table-row')
    .evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())),
    );
}

const statValue = async (page: Page, key: string) =>
  Number(
    (
      (await page.getByTestId(`stat-${key}`).locator('.ant-statistic-content-value').textContent()) ?? ''
    ).replace(/,/g, ''),
  );

/** Opens the overview through the menu and waits until every chart has drawn. */
async function openOverview(page: Page, language: Language) {
  await page.locator('.ant-layout-sider a[href="/customers/overview"]').click();
  await settle(page, text(language, 'nav.customersOverview'));
  await page.locator('[data-testid="report-occupancy"] canvas').waitFor();
  await expect.poll(() => page.locator('[role="img"] canvas').count()).toBe(5);
  await settle(page);
}

describe.skipIf(skip !== null)('customers overview (R2.3.3)', () => {
  let stage: Stage;

  beforeAll(async () => {
    stage = await openStage();
  });
  afterAll(async () => {
    await stage?.close();
  });

  it('shows the figures of the API as cards, charts and tables, and exports them', async () => {
    const { context, page } = await newPage(stage);
    await signIn(page, 'management');
    await openOverview(page, 'zh');
    const report = (await (await page.request.get('/api/v1/reports/customers')).json()) as CustomerReport;
    const occupancy = (await (await page.request.get('/api/v1/spaces/occupancy')).json()) as OccupancyReport;
    expect(report.total).toBeGreaterThan(0);

    expect(await statValue(page, 'total')).toBe(report.total);
    const count = (s: string) => report.byStatus.find((x) => x.status === s)!.count;
    expect(await statValue(page, 'tenants')).toBe(count('tenant'));
    expect(await statValue(page, 'prospects')).toBe(count('prospect'));
    expect(await statValue(page, 'blacklisted')).toBe(count('blacklisted'));

    const status = await tableRows(page.getByTestId('report-status'));
    expect(status.map((r) => [r[0], Number(r[1])])).toEqual(
      report.byStatus.map((x) => [text('zh', `customers.statuses.${x.status}`), x.count]),
    );
    const industry = await tableRows(page.getByTestId('report-industry'));
    expect(industry.map((r) => Number(r[1]))).toEqual(report.byIndustry.map((x) => x.count));
    const managers = await tableRows(page.getByTestId('report-manager'));
    expect(managers.map((r) => [r[0], Number(r[1])])).toEqual(
      report.byAccountManager.map((x) => [x.name ?? text('zh', 'reports.unassigned'), x.count]),
    );
    const [months] = await tableRows(page.getByTestId('report-months'));
    expect(months!.slice(1).map(Number)).toEqual(report.newPerMonth.map((x) => x.count));
    const sites = await tableRows(page.getByTestId('report-occupancy'));
    expect(sites.map((r) => r[0])).toEqual(occupancy.sites.map((s) => s.name));
    expect(sites.map((r) => r[1]!.replace(/,/g, ''))).toEqual(
      occupancy.sites.map((s) => `${s.leasedArea} / ${s.leasableArea}`),
    );
    await screenshot(page, 'customers-overview', 'zh');

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: text('zh', 'reports.export') }).click();
    const file = await (await download).path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(file) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '客户状态',
      '行业分布',
      '客户经理',
      '每月新增客户',
      '各园区出租率',
    ]);
    const totalRow = wb.worksheets[0]!.getRow(report.byStatus.length + 2).values as unknown[];
    expect(totalRow.slice(1, 3)).toEqual(['合计', report.total]);

    await switchLanguage(page, 'en');
    await settle(page, text('en', 'nav.customersOverview'));
    await expect
      .poll(async () => (await tableRows(page.getByTestId('report-status')))[0]![0])
      .toBe(text('en', `customers.statuses.${report.byStatus[0]!.status}`));
    await settle(page);
    await screenshot(page, 'customers-overview', 'en');
    const enDownload = page.waitForEvent('download');
    await page.getByRole('link', { name: text('en', 'reports.export') }).click();
    const enWb = new ExcelJS.Workbook();
    await enWb.xlsx.load(fs.readFileSync(await (await enDownload).path()) as unknown as ExcelJS.Buffer);
    expect(enWb.worksheets[0]!.name).toBe('By status');
    await context.close();
  });
});
