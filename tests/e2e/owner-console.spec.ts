import { fillParis } from "./address-form.ts";
import type { Page } from "@playwright/test";
import { expect, hydrated, seriousViolations, signIn, test } from "./fixtures.ts";

const STORE = "yirga-highlands-coffee";

/** Both widths the console is checked at: a phone and a laptop. Full-page shots under test-results/. */
async function screenshots(page: Page, name: string) {
  for (const width of [390, 1366]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    // Nothing may be wider than the phone's screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: `test-results/owner-console-${name}-${width}.png`, fullPage: true });
  }
}

test("in Chinese, an owner sees a new order on the dashboard, prints its packing slip and ships it with a carrier from the list", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);

  // A guest buys two units from the store (demo payment).
  await page.goto(`/stores/${STORE}`);
  await page.locator("main article").first().getByRole("heading").click();
  await expect(page.getByTestId("add-to-cart")).toBeVisible();
  await hydrated(page);
  await page.getByLabel("Quantity").fill("2");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByTestId("cart-count")).toHaveText("2");
  await page.goto("/checkout");
  await hydrated(page);
  await page.getByLabel("Email").fill(`console-${Date.now()}@example.com`);
  await fillParis(page, { name: "Wang Fang" });
  await page.getByRole("button", { name: "Place order and pay" }).click();
  // The cart priced shipping for the United States (English pages' default): France is priced again first.
  await expect(page.getByTestId("checkout-error")).toContainText("recalculated for the country in your address");
  await page.getByRole("button", { name: "Place order and pay" }).click();
  await page.getByRole("button", { name: "Pay (demo)" }).click();
  await expect(page.getByTestId("success-state")).toBeVisible();
  const orderId = (await page
    .getByText(/^Order #\d+$/)
    .first()
    .textContent())!.replace(/\D/g, "");

  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const owner = await context.newPage();
  await signIn(owner, `owner+${STORE}@silkroad.example`, "/zh/sell");
  await expect(owner).toHaveURL(/\/zh\/sell$/);

  // The dashboard: the order waits to be shipped; the sales chart has its text alternative.
  const toShip = owner.getByTestId("to-ship");
  await expect(toShip.getByRole("heading", { name: /待发货/ })).toBeVisible();
  await expect(toShip.getByRole("link", { name: `订单 #${orderId}` })).toBeVisible();
  await expect(toShip).toContainText("已等待0小时");
  await expect(owner.getByRole("img", { name: /近30天每日销售额/ })).toBeVisible();
  await owner.getByText("以表格查看数据").click();
  await expect(owner.getByTestId("sales-table").locator("tbody tr")).toHaveCount(30);
  await owner.getByRole("link", { name: "近7天" }).click();
  await expect(owner).toHaveURL(/\/zh\/sell\?period=7$/);
  await expect(owner.getByRole("img", { name: /近7天每日销售额/ })).toBeVisible();
  expect(await seriousViolations(owner)).toEqual([]);
  await screenshots(owner, "dashboard");

  // The order page and its packing slip: where it goes and what goes in it, no prices.
  await toShip.getByRole("link", { name: `订单 #${orderId}` }).click();
  await expect(owner).toHaveURL(new RegExp(`/zh/sell/orders/${orderId}$`));
  await owner.getByRole("link", { name: "装箱单（可打印）" }).click();
  const slip = owner.getByTestId("packing-slip");
  await expect(slip).toContainText(`订单 #${orderId}`);
  await expect(owner.getByTestId("slip-address")).toContainText("12 rue de la Paix");
  await expect(owner.getByTestId("slip-lines").locator("tbody td").nth(1)).toHaveText("2");
  await expect(slip).not.toContainText("$");
  expect(await seriousViolations(owner)).toEqual([]);
  await screenshots(owner, "packing-slip");
  // On paper only the slip: the site's header and the console's tabs are not printed.
  await owner.emulateMedia({ media: "print" });
  await expect(owner.locator("header").first()).toBeHidden();
  await expect(owner.getByRole("navigation", { name: "卖家中心" })).toBeHidden();
  await expect(slip).toBeVisible();
  await owner.emulateMedia({ media: "screen" });

  // Shipping: the carrier comes from a list; the tracking number becomes a link.
  // All lines, so the shipped line stays in the list with its confirmation.
  await owner.goto("/zh/sell/orders?show=all");
  const line = owner
    .locator("[data-testid^=order-line-]")
    .filter({ has: owner.getByRole("link", { name: `订单 #${orderId}`, exact: true }) });
  await expect(line.getByLabel("承运商")).toHaveValue("");
  await line.getByLabel("承运商").selectOption({ label: "顺丰速运" });
  await line.getByLabel("运单号").fill("SF1234567890");
  expect(await seriousViolations(owner)).toEqual([]);
  await line.getByRole("button", { name: "标记为已发货" }).click();
  await expect(line.getByRole("status")).toHaveText("已标记为发货。");
  await expect(line).toContainText("已发货 · 顺丰速运");
  await expect(line.getByRole("link", { name: "SF1234567890" })).toHaveAttribute(
    "href",
    "https://www.sf-express.com/chn/en/waybill/waybill-detail/SF1234567890",
  );
  await screenshots(owner, "orders");

  await owner.goto(`/zh/sell/orders/${orderId}`);
  await expect(owner.getByTestId("tracking-link")).toHaveAttribute("href", /sf-express\.com.*SF1234567890$/);
  await expect(owner.getByTestId("order-timeline")).toContainText("顺丰速运 SF1234567890");
  expect(await seriousViolations(owner)).toEqual([]);
  await screenshots(owner, "order");

  // Listings: a card per listing on a phone, and one form for the ticked ones. Setting active
  // listings active changes nothing other journeys rely on, but goes through the whole edit.
  await owner.goto("/zh/sell/products?status=active&sort=title");
  await screenshots(owner, "listings");
  await owner.setViewportSize({ width: 390, height: 844 });
  const rows = owner.locator("[data-testid^=row-]");
  await rows.nth(0).getByRole("checkbox").check();
  await rows.nth(1).getByRole("checkbox").check();
  await owner.getByLabel("新状态").selectOption("active");
  expect(await seriousViolations(owner)).toEqual([]);
  await owner.getByRole("button", { name: "应用到所选商品" }).click();
  await expect(owner.getByTestId("bulk-result")).toHaveText("已更新2件商品。");

  // A listing's photos: each can be described in the three languages (works without JavaScript).
  await owner.setViewportSize({ width: 1366, height: 900 });
  await rows.nth(0).getByRole("link").first().click();
  await expect(owner).toHaveURL(/\/zh\/sell\/products\/\d+$/);
  await owner.getByText("描述第1张图片").click();
  await expect(owner.getByTestId("photo-1").getByLabel("图片说明（中文）")).toBeVisible();
  expect(await seriousViolations(owner)).toEqual([]);
  await screenshots(owner, "listing");
  await context.close();
});
