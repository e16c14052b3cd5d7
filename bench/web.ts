/**
 * The web app as a first visitor gets it: the JavaScript downloaded by the sign-in page and by the home
 * route after sign-in (gzip sizes, the target is < 400 KB), and the time until the leader's dashboard is
 * interactive on the demo data (first chart drawn, no request pending), in Debian's Chromium.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';

export interface WebFigures {
  signInJsGzipKb: number;
  homeJsGzipKb: number;
  dashboardJsGzipKb: number;
  dashboardInteractiveMs: number[];
}

/** Gzip size of a built asset (the build writes .gz beside each file), or its raw size when tiny. */
function gzipBytes(webDir: string, pathname: string): number {
  const file = join(webDir, pathname);
  if (existsSync(`${file}.gz`)) return statSync(`${file}.gz`).size;
  return existsSync(file) ? statSync(file).size : 0;
}

function collectScripts(page: Page): Set<string> {
  const seen = new Set<string>();
  page.on('response', (res) => {
    const url = new URL(res.url());
    if (url.pathname.endsWith('.js')) seen.add(url.pathname);
  });
  return seen;
}

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

export async function measureWeb(base: string, webDir: string, user: string, password: string): Promise<WebFigures> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const context = await browser.newContext({ baseURL: base, viewport: { width: 1366, height: 860 } });
    const page = await context.newPage();
    const scripts = collectScripts(page);
    await page.goto('/login', { waitUntil: 'networkidle' });
    const signIn = [...scripts];
    await page.getByLabel('Tên đăng nhập').fill(user);
    await page.getByLabel('Mật khẩu').fill(password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.waitForLoadState('networkidle');
    const home = [...scripts];
    await page.goto('/dashboard', { waitUntil: 'networkidle' });
    const dashboard = [...scripts];
    // The echarts chunk arrives only with the first chart: count the home route without it.
    const isChartChunk = (p: string) => /echarts/i.test(p);
    const sum = (paths: string[]) => paths.reduce((total, p) => total + gzipBytes(webDir, p), 0);

    // Time to interactive, cold each time: a new context (empty cache) signed in through the API.
    const dashboardInteractiveMs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const cold = await browser.newContext({ baseURL: base, viewport: { width: 1366, height: 860 } });
      const login = await cold.request.post('/api/auth/login', { data: { username: user, password } });
      if (!login.ok()) throw new Error(`sign-in failed: ${login.status()}`);
      const p = await cold.newPage();
      const t0 = Date.now();
      await p.goto('/dashboard');
      // ECharts draws SVG here: its container carries the _echarts_instance_ attribute.
      await p.locator('[_echarts_instance_] svg').first().waitFor({ timeout: 30_000 });
      await p.waitForLoadState('networkidle');
      dashboardInteractiveMs.push(Date.now() - t0);
      await cold.close();
    }
    return {
      signInJsGzipKb: kb(sum(signIn)),
      homeJsGzipKb: kb(sum(home.filter((p) => !isChartChunk(p)))),
      dashboardJsGzipKb: kb(sum(dashboard)),
      dashboardInteractiveMs: dashboardInteractiveMs.sort((a, b) => a - b),
    };
  } finally {
    await browser.close();
  }
}
