import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { type Spawned, spawnTenantry } from '../test/spawnServer.ts';
import en from '../web/src/locales/en.json';
import zhCN from '../web/src/locales/zh-CN.json';

export type Language = 'zh' | 'en';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const SCREENSHOTS = path.resolve('e2e/screenshots');
const WEB_INDEX = path.resolve('web/dist/index.html');

/** Why the journeys cannot run here, or null when they can. In CI a missing browser is a failure. */
export function missingBrowser(): string | null {
  if (fs.existsSync(CHROMIUM)) return null;
  const reason = `Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH)`;
  if (process.env.CI === 'true') throw new Error(`${reason}: the browser journeys must run in CI`);
  console.warn(`Skipping the browser journeys: ${reason}`);
  return reason;
}

/** One server on a fresh demo database and one browser, shared by the journeys of a file. */
export interface Stage {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Starts the server on a copy of the demo the run seeded once (test/globalSetup.ts): its data directory and,
 * when the tests run on PostgreSQL, a database cloned from the seeded one, so the journeys use the database
 * under test.
 */
export async function openStage(): Promise<Stage> {
  if (!fs.existsSync(WEB_INDEX)) throw new Error(`${WEB_INDEX} is missing: run \`npm run build:web\` first`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tenantry-e2e-'));
  fs.cpSync(inject('demoDir'), dir, { recursive: true });
  const env: Record<string, string> = { TENANTRY_DATA_DIR: dir, PORT: '0', TENANTRY_SCHEDULER: 'off' };
  const pgDemo = inject('pgDemo');
  let admin: pg.Client | null = null;
  let database = '';
  if (pgDemo) {
    admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    database = `${pgDemo}_s${Math.random().toString(36).slice(2, 10)}`;
    await admin.query(`create database ${database} template ${pgDemo}`);
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${database}`;
    env.DATABASE_URL = url.toString();
  }
  const server: Spawned = spawnTenantry(['serve', '--demo'], env);
  const [url, browser] = await Promise.all([
    server.ready,
    chromium.launch({ executablePath: CHROMIUM, args: ARGS }),
  ]);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    url,
    browser,
    async close() {
      await browser.close().catch(() => {});
      if (server.proc.exitCode === null) server.proc.kill('SIGTERM');
      await server.exited;
      fs.rmSync(dir, { recursive: true, force: true });
      if (admin) {
        await admin.query(`drop database if exists ${database} with (force)`);
        await admin.end();
      }
    },
  };
}

/** A fresh context (own cookies and storage) in a zone other than the organization's. */
export async function newPage(
  stage: Stage,
  language: Language = 'zh',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await stage.browser.newContext({
    baseURL: stage.url,
    viewport: { width: 1280, height: 960 },
    locale: language === 'en' ? 'en-US' : 'zh-CN',
    timezoneId: 'America/Los_Angeles',
  });
  if (language === 'en') {
    await context.addInitScript(() => {
      if (!localStorage.getItem('tenantry.locale')) localStorage.setItem('tenantry.locale', 'en');
    });
  }
  const page = await context.newPage();
  page.setDefaultTimeout(20_000); // generous: CI runs this beside the other test files on two cores
  return { context, page };
}

type Tree = { [key: string]: string | Tree };

/** A text of the web app as the locale files have it, e.g. text('en', 'nav.users'). */
export function text(language: Language, key: string): string {
  let node: string | Tree = (language === 'en' ? en : zhCN) as Tree;
  for (const part of key.split('.')) {
    if (typeof node === 'string' || !(part in node)) throw new Error(`no text ${key}`);
    node = node[part]!;
  }
  if (typeof node !== 'string') throw new Error(`${key} is not a text`);
  return node;
}

export async function signIn(page: Page, username: string, password = 'tenantry-demo'): Promise<void> {
  await page.goto('/login');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('#password').press('Enter');
  await page.waitForURL((u) => u.pathname === '/');
}

/**
 * Waits until the page shows its header, has nothing left loading and nothing still opening or closing
 * (a popover caught while it zooms in is not in the screenshot at all).
 */
export async function settle(page: Page, title?: string): Promise<void> {
  if (title) await page.locator('h4', { hasText: title }).first().waitFor();
  await page
    .waitForFunction(() => {
      if (document.querySelector('.ant-spin-spinning, .ant-skeleton-active')) return false;
      // rc-motion marks an element `<motion>-appear` (or enter, leave) from before it starts until it ends.
      // The click ripple (2 s), the language switch's sliding thumb and a button's loading icon folding
      // away (whose transition end may never come when its width does not change) are decoration.
      const moving = /-(appear|enter|leave)(-(prepare|start|active))?$/;
      const candidates = document.querySelectorAll(
        ':is([class*="-appear"], [class*="-enter"], [class*="-leave"]):not(.ant-wave, .ant-segmented-thumb, .ant-btn-loading-icon)',
      );
      return ![...candidates].some((el) => [...el.classList].some((c) => moving.test(c)));
    })
    .catch(async (error: Error) => {
      // Say what never settled: a failure in CI is otherwise a bare timeout.
      const stuck = await page.evaluate(() =>
        [
          ...document.querySelectorAll(
            '.ant-spin-spinning, .ant-skeleton-active, [class*="-appear"], [class*="-enter"], [class*="-leave"]',
          ),
        ]
          .map((el) => el.className)
          .slice(0, 5),
      );
      throw new Error(`${error.message}; still moving or loading: ${JSON.stringify(stuck)}`);
    });
}

/** Waits until every toast (antd message) has gone, so a screenshot shows the page and not the last action. */
export async function toastsGone(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('.ant-message-notice').length === 0);
}

/** The side menu as [path, label] pairs. */
export async function menu(page: Page): Promise<[string, string][]> {
  const links = page.locator('.ant-layout-sider .ant-menu-item a');
  await links.first().waitFor();
  const hrefs = await links.evaluateAll((as) =>
    as.map((a) => [a.getAttribute('href') ?? '', a.textContent ?? '']),
  );
  return hrefs as [string, string][];
}

export async function switchLanguage(page: Page, language: Language): Promise<void> {
  await page
    .locator('.ant-segmented-item', { hasText: language === 'en' ? 'English' : '中文' })
    .first()
    .click();
  await page.waitForFunction(
    (lang) => document.documentElement.lang === lang,
    language === 'en' ? 'en' : 'zh-CN',
  );
}

/**
 * Screenshots are for the people who change a screen to look at; CI, where nobody does, skips the
 * full-page PNGs (a few seconds of CPU per file on two cores) unless E2E_SCREENSHOTS=1.
 */
const TAKE_SCREENSHOTS = process.env.CI !== 'true' || process.env.E2E_SCREENSHOTS === '1';

export async function screenshot(page: Page, name: string, language: Language): Promise<void> {
  if (!TAKE_SCREENSHOTS) return;
  // Park the pointer on the logo so no menu entry or row shows a hover state.
  await page.mouse.move(10, 10);
  await page.screenshot({
    path: path.join(SCREENSHOTS, `${name}-${language}.png`),
    fullPage: true,
    animations: 'disabled',
  });
}

/** The dialog in front: antd keeps closed ones in the page, hidden. */
export const openModal = (page: Page) =>
  page.locator('.ant-modal-wrap:not([style*="display: none"]) .ant-modal').last();

export async function closeModal(modal: Locator): Promise<void> {
  await modal.locator('.ant-modal-close').click();
  await modal.waitFor({ state: 'hidden' });
}

/** The whole page from its top, once toasts and motion are gone. */
export async function shot(page: Page, name: string, language: Language): Promise<void> {
  await toastsGone(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await settle(page);
  await screenshot(page, name, language);
}

/** Shoots a modal whole: the window grows to its height (a full-page shot cuts a fixed overlay). */
export async function modalShot(page: Page, modal: Locator, name: string, language: Language): Promise<void> {
  const height = Math.ceil((await modal.boundingBox())?.height ?? 0) + 200;
  await page.setViewportSize({ width: 1280, height: Math.max(960, height) });
  await settle(page);
  await screenshot(page, name, language);
  await page.setViewportSize({ width: 1280, height: 960 });
}

/** The page in Chinese, then in English, back to Chinese; `title` names the header to wait for. */
export async function bothLanguages(
  page: Page,
  name: string,
  title?: (language: Language) => string,
): Promise<void> {
  await shot(page, name, 'zh');
  await switchLanguage(page, 'en');
  await settle(page, title?.('en'));
  await shot(page, name, 'en');
  await switchLanguage(page, 'zh');
  await settle(page, title?.('zh'));
}

/**
 * Types into an antd Select and takes the filtered option, then waits for its tag (or `chosen`). On a busy machine the
 * list arrives late or is still animating and a keystroke or click can land on nothing, so it tries again,
 * but only while the tag is absent (a second click on a multiple select would take the choice back).
 */
export async function pickOption(
  page: Page,
  scope: Page | Locator,
  input: string,
  label: string,
  chosen: Locator = scope.locator('.ant-select-selection-item', { hasText: label }).first(),
) {
  const tag = chosen;
  const option = page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
      hasText: label,
    })
    .first();
  for (let attempt = 1; ; attempt++) {
    if (await tag.isVisible()) return;
    try {
      // Typing anew reopens a list that closed under us (focus moved while a dialog was still opening).
      await scope.locator(input).fill('');
      await scope.locator(input).fill(label);
      await option.click({ timeout: 5_000 });
      await tag.waitFor({ state: 'visible', timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 4) throw error;
    }
  }
}

/**
 * Opens a select without search (`selector` is its input) and takes the option labelled `label`. On a busy
 * machine a click can land while the list still animates and take nothing, so it tries again until the
 * choice shows in the select.
 */
export async function chooseOption(page: Page, scope: Page | Locator, selector: string, label: string) {
  const select = scope.locator('.ant-select', { has: page.locator(selector) });
  const option = page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
      hasText: label,
    })
    .first();
  const shown = async () => (await select.locator('.ant-select-content').textContent())?.includes(label);
  for (let attempt = 1; attempt <= 5; attempt++) {
    if (await shown()) return;
    try {
      if (!(await option.isVisible())) await select.click();
      await option.click({ timeout: 5_000 });
      await expect.poll(shown, { timeout: 2_000 }).toBe(true);
      return;
    } catch (error) {
      if (attempt === 5) throw error;
    }
  }
}

/**
 * Clicks, waits for the POST to `path` it sends and checks its status; returns its JSON. Postings write
 * bills and money: give them 60 s beside other journeys on two cores.
 */
export async function posting<T>(
  page: Page,
  path: RegExp,
  click: () => Promise<void>,
  status = 200,
): Promise<T> {
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && path.test(new URL(r.url()).pathname), {
      timeout: 60_000,
    }),
    click(),
  ]);
  expect(res.status(), await res.text()).toBe(status);
  return res.json() as Promise<T>;
}
