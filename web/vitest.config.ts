import react from '@vitejs/plugin-react';
import { defineProject } from 'vitest/config';

export default defineProject({
  plugins: [react()],
  test: {
    name: 'web',
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'jsdom',
    setupFiles: ['src/test/setup.ts'],
    css: false,
    // One jsdom per worker, each file still in a context of its own: with the default pool, jsdom
    // and React + Mantine were set up again for each of the 54 files, and the project took 225 s
    // on this 2-core machine instead of 77. (`isolate: false` was faster still, but files then
    // see each other's toasts and portals.) maxWorkers as the root's: Vitest requires it of
    // projects run in the same group.
    pool: 'vmThreads',
    maxWorkers: 2,
  },
});
