import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addDays, todayIn } from '../common/dates.ts';
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

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const skip = missingBrowser();
// The demo's A座: floors 2F-15F hold units 201…1504, four a floor; 302 and 1203 are under renovation.
const A_FLOORS = [...Array.from({ length: 20 }, (_, i) => `${20 - i}F`), 'B1', 'B2'];
const UNIT = '1202';

const tile = (page: Page, code: string) => page.locator(`[data-testid="unit-tile"][aria-label="${code}"]`);

/** Opens the floor plan through the menu and shows A座 of 浦东软件园 (the first site is another one). */
async function openAFloorPlan(page: Page, language: Language) {
  await page.locator('.ant-layout-sider a[href="/spaces/floor-plan"]').click();
  await settle(page, text(language, 'nav.spacesFloorPlan'));
  const aBuilding = page.locator('.ant-radio-button-wrapper-checked', { hasText: 'A座' });
  await pickOption(page, page, '#plan-site', '浦东软件园', aBuilding);
  await expect.poll(() => tile(page, UNIT).count()).toBe(1);
  await settle(page);
}

async function openDrawer(page: Page, language: Language) {
  await tile(page, UNIT).click();
  const drawer = page.locator('.ant-drawer-content-wrapper');
  await drawer.locator('.ant-drawer-title', { hasText: UNIT }).waitFor();
  await drawer.getByText('浦东软件园 / A座').waitFor();
  expect(await drawer.textContent()).toContain(text(language, 'spaces.types.office'));
  await settle(page);
  return drawer;
}

async function visit(page: Page, path: string, key: string, name: string, language: Language) {
  await page.locator(`.ant-layout-sider a[href="${path}"]`).click();
  await settle(page, text(language, key));
  await page.locator('.ant-table-row').first().waitFor();
  await settle(page);
  await screenshot(page, name, language);
}

describe.skipIf(skip !== null)('spaces journeys', () => {
  let stage: Stage;

  beforeAll(async () => {
    stage = await openStage();
  });
  afterAll(async () => {
    await stage?.close();
  });

  it('shows the floor plan of A座 and takes a unit off the market from its drawer', async () => {
    const { context, page } = await newPage(stage);
    await signIn(page, 'business');
    await openAFloorPlan(page, 'zh');

    const floors = page.getByTestId('floor-row');
    expect(await floors.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-floor')))).toEqual(
      A_FLOORS,
    );
    const fifteenth = floors.and(page.locator('[data-floor="15F"]')).getByTestId('unit-tile');
    expect(await fifteenth.allTextContents()).toEqual([
      expect.stringMatching(/^1501/),
      expect.stringMatching(/^1502/),
      expect.stringMatching(/^1503/),
      expect.stringMatching(/^1504/),
    ]);
    expect(await tile(page, '1203').getAttribute('data-status')).toBe('unavailable');
    expect(await tile(page, UNIT).getAttribute('data-status')).toBe('vacant');
    const legend = await page.getByTestId('plan-legend').textContent();
    expect(legend).toContain(`${text('zh', 'spaces.statuses.vacant')}54`);
    expect(legend).toContain(`${text('zh', 'spaces.statuses.unavailable')}2`);

    await tile(page, UNIT).hover();
    const tip = page.locator('.ant-tooltip', { hasText: UNIT });
    await tip.waitFor({ state: 'visible' });
    expect(await tip.textContent()).toContain(text('zh', 'spaces.statuses.vacant'));
    await settle(page);
    await screenshot(page, 'spaces-floor-plan-tooltip', 'zh');

    const drawer = await openDrawer(page, 'zh');
    // The form refuses what the server would: usable above inside, and a floor the building lacks.
    await drawer.getByRole('button', { name: text('zh', 'common.edit') }).click();
    const edit = page.locator('.ant-modal-wrap', { hasText: text('zh', 'spaces.unit.usableArea') });
    // The floor is checked against the building's floors: wait for the buildings (the select shows the name).
    await edit.locator('.ant-select-content', { hasText: 'A座' }).waitFor();
    await settle(page);
    // On a loaded machine the form can still be taking its initial values (floor 12) after a first fill:
    // type again until the fields hold what was typed.
    const typed = async (selector: string, value: string) => {
      const field = edit.locator(selector);
      if ((await field.inputValue()) !== value) await field.fill(value);
      return field.inputValue();
    };
    await expect.poll(() => typed('#usableArea', '999.5'), { timeout: 15_000 }).toBe('999.5');
    await expect.poll(() => typed('#floor', '21'), { timeout: 15_000 }).toBe('21');
    await edit.locator('.ant-btn-primary').click();
    // Both rules answer asynchronously: on a loaded machine the second message can come seconds later.
    await expect
      .poll(() => edit.locator('.ant-form-item-explain-error').allTextContents(), { timeout: 15_000 })
      .toEqual([
        text('zh', 'spaces.unit.floorOutOfRange').replace('{{lowest}}', 'B2').replace('{{highest}}', '20F'),
        text('zh', 'spaces.unit.usableAreaTooLarge'),
      ]);
    await settle(page);
    await screenshot(page, 'spaces-unit-edit-invalid', 'zh');
    await edit.locator('.ant-modal-footer .ant-btn:not(.ant-btn-primary)').click();
    await edit.waitFor({ state: 'detached' });
    await drawer.getByRole('button', { name: text('zh', 'spaces.unavailable.action') }).click();
    const modal = page.locator('.ant-modal-wrap', { hasText: text('zh', 'spaces.unavailable.reason') });
    const today = todayIn('Asia/Shanghai');
    expect(await modal.locator('#from').inputValue()).toBe(today);
    // Tab, not Enter: Enter in a date field submits the whole form before the reason is typed. A busy
    // machine can drop the picker's value or the typed reason (CI once showed 请填写此项), so each is
    // checked, and typed again, before the form is sent.
    const until = addDays(today, 29);
    await expect
      .poll(async () => {
        if ((await modal.locator('#to').inputValue()) !== until) {
          await modal.locator('#to').fill(until);
          await modal.locator('#to').press('Tab');
        }
        if ((await modal.locator('#reason').inputValue()) !== '电路改造')
          await modal.locator('#reason').fill('电路改造');
        return [await modal.locator('#to').inputValue(), await modal.locator('#reason').inputValue()];
      })
      .toEqual([until, '电路改造']);
    await modal.locator('.ant-btn-primary').click();
    await modal.waitFor({ state: 'detached' }).catch(async (e) => {
      const shown = await modal.locator('.ant-form-item-explain-error, .ant-alert').allTextContents();
      throw new Error(`the dialog stayed open, showing: ${JSON.stringify(shown)}`, { cause: e });
    });

    await expect.poll(() => tile(page, UNIT).getAttribute('data-status')).toBe('unavailable');
    const history = drawer.locator('.ant-table-row', { hasText: '电路改造' });
    await expect.poll(() => history.textContent()).toContain(`${today} ~ ${addDays(today, 29)}`);
    expect(await drawer.locator('.ant-descriptions').textContent()).toContain(
      text('zh', 'spaces.until').replace('{{date}}', addDays(today, 29)),
    );
    await toastsGone(page);
    await settle(page);
    await screenshot(page, 'spaces-unit-drawer', 'zh');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await settle(page);
    await screenshot(page, 'spaces-floor-plan', 'zh');

    await visit(page, '/spaces/units', 'nav.spacesUnits', 'spaces-units', 'zh');
    await visit(page, '/spaces/sites', 'nav.spacesSites', 'spaces-sites', 'zh');

    await switchLanguage(page, 'en');
    await openAFloorPlan(page, 'en');
    expect(await tile(page, UNIT).getAttribute('data-status')).toBe('unavailable');
    await screenshot(page, 'spaces-floor-plan', 'en');
    const drawerEn = await openDrawer(page, 'en');
    await screenshot(page, 'spaces-unit-drawer', 'en');

    // Ending the period by hand puts the unit back on the market.
    await drawerEn.locator('.ant-table-row', { hasText: '电路改造' }).getByRole('button').click();
    const confirm = page.locator('.ant-modal-confirm');
    // A click while the dialog still zooms in can be lost (seen once in CI): let it open first.
    await confirm.waitFor();
    await settle(page);
    await confirm.locator('.ant-btn-primary').click();
    await confirm.waitFor({ state: 'detached' });
    await expect.poll(() => tile(page, UNIT).getAttribute('data-status')).toBe('vacant');
    await drawerEn.locator('.ant-drawer-close').click();
    await drawerEn.waitFor({ state: 'hidden' });

    await visit(page, '/spaces/units', 'nav.spacesUnits', 'spaces-units', 'en');
    await visit(page, '/spaces/sites', 'nav.spacesSites', 'spaces-sites', 'en');
    await context.close();
  });
});
