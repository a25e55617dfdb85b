import { fillParis } from "./address-form.ts";
import type { Page } from "@playwright/test";
import { expect, hydrated, seriousViolations, signIn, test } from "./fixtures.ts";

/** The store slug of the product page that is open ("Sold by" link). */
async function storeSlugOf(page: Page) {
  const href = await page.locator("dd a[href*='/stores/']").first().getAttribute("href");
  return href!.split("/stores/")[1]!;
}

test("a guest pays, signs up from the same browser and finds the order; an organizer refunds one unit, the store the rest; the shopper sees both", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const email = `refund-journey-${Date.now()}@example.com`;

  // A guest buys three units of one product in demo mode.
  await page.goto("/categories/coffee");
  await page.locator("main article").first().getByRole("link").first().click();
  await expect(page.getByTestId("add-to-cart")).toBeVisible();
  await hydrated(page);
  const store = await storeSlugOf(page);
  await page.getByLabel("Quantity").fill("3");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByTestId("cart-count")).toHaveText("3");
  await page.goto("/checkout");
  await hydrated(page);
  await page.getByLabel("Email").fill(email);
  await fillParis(page, { name: "Chen Jing" });
  await page.getByRole("button", { name: "Place order and pay" }).click();
  await page.getByRole("button", { name: "Pay (demo)" }).click();
  await expect(page.getByTestId("success-state")).toHaveText("Payment received. Thank you!");
  const orderNumber = (await page
    .getByText(/^Order #\d+$/)
    .first()
    .textContent())!;
  const orderId = orderNumber.replace(/\D/g, "");

  // Signing up from this browser with the order's address adds the order to the account.
  await page.getByTestId("signup-to-keep").click();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("baobab-sunrise-42");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/account\/orders$/);
  await expect(page.getByRole("link", { name: new RegExp(`#${orderId}\\b`) }).first()).toBeVisible();

  // An organizer finds the order by the shopper's email and refunds one unit.
  const organizerContext = await browser.newContext();
  const organizer = await organizerContext.newPage();
  await signIn(organizer, "organizer@silkroad.example", `/admin/orders?q=${encodeURIComponent(email)}`);
  await organizer.getByRole("link", { name: `#${orderId}` }).click();
  await expect(organizer).toHaveURL(new RegExp(`/admin/orders/${orderId}$`));
  await organizer.getByText("Refund…").click();
  await organizer.getByLabel(/Units to refund/).fill("1");
  await organizer.getByLabel(/Reason/).fill("One bag arrived torn");
  expect(await seriousViolations(organizer)).toEqual([]);
  await organizer.getByRole("button", { name: "Refund", exact: true }).click();
  await expect(organizer.getByTestId("refund-result")).toContainText("Refunded");
  await expect(organizer.getByTestId("order-status")).toHaveText("Partly refunded");
  // What is left to refund is what the form now offers (more is refused: tests/integration/refunds.test.ts).
  await organizer.getByText("Refund…").click();
  await expect(organizer.getByLabel(/Units to refund/)).toHaveAttribute("max", "2");
  await expect(organizer.getByTestId("order-timeline")).toContainText("One bag arrived torn");
  await organizerContext.close();

  // The store refunds the other two from its own order page.
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await signIn(owner, `owner+${store}@silkroad.example`, "/sell/orders?show=all");
  await owner.getByRole("link", { name: orderNumber }).first().click();
  await expect(owner).toHaveURL(new RegExp(`/sell/orders/${orderId}$`));
  await owner.getByText("Refund…").click();
  await owner.getByLabel(/Units to refund/).fill("2");
  await owner.getByLabel(/Reason/).fill("Out of stock after all");
  await owner.getByRole("button", { name: "Refund", exact: true }).click();
  await expect(owner.getByTestId("refund-result")).toContainText("Refunded");
  await expect(owner.getByTestId("order-status")).toHaveText("Refunded");
  await ownerContext.close();

  // The shopper's order page: refunded, with both refunds and their reasons on the timeline.
  await page.goto(`/account/orders/${orderId}`);
  await expect(page.getByTestId("order-status")).toHaveText("Refunded");
  const timeline = page.getByTestId("order-timeline");
  await expect(timeline).toContainText("One bag arrived torn");
  await expect(timeline).toContainText("Out of stock after all");
  await expect(timeline.getByText(/^Refunded \$/)).toHaveCount(2);
});
