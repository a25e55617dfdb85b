import { describe, expect, test } from "vitest";
import * as root from "#app/root.tsx";
import * as home from "#app/routes/($lang)._index.tsx";
import * as catchAll from "#app/routes/($lang).$.tsx";
import * as categoryIndex from "#app/routes/($lang).categories._index.tsx";
import * as category from "#app/routes/($lang).categories.$slug.tsx";
import * as countryIndex from "#app/routes/($lang).countries._index.tsx";
import * as country from "#app/routes/($lang).countries.$code.tsx";
import * as product from "#app/routes/($lang).products.$slug.tsx";
import * as store from "#app/routes/($lang).stores.$slug.tsx";
import * as storeIndex from "#app/routes/($lang).stores._index.tsx";
import * as productArt from "#app/routes/art.products.$file.ts";
import * as storeArt from "#app/routes/art.stores.$file.ts";
import * as healthz from "#app/routes/healthz.ts";
import { getDb } from "#app/utils/db.server.ts";
import { runLoader, thrownResponse } from "#tests/support/loaders.ts";

const sql = <T>(query: string, ...params: unknown[]) =>
  getDb()
    .$client.prepare(query)
    .all(...params) as T[];
const first = <T>(query: string, ...params: unknown[]) => sql<T>(query, ...params)[0]!;

describe("home", () => {
  test("campaign progress, featured products in curated order, countries and categories", async () => {
    const data = await runLoader(home.loader, "/");
    expect(data.progress).toEqual({
      approvedStores: 100,
      activeProducts: 1000,
      countries: 49,
      targets: { stores: 100, products: 1000 },
    });
    const curated = sql<{ slug: string }>(
      "SELECT p.slug FROM featured_products f JOIN products p ON p.id = f.product_id ORDER BY f.position",
    );
    expect(data.featured.map((p) => p.slug)).toEqual(curated.map((c) => c.slug));
    expect(data.topCountries).toHaveLength(12);
    expect(data.topCountries[0]!.productCount).toBeGreaterThanOrEqual(data.topCountries[11]!.productCount);
    expect(data.categories.reduce((n, c) => n + c.productCount, 0)).toBe(1000);
  });

  test("progress counts only what shoppers can see", async () => {
    const db = getDb().$client;
    const storeId = first<{ id: number }>("SELECT id FROM stores ORDER BY id LIMIT 1").id;
    const own = first<{ n: number }>("SELECT count(*) n FROM products WHERE store_id = ?", storeId).n;
    db.prepare("UPDATE stores SET status = 'suspended' WHERE id = ?").run(storeId);
    try {
      const data = await runLoader(home.loader, "/");
      expect(data.progress.approvedStores).toBe(99);
      expect(data.progress.activeProducts).toBe(1000 - own);
    } finally {
      db.prepare("UPDATE stores SET status = 'approved' WHERE id = ?").run(storeId);
    }
  });

  test("speaks the URL's language", async () => {
    const zh = await runLoader(home.loader, "/zh", { lang: "zh" });
    expect(zh.categories.find((c) => c.slug === "coffee")!.name).toBe("咖啡");
    const fr = await runLoader(home.loader, "/fr", { lang: "fr" });
    expect(fr.categories.find((c) => c.slug === "crafts-home-decor")!.name).toBe("Artisanat et décoration");
  });

  test("an unknown language prefix is a 404 (the root loader, which every page request runs, refuses it)", async () => {
    expect((await thrownResponse(runLoader(root.loader, "/de", { lang: "de" }))).status).toBe(404);
    expect((await thrownResponse(runLoader(root.loader, "/en/stores", { lang: "en" }))).status).toBe(404);
    // A document's root data holds nothing personal (decision 039); Remix's `.data` revalidation does.
    expect(await runLoader(root.loader, "/zh/stores", { lang: "zh" })).toMatchObject({ personal: null });
    expect(await runLoader(root.loader, "/zh/stores.data", { lang: "zh" })).toMatchObject({
      personal: { cartCount: 0, user: null, wishlist: [] },
    });
  });
});

describe("stores", () => {
  test("lists approved stores 24 a page with product counts", async () => {
    const data = await runLoader(storeIndex.loader, "/stores");
    expect(data.stores.pagination).toMatchObject({ page: 1, pageCount: 5, total: 100 });
    expect(data.stores.items).toHaveLength(24);
    const s = data.stores.items[0]!;
    expect(s.productCount).toBe(first<{ n: number }>("SELECT count(*) n FROM products WHERE store_id = ?", s.id).n);
  });

  test("filters by country, ignoring invalid country values", async () => {
    const kenya = await runLoader(storeIndex.loader, "/stores?country=ke");
    expect(kenya.country).toBe("KE");
    expect(kenya.stores.items.length).toBeGreaterThan(0);
    expect(kenya.stores.items.length).toBe(
      first<{ n: number }>("SELECT count(*) n FROM stores WHERE country_code = 'KE'").n,
    );
    expect(kenya.stores.items.every((s) => s.country.code === "KE")).toBe(true);
    for (const bad of ["XX", "<script>", "' OR 1=1 --", ""]) {
      const data = await runLoader(storeIndex.loader, `/stores?country=${encodeURIComponent(bad)}`);
      expect(data.country).toBeNull();
      expect(data.stores.pagination.total).toBe(100);
    }
  });

  test.each(["-1", "abc", "0", "99999", "1e9"])("page=%s is clamped, never an error", async (page) => {
    const data = await runLoader(storeIndex.loader, `/stores?page=${page}`);
    expect([1, 5]).toContain(data.stores.pagination.page);
    expect(data.stores.items.length).toBeGreaterThan(0);
  });

  test("a store page has its profile and products in the page's language", async () => {
    const data = await runLoader(store.loader, "/zh/stores/yirga-highlands-coffee", {
      lang: "zh",
      slug: "yirga-highlands-coffee",
    });
    expect(data.store).toMatchObject({
      name: "耶加高地咖啡",
      city: "耶加雪菲",
      country: { code: "ET", name: "埃塞俄比亚" },
    });
    expect(data.store.story).toContain("耶加高地咖啡");
    expect(data.products.items.length).toBeGreaterThan(0);
    expect(data.products.items.length).toBe(data.store.productCount);
    expect(data.products.items.every((p) => p.store.slug === "yirga-highlands-coffee")).toBe(true);
  });

  test("unknown and suspended stores are 404", async () => {
    expect((await thrownResponse(runLoader(store.loader, "/stores/nope", { slug: "nope" }))).status).toBe(404);
    getDb().$client.prepare("UPDATE stores SET status = 'suspended' WHERE slug = 'lake-kivu-coffee'").run();
    try {
      expect(
        (await thrownResponse(runLoader(store.loader, "/stores/lake-kivu-coffee", { slug: "lake-kivu-coffee" })))
          .status,
      ).toBe(404);
    } finally {
      getDb().$client.prepare("UPDATE stores SET status = 'approved' WHERE slug = 'lake-kivu-coffee'").run();
    }
  });
});

describe("product page", () => {
  const slug = () =>
    first<{ slug: string }>("SELECT slug FROM products WHERE title_en LIKE '%Yirgacheffe%' LIMIT 1").slug;

  test("has price, store, origin, category, stock and related products", async () => {
    const data = await runLoader(product.loader, `/products/${slug()}`, { slug: slug() });
    const row = first<{ price_cents: number; stock: number; sku: string }>(
      "SELECT price_cents, stock, sku FROM products WHERE slug = ?",
      slug(),
    );
    expect(data.product).toMatchObject({
      slug: slug(),
      priceCents: row.price_cents,
      stock: row.stock,
      sku: row.sku,
      currency: "USD",
      country: { code: "ET", name: "Ethiopia" },
      category: { slug: "coffee", name: "Coffee" },
      store: { slug: "yirga-highlands-coffee", city: "Yirgacheffe" },
    });
    expect(data.product.title).toMatch(/Yirgacheffe/);
    expect(data.product.images[0]).toBe(`/art/products/${slug()}.svg`);
    expect(data.related.length).toBe(8);
    expect(data.related.every((r) => r.category.slug === "coffee" && r.slug !== slug())).toBe(true);
    // Same origin first.
    expect(data.related[0]!.country.code).toBe("ET");
  });

  test("is written in Chinese on /zh and French on /fr", async () => {
    const zh = await runLoader(product.loader, `/zh/products/${slug()}`, { lang: "zh", slug: slug() });
    expect(zh.product.title).toContain("耶加雪菲");
    expect(zh.product.country.name).toBe("埃塞俄比亚");
    const fr = await runLoader(product.loader, `/fr/products/${slug()}`, { lang: "fr", slug: slug() });
    expect(fr.product.title).toContain("d'Éthiopie");
    expect(fr.product.category.name).toBe("Café");
  });

  test("unknown, archived and draft products are 404", async () => {
    for (const s of ["does-not-exist", "../../etc/passwd", "<script>"]) {
      expect((await thrownResponse(runLoader(product.loader, `/products/x`, { slug: s }))).status).toBe(404);
    }
    const archived = first<{ slug: string }>("SELECT slug FROM products ORDER BY id DESC LIMIT 1").slug;
    getDb().$client.prepare("UPDATE products SET status = 'archived' WHERE slug = ?").run(archived);
    try {
      expect(
        (await thrownResponse(runLoader(product.loader, `/products/${archived}`, { slug: archived }))).status,
      ).toBe(404);
    } finally {
      getDb().$client.prepare("UPDATE products SET status = 'active' WHERE slug = ?").run(archived);
    }
  });
});

describe("countries", () => {
  test("lists every represented country with counts, alphabetically in the page's language", async () => {
    const data = await runLoader(countryIndex.loader, "/countries");
    expect(data.countries).toHaveLength(49);
    const kenya = data.countries.find((c) => c.code === "KE")!;
    expect(kenya.storeCount).toBe(first<{ n: number }>("SELECT count(*) n FROM stores WHERE country_code = 'KE'").n);
    expect(kenya.productCount).toBe(
      first<{ n: number }>(
        "SELECT count(*) n FROM products p JOIN stores s ON s.id = p.store_id WHERE s.country_code = 'KE'",
      ).n,
    );
    const names = data.countries.map((c) => c.name);
    expect(names).toEqual([...names].sort(new Intl.Collator("en-US").compare));
    expect(data.countries.reduce((n, c) => n + c.productCount, 0)).toBe(1000);
  });

  test("a country page has its stores and a page of its products", async () => {
    const data = await runLoader(country.loader, "/countries/GH", { code: "GH" });
    expect(data.country.name).toBe("Ghana");
    expect(data.stores.items.length).toBeGreaterThan(0);
    expect(data.stores.items.every((s) => s.country.code === "GH")).toBe(true);
    expect(data.products.items.length).toBeGreaterThan(0);
    expect(data.products.items.every((p) => p.country.code === "GH")).toBe(true);
    expect(data.products.items.length).toBe(Math.min(24, data.products.pagination.total));
  });

  test("sorts by price both ways", async () => {
    const up = await runLoader(country.loader, "/countries/KE?sort=price-asc", { code: "KE" });
    const prices = up.products.items.map((p) => p.priceCents);
    expect(prices.length).toBeGreaterThan(1);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    const down = await runLoader(country.loader, "/countries/KE?sort=price-desc", { code: "KE" });
    expect(down.products.items[0]!.priceCents).toBe(
      first<{ m: number }>(
        "SELECT max(price_cents) m FROM products p JOIN stores s ON s.id = p.store_id WHERE s.country_code = 'KE'",
      ).m,
    );
  });

  test("a known country without stores shows an empty state, an unknown code is 404", async () => {
    const djibouti = await runLoader(country.loader, "/countries/DJ", { code: "DJ" });
    expect(djibouti.stores.items).toEqual([]);
    expect(djibouti.products.pagination.total).toBe(0);
    for (const code of ["XX", "FR", "ETH", "1", "%00"]) {
      expect((await thrownResponse(runLoader(country.loader, `/countries/${code}`, { code }))).status).toBe(404);
    }
  });

  test("lower-case codes redirect to the canonical upper-case URL, keeping language and query", async () => {
    const response = await thrownResponse(
      runLoader(country.loader, "/fr/countries/et?sort=price-asc", { lang: "fr", code: "et" }),
    );
    expect(response.status).toBe(301);
    expect(response.headers.get("Location")).toBe("/fr/countries/ET?sort=price-asc");
  });
});

describe("categories", () => {
  test("the index lists all categories with counts", async () => {
    const data = await runLoader(categoryIndex.loader, "/zh/categories", { lang: "zh" });
    expect(data.categories.length).toBe(14);
    expect(data.categories.find((c) => c.slug === "tea-infusions")!.name).toBe("茶与花草茶");
  });

  test("a category pages 24 products, newest first by default", async () => {
    const data = await runLoader(category.loader, "/categories/crafts-home-decor", { slug: "crafts-home-decor" });
    const total = first<{ n: number }>(
      "SELECT count(*) n FROM products p JOIN categories c ON c.id = p.category_id WHERE c.slug = 'crafts-home-decor'",
    ).n;
    expect(data.products.pagination).toMatchObject({ page: 1, total, pageCount: Math.ceil(total / 24) });
    expect(data.products.items).toHaveLength(24);
    expect(data.sort).toBe("newest");
    const newest = first<{ slug: string }>(
      "SELECT p.slug FROM products p JOIN categories c ON c.id = p.category_id WHERE c.slug = 'crafts-home-decor' ORDER BY p.created_at DESC, p.id DESC LIMIT 1",
    );
    expect(data.products.items[0]!.slug).toBe(newest.slug);
  });

  test("page 2 continues where page 1 stopped", async () => {
    const one = await runLoader(category.loader, "/categories/coffee?sort=price-asc", { slug: "coffee" });
    const two = await runLoader(category.loader, "/categories/coffee?sort=price-asc&page=2", { slug: "coffee" });
    expect(two.products.pagination.page).toBe(2);
    expect(two.products.items[0]!.priceCents).toBeGreaterThanOrEqual(one.products.items.at(-1)!.priceCents);
    const ids = new Set(one.products.items.map((p) => p.id));
    expect(two.products.items.some((p) => ids.has(p.id))).toBe(false);
  });

  test.each([
    ["page=-1&sort=%3Cscript%3E", 1, "newest"],
    ["page=abc", 1, "newest"],
    ["page=99999", -1, "newest"],
    ["sort=price-desc&page=2.5", 1, "price-desc"],
  ])("%s is clamped or ignored", async (query, page, sort) => {
    const data = await runLoader(category.loader, `/categories/coffee?${query}`, { slug: "coffee" });
    expect(data.products.pagination.page).toBe(page === -1 ? data.products.pagination.pageCount : page);
    expect(data.sort).toBe(sort);
    expect(data.products.items.length).toBeGreaterThan(0);
  });

  test("unknown category is 404", async () => {
    expect((await thrownResponse(runLoader(category.loader, "/categories/guns", { slug: "guns" }))).status).toBe(404);
  });
});

describe("resources", () => {
  test("/healthz reports the database", async () => {
    const response = await healthz.loader();
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const body = await response.json();
    expect(body.db).toEqual({ ok: true, journalMode: "wal", foreignKeys: true, stores: 100, products: 1000 });
    expect(body.search).toMatchObject({ outboxBacklog: 0 });
  });

  test("product art and store logos are SVGs cached for a year; unknown ones 404", async () => {
    const slug = first<{ slug: string }>("SELECT slug FROM products LIMIT 1").slug;
    const art = await runLoader(productArt.loader, `/art/products/${slug}.svg`, { file: `${slug}.svg` });
    expect(art.status).toBe(200);
    expect(art.headers.get("Content-Type")).toBe("image/svg+xml; charset=utf-8");
    expect(art.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    expect(await art.text()).toMatch(/^<svg/);
    const logo = await runLoader(storeArt.loader, "/art/stores/bonwire-kente-weavers.svg", {
      file: "bonwire-kente-weavers.svg",
    });
    expect(await logo.text()).toContain(">BK<");
    for (const file of ["nope.svg", `${slug}.png`, "../../../etc/passwd", `${slug}`]) {
      expect((await runLoader(productArt.loader, `/art/products/x`, { file })).status, file).toBe(404);
    }
  });

  test("any other path is a 404", async () => {
    expect(
      (await thrownResponse(runLoader(catchAll.loader, "/zh/nothing-here", { lang: "zh", "*": "nothing-here" })))
        .status,
    ).toBe(404);
  });
});
