import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const shared = { testTimeout: 30_000, hookTimeout: 60_000, env: { TZ: 'Asia/Ho_Chi_Minh' } };

export default defineConfig({
  test: {
    pool: 'forks',
    projects: [
      // The server on SQLite and PostgreSQL, the importer on the seed documents, the CLI.
      { test: { ...shared, name: 'server', include: ['test/**/*.test.ts'], exclude: ['test/e2e/**'] } },
      // Components with logic, rendered in jsdom.
      {
        plugins: [react()],
        test: { ...shared, name: 'web', include: ['web/src/**/*.test.tsx'], environment: 'jsdom', setupFiles: ['web/src/test-setup.ts'] },
      },
      // Journeys in Debian's Chromium against a real server on the demo data.
      { test: { ...shared, name: 'e2e', include: ['test/e2e/**/*.test.ts'], globalSetup: ['test/e2e/global-setup.ts'], testTimeout: 90_000, hookTimeout: 180_000 } },
    ],
  },
});
