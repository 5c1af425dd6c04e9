import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addDays, addYears, todayIn } from '../common/dates.ts';
import { formatError } from '../common/errors.ts';
import { validationMessage } from '../common/validators/messages.ts';
import { completeUscc } from '../common/validators/uscc.ts';
import {
  type Language,
  missingBrowser,
  newPage,
  openStage,
  pickOption,
  type Stage,
  screenshot,
  settle,
  signIn,
  switchLanguage,
  text,
  toastsGone,
} from './browser.ts';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 });

const skip = missingBrowser();
const NAME = '厦门鹭岛蓝鲸海洋装备有限公司';
/** A middle part of the name, as people remember it. */
const PART = '蓝鲸海洋';
/** Close to NAME: saving it needs the user to override the similar-name warning. */
const SIMILAR_NAME = '鹭岛蓝鲸海洋装备（泉州）有限公司';
const USCC = completeUscc('91350200MA8K3L2P');
const SIMILAR_USCC = completeUscc('91350500MA8K3L7Q');
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** The same code with a wrong check character (the 18th). */
const WRONG_USCC = USCC.slice(0, 17) + ALPHABET[(ALPHABET.indexOf(USCC[17]!) + 1) % ALPHABET.length];

function licencePdf(): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.fontSize(18).text('Business licence (test copy)');
    doc.end();
  });
}

const dialog = (page: Page) => page.locator('.ant-modal-wrap:not([style*="display: none"])').last();
/** The tab's content on show (antd keeps the ones seen before, hidden). */
const TAB = '[role=tabpanel][aria-hidden=false]';
const errors = (scope: Locator) => scope.locator('.ant-form-item-explain-error').allTextContents();

async function openList(page: Page, language: Language) {
  await page.locator('.ant-layout-sider a[href="/customers"]').click();
  await settle(page, text(language, 'nav.customers'));
  await page.locator('.ant-table-row').first().waitFor();
  await settle(page);
}

async function openTab(page: Page, language: Language, tab: string) {
  await page.getByRole('tab', { name: text(language, `customers.tabs.${tab}`) }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('tab') ?? 'profile').toBe(tab);
  await settle(page);
}

/** The four filled tabs of the 360° view, one screenshot each. */
async function shootTabs(page: Page, language: Language) {
  for (const tab of ['profile', 'contacts', 'documents', 'timeline']) {
    await openTab(page, language, tab);
    const panel = page.locator(TAB);
    if (tab !== 'profile' && tab !== 'timeline') await panel.locator('.ant-table-row').first().waitFor();
    if (tab === 'timeline') await panel.getByTestId('timeline-entry').first().waitFor();
    await toastsGone(page);
    await settle(page);
    await screenshot(page, `customer-${tab}`, language);
  }
}

/** Only what is on screen: a full-page shot of a dialog over a long list comes out torn. */
async function shootDialog(page: Page, name: string, language: Language) {
  await page.mouse.move(10, 10);
  await page.screenshot({
    path: path.resolve(`e2e/screenshots/${name}-${language}.png`),
    animations: 'disabled',
  });
}

async function existingCustomer(page: Page): Promise<{ id: string; name: string; uscc: string }> {
  return page.evaluate(async () => {
    const res = await fetch('/api/v1/customers?limit=1&sort=newest');
    return (await res.json()).items[0];
  });
}

describe.skipIf(skip !== null)('customers journeys', () => {
  let stage: Stage;

  beforeAll(async () => {
    stage = await openStage();
  });
  afterAll(async () => {
    await stage?.close();
  });

  it('creates a customer past a wrong and a taken USCC, adds a contact and a licence, finds it again', async () => {
    const { context, page } = await newPage(stage);
    await signIn(page, 'business');
    await openList(page, 'zh');
    await screenshot(page, 'customers-list', 'zh');
    const taken = await existingCustomer(page);

    await page.getByRole('button', { name: text('zh', 'customers.create') }).click();
    const form = dialog(page);
    await expect.poll(() => form.locator('#name').evaluate((el) => el === document.activeElement)).toBe(true);
    await form.locator('#name').fill(NAME);
    await form.locator('#uscc').fill(WRONG_USCC.toLowerCase());
    await form.locator('#registeredCapital').fill('1234.5');
    await pickOption(
      page,
      form,
      '#industry',
      '制造业',
      form.locator('.ant-select-content', { hasText: '制造业' }),
    );
    await form.locator('#legalRepresentative').fill('林海');
    await form.locator('#legalRepresentative').press('Enter');
    await expect.poll(() => errors(form)).toEqual([validationMessage('uscc.check_character', 'zh-CN')]);
    expect(await form.locator('#uscc').inputValue()).toBe(WRONG_USCC);
    await settle(page);
    await shootDialog(page, 'customer-form-invalid', 'zh');

    // A code another customer holds: the server's refusal lands on the field, with a way to that customer.
    await form.locator('#uscc').fill(taken.uscc);
    await form.locator('#uscc').press('Enter');
    await expect
      .poll(() => errors(form))
      .toEqual([formatError('CUSTOMER_USCC_TAKEN', 'zh-CN', { uscc: taken.uscc, name: taken.name })]);
    expect(await form.getByTestId('uscc-existing').getAttribute('href')).toBe(`/customers/${taken.id}`);
    await shootDialog(page, 'customer-form-taken', 'zh');

    await form.locator('#uscc').fill(USCC);
    await form.locator('#uscc').press('Enter');
    await page.waitForURL((u) => /^\/customers\/[0-9a-f-]{36}$/.test(u.pathname));
    const customerUrl = new URL(page.url()).pathname;
    await settle(page, NAME);
    const profile = page.locator('.ant-descriptions');
    expect(await profile.textContent()).toContain(`1,234.5 ${text('zh', 'customers.wanyuan')}`);
    expect(await profile.textContent()).toContain(text('zh', 'customers.industries.manufacturing'));
    expect(await page.locator('h4 .ant-tag').textContent()).toBe(text('zh', 'customers.statuses.prospect'));

    await openTab(page, 'zh', 'contacts');
    await page.getByRole('button', { name: text('zh', 'customers.contacts.create') }).click();
    const contact = dialog(page);
    await contact.locator('#name').fill('林晓东');
    await contact.locator('#title').fill('总经理');
    await contact.locator('#mobile').fill('139 1234 5678');
    await contact.locator('#email').fill('lin@lanjing-marine.cn');
    await pickOption(page, contact, '#roles', '签约人');
    expect(await contact.locator('#isPrimary').isChecked()).toBe(true);
    await contact.locator('.ant-btn-primary').click();
    await contact.waitFor({ state: 'detached' });
    const contactRow = page.locator(`${TAB} .ant-table-row`, { hasText: '林晓东' });
    await expect.poll(() => contactRow.textContent()).toContain('13912345678');
    expect(await contactRow.textContent()).toContain(text('zh', 'customers.contacts.primary'));

    await openTab(page, 'zh', 'documents');
    await page.getByRole('button', { name: text('zh', 'customers.documents.upload') }).click();
    const upload = dialog(page);
    const pick = async (name: string, buffer: Buffer) => {
      await upload.locator('input[type=file]').setInputFiles({ name, mimeType: 'application/pdf', buffer });
      await upload.locator('.ant-upload-list-item', { hasText: name }).waitFor();
    };
    // Named .pdf but not one: the server looks at the bytes, and its refusal shows under the file.
    await pick('扫描件.pdf', Buffer.from('just some text'));
    const today = todayIn('Asia/Shanghai');
    await upload.locator('#documentNo').fill(USCC);
    await upload.locator('#issuedOn').fill(addYears(today, -3));
    await upload.locator('#issuedOn').press('Tab');
    await upload.locator('#expiresOn').fill(addDays(today, 400));
    // Enter takes the typed date and, as in every form here, submits.
    await upload.locator('#expiresOn').press('Enter');
    await expect.poll(() => errors(upload)).toEqual([formatError('DOCUMENT_TYPE_NOT_ALLOWED', 'zh-CN')]);
    await pick('营业执照.pdf', await licencePdf());
    await expect
      .poll(() => upload.locator('.ant-upload-list-item').allTextContents())
      .toEqual(['营业执照.pdf']);
    await upload.locator('.ant-btn-primary').click();
    await upload.waitFor({ state: 'detached' });
    const docRow = page.locator(`${TAB} .ant-table-row`, { hasText: '营业执照.pdf' });
    await expect.poll(() => docRow.textContent()).toContain(text('zh', 'customers.validity.valid'));
    expect(await docRow.textContent()).toContain(text('zh', 'customers.documentKinds.business_licence'));
    expect(await docRow.textContent()).toContain(`${addYears(today, -3)} ~ ${addDays(today, 400)}`);
    const file = await page.request.get((await docRow.locator('a[download]').getAttribute('href'))!);
    expect((await file.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await docRow.getByRole('button', { name: text('zh', 'customers.documents.verify') }).click();
    await docRow.getByRole('button', { name: text('zh', 'customers.documents.unverify') }).waitFor();

    await page.getByRole('button', { name: text('zh', 'common.edit') }).click();
    const edit = dialog(page);
    await pickOption(page, edit, '#scale', '中型', edit.locator('.ant-select-content', { hasText: '中型' }));
    await edit.locator('#registeredCapital').fill('2000');
    await edit.locator('#registeredCapital').press('Enter');
    await edit.waitFor({ state: 'detached' });

    await openTab(page, 'zh', 'timeline');
    const actions = page.getByTestId('timeline-entry').locator('strong');
    await expect
      .poll(() => actions.allTextContents())
      .toEqual(
        ['customer.update', 'document.verify', 'document.upload', 'contact.create', 'customer.create'].map(
          (a) => text('zh', `customers.timeline.actions.${a}`),
        ),
      );
    const update = page.getByTestId('timeline-entry').first();
    expect(await update.textContent()).toContain(
      `${text('zh', 'customers.fields.registeredCapital')}：1234.5 万元 → 2000 万元`,
    );
    expect(await update.textContent()).toContain(`${text('zh', 'customers.fields.scale')}：— → 中型`);
    await shootTabs(page, 'zh');

    // Found again by a part from the middle of its name.
    await openList(page, 'zh');
    await page.locator('#customer-search').fill(PART);
    await page.locator('#customer-search').press('Enter');
    const rows = page.locator('.ant-table-row');
    await expect.poll(() => rows.allTextContents()).toEqual([expect.stringContaining(NAME)]);
    expect(await rows.first().textContent()).toContain('林晓东');
    await settle(page);
    await screenshot(page, 'customers-search', 'zh');

    await switchLanguage(page, 'en');
    await page.locator('#customer-search').fill('');
    await page.locator('#customer-search').press('Enter');
    await expect.poll(() => rows.count()).toBeGreaterThan(1);
    await settle(page);
    await screenshot(page, 'customers-list', 'en');

    // A name close to one on file is a warning the user may override.
    await page.getByRole('button', { name: text('en', 'customers.create') }).click();
    const second = dialog(page);
    await expect
      .poll(() => second.locator('#name').evaluate((el) => el === document.activeElement))
      .toBe(true);
    await second.locator('#name').fill(SIMILAR_NAME);
    await second.locator('#uscc').fill(WRONG_USCC);
    await second.locator('#uscc').press('Enter');
    await expect.poll(() => errors(second)).toEqual([validationMessage('uscc.check_character', 'en')]);
    await settle(page);
    await shootDialog(page, 'customer-form-invalid', 'en');
    await second.locator('#uscc').fill(SIMILAR_USCC);
    await second.locator('#uscc').press('Enter');
    const warning = second.locator('.ant-alert-warning');
    await warning.waitFor();
    expect(await warning.locator('a', { hasText: NAME }).getAttribute('href')).toBe(customerUrl);
    await settle(page);
    await shootDialog(page, 'customer-form-similar', 'en');
    await warning.getByRole('button', { name: text('en', 'customers.similar.saveAnyway') }).click();
    await page.waitForURL((u) => u.pathname.startsWith('/customers/') && u.pathname !== customerUrl);
    // The new customer's page shows it; nothing is photographed here, so no need to wait for stillness.
    await page.locator('h4', { hasText: SIMILAR_NAME }).first().waitFor();

    await page.goto(customerUrl);
    await settle(page, NAME);
    await shootTabs(page, 'en');
    await context.close();
  });

  it('shows a read-only role the list and the 360° view without ways to change them', async () => {
    const { context, page } = await newPage(stage);
    await signIn(page, 'finance');
    await openList(page, 'zh');
    expect(await page.getByRole('button', { name: text('zh', 'customers.create') }).count()).toBe(0);
    const href = await page.getByRole('link', { name: text('zh', 'customers.export') }).getAttribute('href');
    expect(href).toBe('/api/v1/customers/export.xlsx?sort=name');
    expect((await page.request.get(href!)).headers()['content-type']).toContain('spreadsheetml');

    const first = page.locator('.ant-table-row').first();
    const name = (await first.locator('a').first().textContent()) ?? '';
    await first.locator('a').first().click();
    await settle(page, name);
    expect(await page.getByRole('button', { name: text('zh', 'common.edit') }).count()).toBe(0);
    expect(await page.getByRole('button', { name: text('zh', 'customers.blacklist.action') }).count()).toBe(
      0,
    );
    await openTab(page, 'zh', 'contacts');
    await page.locator(`${TAB} .ant-table-row`).first().waitFor();
    expect(await page.getByRole('button', { name: text('zh', 'customers.contacts.create') }).count()).toBe(0);
    expect(await page.locator(`${TAB} th`, { hasText: text('zh', 'common.actions') }).count()).toBe(0);
    await openTab(page, 'zh', 'documents');
    expect(await page.getByRole('button', { name: text('zh', 'customers.documents.upload') }).count()).toBe(
      0,
    );
    // The contracts tab lists this customer's contracts (none for the first prospect), read-only.
    await openTab(page, 'zh', 'contracts');
    expect(await page.locator(`${TAB} .ant-empty-description`).textContent()).toBe(
      text('zh', 'contracts.customerEmpty'),
    );
    await screenshot(page, 'customer-readonly', 'zh');
    await context.close();
  });

  it('lets management blacklist a customer with a reason that the profile then shows', async () => {
    const { context, page } = await newPage(stage);
    await signIn(page, 'management');
    await openList(page, 'zh');
    expect(await page.getByRole('button', { name: text('zh', 'customers.create') }).count()).toBe(0);
    const row = page
      .locator('.ant-table-row', { hasText: text('zh', 'customers.statuses.prospect') })
      .first();
    const name = (await row.locator('a').first().textContent()) ?? '';
    await row.locator('a').first().click();
    await settle(page, name);
    await page.getByRole('button', { name: text('zh', 'customers.blacklist.action') }).click();
    const modal = dialog(page);
    await modal.locator('#reason').fill('转租');
    await modal.locator('.ant-btn-primary').click();
    await expect.poll(() => errors(modal)).toEqual([text('zh', 'customers.blacklist.reasonLength')]);
    await modal.locator('#reason').fill('擅自转租并改变房屋用途');
    await modal.locator('.ant-btn-primary').click();
    await modal.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.locator('h4 .ant-tag').textContent())
      .toBe(text('zh', 'customers.statuses.blacklisted'));
    expect(await page.locator('.ant-alert-error').textContent()).toContain('擅自转租并改变房屋用途');
    await page.getByRole('button', { name: text('zh', 'customers.blacklist.undo') }).waitFor();
    await toastsGone(page);
    await settle(page);
    await screenshot(page, 'customer-blacklisted', 'zh');
    await context.close();
  });
});
