import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type BrowserContextOptions, type Page } from "@playwright/test";

export { expect };

export const DEMO_PASSWORD = "silkroad-demo-2025";
export const FESTIVAL = "/festivals/african-products-online-shopping-festival";

type StorageState = Exclude<BrowserContextOptions["storageState"], string | undefined>;

/**
 * Waits until React has hydrated the page (root.tsx sets <html data-hydrated> in an effect that runs
 * after every child's), so typing into a widget or reading a client-only element does not race the
 * client bundle. Only for pages with JavaScript on.
 */
export async function hydrated(page: Page) {
  // A wait rather than a check of speed: React hydrating the 4,400-element festival editor took
  // over 10 s under `stress -c 2`.
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true", { timeout: 30_000 });
}

/**
 * Why page-sweep tests are marked slow: axe-core checks every element of the page (colour contrast
 * above all), which takes 5–15 s of CPU for an ordinary page on a busy two-core machine.
 */
export const AXE_SLOW = "axe-core takes 5–15 s per page on a busy two-core machine";
/** The explicit budget of one axe page test (three times the default 30 s). */
export const AXE_BUDGET = 90_000;

/**
 * The editor of the seeded festival lists all its 120 deals, each with its own forms: about 4,400
 * elements, which axe needs 25–80 s for on a busy two-core machine.
 */
export const FESTIVAL_EDITOR_BUDGET = 180_000;

/**
 * Serious and critical axe violations of the hydrated page (or of `include` within it). Legacy mode
 * runs axe in the page itself instead of gathering per-frame results in a second, blank page: the
 * same rules, half the time on large pages; only cross-origin iframes would go unchecked, and the
 * CSP allows none.
 */
export async function seriousViolations(page: Page, include?: string) {
  await hydrated(page);
  let builder = new AxeBuilder({ page }).setLegacyMode();
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0]?.target} ${v.nodes[0]?.html ?? ""}`);
}

/** Signs in through the login form and waits for the redirect away from it. */
export async function signIn(page: Page, email: string, redirectTo?: string) {
  await page.goto(redirectTo ? `/login?redirectTo=${encodeURIComponent(redirectTo)}` : "/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login(\?|$)/);
}

export const test = base.extend<
  { signedInAs: string | undefined },
  { sessionFor: (email: string) => Promise<StorageState> }
>({
  /**
   * A signed-in session per demo account, made once per worker through the real login form and
   * reused as the storage state of each test that asks for it. Sessions are stored (decision 018):
   * a test using one must not sign out, change the password or sign out other sessions, or the
   * tests after it would find the shared session gone. Signing in hashes a password, which is slow on a loaded
   * machine: doing it once per account keeps the page-by-page axe tests short.
   */
  sessionFor: [
    async ({ browser }, use, workerInfo) => {
      const sessions = new Map<string, Promise<StorageState>>();
      await use((email) => {
        let session = sessions.get(email);
        if (!session) {
          session = (async () => {
            const context = await browser.newContext({ baseURL: workerInfo.project.use.baseURL });
            const page = await context.newPage();
            await signIn(page, email);
            await expect(page).toHaveURL(/\/(account|sell|admin)/);
            const state = await context.storageState();
            await context.close();
            return state;
          })();
          sessions.set(email, session);
        }
        return session;
      });
    },
    { scope: "worker" },
  ],
  /** Set with test.use({ signedInAs: email }) to start the test's page signed in as that account. */
  signedInAs: [undefined, { option: true }],
  storageState: async ({ signedInAs, sessionFor, storageState }, use) => {
    await use(signedInAs ? await sessionFor(signedInAs) : storageState);
  },
});
