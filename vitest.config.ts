import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
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
