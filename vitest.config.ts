import { defineConfig } from 'vitest/config';

// One `npm test` for the whole repo: the API suite on a real database (PGlite by default,
// PostgreSQL when DATABASE_URL is set), contracts, and the web units in jsdom.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'server',
          include: ['server/**/*.test.ts', 'contracts/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      'web/vitest.config.ts',
    ],
  },
});
