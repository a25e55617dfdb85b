import { fillParis, fillShanghai } from "./address-form.ts";
import type { Page } from "@playwright/test";
import { expect, FESTIVAL, hydrated, seriousViolations, signIn, test } from "./fixtures.ts";

/** The store slug of the product page that is open ("Sold by" link). */
async function storeSlugOf(page: Page) {
  const href = await page.locator("dd a[href*='/stores/']").first().getAttribute("href");
  return href!.split("/stores/")[1]!;
}

test("a guest buys a festival deal and a regular product from two stores in demo mode; each owner sees only their line", async ({
  page,
  browser,
}) => {
  // About ten pages, two axe runs, three browsers and two owner sign-ins: 72 s under stress -c 2.
  test.setTimeout(180_000);
  // A festival deal from the live festival.
  await page.goto(FESTIVAL);
  await page.getByTestId("festival-deals").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/products\//);
  // With JavaScript, adding stays on the page and says so (without it, the form opens the cart).
  await hydrated(page);
  // The product page has rendered (the URL changes before the client-side navigation has).
  await expect(page.getByTestId("add-to-cart")).toBeVisible();
  await expect(page.getByTestId("festival-badge").first()).toBeVisible();
  const dealTitle = (await page.getByRole("heading", { level: 1 }).textContent())!;
  const dealStore = await storeSlugOf(page);
  const dealPrice = (await page.getByTestId("deal-price").first().getByTestId("price").textContent())!;
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByTestId("add-to-cart").getByRole("status")).toHaveText("Added to your cart.");
  await expect(page.getByTestId("cart-count")).toHaveText("1");

  // A regular-priced product from another store.
  await page.goto("/categories/spices?sort=price-asc");
  const cards = page.locator("main article");
  const count = await cards.count();
  let regularTitle = "";
  let regularStore = "";
  for (let i = 0; i < count; i++) {
    const card = cards.nth(i);
    if ((await card.getByTestId("festival-badge").count()) > 0 || (await card.getByText("Sold out").count()) > 0)
      continue;
    await card.getByRole("link").first().click();
    await expect(page).toHaveURL(/\/products\//);
    regularStore = await storeSlugOf(page);
    if (regularStore === dealStore) {
      await page.goBack();
      await expect(page).toHaveURL(/\/categories\/spices/);
      continue;
    }
    regularTitle = (await page.getByRole("heading", { level: 1 }).textContent())!;
    break;
  }
  expect(regularTitle).not.toBe("");
  await hydrated(page);
  await page.getByLabel("Quantity").fill("2");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByTestId("cart-count")).toHaveText("3");

  // The cart: two stores, the festival price on the deal line.
  await page.getByTestId("cart-link").click();
  await expect(page.getByTestId("cart-lines").getByRole("heading", { level: 2 })).toHaveCount(2);
  await expect(page.getByTestId("cart-lines")).toContainText(dealPrice);
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("link", { name: "Check out" }).click();

  // Checkout: validation keeps what was typed, then the demo payment page.
  await hydrated(page);
  await page.getByLabel("Email").fill("not-an-email");
  await fillParis(page, { name: "Li Wei" });
  await page.getByLabel("Postcode", { exact: true }).fill("7500");
  await page.getByRole("button", { name: "Place order and pay" }).click();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expect(page.getByText("This is not a valid postcode for this country.")).toBeVisible();
  await expect(page.getByLabel("Recipient")).toHaveValue("Li Wei");
  await page.getByLabel("Email").fill("li.wei@example.com");
  await page.getByLabel("Postcode", { exact: true }).fill("75002");
  await expect(page.getByTestId("demo-notice")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("button", { name: "Place order and pay" }).click();
  // The cart priced shipping for the United States (English pages' default): France is priced again first.
  await expect(page.getByTestId("checkout-error")).toContainText("recalculated for the country in your address");
  await expect(page.getByTestId("checkout-total")).toBeVisible();
  await page.getByRole("button", { name: "Place order and pay" }).click();
  await expect(page.getByTestId("demo-label")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("button", { name: "Pay (demo)" }).click();
  await expect(page.getByTestId("success-state")).toHaveText("Payment received. Thank you!");
  await expect(page.getByTestId("order-status")).toHaveText("Paid");
  await expect(page.getByTestId("order-lines")).toContainText(dealTitle);
  await expect(page.getByTestId("order-lines")).toContainText(regularTitle);
  await expect(page.getByTestId("cart-count")).toHaveText("0");
  const orderNumber = (await page
    .getByText(/^Order #\d+$/)
    .first()
    .textContent())!;

  // The guest's signed link opens the order in a fresh browser; without the token it does not.
  const link = (await page.getByTestId("guest-order-link").getAttribute("href"))!;
  const other = await browser.newContext();
  const viewer = await other.newPage();
  await viewer.goto(link);
  await expect(viewer.getByTestId("order-status")).toHaveText("Paid");
  const response = await viewer.goto(link.replace(/token=[^&]+/, "token=forged"));
  expect(response!.status()).toBe(404);
  await other.close();

  // Each owner sees their own line only.
  for (const [store, mine, theirs] of [
    [dealStore, dealTitle, regularTitle],
    [regularStore, regularTitle, dealTitle],
  ] as const) {
    const context = await browser.newContext();
    const owner = await context.newPage();
    await signIn(owner, `owner+${store}@silkroad.example`, "/sell/orders");
    await expect(owner).toHaveURL(/\/sell\/orders$/);
    const lines = owner.getByTestId("store-order-lines");
    await expect(lines).toContainText(orderNumber);
    await expect(lines).toContainText(mine.trim());
    await expect(lines).not.toContainText(theirs.trim());
    await expect(lines).toContainText("12 rue de la Paix");
    await context.close();
  }
});

test("a failed payment keeps the order and the cart: the shopper pays again; a second order is cancelled from the cart's notice", async ({
  page,
}) => {
  test.slow(
    true,
    "a journey over ten pages: product, checkout, payment twice, order page, cart, cancel, product (about 30 s under stress -c 2)",
  );
  await page.goto("/zh/categories/coffee");
  await page.locator("main article").first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/products\//);
  const productUrl = page.url();
  await hydrated(page);
  await page.getByRole("button", { name: "加入购物车" }).click();
  await expect(page.getByTestId("cart-count")).toHaveText("1");

  const placeOrder = async () => {
    await page.goto("/zh/checkout");
    await hydrated(page);
    await page.getByLabel("电子邮箱").fill("guest@example.com");
    await fillShanghai(page, { name: "王芳" });
    await page.getByRole("button", { name: "提交订单并付款" }).click();
    await expect(page.getByTestId("demo-label")).toBeVisible();
  };

  // The payment fails: the order page says so and offers to pay again; the cart still holds the item.
  await placeOrder();
  await page.getByRole("button", { name: "模拟付款失败" }).click();
  await expect(page.getByTestId("unpaid-order")).toContainText("付款未成功");
  await expect(page.getByTestId("order-status")).toHaveText("待付款");
  await expect(page.getByTestId("order-timeline")).toContainText("付款未成功");
  await expect(page.getByTestId("cart-count")).toHaveText("1");
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByTestId("pay-again").click();
  await expect(page.getByTestId("demo-label")).toBeVisible();
  await page.getByRole("button", { name: "付款（演示）" }).click();
  await expect(page.getByTestId("success-state")).toHaveText("付款成功，谢谢！");
  // Paid: now the ordered item leaves the cart.
  await expect(page.getByTestId("cart-count")).toHaveText("0");

  // A second order is left unpaid: the cart says so, and the shopper cancels it from the order page.
  await page.goto(productUrl);
  await hydrated(page);
  await page.getByRole("button", { name: "加入购物车" }).click();
  await expect(page.getByTestId("cart-count")).toHaveText("1");
  await placeOrder();
  await page.goto("/zh/cart");
  await hydrated(page);
  await expect(page.getByTestId("unpaid-order-notice")).toBeVisible();
  await page.getByTestId("unpaid-order-notice").getByRole("link").click();
  await expect(page.getByTestId("unpaid-order")).toBeVisible();
  await page.getByTestId("cancel-order").click();
  await expect(page.getByTestId("order-action-result")).toContainText("订单已取消");
  await expect(page.getByTestId("order-status")).toHaveText("已取消");
  await expect(page.getByTestId("unpaid-order")).toHaveCount(0);
  await expect(page.getByTestId("order-timeline")).toContainText("买家取消");
  // The cart still holds the item (units released are covered by tests/integration/inventory.test.ts).
  await expect(page.getByTestId("cart-count")).toHaveText("1");
});
