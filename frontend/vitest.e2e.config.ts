// Vitest configuration for end-to-end tests: real Chromium (playwright-core)
// against a running server whose URL is given in E2E_BASE_URL.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
