import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatError } from '../common/errors.ts';
import { STAFF_ROLES, type StaffRole } from '../common/roles.ts';
import { validationMessage } from '../common/validators/messages.ts';
import {
  type Language,
  menu,
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
import { MESSAGE, NOTIFICATIONS, stubMessaging } from './stubs.ts';

const skip = missingBrowser();

const LABELS: Record<string, string> = {
  '/': 'nav.home',
  '/notifications': 'nav.notifications',
  '/users': 'nav.users',
  '/settings/organization': 'nav.organization',
  '/audit': 'nav.audit',
  '/jobs': 'nav.jobs',
  '/outbox': 'nav.outbox',
};
const EVERYONE = ['/', '/notifications'];
const MENUS: Record<StaffRole, string[]> = {
  admin: ['/', '/notifications', '/users', '/settings/organization', '/audit', '/jobs', '/outbox'],
  business: EVERYONE,
  legal: EVERYONE,
  finance: EVERYONE,
  management: ['/', '/notifications', '/audit'],
  service: EVERYONE,
};
const expectedMenu = (role: StaffRole, language: Language) =>
  MENUS[role].map((path) => [path, text(language, LABELS[path]!)]);

/** Every page of the administrator, visited through the menu, one screenshot each. */
async function tourAdminPages(page: Page, language: Language) {
  for (const [path, key] of Object.entries(LABELS)) {
    if (path === '/') continue;
    await page.locator(`.ant-layout-sider a[href="${path}"]`).click();
    await settle(page, text(language, key));
    await screenshot(page, `admin-${path.split('/').pop()}`, language);
  }
  await page.getByTestId('notification-bell').click();
  await page.locator('.ant-popover', { hasText: text(language, 'notifications.viewAll') }).waitFor();
  await settle(page);
  await screenshot(page, 'admin-bell', language);
  await page.keyboard.press('Escape');
}

describe.skipIf(skip !== null)('browser journeys (issue 3 §6)', () => {
  let stage: Stage;

  beforeAll(async () => {
    stage = await openStage();
  });
  afterAll(async () => {
    await stage?.close();
  });

  it('shows the login page, and the server message for a wrong password in each language', async () => {
    const { context, page } = await newPage(stage);
    await page.goto('/login');
    await settle(page);
    await screenshot(page, 'login', 'zh');
    for (const language of ['zh', 'en'] as const) {
      if (language === 'en') await switchLanguage(page, 'en');
      await page.locator('#username').fill('service');
      await page.locator('#password').fill('not-the-password');
      await page.locator('#password').press('Enter');
      const alert = page.locator('.ant-alert-error');
      await expect
        .poll(() => alert.textContent())
        .toBe(formatError('AUTH_INVALID_CREDENTIALS', language === 'en' ? 'en' : 'zh-CN'));
      expect(new URL(page.url()).pathname).toBe('/login');
      await screenshot(page, 'login-wrong-password', language);
    }
    await page.locator('#username').fill('');
    await page.locator('#password').fill('');
    await screenshot(page, 'login', 'en');
    await context.close();
  });

  it('signs each staff role in and shows exactly the menu of that role', { timeout: 60_000 }, async () => {
    for (const role of STAFF_ROLES) {
      const { context, page } = await newPage(stage);
      await signIn(page, role);
      expect(await menu(page), `${role} in Chinese`).toEqual(expectedMenu(role, 'zh'));
      await settle(page);
      await screenshot(page, `home-${role}`, 'zh');
      if (role === 'admin') await tourAdminPages(page, 'zh');

      await switchLanguage(page, 'en');
      expect(await menu(page), `${role} in English`).toEqual(expectedMenu(role, 'en'));
      if (role === 'admin') {
        await tourAdminPages(page, 'en');
        await page.locator('.ant-layout-sider a[href="/"]').click();
      }
      await settle(page);
      await screenshot(page, `home-${role}`, 'en');
      await context.close();
    }
  });

  it('lets an administrator create a user who can then sign in', async () => {
    const admin = await newPage(stage);
    await signIn(admin.page, 'admin');
    const page = admin.page;
    await page.goto('/users');
    await settle(page, text('zh', 'nav.users'));
    await page.getByRole('button', { name: text('zh', 'users.create') }).click();
    const dialog = page.getByRole('dialog');
    await expect
      .poll(() => dialog.locator('#username').evaluate((el) => el === document.activeElement))
      .toBe(true);
    await dialog.locator('#username').fill('zhou.ceshi');
    await dialog.locator('#displayName').fill('周测试');
    await dialog.locator('#email').fill('zhou@');
    await dialog.locator('#phone').fill('138 0013 8000');
    await dialog.locator('#roles').fill('业务');
    await dialog.locator('#roles').press('Enter');
    await dialog.locator('.ant-modal-title').click();
    await dialog.locator('#password').fill('zhou-password-1');
    await dialog.locator('#password').press('Enter');
    await expect
      .poll(() => dialog.locator('.ant-form-item-explain-error').allTextContents())
      .toEqual([validationMessage('email.format', 'zh-CN')]);
    await screenshot(page, 'users-create-invalid', 'zh');

    await dialog.locator('#email').fill('zhou@example.cn');
    await dialog.locator('#email').press('Enter');
    await dialog.waitFor({ state: 'detached' });
    const row = page.locator('.ant-table-row', { hasText: 'zhou.ceshi' });
    await expect.poll(() => row.textContent()).toContain(text('zh', 'roles.business'));
    await screenshot(page, 'users-created', 'zh');
    await admin.context.close();

    const newcomer = await newPage(stage, 'en');
    await signIn(newcomer.page, 'zhou.ceshi', 'zhou-password-1');
    await settle(newcomer.page, text('en', 'home.welcome').replace('{{name}}', '周测试'));
    expect(await menu(newcomer.page)).toEqual(expectedMenu('business', 'en'));
    await screenshot(newcomer.page, 'home-new-user', 'en');
    await newcomer.context.close();
  });

  it('keeps the organization settings, with VAT rates typed as percentages', async () => {
    const { context, page } = await newPage(stage);
    await signIn(page, 'admin');
    await page.goto('/settings/organization');
    await settle(page, text('zh', 'nav.organization'));
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('name');
    expect(await page.locator('#vat_rent').inputValue()).toBe('9');
    expect(await page.locator('#vat_electricity').inputValue()).toBe('13');

    await page.locator('#uscc').fill('91350100m000100y44');
    await page.locator('#name').press('Enter');
    const errors = page.locator('.ant-form-item-explain-error');
    await expect
      .poll(() => errors.allTextContents())
      .toEqual([validationMessage('uscc.check_character', 'zh-CN')]);
    await screenshot(page, 'organization-invalid', 'zh');

    await page.locator('#uscc').fill('91350100M000100Y43');
    await page.locator('#vat_rent').fill('10.5');
    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/organization') && r.request().method() === 'PATCH',
    );
    await page.locator('#name').press('Enter');
    const body = (await (await saved).json()) as { settings: { vatRates: { rent: string } } };
    expect(body.settings.vatRates.rent).toBe('0.105');

    await switchLanguage(page, 'en');
    await page.reload();
    await settle(page, text('en', 'nav.organization'));
    expect(await page.locator('#vat_rent').inputValue()).toBe('10.5');
    await screenshot(page, 'organization-saved', 'en');
    await context.close();
  });

  it('shows notifications in the bell and e-mail in the outbox, and acts on them', async () => {
    const { context, page } = await newPage(stage);
    await signIn(page, 'admin');
    const writes = await stubMessaging(context);
    await page.reload();
    const badge = page.locator('.ant-badge', { has: page.getByTestId('notification-bell') });
    await expect.poll(() => badge.locator('.ant-badge-count').textContent()).toBe('1');

    await page.getByTestId('notification-bell').click();
    const rows = page.locator('.ant-popover').getByTestId('notification-row');
    await expect.poll(() => rows.count()).toBe(2);
    await settle(page);
    await screenshot(page, 'bell-with-items', 'zh');
    await rows.first().click();
    await page.waitForURL((u) => u.pathname === '/users');
    expect(writes).toEqual([`/api/v1/notifications/${NOTIFICATIONS[0]!.id}/read`]);
    await page.locator('.ant-layout-sider a[href="/notifications"]').click();
    await settle(page, text('zh', 'nav.notifications'));
    expect(await page.locator('.ant-table-row').count()).toBe(2);
    await screenshot(page, 'notifications-with-items', 'zh');

    await page.locator('.ant-layout-sider a[href="/outbox"]').click();
    await settle(page, text('zh', 'nav.outbox'));
    const row = page.locator('.ant-table-row', { hasText: MESSAGE.subject });
    expect(await row.textContent()).toContain(text('zh', 'outbox.statuses.failed'));
    await row.click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('贵司 3 月租金').waitFor();
    const attachment = drawer.getByRole('link', { name: MESSAGE.attachments[0]!.filename });
    expect(await attachment.getAttribute('href')).toBe(`/api/v1/outbox/${MESSAGE.id}/attachments/0`);
    expect(await attachment.getAttribute('target')).toBe('_blank');
    await settle(page);
    await screenshot(page, 'outbox-message', 'zh');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    await switchLanguage(page, 'en');
    await row.click();
    await drawer.getByText('贵司 3 月租金').waitFor();
    await settle(page);
    await screenshot(page, 'outbox-message', 'en');
    await drawer.getByRole('button', { name: text('en', 'outbox.retry') }).click();
    await expect.poll(() => writes.at(-1)).toBe(`/api/v1/outbox/${MESSAGE.id}/retry`);
    await page.locator('.ant-message', { hasText: text('en', 'outbox.retried') }).waitFor();
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await page.getByTestId('notification-bell').click();
    await page.locator('.ant-popover', { hasText: text('en', 'notifications.markAllRead') }).waitFor();
    await settle(page);
    await screenshot(page, 'bell-with-items', 'en');
    await page
      .locator('.ant-popover')
      .getByRole('link', { name: text('en', 'notifications.viewAll') })
      .click();
    await settle(page, text('en', 'nav.notifications'));
    await screenshot(page, 'notifications-with-items', 'en');
    await context.close();
  });

  it('switches to English and back to Chinese, and each choice survives a reload', async () => {
    const { context, page } = await newPage(stage);
    await signIn(page, 'business');
    const homeLabel = () => page.locator('.ant-layout-sider a[href="/"]').textContent();
    expect(await homeLabel()).toBe(text('zh', 'nav.home'));

    await switchLanguage(page, 'en');
    expect(await homeLabel()).toBe(text('en', 'nav.home'));
    await page.reload();
    await settle(page, text('en', 'home.welcome').replace('{{name}}', '王业务'));
    expect(await homeLabel()).toBe(text('en', 'nav.home'));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await screenshot(page, 'language-after-reload', 'en');

    await switchLanguage(page, 'zh');
    await page.reload();
    await settle(page, text('zh', 'home.welcome').replace('{{name}}', '王业务'));
    expect(await homeLabel()).toBe(text('zh', 'nav.home'));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await screenshot(page, 'language-after-reload', 'zh');
    await context.close();
  });
});
