import type { Page, TestInfo } from "@playwright/test";
import { AXE_BUDGET, DEMO_PASSWORD, expect, hydrated, seriousViolations, test } from "./fixtures.ts";

/** Saves a full-page screenshot as a test artifact (in the HTML report and in the test's folder under test-results/). */
async function snapshot(page: Page, testInfo: TestInfo, name: string) {
  const body = await page.screenshot({ fullPage: true, path: testInfo.outputPath(`${name}.png`) });
  await testInfo.attach(name, { body, contentType: "image/png" });
}

test("English: home → country → product", async ({ page }, testInfo) => {
  test.slow(true, "a journey over three pages with a full-page screenshot of each (22 s under stress -c 2)");
  await page.goto("/");
  await expect(page).toHaveTitle(/Silk Road Market/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByTestId("progress-stores")).toHaveText("100 of 100");
  await expect(page.getByTestId("progress-products")).toHaveText("1,000 of 1,000");
  await snapshot(page, testInfo, "en-1-home");

  await page
    .getByRole("region", { name: "Shop by country" })
    .getByRole("link", { name: /Ethiopia/ })
    .click();
  await expect(page).toHaveURL(/\/countries\/ET$/);
  await expect(page.getByRole("heading", { level: 1, name: "Ethiopia" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Stores in Ethiopia" })).toBeVisible();
  await snapshot(page, testInfo, "en-2-country");

  const firstProduct = page.getByRole("region", { name: "Products from Ethiopia" }).getByRole("listitem").first();
  const title = (await firstProduct.getByRole("heading").textContent())!;
  // The title links to the product (the card's heart is another link).
  await firstProduct.getByRole("heading").click();
  await expect(page).toHaveURL(/\/products\//);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByRole("article").getByTestId("price").first()).toHaveText(/^\$\d+\.\d\d$/);
  await expect(page.getByRole("link", { name: "Ethiopia", exact: true })).toBeVisible();
  await expect(page.getByRole("img", { name: title })).toBeVisible();
  await expect(page.getByRole("heading", { name: "You may also like" })).toBeVisible();
  await snapshot(page, testInfo, "en-3-product");
});

test("Chinese: home → country → product, yuan first and the US dollars charged second", async ({ page }, testInfo) => {
  test.slow(true, "a journey over three pages with a full-page screenshot of each (19 s under stress -c 2)");
  await page.goto("/zh");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("非洲好物，100家店铺产地直供");
  await expect(page.getByTestId("progress-products")).toHaveText("1,000 / 1,000");
  await snapshot(page, testInfo, "zh-1-home");

  await page
    .getByRole("region", { name: "按国家选购" })
    .getByRole("link", { name: /埃塞俄比亚/ })
    .click();
  await expect(page).toHaveURL(/\/zh\/countries\/ET$/);
  await expect(page.getByRole("heading", { level: 1, name: "埃塞俄比亚" })).toBeVisible();
  await snapshot(page, testInfo, "zh-2-country");

  await page
    .getByRole("region", { name: "埃塞俄比亚的商品" })
    .getByRole("listitem")
    .first()
    .getByRole("heading")
    .click();
  await expect(page).toHaveURL(/\/zh\/products\//);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("埃塞俄比亚");
  await expect(page.getByRole("article").getByTestId("price").first()).toHaveText(/^US\$\d+\.\d\d$/);
  await expect(page.getByRole("article").getByTestId("price-cny").first()).toHaveText(/^¥[\d,]+\.\d\d$/);
  await expect(page.getByText("产地")).toBeVisible();
  await snapshot(page, testInfo, "zh-3-product");
});

test("the language switcher keeps the page and its query", async ({ page }) => {
  await page.goto("/categories/coffee?sort=price-asc");
  await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "Français" }).click();
  await expect(page).toHaveURL(/\/fr\/categories\/coffee\?sort=price-asc$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Café");
  await expect(page.getByLabel("Trier par")).toHaveValue("price-asc");
  const alternates = await page
    .locator('link[rel="alternate"]')
    .evaluateAll((links) => links.map((l) => [l.getAttribute("hreflang"), new URL(l.getAttribute("href")!).pathname]));
  expect(alternates).toEqual([
    ["en", "/categories/coffee"],
    ["zh-Hans", "/zh/categories/coffee"],
    ["fr", "/fr/categories/coffee"],
    ["x-default", "/categories/coffee"],
  ]);
});

test("pages in another language are whole page loads: the browser holds one language's messages", async ({ page }) => {
  // The switcher, after hydration: French text everywhere, including what React renders.
  await page.goto("/categories/coffee");
  await hydrated(page);
  await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "简体中文" }).click();
  await expect(page).toHaveURL(/\/zh\/categories\/coffee$/);
  await hydrated(page);
  await expect(page.getByTestId("cart-link")).toHaveAttribute("aria-label", "购物车，0件商品");
  // Signing in on the English form and coming back to a Chinese page.
  await page.goto(`/login?redirectTo=${encodeURIComponent("/zh/account")}`);
  await hydrated(page);
  await page.getByLabel("Email").fill("shopper+6@silkroad.example");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/zh\/account$/);
  await hydrated(page);
  await expect(page.getByRole("navigation", { name: "主导航" })).toBeVisible();
  await expect(page.getByTestId("account-link")).toHaveText("我的账户");
});

test("unknown pages get a translated 404", async ({ page }) => {
  const response = await page.goto("/zh/products/no-such-thing");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("页面不存在");
  await expect(page.getByRole("link", { name: "返回首页" })).toHaveAttribute("href", "/zh");
  const fr = await page.goto("/fr/nowhere/at/all");
  expect(fr?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("sorting, filtering, paging and searching still work", async ({ page }) => {
    await page.goto("/categories/coffee");
    await page.getByLabel("Sort by").selectOption("price-desc");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/sort=price-desc/);
    await page.getByRole("navigation", { name: "Pagination" }).getByRole("link", { name: "Next" }).click();
    await expect(page).toHaveURL(/sort=price-desc&page=2|page=2&sort=price-desc/);
    await expect(page.getByRole("navigation", { name: "Pagination" }).locator('[aria-current="page"]')).toContainText(
      "2",
    );

    await page.goto("/stores");
    await page.getByLabel("Country").selectOption("KE");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/country=KE/);
    await expect(page.getByText(/^\d+ stores?$/)).toBeVisible();

    await page.getByRole("combobox", { name: "Search products" }).fill("vanilla");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page).toHaveURL(/\/search\?q=vanilla/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Search");
    await expect(page.getByText(/results? for “vanilla”/)).toBeVisible();
  });
});

test.describe("key pages have no serious accessibility violations", () => {
  test.describe.configure({ timeout: AXE_BUDGET }); // axe-core is CPU-bound: see AXE_SLOW
  for (const path of ["/", "/zh/countries/KE", "/fr/stores", "/categories/textiles", "/stores/bonwire-kente-weavers"]) {
    test(path, async ({ page }) => {
      await page.goto(path);
      expect(await seriousViolations(page), path).toEqual([]);
    });
  }
});
