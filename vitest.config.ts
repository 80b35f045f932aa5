import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = fileURLToPath(new URL('./src', import.meta.url));
const alias = [{ find: /^src\//, replacement: `${src}/` }];

export default defineConfig({
  resolve: { alias },
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        resolve: { alias },
        // Projects do not inherit the root's test options: each names its own time limits.
        test: {
          name: 'unit',
          include: ['src/**/*.spec.ts', 'test/unit/**/*.spec.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          globalSetup: ['test/harness/global-setup.ts'],
          setupFiles: ['test/harness/setup-file.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          // The console in Debian's Chromium against the real API process (dist/).
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          // One browser at a time: two Chromiums and two APIs on a small CI machine starve
          // each other (the PDF viewer frames stall input long enough to time out).
          fileParallelism: false,
          globalSetup: ['test/harness/global-setup.ts'],
          setupFiles: ['test/harness/setup-file.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // A page waits on a real API and Chromium; a busy machine needs more than the 1 s default.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
