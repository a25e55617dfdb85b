import type { Browser, Page } from "@playwright/test";
import { DEMO_PASSWORD, expect, hydrated, signIn, test } from "./fixtures.ts";

const SHOPPER = "shopper@silkroad.example";
const SHOTS = "test-results/reviews";

async function signedInPage(browser: Browser, email: string, options: { javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext({ ...options });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** The first of the shopper's orders that has a shipped line still to review: the order page and the link. */
async function orderWithLineToReview(page: Page) {
  await page.goto("/zh/account/orders");
  const links = await page
    .getByTestId("my-orders")
    .locator("a[href*='/account/orders/']")
    .evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
  for (const href of [...new Set(links)]) {
    await page.goto(href);
    if ((await page.getByTestId("write-review").count()) > 0) return href;
  }
  throw new Error("the demo shopper has no shipped line left to review");
}

test.describe("reviews from verified buyers (zh)", () => {
  test("a shopper reviews a shipped line, the owner replies once, the product page shows both", async ({ browser }) => {
    // Two accounts sign in (argon2 on a busy machine), the journey spans six pages, then screenshots.
    test.setTimeout(300_000);
    const text = `收到了，包装很仔细，和描述一致。编号${Date.now() % 100000}`;
    const shopper = await signedInPage(browser, SHOPPER);
    await orderWithLineToReview(shopper);
    await shopper.getByTestId("write-review").first().click();
    await expect(shopper.getByTestId("review-form")).toBeVisible();
    await shopper.getByRole("radio", { name: "4星" }).check({ force: true });
    await shopper.getByLabel("评价内容").fill(text);
    await shopper.getByTestId("submit-review").click();
    await expect(shopper).toHaveURL(/\/zh\/products\/[^/?]+\?reviewed=1#reviews$/);
    const productUrl = shopper.url().replace(/\?.*$/, "");
    const reviews = shopper.getByTestId("reviews");
    const mine = reviews.getByTestId("review").filter({ hasText: text });
    await expect(mine).toBeVisible();
    await expect(mine.getByRole("img", { name: /评分4/ })).toBeVisible();
    // The JSON-LD has the rating and the review.
    const jsonLd = JSON.parse((await shopper.locator('script[type="application/ld+json"]').first().textContent())!);
    expect(jsonLd.aggregateRating["@type"]).toBe("AggregateRating");
    expect(jsonLd.review.some((r: { reviewBody: string }) => r.reviewBody === text)).toBe(true);

    // The owner of the store that sold it answers from the console, once.
    const storeHref = await shopper.locator("a[href*='/stores/']").first().getAttribute("href");
    const storeSlug = storeHref!.split("/stores/")[1]!;
    const owner = await signedInPage(browser, `owner+${storeSlug}@silkroad.example`);
    await owner.goto("/zh/sell/reviews");
    const item = owner.getByTestId("staff-review").filter({ hasText: text });
    await expect(item).toBeVisible();
    await item.getByLabel("你的回复").fill("谢谢您的评价！欢迎再来。");
    await item.getByRole("button", { name: "发布回复" }).click();
    await expect(owner.getByTestId("reply-result")).toContainText("回复已发布");
    await owner.goto("/zh/sell/reviews?show=all");
    await expect(owner.getByTestId("staff-review").filter({ hasText: text }).getByTestId("reply-form")).toHaveCount(0);

    await shopper.goto(productUrl);
    const answered = shopper.getByTestId("review").filter({ hasText: text });
    await expect(answered.getByTestId("review-reply")).toContainText("谢谢您的评价！欢迎再来。");
    // The line now shows the stars given instead of the link.
    await shopper.goBack();

    for (const width of [390, 1366]) {
      await shopper.setViewportSize({ width, height: 900 });
      await shopper.goto(`${productUrl}#reviews`);
      await shopper.getByTestId("reviews").scrollIntoViewIfNeeded();
      await shopper.getByTestId("reviews").screenshot({ path: `${SHOTS}/product-reviews-zh-${width}.png` });
    }
    await shopper.context().close();
    await owner.context().close();
  });
});

test.describe("wishlist and followed stores", () => {
  test("the heart works without JavaScript: save, listed on /account/wishlist, remove", async ({ browser }) => {
    test.setTimeout(180_000); // signs in on a page without JavaScript, then six full page loads
    const page = await signedInPage(browser, "shopper+3@silkroad.example", { javaScriptEnabled: false });
    await page.goto("/zh/search?q=%E5%92%96%E5%95%A1"); // 咖啡
    const first = page
      .locator("article")
      .filter({ has: page.getByTestId("wishlist-button") })
      .first();
    const href = await first.locator("a[href*='/products/']").first().getAttribute("href");
    const slug = href!.split("/products/")[1]!;
    await page.goto(`/zh/products/${slug}`);
    // The product's own heart comes first; the related products' cards follow.
    const heart = page.getByTestId("wishlist-form").first().getByTestId("wishlist-button");
    await expect(heart).toHaveAttribute("aria-pressed", "false");
    await heart.click();
    await expect(page).toHaveURL(new RegExp(`/zh/products/${slug}$`));
    await expect(page.getByTestId("wishlist-form").first().getByTestId("wishlist-button")).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await page.goto("/zh/account/wishlist");
    const item = page.getByTestId("wishlist-item").filter({ has: page.locator(`a[href="/zh/products/${slug}"]`) });
    await expect(item).toHaveCount(1);
    for (const width of [390, 1366]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `${SHOTS}/wishlist-zh-${width}.png`, fullPage: true });
    }
    await item.getByTestId("wishlist-button").click();
    await expect(page).toHaveURL(/\/zh\/account\/wishlist$/);
    await expect(
      page.getByTestId("wishlist-item").filter({ has: page.locator(`a[href="/zh/products/${slug}"]`) }),
    ).toHaveCount(0);
    await page.context().close();
  });

  test("a guest's heart asks to sign in and comes back to the page", async ({ page }) => {
    await page.goto("/zh/stores/yirga-highlands-coffee");
    await expect(page.getByTestId("follow-login")).toBeVisible();
    await hydrated(page);
    // The same heart as a signed-in shopper's (decision 039); posting it sends a guest to sign in.
    await page.getByTestId("wishlist-button").first().click();
    await expect(page).toHaveURL(/\/zh\/login\?redirectTo=%2Fzh%2Fstores%2Fyirga-highlands-coffee/);
    await page.getByLabel("电子邮箱").fill("shopper+5@silkroad.example");
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page).toHaveURL(/\/zh\/stores\/yirga-highlands-coffee$/);
  });

  test("follow a store with JavaScript (the button changes at once); /account lists it and its new products", async ({
    browser,
  }) => {
    test.slow(); // a sign-in and four page loads
    const page = await signedInPage(browser, "shopper+4@silkroad.example");
    await page.goto("/zh/stores/tamale-shea-collective");
    await hydrated(page);
    const button = page.getByTestId("follow-button");
    if ((await button.getAttribute("aria-pressed")) === "true") {
      await button.click();
      await expect(button).toHaveAttribute("aria-pressed", "false");
    }
    await button.click();
    await expect(button).toHaveAttribute("aria-pressed", "true");
    await expect(page).toHaveURL(/\/zh\/stores\/tamale-shea-collective$/);
    await page.goto("/zh/account");
    await expect(page.getByTestId("followed-stores")).toContainText("塔马利");
    await page.goto("/zh/stores/tamale-shea-collective");
    await hydrated(page);
    await page.getByTestId("follow-button").click();
    await expect(page.getByTestId("follow-button")).toHaveAttribute("aria-pressed", "false");
    await page.reload();
    await expect(page.getByTestId("follow-button")).toHaveAttribute("aria-pressed", "false");
    await page.context().close();
  });
});
