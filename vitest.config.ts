import { defineConfig } from 'vitest/config';

// One `npm test` for the whole repo: the API suite on a real database (PGlite by default,
// PostgreSQL when DATABASE_URL is set), contracts, the web units in jsdom, and the bench's generator.
export default defineConfig({
  test: {
    // Vitest's default (cores - 1) is one worker on a 2-core machine; the server files spend
    // much of their time waiting on the database (PostgreSQL's processes, PGlite's I/O), so
    // two at a time use both cores.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'server',
          include: ['server/**/*.test.ts', 'contracts/**/*.test.ts'],
          environment: 'node',
          // One module graph per worker, not per file: importing the whole server for each of
          // 100+ files was a third of the suite's time. Files stay independent (each builds its
          // own app, database and organisation); state shared at module level must be per app
          // (auth/sign-in-attempts.ts) or idempotent (the modules' registries).
          isolate: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      'web/vitest.config.ts',
      {
        // The bench generator's determinism and its table's figures (seconds); its quick run is CI's own step.
        test: {
          name: 'bench',
          include: ['bench/src/generate/**/*.test.ts', 'bench/src/run/results.test.ts'],
          environment: 'node',
        },
      },
    ],
  },
});
