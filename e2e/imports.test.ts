import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { todayIn } from '../common/dates.ts';
import { validationMessage } from '../common/validators/messages.ts';
import { CUSTOMER_HEADERS, customerRow, sheet, uscc } from '../test/sheets.ts';
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
  toastsGone,
} from './browser.ts';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const skip = missingBrowser();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tenantry-e2e-imports-'));

/** Five customers from `base`; the second has a wrong USCC check character, the fourth a bad mobile. */
async function sampleFile(base: number, name: string): Promise<string> {
  const rows = [0, 1, 2, 3, 4].map((i) => customerRow(base + i, `样例导入贸易有限公司${base + i}`));
  const good = uscc(base + 1);
  rows[1]![1] = good.slice(0, 17) + (good[17] === 'A' ? 'B' : 'A');
  rows[3]![11] = '1380013800';
  const file = path.join(dir, name);
  fs.writeFileSync(file, await sheet(CUSTOMER_HEADERS, rows));
  return file;
}

const lang = (language: Language) => (language === 'en' ? 'en' : 'zh-CN');

/** Uploads the sheet, checks that the two bad rows are listed with their reasons, imports the rest. */
async function importValidRows(page: Page, language: Language, base: number) {
  await page.locator('.ant-layout-sider a[href="/imports"]').click();
  await settle(page, text(language, 'nav.imports'));
  await page.locator('.ant-upload-drag').waitFor();
  await settle(page);
  await screenshot(page, 'imports-upload', language);

  await page.locator('input[type="file"]').setInputFiles(await sampleFile(base, `客户-${language}.xlsx`));
  const problems = page.getByTestId('import-problems').locator('.ant-table-row');
  await expect.poll(() => problems.count()).toBe(2);
  const cells = await problems.evaluateAll((rows) =>
    rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)),
  );
  expect(cells).toEqual([
    [
      '3',
      `样例导入贸易有限公司${base + 1}`,
      language === 'en' ? 'USCC' : '统一社会信用代码',
      expect.stringMatching(/^91310115/),
      validationMessage('uscc.check_character', lang(language)),
    ],
    [
      '5',
      `样例导入贸易有限公司${base + 3}`,
      language === 'en' ? 'Mobile' : '手机',
      '1380013800',
      validationMessage('phone.phone_format', lang(language)),
    ],
  ]);
  const preview = page.getByTestId('import-preview');
  expect(await preview.getByRole('button', { name: text(language, 'imports.importAll') }).isDisabled()).toBe(
    true,
  );
  await settle(page);
  await screenshot(page, 'imports-preview', language);

  const importValid = text(language, 'imports.importValid').replace('{{count}}', '3');
  await preview.getByRole('button', { name: importValid }).click();
  const confirm = page.locator('.ant-popconfirm');
  await confirm.locator('.ant-btn-primary').click();
  const result = page.getByTestId('import-result');
  await result.waitFor();
  expect(await result.locator('.ant-result-title').textContent()).toBe(
    text(language, 'imports.committed').replace('{{count}}', '3'),
  );
  expect(await result.locator('.ant-result-subtitle').textContent()).toBe(
    text(language, 'imports.skipped').replace('{{count}}', '2'),
  );
  await toastsGone(page);
  await settle(page);
  await screenshot(page, 'imports-result', language);
}

describe.skipIf(skip !== null)('imports journey', () => {
  let stage: Stage;

  beforeAll(async () => {
    stage = await openStage();
  });
  afterAll(async () => {
    await stage?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('imports the valid rows of a customer sheet and lists the bad ones with their reasons', async () => {
    const { context, page } = await newPage(stage);
    await signIn(page, 'business');
    await importValidRows(page, 'zh', 900);

    // The imported customers are in the customer list.
    await page
      .getByTestId('import-result')
      .getByRole('button', { name: text('zh', 'imports.view.customers') })
      .click();
    await page.waitForURL((u) => u.pathname === '/customers');
    await page.locator('#customer-search').fill('样例导入贸易');
    await page.locator('#customer-search').press('Enter');
    const found = page.locator('.ant-table-row', { hasText: '样例导入贸易有限公司' });
    await expect.poll(() => found.count()).toBe(3);

    await switchLanguage(page, 'en');
    await importValidRows(page, 'en', 950);

    // The units list downloads as a workbook named in Chinese with the date, the filters applied.
    await page.locator('.ant-layout-sider a[href="/spaces/units"]').click();
    await settle(page, text('en', 'nav.spacesUnits'));
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: text('en', 'imports.export') }).click();
    expect((await download).suggestedFilename()).toBe(`单元列表-${todayIn('Asia/Shanghai')}.xlsx`);
    await context.close();
  });
});
