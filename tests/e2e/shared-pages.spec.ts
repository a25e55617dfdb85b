import type { Page } from "@playwright/test";
import { expect, hydrated, signIn, test } from "./fixtures.ts";

/**
 * Decision 039: a guest with a cart gets the shared anonymous catalog page with their cart count
 * written in by the server. The page must show that count without JavaScript and keep it through
 * hydration (React hydrating other markup than it was sent logs an error and re-renders).
 */
/** Console errors and uncaught exceptions on the page (a hydration mismatch logs one). */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

const SHOPPER = "shopper+3@silkroad.example";
const PRODUCT = "/zh/products/ethiopian-medium-roast-ground-coffee-250-g";
/** No festival deal and no store vouchers: nothing on it depends on who is signed in but the parts spliced. */
const PLAIN = "/zh/products/kenyan-nyeri-aa-coffee-beans-250-g";

test("a guest with a cart gets the shared page with their count, and it hydrates without a mismatch", async ({
  page,
}) => {
  const errors = consoleErrors(page);

  await page.goto(PRODUCT);
  await hydrated(page);
  await expect(page.getByTestId("cart-count")).toHaveText("0");
  await page.getByTestId("add-to-cart").getByRole("button").first().click();
  await expect(page.getByTestId("cart-count")).toHaveText("1");

  // Another catalog page, loaded whole: the shared page with this guest's count spliced in.
  const other = "/zh/products/kenyan-kirinyaga-ab-coffee-beans-250-g";
  const response = await page.goto(other);
  expect(response!.headers()["x-personal"]).toBe("spliced");
  expect(response!.headers()["cache-control"]).toBe("private, no-cache");
  const html = await response!.text();
  expect(html).toContain('data-testid="cart-count">1</span>');
  expect(html).toContain('aria-label="购物车，1件商品"');
  await hydrated(page);
  await expect(page.getByTestId("cart-count")).toHaveText("1");
  await expect(page.getByTestId("cart-link")).toHaveAttribute("aria-label", "购物车，1件商品");
  // The personal parts update after an action, as before: a second item counts.
  await page.getByTestId("add-to-cart").getByRole("button").first().click();
  await expect(page.getByTestId("cart-count")).toHaveText("2");
  expect(errors).toEqual([]);
});

test("without JavaScript a guest's shared page still shows their cart", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(PRODUCT);
  await page.getByTestId("add-to-cart").getByRole("button").first().click();
  // Post/Redirect/Get lands on the cart; the product page again is the shared one with the count.
  await expect(page).toHaveURL(/\/zh\/cart\?notice=added/);
  const response = await page.goto(PRODUCT);
  expect(response!.headers()["x-personal"]).toBe("spliced");
  await expect(page.getByTestId("cart-count")).toHaveText("1");
  await context.close();
});

test("a signed-in shopper's page is the shared one with their account link, hearts and voucher claims", async ({
  page,
  request,
}) => {
  const errors = consoleErrors(page);
  const anonymous = await request.get(PLAIN);
  expect(anonymous.headers()["x-personal"]).toBeUndefined();
  expect(anonymous.headers()["cache-control"]).toMatch(/^public/);

  await signIn(page, SHOPPER, PLAIN);
  await hydrated(page);
  const heart = page.getByTestId("buy-box").getByTestId("wishlist-button");
  if ((await heart.getAttribute("aria-pressed")) === "true") {
    await heart.click();
    await expect(heart).toHaveAttribute("aria-pressed", "false");
  }
  await heart.click();
  await expect(heart).toHaveAttribute("aria-pressed", "true");

  const response = await page.goto(PLAIN);
  expect(response!.headers()["x-personal"]).toBe("spliced");
  expect(response!.headers()["cache-control"]).toBe("private, no-cache");
  const html = await response!.text();
  expect(html).toContain('data-testid="account-link"');
  expect(html).not.toContain('data-testid="login-link"');
  expect(html).toMatch(/value="remove" aria-pressed="true"/);
  await hydrated(page);
  await expect(page.getByTestId("account-link")).toBeVisible();
  await expect(heart).toHaveAttribute("aria-pressed", "true");
  // Unsaving works from the spliced page, and the next page load shows it.
  await heart.click();
  await expect(heart).toHaveAttribute("aria-pressed", "false");
  await page.reload();
  await expect(heart).toHaveAttribute("aria-pressed", "false");

  // A festival deal's page offers the festival's vouchers: the shopper's claims are written in too.
  const deal = await page.goto(PRODUCT);
  expect(deal!.headers()["x-personal"]).toBe("spliced");
  await hydrated(page);
  const ticket = page.getByTestId("voucher-claim").locator("li").first();
  if ((await ticket.getByTestId("voucher-claimed").count()) === 0) {
    await ticket.getByTestId("voucher-claim-button").click();
    await expect(ticket.getByTestId("voucher-claimed")).toBeVisible();
  }
  const again = await page.goto(PRODUCT);
  expect(again!.headers()["x-personal"]).toBe("spliced");
  expect(await again!.text()).toContain('data-testid="voucher-claimed"');
  await hydrated(page);
  await expect(ticket.getByTestId("voucher-claimed")).toBeVisible();
  await expect(page.getByTestId("voucher-code")).toBeVisible();
  expect(errors).toEqual([]);
});
