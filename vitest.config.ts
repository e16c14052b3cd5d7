import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const shared = { testTimeout: 30_000, hookTimeout: 60_000, env: { TZ: 'Asia/Ho_Chi_Minh' } };

export default defineConfig({
  test: {
    pool: 'forks',
    // Vitest's default on two cores is one worker; most suites wait on PostgreSQL, a server process or Chromium,
    // so two keep both cores busy (the whole suite in about two thirds of the time).
    maxWorkers: 2,
    projects: [
      // The server on SQLite and PostgreSQL, the importer on the seed documents, the CLI.
      { test: { ...shared, name: 'server', include: ['test/**/*.test.ts'], exclude: ['test/e2e/**'] } },
      // Components with logic, rendered in jsdom.
      {
        plugins: [react()],
        test: { ...shared, name: 'web', include: ['web/src/**/*.test.tsx'], environment: 'jsdom', setupFiles: ['web/src/test-setup.ts'] },
      },
      // Journeys in Debian's Chromium against a real server on the demo data. A journey that fails is run once more:
      // on a busy two-core machine a click can land while the page re-renders.
      { test: { ...shared, name: 'e2e', retry: 1, include: ['test/e2e/**/*.test.ts'], globalSetup: ['test/e2e/global-setup.ts'], testTimeout: 90_000, hookTimeout: 180_000 } },
    ],
  },
});
