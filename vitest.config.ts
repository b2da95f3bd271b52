import { defineConfig } from 'vitest/config';

// Two projects: fast pure/unit tests, and integration tests against real SQLite,
// CUPS, HTTP on loopback. Fault and fuzz suites run inside them by folder.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/fuzz/**/*.test.ts'],
          environment: 'node',
          // CI runs on a busy machine: a cold ESLint or fast-check run can take seconds there.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/fault/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Real CUPS and real files: keep runs from stepping on each other.
          fileParallelism: false,
        },
      },
    ],
  },
});
