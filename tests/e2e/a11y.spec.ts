import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

async function serious(page: Page) {
  const axe = await new AxeBuilder({ page }).analyze();
  return axe.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes[0]?.target}`);
}

async function signIn(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("silkroad-demo-2025");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/(account|sell|admin)/);
}

for (const prefix of ["", "/zh", "/fr"]) {
  test(`shopper pages in ${prefix || "/en"}: no serious or critical axe violations`, async ({ page, request }) => {
    const found = (await (await request.get("/api/search?q=coffee&inStock=1")).json()) as {
      hits: { slug: string; id: number }[];
    };
    const product = found.hits[0]!;
    for (const path of [
      "/",
      "/search?q=coffee",
      `/products/${product.slug}`,
      "/stores/yirga-highlands-coffee",
      "/festivals",
      "/festivals/african-products-online-shopping-festival",
    ]) {
      await page.goto(`${prefix}${path}`);
      expect(await serious(page), `${prefix}${path}`).toEqual([]);
    }
    // Cart and checkout need something in the cart.
    await page.goto(`${prefix}/products/${product.slug}`);
    await page.getByTestId("add-to-cart").getByRole("button").click();
    await expect(page.getByTestId("cart-count")).toHaveText("1");
    for (const path of ["/cart", "/checkout"]) {
      await page.goto(`${prefix}${path}`);
      expect(await serious(page), `${prefix}${path}`).toEqual([]);
    }
  });

  test(`owner and organizer consoles in ${prefix || "/en"}: no serious or critical axe violations`, async ({
    page,
  }) => {
    await signIn(page, "owner+yirga-highlands-coffee@silkroad.example");
    for (const path of [
      "/sell",
      "/sell/products",
      "/sell/products/new",
      "/sell/orders",
      "/sell/profile",
      "/sell/import",
      "/account/orders",
    ]) {
      await page.goto(`${prefix}${path}`);
      expect(await serious(page), `${prefix}${path}`).toEqual([]);
    }
    await page.context().clearCookies();
    await signIn(page, "organizer@silkroad.example");
    for (const path of [
      "/admin",
      "/admin/stores",
      "/admin/featured",
      "/admin/festivals",
      "/admin/festivals/new",
      "/admin/festivals/1",
      "/admin/insights",
      "/admin/audit",
    ]) {
      await page.goto(`${prefix}${path}`);
      expect(await serious(page), `${prefix}${path}`).toEqual([]);
    }
  });
}

/** Presses Tab until the focused element satisfies `match` (fails after `max` presses). */
async function tabTo(
  page: Page,
  match: (el: { tag: string; text: string; label: string; name: string; type: string }) => boolean,
  max = 250,
) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      return {
        tag: a?.tagName.toLowerCase() ?? "",
        text: (a?.textContent ?? "").trim(),
        label: a?.getAttribute("aria-label") ?? "",
        name: a?.getAttribute("name") ?? "",
        type: a?.getAttribute("type") ?? "",
      };
    });
    if (match(el)) return;
  }
  throw new Error("focus never reached the wanted element");
}

test("keyboard only: from the home page to a paid demo order", async ({ page }) => {
  await page.goto("/");
  // The first festival deal on the home page.
  await tabTo(
    page,
    (el) => el.tag === "a" && el.text.includes("African Products Online Shopping Festival") && el.text.length > 45,
  );
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/products\//);
  await tabTo(page, (el) => el.tag === "button" && el.text === "Add to cart");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("cart-count")).toHaveText("1");
  await tabTo(page, (el) => el.tag === "a" && el.label.startsWith("Cart"));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/cart$/);
  await tabTo(page, (el) => el.tag === "a" && el.text === "Check out");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/checkout$/);
  for (const [name, value] of [
    ["email", "keyboard@example.com"],
    ["name", "Chen Jing"],
    ["address", "1 Zhongshan Road"],
    ["city", "Guangzhou"],
    ["country", "China"],
  ] as const) {
    await tabTo(page, (el) => el.tag === "input" && el.name === name);
    await page.keyboard.type(value);
  }
  await tabTo(page, (el) => el.tag === "button" && el.text === "Place order and pay");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("demo-label")).toBeVisible();
  await tabTo(page, (el) => el.tag === "button" && el.text === "Pay (demo)");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("success-state")).toHaveText("Payment received. Thank you!");
});
