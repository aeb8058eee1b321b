import { defineConfig } from 'vitest/config';

// One vitest run over every package: tests import other packages by name (resolved
// to their built `dist` through `exports`), their own package from `src`.
export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'tooling/*/test/**/*.test.ts', 'apps/*/test/**/*.test.ts', 'examples/*/test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // CI also writes a JSON report, from which .ci/run prints `N passed, N failed`.
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: process.env.CI ? { json: '.ci/results.json' } : undefined,
    typecheck: {
      enabled: true,
      include: ['packages/*/test/**/*.test-d.ts'],
      tsconfig: './tsconfig.typetests.json',
    },
  },
});
