/**
 * The portal in a real browser: Debian's Chromium driven by playwright-core, at 1366×768, in
 * Chinese and Shanghai time. Every page records uncaught errors and console errors; a test ends with
 * `expectNoBrowserErrors()`. Screenshots go to docs/screenshots (the README shows them).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { CHROMIUM } from '../test/browser-setup';

export const SCREENSHOTS = path.resolve(__dirname, '../../docs/screenshots');
export const DEMO_PASSWORD = process.env.DEMO_PASSWORD || 'Demo#2026';

export interface Portal {
  browser: Browser;
  /** A logged-in page for `username` (its own browser context: own storage, own token). */
  as(username: string): Promise<Page>;
  /** A page without login (the public site). */
  anonymous(): Promise<Page>;
  /** Errors seen so far on any page, minus the ones a test declared as expected. */
  errors(): string[];
  /** A console error matching this is expected (e.g. the 403 of a page that shows 无权查看). */
  allow(pattern: RegExp): void;
  close(): Promise<void>;
}

export async function openPortal(baseUrl: string): Promise<Portal> {
  if (process.env.PORTAL_SETUP_ERROR) throw new Error(`browser tests: setup failed: ${process.env.PORTAL_SETUP_ERROR}`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
  const contexts: BrowserContext[] = [];
  const seen: string[] = [];
  const allowed: RegExp[] = [];
  const watch = (page: Page, who: string) => {
    page.on('pageerror', (e) => seen.push(`[${who}] uncaught: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') seen.push(`[${who}] console: ${m.text()} (${m.location().url})`);
    });
  };
  const newPage = async (who: string) => {
    const context = await browser.newContext({
      baseURL: baseUrl,
      viewport: { width: 1366, height: 768 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    context.setDefaultTimeout(30_000);
    contexts.push(context);
    const page = await context.newPage();
    watch(page, who);
    return page;
  };
  return {
    browser,
    async as(username) {
      const page = await newPage(username);
      await page.goto('/login');
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: '登录' }).click();
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
      await page.getByTestId('current-user').waitFor();
      return page;
    },
    anonymous: () => newPage('anonymous'),
    errors: () => seen.filter((e) => !allowed.some((a) => a.test(e))),
    allow: (p) => allowed.push(p),
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // Let antd's animations (modals, drawers, messages) settle first.
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/**
 * Picks `text` in an antd Select whose input is labelled `label` (Form.Item label → input id) inside
 * `scope` (a dialog, where the page behind has fields of the same name), and checks that the select
 * shows it: on a loaded machine a click during the dropdown's opening animation may not take, and a
 * form then fails its own validation far from here. antd 6 shows a single select's value in
 * `.ant-select-content-value` and a multiple select's in `.ant-select-selection-item`, so the check
 * reads the whole select's text.
 */
export async function pick(page: Page, label: string, text: string, scope: Page | Locator = page): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  // `has` is matched inside each .ant-select: the label's locator from the page, not from the scope.
  const shown = scope.locator('.ant-select', { has: page.getByLabel(label, { exact: true }) }).filter({ hasText: text });
  for (let attempt = 1; ; attempt++) {
    await input.click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
    try {
      await shown.waitFor({ timeout: 5_000 });
      return;
    } catch (e) {
      if (attempt === 3) throw new Error(`picking ${JSON.stringify(text)} in ${label} did not take: ${(e as Error).message}`);
      await page.keyboard.press('Escape').catch(() => undefined);
    }
  }
}

/**
 * Waits until the open dialog closes after its command (a command on a loaded CI machine may take
 * longer than Playwright's 30 s). Fails at once with the dialog's text if it shows an error instead:
 * the command's (`.ant-alert-error`) or the form's own validation (`.ant-form-item-explain-error`),
 * and on timeout says what the dialog still shows.
 */
export function dialogClosed(page: Page, timeoutMs = 90_000): Promise<void> {
  return dialogSettles(page, (timeout) => page.getByRole('dialog').waitFor({ state: 'hidden', timeout }), timeoutMs);
}

/** As dialogClosed, for a dialog that stays open and shows its outcome in `outcome` (e.g. a table of results). */
export function dialogShows(page: Page, outcome: Locator, timeoutMs = 90_000): Promise<void> {
  return dialogSettles(page, (timeout) => outcome.waitFor({ timeout }), timeoutMs);
}

async function dialogSettles(page: Page, done: (timeoutMs: number) => Promise<void>, timeoutMs: number): Promise<void> {
  const dialog = page.getByRole('dialog');
  const error = dialog.locator('.ant-alert-error, .ant-form-item-explain-error').first();
  const outcome = await Promise.race([
    done(timeoutMs).then(() => 'done' as const),
    error.waitFor({ timeout: timeoutMs }).then(() => 'error' as const),
  ]).catch(async (e: Error) => {
    const still = await dialog.innerText({ timeout: 1_000 }).catch(() => '(gone)');
    throw new Error(`${e.message}\nthe dialog still shows:\n${still}`);
  });
  if (outcome === 'error') throw new Error(`the dialog shows an error: ${await dialog.innerText()}`);
}
