import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, expect, FESTIVAL, hydrated, test } from "./fixtures.ts";

/**
 * "Remind me" (提醒我, decision 036) on the seeded upcoming festival's showcase schedule, in Chinese:
 * a guest is sent to sign in and comes back to the session; the demo shopper sets a reminder (with
 * JavaScript, and without), sees it toggled, and cancels it. Then the pages a shopper sees, at a
 * phone's and a laptop's width, in the three languages.
 */
const UPCOMING = "/festivals/spring-festival-african-gifts";
const SHOPPER = "shopper@silkroad.example";

const firstUpcomingSession = (page: Page) => page.locator('[data-testid="session"][data-status="upcoming"]').first();

test("a guest signs in from 提醒我, comes back, sets a reminder on an upcoming session, sees it toggled, and cancels it", async ({
  page,
}) => {
  test.slow(); // signing in hashes a password: seconds on a busy machine
  await page.goto(`/zh${UPCOMING}`);
  const session = firstUpcomingSession(page);
  await expect(session.getByTestId("session-status")).toHaveText("即将开始");
  await expect(session.getByTestId("session-time")).toContainText("–");
  const sessionId = await session.getAttribute("id");

  await session.getByTestId("remind-login").click();
  await expect(page).toHaveURL(/\/zh\/login\?redirectTo=/);
  await page.getByLabel("电子邮箱").fill(SHOPPER);
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(new RegExp(`/zh${UPCOMING}#${sessionId}$`));
  await hydrated(page);

  const again = page.locator(`#${sessionId}`);
  const button = again.getByTestId("remind-button");
  // A run retried after a failure may find the reminder from before: start from off.
  if ((await button.getAttribute("aria-pressed")) === "true") {
    await button.click();
    await expect(button).toHaveAttribute("aria-pressed", "false");
  }
  await expect(button).toHaveText("提醒我");
  await button.click();
  await expect(button).toHaveText("取消提醒");
  await expect(button).toHaveAttribute("aria-pressed", "true");
  await expect(again.getByTestId("remind-set")).toHaveText("✓ 已设提醒");

  // Stored, not just drawn: a fresh load shows it set.
  await page.reload();
  await hydrated(page);
  await expect(page.locator(`#${sessionId}`).getByTestId("remind-button")).toHaveText("取消提醒");

  await page.locator(`#${sessionId}`).getByTestId("remind-button").click();
  await expect(page.locator(`#${sessionId}`).getByTestId("remind-button")).toHaveText("提醒我");
  await page.reload();
  await expect(page.locator(`#${sessionId}`).getByTestId("remind-button")).toHaveText("提醒我");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false, signedInAs: SHOPPER });
  test("the plain form sets and cancels the festival's reminder, coming back to the same place", async ({ page }) => {
    await page.goto(`/zh${UPCOMING}`);
    const box = page.getByTestId("festival-remind");
    const button = box.getByTestId("remind-button");
    if ((await button.getAttribute("aria-pressed")) === "true") {
      await button.click();
      await page.waitForURL(/#festival-remind$/);
    }
    await expect(button).toHaveText("提醒我");
    await button.click();
    await expect(page).toHaveURL(new RegExp(`/zh${UPCOMING}#festival-remind$`));
    await expect(page.getByTestId("festival-remind").getByTestId("remind-button")).toHaveText("取消提醒");
    await page.getByTestId("festival-remind").getByTestId("remind-button").click();
    await expect(page.getByTestId("festival-remind").getByTestId("remind-button")).toHaveText("提醒我");
  });
});

test.describe("what a shopper sees: the festival and home pages at 390 and 1366 px", () => {
  for (const width of [390, 1366]) {
    for (const lang of ["zh", "en", "fr"] as const) {
      test(`${lang} at ${width} px`, async ({ page }, testInfo) => {
        test.slow(); // three pages, each loaded, hydrated and shot in full: seconds each on a busy machine
        const prefix = lang === "en" ? "" : `/${lang}`;
        await page.setViewportSize({ width, height: 844 });
        for (const [name, path] of [
          ["festival", `${prefix}${FESTIVAL}`],
          ["upcoming-festival", `${prefix}${UPCOMING}`],
          ["home", prefix || "/"],
        ] as const) {
          await page.goto(path);
          await hydrated(page);
          // Nothing wider than the screen (a phone would scroll sideways).
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
          if (name !== "home") {
            await expect(page.getByTestId("festival-schedule")).toBeVisible();
            if (width === 390) {
              // Compact on a phone: three rows of two deals, "see all" for the rest.
              await expect(
                page.getByTestId("festival-deals").getByRole("listitem").filter({ visible: true }),
              ).toHaveCount(6);
              await expect(page.getByTestId("all-deals")).toBeVisible();
            }
          } else {
            await expect(page.getByTestId("live-festival").first()).toBeVisible();
          }
          await page.screenshot({ path: testInfo.outputPath(`${name}-${lang}-${width}.png`), fullPage: true });
        }
      });
    }
  }
});

test("see all deals pages through every deal and comes back", async ({ page }) => {
  await page.goto(`/zh${FESTIVAL}`);
  await page.getByTestId("all-deals").click();
  await expect(page).toHaveURL(/view=deals/);
  await expect(page.getByTestId("festival-deals").getByRole("listitem")).toHaveCount(24);
  await expect(page.locator('a[rel="next"]')).toBeVisible();
  await page.getByTestId("back-to-festival").click();
  await expect(page.getByTestId("festival-schedule")).toBeVisible();
});
