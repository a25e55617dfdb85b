import os from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    pool: "forks",
    // Vitest's default is one worker per core but one, which is a single worker on a two-core
    // machine; integration files spend much of their time waiting on SQLite and Meilisearch, so two
    // overlap well even there.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    // Generous: a busy CI machine may be several times slower; no test relies on speed.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          // Pure code: no database, no Meilisearch, no global setup.
          name: "unit",
          include: ["tests/unit/**/*.test.{ts,tsx}", "app/**/*.test.{ts,tsx}", "db/**/*.test.{ts,tsx}"],
          setupFiles: ["tests/setup/console-errors.ts"],
        },
      },
      {
        extends: true,
        test: {
          // Routes and models on a per-file copy of the seeded database; Meilisearch for the files that ask.
          name: "integration",
          include: ["tests/integration/**/*.test.{ts,tsx}"],
          globalSetup: ["tests/setup/global-setup.ts"],
          setupFiles: ["tests/setup/setup-test-env.ts", "tests/setup/console-errors.ts"],
        },
      },
    ],
  },
});
