import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);

/**
 * Journeys run against the production server (`npm start`) on its own database under data/e2e,
 * in the system Chromium (no browser download works here): CHROMIUM_PATH or /usr/bin/chromium.
 *
 * Timing is set for a busy two-core machine (CI, or a laptop building at the same time), where the
 * server, Meilisearch and Chromium share the cores: one worker in CI (a second Chromium only slows
 * the server both depend on), and waits long enough for a page that takes seconds to render. Each
 * test visits one page or one journey; the long journeys declare test.slow() with their reason.
 */
export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  workers: process.env.CI ? 1 : undefined,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    navigationTimeout: 20_000,
    actionTimeout: 15_000,
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: [
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
  webServer: {
    command: "npm start",
    url: `http://localhost:${port}/healthz`,
    timeout: 240_000,
    reuseExistingServer: !process.env.CI,
    env: { PORT: String(port), DATABASE_PATH: "data/e2e/market.db" },
  },
});
