/**
 * Decision 039: a visitor with a cart or a session gets the shared anonymous catalog page with their
 * own parts written in (splicePersonal), instead of a render of their own. That is only right if the
 * splice gives exactly the HTML React renders for that visitor — else the page would show one thing
 * and hydrate another. These tests render the real product page (its loader's data, the site layout
 * and the personal-data script) for nobody and for each kind of visitor, and compare byte for byte.
 */
import { Outlet } from "@remix-run/react";
import { createRemixStub } from "@remix-run/testing";
import { renderToString } from "react-dom/server";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { SiteLayout } from "#app/components/layout.tsx";
import type { Locale } from "#app/i18n/locales.ts";
import * as productPage from "#app/routes/($lang).products.$slug.tsx";
import { NOBODY, PersonalData, PersonalProvider, type Personal } from "#app/utils/personal.tsx";
import { splicePersonal } from "#app/utils/personal.server.ts";
import { runLoader } from "#tests/support/loaders.ts";
import { getDb } from "#app/utils/db.server.ts";
import { vouchers } from "#db/schema/index.ts";

// Store vouchers of up to 3 per shopper (the seed's are 1), so a claim can be followed by another.
beforeAll(() => {
  getDb().update(vouchers).set({ perShopperLimit: 3 }).where(eq(vouchers.scope, "store")).run();
});

const PREFIX: Record<Locale, string> = { en: "", zh: "/zh", fr: "/fr" };

async function renderPage(locale: Locale, slug: string, personal: Personal) {
  const path = `${PREFIX[locale]}/products/${slug}`;
  const data = await runLoader(productPage.loader, path, { lang: locale === "en" ? undefined : locale, slug });
  const root = { origin: "http://localhost:3000", fx: null, personal: null };
  const Stub = createRemixStub([
    {
      id: "root",
      path: "/",
      loader: () => root,
      Component: () => (
        <>
          <SiteLayout>
            <Outlet />
          </SiteLayout>
          <PersonalData />
        </>
      ),
      children: [{ id: "product", path: ":lang?/products/:slug", loader: () => data, Component: productPage.default }],
    },
  ]);
  return renderToString(
    <PersonalProvider value={personal}>
      <Stub initialEntries={[path]} hydrationData={{ loaderData: { root, product: data } }} />
    </PersonalProvider>,
  );
}

// One product with a festival deal (and the festival's vouchers), one whose store has vouchers to
// claim, and one with neither.
const DEAL = "ethiopian-medium-roast-ground-coffee-250-g";
const PLAIN = "ethiopian-sidamo-natural-coffee-beans-250-g";
const VOUCHERS = "algerian-kabylie-extra-virgin-olive-oil-500-ml";
const SHOPPER = { email: "amina@example.com", role: "shopper" };

/** The product ids of the hearts on a page: the product's own first, then the related products'. */
function heartIds(html: string): number[] {
  return [
    ...new Set(
      [...html.matchAll(/data-testid="wishlist-form"><input type="hidden" name="productId" value="(\d+)"/g)].map((m) =>
        Number(m[1]),
      ),
    ),
  ];
}

describe("a visitor's parts spliced into the shared page are the page rendered for that visitor", () => {
  for (const locale of ["zh", "en", "fr"] as const)
    test(`${locale}: guests with carts of 1, 2, 12 and 1,234 items`, async () => {
      for (const slug of [DEAL, VOUCHERS, PLAIN]) {
        const shared = await renderPage(locale, slug, NOBODY);
        expect(shared).toContain('data-testid="cart-count">0</span>');
        for (const count of [1, 2, 12, 1234]) {
          const own = await renderPage(locale, slug, { ...NOBODY, cartCount: count });
          const spliced = splicePersonal(shared, locale, { ...NOBODY, cartCount: count });
          expect(spliced).not.toBeNull();
          expect(spliced).toBe(own);
          expect(spliced).toContain(`data-testid="cart-count">${count}</span>`);
        }
      }
    });

  for (const locale of ["zh", "en", "fr"] as const)
    test(`${locale}: signed-in shoppers, with and without a cart and saved products`, async () => {
      const shared = await renderPage(locale, PLAIN, NOBODY);
      expect(shared).not.toContain("data-user-specific");
      const hearts = heartIds(shared);
      // The product's own heart (the full button) and related products' (icons) are on the page.
      expect(hearts.length).toBeGreaterThanOrEqual(3);
      const visitors: Personal[] = [
        { user: SHOPPER, cartCount: 0, wishlist: [], vouchers: {} },
        { user: SHOPPER, cartCount: 3, wishlist: [hearts[0]!], vouchers: {} },
        {
          user: { email: "o'brien&co@example.com", role: "organizer" },
          cartCount: 1,
          wishlist: [hearts[1]!, hearts[2]!, 999_999],
          vouchers: { "999999": 1 },
        },
        { user: SHOPPER, cartCount: 0, wishlist: hearts, vouchers: {} },
      ];
      for (const visitor of visitors) {
        const own = await renderPage(locale, PLAIN, visitor);
        const spliced = splicePersonal(shared, locale, visitor);
        expect(spliced).toBe(own);
        expect(spliced).toContain('data-testid="account-link"');
        expect(spliced).not.toContain('data-testid="login-link"');
        const pressed = (spliced!.match(/aria-pressed="true"/g) ?? []).length;
        expect(pressed).toBe(hearts.filter((id) => visitor.wishlist.includes(id)).length);
      }
    });

  for (const locale of ["zh", "en", "fr"] as const)
    test(`${locale}: signed-in shoppers' claims on the vouchers a page offers (a festival's, a store's)`, async () => {
      for (const slug of [DEAL, VOUCHERS]) {
        const shared = await renderPage(locale, slug, NOBODY);
        const tickets = [...shared.matchAll(/data-testid="voucher-(\d+)" data-limit="(\d+)"/g)].map((m) => ({
          id: m[1]!,
          limit: Number(m[2]),
        }));
        expect(tickets.length).toBeGreaterThan(0);
        if (slug === VOUCHERS) expect(tickets.some((t) => t.limit > 1)).toBe(true);
        const visitors: Personal[] = [
          // No claims yet: the same block as a guest's.
          { user: SHOPPER, cartCount: 0, wishlist: [], vouchers: {} },
          // One claim of each: "claimed 1", and "claim another" where the limit allows.
          { user: SHOPPER, cartCount: 2, wishlist: [], vouchers: Object.fromEntries(tickets.map((t) => [t.id, 1])) },
          // At the limit of the first: its button is gone.
          { user: SHOPPER, cartCount: 0, wishlist: [], vouchers: { [tickets[0]!.id]: tickets[0]!.limit } },
          // Two of each, below the store vouchers' limit of 3 and past the festival's.
          { user: SHOPPER, cartCount: 0, wishlist: [], vouchers: Object.fromEntries(tickets.map((t) => [t.id, 2])) },
          // Claims of vouchers not on this page change nothing here.
          { user: SHOPPER, cartCount: 0, wishlist: [], vouchers: { "999999": 2 } },
        ];
        for (const visitor of visitors) {
          const own = await renderPage(locale, slug, visitor);
          const spliced = splicePersonal(shared, locale, visitor);
          expect(spliced).toBe(own);
          const claimedShown = (spliced!.match(/data-testid="voucher-claimed"/g) ?? []).length;
          expect(claimedShown).toBe(tickets.filter((t) => (visitor.vouchers[t.id] ?? 0) > 0).length);
        }
        // A guest's page with vouchers is the same as anyone's.
        expect(splicePersonal(shared, locale, { ...NOBODY, cartCount: 2 })).toBe(
          await renderPage(locale, slug, { ...NOBODY, cartCount: 2 }),
        );
      }
    });

  test("nobody's page is the shared page itself", async () => {
    const shared = await renderPage("zh", DEAL, NOBODY);
    expect(splicePersonal(shared, "zh", NOBODY)).toBe(shared);
  });

  test("a page without the parts exactly once is refused (the server then renders it for the visitor)", async () => {
    const shared = await renderPage("en", DEAL, NOBODY);
    // Rendered for someone else already: the anonymous parts are not there.
    const someoneElse = await renderPage("en", DEAL, { ...NOBODY, cartCount: 3 });
    expect(splicePersonal(someoneElse, "en", { ...NOBODY, cartCount: 5 })).toBeNull();
    // The header twice (a page that shows the count in two places must splice both, not one).
    expect(splicePersonal(shared + shared, "en", { ...NOBODY, cartCount: 5 })).toBeNull();
    expect(splicePersonal("<html><body>no header</body></html>", "en", { ...NOBODY, cartCount: 5 })).toBeNull();
    // A heart whose markup changed, for a shopper who saved that product.
    const id = heartIds(shared)[0]!;
    const changed = shared.replace('fill="white" stroke="#57534e"', 'fill="none" stroke="#57534e"');
    expect(splicePersonal(changed, "en", { user: SHOPPER, cartCount: 0, wishlist: [id], vouchers: {} })).toBeNull();
  });
});
