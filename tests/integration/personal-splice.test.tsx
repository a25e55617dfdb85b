/**
 * Decision 039: a guest with a cart gets the shared anonymous catalog page with their cart count
 * written in (spliceCartCount), instead of a render of their own. That is only right if the splice
 * gives exactly the HTML React renders for that guest — else the page would show one thing and
 * hydrate another. These tests render the real product page (its loader's data, the site layout and
 * the personal-data script) for nobody and for a guest with a cart, and compare.
 */
import { Outlet } from "@remix-run/react";
import { createRemixStub } from "@remix-run/testing";
import { renderToString } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { SiteLayout } from "#app/components/layout.tsx";
import type { Locale } from "#app/i18n/locales.ts";
import * as productPage from "#app/routes/($lang).products.$slug.tsx";
import { NOBODY, PersonalData, PersonalProvider, type Personal } from "#app/utils/personal.tsx";
import { spliceCartCount } from "#app/utils/personal.server.ts";
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

// One product with a festival deal, one with store vouchers (their blocks must not differ either).
const SLUGS = ["ethiopian-medium-roast-ground-coffee-250-g", "algerian-kabylie-extra-virgin-olive-oil-500-ml"];

describe("a guest's cart count spliced into the shared page is the page rendered for that guest", () => {
  for (const locale of ["zh", "en", "fr"] as const)
    test(`${locale}: counts 1, 2, 12 and 1,234`, async () => {
      for (const slug of SLUGS) {
        const shared = await renderPage(locale, slug, NOBODY);
        expect(shared).toContain('data-testid="cart-count">0</span>');
        for (const count of [1, 2, 12, 1234]) {
          const own = await renderPage(locale, slug, { ...NOBODY, cartCount: count });
          const spliced = spliceCartCount(shared, locale, count);
          expect(spliced).not.toBeNull();
          expect(spliced).toBe(own);
          expect(spliced).toContain(`data-testid="cart-count">${count}</span>`);
        }
      }
    });

  test("an empty cart leaves the shared page as it is", async () => {
    const shared = await renderPage("zh", SLUGS[0]!, NOBODY);
    expect(spliceCartCount(shared, "zh", 0)).toBe(shared);
  });

  test("a page without the parts exactly once is refused (the server then renders it for the visitor)", async () => {
    const shared = await renderPage("en", SLUGS[0]!, NOBODY);
    // Rendered for someone else already: the anonymous parts are not there.
    const someoneElse = await renderPage("en", SLUGS[0]!, { ...NOBODY, cartCount: 3 });
    expect(spliceCartCount(someoneElse, "en", 5)).toBeNull();
    // The header twice (a page that shows the count in two places must splice both, not one).
    expect(spliceCartCount(shared + shared, "en", 5)).toBeNull();
    expect(spliceCartCount("<html><body>no header</body></html>", "en", 5)).toBeNull();
  });
});
