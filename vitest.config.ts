import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    environment: 'node',
    passWithNoTests: true,
    // A hang guard, not a speed check (speed is the benchmarks' job): engine tests that take
    // 1-3 s on a quiet machine take several times that when both cores are busy.
    testTimeout: 30_000,
  },
})
