import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { REVIEW_STAGES, type ReviewStage, STAGE_ROLE } from '../common/applications/machine.ts';
import { addMonths, startOfMonth, todayIn } from '../common/dates.ts';
import { STAGE_CHECKLISTS } from '../common/schemas/applications.ts';
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

vi.setConfig({ testTimeout: 240_000, hookTimeout: 120_000 });

const skip = missingBrowser();
/** The form starts on the first of next month in the organization's calendar. */
const START = startOfMonth(addMonths(todayIn('Asia/Shanghai'), 1));

interface Customer {
  id: string;
  name: string;
}
interface Unit {
  id: string;
  code: string;
  grossArea: string;
}

/**
 * A demo customer whose business licence and tax registration are on file and valid today (or not, with
 * `valid: false`: one whose licence has expired), found through the API as the signed-in user.
 */
function customerWith(page: Page, valid: boolean): Promise<Customer> {
  return page.evaluate(async (valid) => {
    const list = await (await fetch('/api/v1/customers?limit=200&status=prospect')).json();
    for (const c of list.items as { id: string; name: string }[]) {
      const docs = (await (await fetch(`/api/v1/customers/${c.id}/documents`)).json()) as {
        kind: string;
        validity: string;
      }[];
      const state = (kind: string) => docs.find((d) => d.kind === kind)?.validity;
      const usable = (v: string | undefined) => v !== undefined && v !== 'expired';
      const fits = valid
        ? usable(state('business_licence')) && usable(state('tax_registration'))
        : state('business_licence') === 'expired' && usable(state('tax_registration'));
      if (fits) return { id: c.id, name: c.name };
    }
    throw new Error(`no demo customer with ${valid ? 'valid' : 'an expired licence and valid'} documents`);
  }, valid);
}

/** An office unit vacant on the start date, to propose on the form. */
function vacantOffice(page: Page): Promise<Unit> {
  return page.evaluate(async (start) => {
    const res = await fetch(`/api/v1/units?status=vacant&type=office&asOf=${start}&limit=1`);
    const unit = (await res.json()).items[0];
    if (!unit) throw new Error('no vacant office unit');
    return unit;
  }, START);
}

const statusTag = (page: Page) => page.locator('h4 .ant-tag').textContent();

/** Opens the list from the menu: every staff role has the entry. */
async function openList(page: Page, language: Language) {
  await page.locator('.ant-layout-sider a[href="/applications"]').click();
  await settle(page, text(language, 'nav.applications'));
}

/** Fills the form for `customer`, proposing `unit`, and saves it (as a draft, or submitting it). */
async function fillForm(page: Page, customer: Customer, unit: Unit | null) {
  await pickOption(
    page,
    page,
    '#customerId',
    customer.name,
    page.locator('.ant-select-content', { hasText: customer.name }),
  );
  await page.locator('#areaMin').fill('150');
  await page.locator('#areaMax').fill('400');
  await page.locator('#occupants').fill('24');
  if (unit) await pickOption(page, page, '#unitIds', unit.code);
  await page.locator('#useDescription').fill('研发办公');
  await page.locator('#terms_price').fill('4.8');
  await page.locator('#notes').fill('客户希望年底前入驻，可接受季付。');
  // Typing scrolled the page; a full-page shot starts at the top, where the sticky menu is.
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** The reviewer of `stage` ticks every item of its checklist and approves. */
async function approve(page: Page, stage: ReviewStage, language: Language, shot?: string) {
  const panel = page.getByTestId('review-panel');
  await panel.waitFor();
  expect(await panel.locator('.ant-card-head-title').textContent()).toContain(
    text(language, `applications.stages.${stage}`),
  );
  for (const [key, field] of Object.entries(STAGE_CHECKLISTS[stage].shape)) {
    if (field.def.type === 'boolean') await panel.locator(`#checklist_${key}`).check();
    // Finance's deposit starts at the system's recommendation.
    else expect(await panel.locator(`#checklist_${key}`).inputValue()).toMatch(/^\d+$/);
  }
  await panel.locator('#comment').fill(`${text(language, `applications.stages.${stage}`)}：同意。`);
  if (shot) {
    await settle(page);
    await screenshot(page, shot, language);
  }
  const next = REVIEW_STAGES[REVIEW_STAGES.indexOf(stage) + 1];
  // Wait for the decision itself: on a loaded machine the page can take longer than a poll to show it,
  // and a refused decision should fail here with the server's words.
  const [decided] = await Promise.all([
    page.waitForResponse(
      (r) => r.request().method() === 'POST' && /\/reviews$/.test(new URL(r.url()).pathname),
    ),
    panel.getByTestId('review-submit').click(),
  ]);
  expect(decided.status(), await decided.text()).toBe(200);
  await expect
    .poll(() => statusTag(page), { timeout: 15_000 })
    .toBe(text(language, `applications.statuses.${next ?? 'approved'}`));
  await panel.waitFor({ state: 'detached' });
}

describe.skipIf(skip !== null)('admission journeys', () => {
  let stage: Stage;

  beforeAll(async () => {
    stage = await openStage();
  });
  afterAll(async () => {
    await stage?.close();
  });

  it('business files an application that each department approves in turn, and the notice downloads', async () => {
    // Business: the form, then the business review of its own department.
    const business = await newPage(stage);
    let page = business.page;
    await signIn(page, 'business');
    const customer = await customerWith(page, true);
    const unit = await vacantOffice(page);
    await openList(page, 'zh');
    await page.getByRole('button', { name: text('zh', 'applications.create') }).click();
    await settle(page, text('zh', 'applications.form.createTitle'));
    await fillForm(page, customer, unit);
    await settle(page);
    await screenshot(page, 'application-form', 'zh');
    await page.getByRole('button', { name: text('zh', 'applications.saveAndSubmit') }).click();
    await page.waitForURL((u) => /^\/applications\/[0-9a-f-]{36}$/.test(u.pathname));
    const applicationUrl = new URL(page.url()).pathname;
    await expect.poll(() => statusTag(page)).toBe(text('zh', 'applications.statuses.business_review'));
    const number = (await page.getByTestId('application-number').textContent()) ?? '';
    expect(number).toMatch(/^SQ-\d{4}-\d{6}$/);
    expect(await page.getByTestId('proposed-terms').textContent()).toContain('0.05%/日');
    await approve(page, 'business_review', 'zh');
    await business.context.close();

    // Legal, finance and management: each finds it waiting in the menu and in their inbox.
    for (const next of ['legal_review', 'finance_review', 'management_approval'] as const) {
      const reviewer = await newPage(stage);
      page = reviewer.page;
      await signIn(page, STAGE_ROLE[next]);
      const badge = page.getByTestId('inbox-badge');
      await expect.poll(async () => Number(await badge.textContent())).toBeGreaterThanOrEqual(1);
      await openList(page, 'zh');
      // Reviewers land on "waiting for me".
      const row = page.locator('.ant-table-row', { hasText: number });
      await row.waitFor();
      expect(await row.textContent()).toContain(text('zh', `applications.statuses.${next}`));
      if (next === 'legal_review') {
        await settle(page);
        await screenshot(page, 'applications-inbox', 'zh');
      }
      await row.locator('a', { hasText: number }).click();
      await settle(page, number);
      expect(new URL(page.url()).pathname).toBe(applicationUrl);
      const steps = page.locator('[data-testid=stage-tracker] .ant-steps-item');
      const done = REVIEW_STAGES.indexOf(next);
      await expect
        .poll(() =>
          steps.evaluateAll((els) => els.map((el) => el.className.match(/ant-steps-item-(\w+)/)?.[1])),
        )
        .toEqual([...Array(done).fill('finish'), 'process', ...Array(4 - done).fill('wait')]);
      await approve(page, next, 'zh', next === 'finance_review' ? 'application-review' : undefined);
      if (next !== 'management_approval') await reviewer.context.close();
    }

    // Management's approval issued the notice: the PDF downloads and the page shows it in both languages.
    const notice = page.getByTestId('notice');
    await notice.waitFor();
    const pdf = await page.request.get((await notice.getByTestId('notice-pdf').getAttribute('href'))!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    const print = await page.request.get((await notice.locator('a[target=_blank]').getAttribute('href'))!);
    expect(print.headers()['content-type']).toContain('text/html');
    expect(await print.text()).toContain(customer.name);
    const history = page.getByTestId('review-entry');
    expect(await history.count()).toBe(4);
    await toastsGone(page);
    await settle(page);
    await screenshot(page, 'application-approved', 'zh');
    await switchLanguage(page, 'en');
    await expect.poll(() => statusTag(page)).toBe(text('en', 'applications.statuses.approved'));
    await settle(page);
    await screenshot(page, 'application-approved', 'en');

    await page.locator('.ant-layout-sider a[href="/applications/stats"]').click();
    await settle(page, text('en', 'nav.applicationStats'));
    await expect
      .poll(() => page.getByTestId('stat-approved').locator('.ant-statistic-content').textContent())
      .not.toBe('0');
    await screenshot(page, 'applications-stats', 'en');
    await switchLanguage(page, 'zh');
    await settle(page, text('zh', 'nav.applicationStats'));
    await screenshot(page, 'applications-stats', 'zh');
    await page.context().close();

    // The applicant side sees it approved in the list and on the customer's page.
    const again = await newPage(stage, 'en');
    page = again.page;
    await signIn(page, 'business');
    await openList(page, 'en');
    const row = page.locator('.ant-table-row', { hasText: number });
    expect(await row.textContent()).toContain(text('en', 'applications.statuses.approved'));
    await settle(page);
    await screenshot(page, 'applications-list', 'en');
    await switchLanguage(page, 'zh');
    await settle(page);
    await screenshot(page, 'applications-list', 'zh');
    await page.goto(`/customers/${customer.id}?tab=applications`);
    await settle(page, customer.name);
    const tabRow = page.locator('[role=tabpanel][aria-hidden=false] .ant-table-row', { hasText: number });
    await tabRow.waitFor();
    expect(await tabRow.textContent()).toContain(text('zh', 'applications.statuses.approved'));
    expect(await tabRow.locator('a[href$="/notice.pdf"]').textContent()).toMatch(/^ZR-\d{4}-\d{6}$/);
    await screenshot(page, 'customer-applications', 'zh');
    await again.context.close();
  });

  it('sends a returned application back to the stage that returned it once changed', async () => {
    const applicant = await newPage(stage);
    let page = applicant.page;
    await signIn(page, 'business');
    const customer = await customerWith(page, true);
    await page.goto('/applications/new');
    await settle(page, text('zh', 'applications.form.createTitle'));
    await fillForm(page, customer, null);
    // 千分之一 a day: above the organization's limit (万分之五), which legal will not accept.
    await page.locator('#terms_penaltyRatePerDay').fill('0.1');
    await page.getByRole('button', { name: text('zh', 'applications.saveAndSubmit') }).click();
    await page.waitForURL((u) => /^\/applications\/[0-9a-f-]{36}$/.test(u.pathname));
    const applicationUrl = new URL(page.url()).pathname;
    await approve(page, 'business_review', 'zh');
    await applicant.context.close();

    const legal = await newPage(stage);
    page = legal.page;
    await signIn(page, 'legal');
    await page.goto(applicationUrl);
    const panel = page.getByTestId('review-panel');
    await panel.waitFor();
    expect(await page.getByTestId('check-penalty').getAttribute('data-flag')).toBe('false');
    await panel.getByText(text('zh', 'applications.decisions.return'), { exact: true }).click();
    await panel.getByTestId('review-submit').click();
    // A return needs a comment: the form says so before asking the server.
    await expect
      .poll(() => panel.locator('.ant-form-item-explain-error').allTextContents())
      .toEqual([text('zh', 'applications.review.commentRequired')]);
    const why = '滞纳金日费率千分之一超过机构上限，请与客户协商调整为万分之五后重新提交。';
    await panel.locator('#comment').fill(why);
    await panel.getByTestId('review-submit').click();
    await expect.poll(() => statusTag(page)).toBe(text('zh', 'applications.statuses.returned'));
    await legal.context.close();

    const again = await newPage(stage);
    page = again.page;
    await signIn(page, 'business');
    await page.goto(applicationUrl);
    await settle(page, text('zh', 'applications.statuses.returned'));
    expect(await page.locator('.ant-alert-warning').textContent()).toContain(why);
    await toastsGone(page);
    await screenshot(page, 'application-returned', 'zh');
    await page.getByRole('button', { name: text('zh', 'common.edit') }).click();
    await page.locator('#terms_penaltyRatePerDay').waitFor();
    expect(await page.locator('#terms_penaltyRatePerDay').inputValue()).toBe('0.1');
    await page.locator('#terms_penaltyRatePerDay').fill('0.05');
    await page.getByRole('button', { name: text('zh', 'applications.saveAndResubmit') }).click();
    await page.waitForURL((u) => u.pathname === applicationUrl);
    await expect.poll(() => statusTag(page)).toBe(text('zh', 'applications.statuses.legal_review'));
    await expect.poll(() => page.getByTestId('check-penalty').getAttribute('data-flag')).toBe('true');
    expect(await page.getByTestId('review-entry').count()).toBe(2);
    await again.context.close();
  });

  it('keeps the draft and shows the server’s reason when an expired licence blocks submission', async () => {
    const { context, page } = await newPage(stage, 'en');
    await signIn(page, 'business');
    const customer = await customerWith(page, false);
    await page.goto('/applications/new');
    await settle(page, text('en', 'applications.form.createTitle'));
    // Nothing filled in: the form says what is missing before anything is sent.
    await page.getByRole('button', { name: text('en', 'applications.saveDraft') }).click();
    const errors = page.locator('.ant-form-item-explain-error');
    await expect.poll(() => errors.count()).toBeGreaterThanOrEqual(4);
    await page.locator('#terms_penaltyRatePerDay').fill('120');
    await page.locator('#terms_penaltyRatePerDay').press('Tab');
    await expect
      .poll(() => errors.allTextContents())
      .toContain(text('en', 'applications.form.percentFormat'));
    // Focus moved down the form; a full-page shot starts at the top, where the menu is.
    await page.evaluate(() => window.scrollTo(0, 0));
    await settle(page);
    await screenshot(page, 'application-form-invalid', 'en');

    await fillForm(page, customer, null);
    await page.locator('#terms_penaltyRatePerDay').fill('0.05');
    await page.getByRole('button', { name: text('en', 'applications.saveAndSubmit') }).click();
    await page.waitForURL((u) => /^\/applications\/[0-9a-f-]{36}$/.test(u.pathname));
    const alert = page.getByTestId('submit-error');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('business licence expired on');
    expect(await statusTag(page)).toBe(text('en', 'applications.statuses.draft'));
    await toastsGone(page);
    await settle(page);
    await screenshot(page, 'application-submit-refused', 'en');
    await context.close();
  });
});
