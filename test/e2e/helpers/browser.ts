import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { freePort } from '../../helpers/fault-utils.ts';
import { killHard, startServerProcess, type ServerProcess } from '../../helpers/server-process.ts';
import { DEMO_TODAY } from '../../../server/demo/seed.ts';
import { copyDemoDatabase } from './demo-database.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'screenshots');
export const DEMO_PASSWORD = 'namro2025';
export const PHONE = { width: 390, height: 844 };
export const DESK = { width: 1366, height: 860 };

export interface E2E {
  url: string;
  server: ServerProcess;
  browser: Browser;
  /** A fresh browser context signed in as a demo user (or signed out without one). */
  open(user?: string, viewport?: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

/** A real server on a copy of the demo database, serving the built app, and Debian's Chromium. */
export async function startE2E(): Promise<E2E> {
  const database = copyDemoDatabase(inject('demoTemplate'));
  const env = { DATABASE_URL: `sqlite:${database}`, WEB_DIR: inject('webDir'), SCHEDULER: 'off', NAMRO_FAST_HASH: '1', LOG_LEVEL: 'error', NAMRO_TODAY: DEMO_TODAY };
  // A free port can be taken by a parallel test file before our server binds it: then try another.
  let server: ServerProcess | null = null;
  for (let attempt = 1; !server; attempt++) {
    try {
      server = await startServerProcess(env, await freePort());
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  const contexts: BrowserContext[] = [];
  return {
    url: server.url,
    server,
    browser,
    async open(user, viewport = DESK) {
      // Reduced motion, as a user may ask of the system: menus, popconfirms and drawers appear at once, so a click
      // never lands on a popup still sliding into place (seen on a loaded machine as lost clicks).
      const context = await browser.newContext({ baseURL: server.url, viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', reducedMotion: 'reduce' });
      contexts.push(context);
      const page = await context.newPage();
      if (user) await signIn(page, user);
      return { context, page };
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await killHard(server);
    },
  };
}

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** Saves a full-page screenshot under test-results/screenshots (look at them: clipped text, overflow, spinners). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Serious and critical accessibility violations found by axe-core on the current page. */
export async function seriousA11yViolations(page: Page): Promise<{ id: string; help: string; nodes: string[] }[]> {
  // Legacy mode runs axe in the page itself; the default opens a blank page per call to merge frame results,
  // which doubles the time (the app has no iframes to merge).
  const result = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
}

/** True when the page is wider than the viewport (a horizontal scroll bar on a phone). */
export async function overflowsHorizontally(page: Page): Promise<boolean> {
  // A string: the test code is typed for Node, the expression runs in the page.
  return page.evaluate<boolean>('document.documentElement.scrollWidth > window.innerWidth + 1');
}
