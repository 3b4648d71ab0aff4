import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // A safety net, not a measure of speed: tests must pass on a busy 2-core machine, so no test
    // depends on how fast it runs (speed is measured by `npm run bench`).
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Most tests wait on the real command in a child process: two test files at a time keep both
    // cores of the CI machine busy (Vitest's default on 2 cores is one).
    maxWorkers: 2,
  },
});
