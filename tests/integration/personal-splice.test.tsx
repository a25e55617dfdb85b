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
import { describe, expect, test } from "vitest";
import { SiteLayout } from "#app/components/layout.tsx";
import type { Locale } from "#app/i18n/locales.ts";
import * as productPage from "#app/routes/($lang).products.$slug.tsx";
import { NOBODY, PersonalData, PersonalProvider, type Personal } from "#app/utils/personal.tsx";
import { splicePersonal } from "#app/utils/personal.server.ts";
import { runLoader } from "#tests/support/loaders.ts";

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
        { user: SHOPPER, cartCount: 0, wishlist: [] },
        { user: SHOPPER, cartCount: 3, wishlist: [hearts[0]!] },
        {
          user: { email: "o'brien&co@example.com", role: "organizer" },
          cartCount: 1,
          wishlist: [hearts[1]!, hearts[2]!, 999_999],
        },
        { user: SHOPPER, cartCount: 0, wishlist: hearts },
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

  test("a signed-in shopper's page with vouchers to claim is rendered for them, not spliced", async () => {
    const shared = await renderPage("zh", VOUCHERS, NOBODY);
    expect(shared).toContain('data-testid="voucher-claim"');
    expect(splicePersonal(shared, "zh", { user: SHOPPER, cartCount: 0, wishlist: [] })).toBeNull();
    const deal = await renderPage("zh", DEAL, NOBODY);
    expect(splicePersonal(deal, "zh", { user: SHOPPER, cartCount: 1, wishlist: [] })).toBeNull();
    // A guest's page with vouchers is the same as anyone's: the sign-in link to claim.
    expect(splicePersonal(shared, "zh", { ...NOBODY, cartCount: 2 })).toBe(
      await renderPage("zh", VOUCHERS, { ...NOBODY, cartCount: 2 }),
    );
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
    expect(splicePersonal(changed, "en", { user: SHOPPER, cartCount: 0, wishlist: [id] })).toBeNull();
  });
});
