import type { APIRequestContext, Page } from "@playwright/test";
import { AXE_BUDGET, expect, FESTIVAL, FESTIVAL_EDITOR_BUDGET, hydrated, seriousViolations, test } from "./fixtures.ts";

// One test per page and language, so a slow page on a busy machine has its own time budget and a
// failure names the page.
const LANGUAGES = ["", "/zh", "/fr"];
const lang = (prefix: string) => prefix || "/en";

/** An in-stock coffee product, from the search API (the sweep covers one real product page). */
async function coffeeProduct(request: APIRequestContext) {
  const found = (await (await request.get("/api/search?q=coffee&inStock=1")).json()) as {
    hits: { slug: string; id: number }[];
  };
  expect(found.hits.length).toBeGreaterThan(0);
  return found.hits[0]!;
}

async function addToCart(page: Page, prefix: string, slug: string) {
  await page.goto(`${prefix}/products/${slug}`);
  await hydrated(page);
  await page.getByTestId("add-to-cart").getByRole("button").click();
  await expect(page.getByTestId("cart-count")).toHaveText("1");
}

const SHOPPER_PAGES = ["/", "/search?q=coffee", "/stores/yirga-highlands-coffee", "/festivals", FESTIVAL];

const CONSOLES = [
  {
    who: "store owner",
    email: "owner+yirga-highlands-coffee@silkroad.example",
    paths: [
      "/sell",
      "/sell/products",
      "/sell/products/new",
      "/sell/orders",
      "/sell/profile",
      "/sell/import",
      "/account/orders",
      "/account/security",
    ],
  },
  {
    who: "organizer",
    email: "organizer@silkroad.example",
    paths: [
      "/admin",
      "/admin/stores",
      "/admin/orders",
      "/admin/featured",
      "/admin/festivals",
      "/admin/festivals/new",
      "/admin/festivals/1",
      "/admin/insights",
      "/admin/audit",
    ],
  },
];

for (const prefix of LANGUAGES) {
  test.describe(`shopper pages in ${lang(prefix)}: no serious or critical axe violations`, () => {
    test.describe.configure({ timeout: AXE_BUDGET }); // axe-core is CPU-bound: see AXE_SLOW
    for (const path of SHOPPER_PAGES) {
      test(`${prefix}${path}`, async ({ page }) => {
        await page.goto(`${prefix}${path}`);
        expect(await seriousViolations(page), `${prefix}${path}`).toEqual([]);
      });
    }

    test(`${prefix}/products/… (an in-stock coffee)`, async ({ page, request }) => {
      const product = await coffeeProduct(request);
      await page.goto(`${prefix}/products/${product.slug}`);
      expect(await seriousViolations(page), `${prefix}/products/${product.slug}`).toEqual([]);
    });

    // The cart and checkout need something in the cart.
    for (const path of ["/cart", "/checkout"]) {
      test(`${prefix}${path} with a product in the cart`, async ({ page, request }) => {
        await addToCart(page, prefix, (await coffeeProduct(request)).slug);
        await page.goto(`${prefix}${path}`);
        expect(await seriousViolations(page), `${prefix}${path}`).toEqual([]);
      });
    }
  });

  for (const { who, email, paths } of CONSOLES) {
    test.describe(`${who} console in ${lang(prefix)}: no serious or critical axe violations`, () => {
      test.use({ signedInAs: email });
      test.describe.configure({ timeout: AXE_BUDGET }); // axe-core is CPU-bound: see AXE_SLOW
      for (const path of paths) {
        test(`${prefix}${path}`, async ({ page }) => {
          if (path === "/admin/festivals/1") test.setTimeout(FESTIVAL_EDITOR_BUDGET);
          await page.goto(`${prefix}${path}`);
          // Still signed in: the page itself, not the login form, is what gets checked.
          await expect(page).toHaveURL((url) => url.pathname === `${prefix}${path}`);
          expect(await seriousViolations(page), `${prefix}${path}`).toEqual([]);
        });
      }
    });
  }
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
  test.slow(true, "a whole purchase driven by hundreds of Tab presses, each a round trip to the browser");
  await page.goto("/");
  await hydrated(page);
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
    ["country", "France"],
    ["name", "Chen Jing"],
    ["phone", "06 12 34 56 78"],
    ["address", "1 rue de Rivoli"],
    ["city", "Paris"],
    ["postcode", "75001"],
  ] as const) {
    await tabTo(page, (el) => (el.tag === "input" || el.tag === "select") && el.name === name);
    await page.keyboard.type(value);
  }
  await tabTo(page, (el) => el.tag === "button" && el.text === "Place order and pay");
  await page.keyboard.press("Enter");
  // The cart priced shipping for its destination (the United States by default in English): an
  // address in France is priced again and shown before anything is charged; pay again.
  await expect(page.getByTestId("checkout-error")).toContainText("recalculated for the country in your address");
  await tabTo(page, (el) => el.tag === "button" && el.text === "Place order and pay");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("demo-label")).toBeVisible();
  await tabTo(page, (el) => el.tag === "button" && el.text === "Pay (demo)");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("success-state")).toHaveText("Payment received. Thank you!");
});
