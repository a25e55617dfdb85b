import type { Page } from "@playwright/test";
import { fillShanghai } from "./address-form.ts";
import { expect, FESTIVAL, hydrated, signIn, test } from "./fixtures.ts";

/** The store slug of the product page that is open ("Sold by" link). */
async function storeSlugOf(page: Page) {
  const href = await page.locator("dd a[href*='/stores/']").first().getAttribute("href");
  return href!.split("/stores/")[1]!;
}

/** Claims the first voucher of this scope on the open page's claim section (领券), with JavaScript. */
async function claim(page: Page, scope: "店铺券" | "跨店券") {
  await hydrated(page);
  const ticket = page.getByTestId("voucher-claim").locator("li").filter({ hasText: scope }).first();
  await expect(ticket).toBeVisible();
  await ticket.getByTestId("voucher-claim-button").click();
  await expect(ticket.getByTestId("voucher-claimed")).toContainText("已领 1 张");
}

test("in Chinese, a shopper claims a festival voucher and two store vouchers, buys from two stores in demo mode, sees the allocation; each owner sees their share", async ({
  page,
  browser,
}) => {
  test.slow(true, "a journey over about fifteen pages and three browsers (sign-up hashes a password)");
  // A new shopper each run: claims are once per shopper.
  await page.goto("/signup");
  await page.getByLabel("Email").fill(`vouchers-${Date.now()}@example.com`);
  await page.getByLabel("Password").fill("baobab-sunrise-42");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/account$/);

  // 领券 on the festival page: the festival's voucher, usable in every store.
  await page.goto(`/zh${FESTIVAL}`);
  await claim(page, "跨店券");
  const dealLinks = await page
    .getByTestId("festival-deals")
    .locator("a[href*='/products/']")
    .evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute("href")!))].slice(0, 20));

  // The first deal's store has a store voucher: claimed on the product page.
  const picked: { url: string; store: string }[] = [];
  for (const url of dealLinks) {
    await page.goto(url);
    const store = await storeSlugOf(page);
    if (picked.some((p) => p.store === store)) continue;
    picked.push({ url, store });
    await hydrated(page);
    await page.getByRole("button", { name: "加入购物车" }).click();
    await expect(page.getByTestId("add-to-cart").getByRole("status")).toBeVisible();
    if (picked.length === 1) await claim(page, "店铺券");
    if (picked.length === 2) break;
  }
  expect(picked).toHaveLength(2);
  // The second store's voucher is claimed on its store page.
  await page.goto(`/zh/stores/${picked[1]!.store}`);
  await claim(page, "店铺券");

  // The cart: enough of each to reach every voucher's threshold; the best combination applies.
  await page.goto("/zh/cart");
  await hydrated(page);
  for (const line of await page.getByTestId("cart-lines").locator("li[data-testid^='cart-line-']").all()) {
    await line.getByLabel("数量").fill("6");
    await line.getByRole("button", { name: "更新" }).click();
    await expect(line).not.toHaveClass(/opacity-60/);
  }
  await page.reload();
  await expect(page.getByTestId("applied-store-voucher")).toHaveCount(2);
  await expect(page.getByTestId("applied-festival-voucher")).toHaveCount(1);
  await expect(page.getByTestId("voucher-discount")).toBeVisible();
  await expect(page.getByTestId("cart-vouchers")).toContainText("已自动为你选择最优的优惠组合");
  const shownTotal = (await page.getByTestId("grand-total").getByTestId("price").first().textContent())!;

  // Checkout in demo mode: the same vouchers and the same total after them.
  await page.getByRole("link", { name: "去结算" }).click();
  await hydrated(page);
  await expect(page.getByTestId("applied-festival-voucher")).toHaveCount(1);
  await expect(page.getByTestId("checkout-total").getByTestId("price").first()).toHaveText(shownTotal);
  await fillShanghai(page, { name: "王芳" });
  await page.getByRole("button", { name: "提交订单并付款" }).click();
  await expect(page.getByTestId("demo-label")).toBeVisible();
  await page.getByRole("button", { name: "付款（演示）" }).click();
  await expect(page.getByTestId("success-state")).toHaveText("付款成功，谢谢！");
  const orderId = new URL(page.url()).searchParams.get("order")!;
  expect(orderId).toMatch(/^\d+$/);

  // The order page: each voucher with its share on every line.
  await page.goto(`/zh/account/orders/${orderId}`);
  const vouchers = page.getByTestId("order-vouchers");
  await expect(vouchers.getByTestId("order-voucher-store")).toHaveCount(2);
  await expect(vouchers.getByTestId("order-voucher-festival")).toHaveCount(1);
  await expect(vouchers).toContainText("由活动方承担");
  // Two store vouchers on their store's line, the festival's on both lines.
  await expect(vouchers.getByTestId("voucher-allocation")).toHaveCount(4);

  // Each owner sees their own share: the store voucher theirs, the festival's paid by the campaign.
  for (const { store } of picked) {
    const context = await browser.newContext();
    const owner = await context.newPage();
    await signIn(owner, `owner+${store}@silkroad.example`, `/zh/sell/orders/${orderId}`);
    const section = owner.getByTestId("order-vouchers");
    await expect(section.getByTestId("order-voucher-store")).toHaveCount(1);
    await expect(section.getByTestId("store-share")).toContainText("本店承担的优惠");
    await expect(section.getByTestId("store-share")).toContainText("活动方补贴的优惠");
    await expect(section.getByTestId("store-owed")).toBeVisible();
    await context.close();
  }
});
