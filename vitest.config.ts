import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default (cores - 1) is one worker on a 2-core machine, but most of these tests wait on
    // PostgreSQL, child servers, sockets and outages they stage (60 s of a relay down) rather than
    // compute, so three keep both cores busy (measured on 2 cores: 3 workers 13.2 min, 4 workers 14.0 min).
    maxWorkers: 3,
    reporters: ['default'],
  },
})
