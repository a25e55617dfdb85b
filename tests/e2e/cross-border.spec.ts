import type { Page } from "@playwright/test";
import { fillShanghai } from "./address-form.ts";
import { expect, hydrated, test } from "./fixtures.ts";

/** Adds the first product of a store's page that is in stock; returns its title. */
async function addFromStore(page: Page, store: string) {
  await page.goto(`/zh/stores/${store}`);
  const cards = page.locator("main article");
  const count = await cards.count();
  for (let i = 0; i < count; i++) {
    const card = cards.nth(i);
    if ((await card.getByText("已售罄").count()) > 0) continue;
    await card.getByRole("link").first().click();
    await expect(page).toHaveURL(/\/zh\/products\//);
    await hydrated(page);
    await expect(page.getByTestId("add-to-cart")).toBeVisible();
    const title = (await page.getByRole("heading", { level: 1 }).textContent())!;
    await page.getByRole("button", { name: "加入购物车" }).click();
    await expect(page.getByTestId("add-to-cart").getByRole("status")).toBeVisible();
    return title;
  }
  throw new Error(`nothing in stock at ${store}`);
}

test("a Chinese shopper buys from two stores to Shanghai: shipping per store, arrival dates, import tax, total in CNY first, paid in demo mode", async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await addFromStore(page, "yirga-highlands-coffee");
  await addFromStore(page, "tamale-shea-collective");

  // The cart ships to mainland China by default on Chinese pages.
  await page.goto("/zh/cart");
  await expect(page.getByLabel("配送至")).toHaveValue("CN");
  await expect(page.getByTestId("cart-lines").getByRole("heading", { level: 2 })).toHaveCount(2);
  await expect(page.locator("[data-testid^='store-shipping-']")).toHaveCount(2);
  await expect(page.getByTestId("arrival").first()).toContainText("预计");
  await expect(page.getByTestId("shipping-line")).toHaveCount(2);
  await expect(page.getByTestId("tax-line")).toContainText("预估进口税");
  await expect(page.getByTestId("grand-total").getByTestId("price-cny")).toHaveText(/^¥[\d,]+\.\d\d$/);
  await expect(page.getByTestId("charged-currency")).toContainText("实际以美元扣款");
  // Each line's price and total lead with yuan, the US dollars second.
  for (const total of await page.getByTestId("line-total").all()) {
    await expect(total.getByTestId("price-cny")).toHaveText(/^¥[\d,]+\.\d\d$/);
    await expect(total.getByTestId("price-usd")).toHaveText(/^US\$[\d,]+\.\d\d$/);
  }
  for (const width of [390, 1366]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: testInfo.outputPath(`cart-zh-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1366, height: 900 });

  // Choosing express for a store that offers it changes its shipping (the option posts, no script needed).
  await page.getByRole("link", { name: "去结算" }).click();
  await expect(page).toHaveURL(/\/zh\/checkout$/);
  await hydrated(page);
  await page.getByLabel("电子邮箱").fill("li.wei@example.com");
  await expect(page.getByLabel("收货国家/地区")).toHaveValue("CN");
  await fillShanghai(page);
  await expect(page.getByTestId("shipping-line")).toHaveCount(2);
  await expect(page.getByTestId("tax-line")).toBeVisible();
  const total = (await page.getByTestId("checkout-total").getByTestId("price").textContent())!;
  await expect(page.getByTestId("charged-currency")).toContainText(total);
  for (const width of [390, 1366]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: testInfo.outputPath(`checkout-zh-${width}.png`), fullPage: true });
  }
  await page.getByRole("button", { name: "提交订单并付款" }).click();
  await expect(page.getByTestId("demo-label")).toBeVisible();
  await page.getByRole("button", { name: /演示/ }).click();
  await expect(page.getByTestId("order-status")).toHaveText("已付款");
  // The order page shows what the total is made of: each store's shipping and the import tax.
  await expect(page.getByTestId("order-charges").locator("[data-testid^=order-shipping-]")).toHaveCount(2);
  await expect(page.getByTestId("order-tax").getByTestId("price-cny")).toHaveText(/^¥/);
  // The order's total leads with yuan too, and says the charge was in US dollars.
  await expect(page.getByTestId("order-total").getByTestId("price-cny")).toHaveText(/^¥[\d,]+\.\d\d$/);
  await expect(page.getByTestId("order-charged-currency")).toContainText("实际以美元扣款");
  for (const width of [390, 1366]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: testInfo.outputPath(`order-zh-${width}.png`), fullPage: true });
  }
});
