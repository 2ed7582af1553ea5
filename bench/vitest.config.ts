import { defineConfig } from 'vitest/config';

// The bench's own tests (`npm test -w bench`): the generator's determinism, and one quick run
// that must produce every measure. Not in the root suite: the quick run takes a minute or two.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 600_000,
  },
});
