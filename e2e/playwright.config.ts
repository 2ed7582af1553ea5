import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { DEMO_PASSWORD } from './support/demo';

// E2E_PORT: a second run beside another one (a CI clone on the same machine) needs its own port and data.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const ROOT = new URL('..', import.meta.url).pathname;
// A fresh database for every run (removed by the server command, not here: workers load
// this file too): the demo seed then gives the same accounts each time.
const DATA_DIR = join(tmpdir(), PORT === 3100 ? 'dircab-e2e-data' : `dircab-e2e-data-${PORT}`);

export default defineConfig({
  testDir: './tests',
  timeout: 30_000,
  expect: { timeout: 7_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: 'fr-FR',
    // A failed journey keeps its trace (actions, DOM snapshots, network) but no screencast: the
    // screencast's frames were encoded for every journey, failed or not, and made the suite
    // 9.7 min instead of 6.1 on this 2-core machine (Chromium's GPU process 245 s of CPU → 29 s).
    trace: { mode: 'retain-on-failure', screenshots: false },
    launchOptions: {
      // Debian's Chromium: nothing is downloaded (never run `playwright install`).
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: `rm -rf '${DATA_DIR}' && node_modules/.bin/tsx server/src/main.ts`,
    cwd: ROOT,
    url: `http://localhost:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      DATA_DIR,
      PORT: String(PORT),
      DIRCAB_DEMO_PASSWORD: DEMO_PASSWORD,
      // Every journey signs in: the per-minute limit protects production, not this suite.
      DIRCAB_SIGN_IN_LIMIT: '200',
      LOG_LEVEL: 'warn',
      // E2E_WEB_DIST: a build of its own (`vite build --outDir …`), so that two runs side by
      // side never serve each other's half-written web/dist.
      ...(process.env.E2E_WEB_DIST ? { DIRCAB_WEB_DIST: process.env.E2E_WEB_DIST } : {}),
    },
  },
});
