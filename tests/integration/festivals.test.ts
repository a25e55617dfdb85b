import { afterEach, describe, expect, test } from "vitest";
import { routeArgs, runLoader, thrownResponse } from "#tests/support/loaders.ts";
import * as home from "#app/routes/($lang)._index.tsx";
import * as festivalIndex from "#app/routes/($lang).festivals._index.tsx";
import * as festivalPage from "#app/routes/($lang).festivals.$slug.tsx";
import * as productPage from "#app/routes/($lang).products.$slug.tsx";
import * as searchPage from "#app/routes/($lang).search.tsx";
import * as api from "#app/routes/api.search.ts";
import { quotePrices } from "#app/models/pricing.server.ts";
import { listProducts } from "#app/models/products.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { festivalDeals } from "#db/schema/index.ts";
import { setClock } from "#db/clock.ts";
import { createClient } from "#search/client.ts";
import { drainAll } from "#search/outbox.ts";
import { cookieFor, organizer } from "#tests/support/auth.ts";
import { createFestival, createProduct } from "#tests/support/factories.ts";
import { useSearchIndex } from "#tests/support/search.ts";

const connection = useSearchIndex();
const sync = () => drainAll(getDb(), createClient(connection(), 30_000), connection());
const sql = <T>(query: string, ...params: unknown[]) =>
  getDb()
    .$client.prepare(query)
    .all(...params) as T[];
const DAY = 86_400_000;

afterEach(() => setClock(null));

/** /api/search, answered by this file's Meilisearch index (a fallback answer would not test the index). */
async function apiSearch(query: string) {
  const response = await runLoader(api.loader, `/api/search?${query}`);
  const body = (await response.json()) as {
    engine: string;
    totalHits: number;
    hits: {
      slug: string;
      priceCents: number;
      dealPriceCents?: number;
      deal?: { percentOff: number; festival: { slug: string } };
    }[];
  };
  expect(body.engine).toBe("meilisearch");
  return body;
}

describe("seeded festivals", () => {
  test("one live, one upcoming and one ended, each with 40–150 deals across many countries, featured stores and a schedule", async () => {
    const { festivals } = await runLoader(festivalIndex.loader, "/festivals");
    expect(festivals.live).toHaveLength(1);
    expect(festivals.upcoming).toHaveLength(1);
    expect(festivals.ended).toHaveLength(1);
    expect(festivals.live[0]!.name).toBe("African Products Online Shopping Festival");
    const facts = sql<{ slug: string; deals: number; countries: number; stores: number; sessions: number }>(`
      SELECT f.slug,
        (SELECT count(*) FROM festival_deals d WHERE d.festival_id = f.id) AS deals,
        (SELECT count(DISTINCT s.country_code) FROM festival_deals d JOIN products p ON p.id = d.product_id JOIN stores s ON s.id = p.store_id WHERE d.festival_id = f.id) AS countries,
        (SELECT count(*) FROM festival_stores fs WHERE fs.festival_id = f.id) AS stores,
        (SELECT count(*) FROM festival_sessions fs WHERE fs.festival_id = f.id) AS sessions
      FROM festivals f`);
    expect(facts).toHaveLength(3);
    for (const f of facts) {
      expect(f.deals).toBeGreaterThanOrEqual(40);
      expect(f.deals).toBeLessThanOrEqual(150);
      expect(f.countries).toBeGreaterThanOrEqual(20);
      expect(f.stores).toBeGreaterThan(0);
      expect(f.sessions).toBeGreaterThan(0);
    }
    // Every seeded deal is a real saving.
    const bad = sql(
      "SELECT d.id FROM festival_deals d JOIN products p ON p.id = d.product_id WHERE d.deal_price_cents >= p.price_cents OR d.deal_price_cents <= 0",
    );
    expect(bad).toEqual([]);
  });

  test("the home page leads with the live festival and its deals at festival prices", async () => {
    const data = await runLoader(home.loader, "/zh", { lang: "zh" });
    expect(data.festivals.map((f) => f.slug)).toEqual(["african-products-online-shopping-festival"]);
    expect(data.festivals[0]!.name).toBe("非洲好物网购节");
    expect(data.festivals[0]!.deals.length).toBeGreaterThan(0);
    for (const card of data.festivals[0]!.deals) expect(card.deal!.priceCents).toBeLessThan(card.priceCents);
  });
});

describe("a festival price at the exact boundaries", () => {
  const start = new Date(Date.now() + 30 * DAY);
  const end = new Date(start.getTime() + 5 * DAY);

  test("applies on cards, the product page, search and quotes only from start (inclusive) to end (exclusive)", async () => {
    const product = createProduct(getDb(), { priceCents: 2000, titleEn: "Boundary Baobab Powder" });
    createFestival(getDb(), { startsAt: start, endsAt: end, deals: [{ productId: product.id, dealPriceCents: 1500 }] });
    await sync();
    const priceAt = async (at: Date) => {
      setClock(at);
      const page = await runLoader(productPage.loader, `/products/${product.slug}`, { slug: product.slug });
      const api = await apiSearch(`q=${encodeURIComponent("Boundary Baobab Powder")}`);
      const hit = api.hits.find((h) => h.slug === product.slug)!;
      const quote = quotePrices([{ productId: product.id, regularCents: 2000 }]).get(product.id)!;
      return { page: page.product.deal?.priceCents ?? null, api: hit.dealPriceCents ?? null, quote: quote.unitCents };
    };
    expect(await priceAt(new Date(start.getTime() - 1))).toEqual({ page: null, api: null, quote: 2000 });
    expect(await priceAt(start)).toEqual({ page: 1500, api: 1500, quote: 1500 });
    expect(await priceAt(new Date(end.getTime() - 1))).toEqual({ page: 1500, api: 1500, quote: 1500 });
    expect(await priceAt(end)).toEqual({ page: null, api: null, quote: 2000 });
  });

  test("two overlapping festivals: the lower price applies, and the deal stock cap ends a deal", async () => {
    const product = createProduct(getDb(), { priceCents: 4000 });
    const a = createFestival(getDb(), {
      startsAt: start,
      endsAt: end,
      deals: [{ productId: product.id, dealPriceCents: 3500 }],
    });
    const b = createFestival(getDb(), {
      startsAt: start,
      endsAt: end,
      deals: [{ productId: product.id, discountPercent: 25, dealStock: 3, soldCount: 2 }],
    });
    setClock(new Date(start.getTime() + DAY));
    const quote = () => quotePrices([{ productId: product.id, regularCents: 4000 }]).get(product.id)!;
    expect(quote()).toMatchObject({ unitCents: 3000, festivalId: b.id, dealUnitsLeft: 1 });
    getDb().$client.prepare("UPDATE festival_deals SET sold_count = 3 WHERE festival_id = ?").run(b.id);
    expect(quote()).toMatchObject({ unitCents: 3500, festivalId: a.id });
  });

  test("an unpublished festival changes no price and its page is a 404 for shoppers, a preview for organizers", async () => {
    const product = createProduct(getDb(), { priceCents: 2500 });
    const draft = createFestival(getDb(), {
      startsAt: new Date(Date.now() - DAY),
      endsAt: new Date(Date.now() + DAY),
      published: false,
      deals: [{ productId: product.id, dealPriceCents: 1000 }],
    });
    const page = await runLoader(productPage.loader, `/products/${product.slug}`, { slug: product.slug });
    expect(page.product.deal).toBeNull();
    const response = await thrownResponse(
      runLoader(festivalPage.loader, `/festivals/${draft.slug}`, { slug: draft.slug }),
    );
    expect(response.status).toBe(404);
    const request = new Request(`http://localhost:3000/festivals/${draft.slug}`, {
      headers: { Cookie: await cookieFor(organizer().id) },
    });
    const preview = await festivalPage.loader(await routeArgs(request, { slug: draft.slug }));
    expect(preview.festival.published).toBe(false);
    expect(preview.deals.items.map((d) => d.id)).toEqual([product.id]);
  });
});

describe("festival pages", () => {
  test("live: deals with regular and festival price, featured stores, the schedule with the session on now", async () => {
    const [seeded] = sql<{ id: number; slug: string }>(
      "SELECT id, slug FROM festivals WHERE slug = 'african-products-online-shopping-festival'",
    );
    const [session] = sql<{ starts_at: number; ends_at: number }>(
      "SELECT starts_at, ends_at FROM festival_sessions WHERE festival_id = ? ORDER BY starts_at LIMIT 1",
      seeded!.id,
    );
    setClock(new Date(session!.starts_at + 60_000));
    const data = await runLoader(festivalPage.loader, `/fr/festivals/${seeded!.slug}`, {
      lang: "fr",
      slug: seeded!.slug,
    });
    expect(data.festival.status).toBe("live");
    expect(data.festival.name).toBe("Festival d'achats en ligne des produits africains");
    // The page itself shows a first few deals; "see all" pages through every one.
    expect(data.deals.items).toHaveLength(8);
    expect(data.deals.pagination.total).toBe(120);
    const all = await runLoader(festivalPage.loader, `/fr/festivals/${seeded!.slug}?view=deals`, {
      lang: "fr",
      slug: seeded!.slug,
    });
    expect(all.deals.items).toHaveLength(24);
    expect(all.deals.items.map((d) => d.id).slice(0, 8)).toEqual(data.deals.items.map((d) => d.id));
    for (const deal of data.deals.items) {
      expect(deal.festivalPrice.priceCents).toBeLessThan(deal.priceCents);
      expect(deal.festivalPrice.percentOff).toBeGreaterThan(0);
    }
    expect(data.stores.length).toBeGreaterThan(0);
    expect(data.sessions[0]!.onNow).toBe(true);
    expect(data.sessions.filter((s) => s.onNow)).toHaveLength(1);
    const page5 = await runLoader(festivalPage.loader, `/festivals/${seeded!.slug}?view=deals&page=5`, {
      slug: seeded!.slug,
    });
    expect(page5.deals.items).toHaveLength(24);
    const clamped = await runLoader(festivalPage.loader, `/festivals/${seeded!.slug}?view=deals&page=99`, {
      slug: seeded!.slug,
    });
    expect(clamped.deals.pagination.page).toBe(5);
  });

  test("ended: still viewable, its prices shown as this festival's, and no live price anywhere", async () => {
    const data = await runLoader(festivalPage.loader, "/festivals/silk-road-autumn-harvest-festival", {
      slug: "silk-road-autumn-harvest-festival",
    });
    expect(data.festival.status).toBe("ended");
    expect(data.deals.items.length).toBeGreaterThan(0);
    const onlyInEnded = data.deals.items.find((d) => d.deal === null);
    expect(onlyInEnded).toBeDefined();
    expect(onlyInEnded!.festivalPrice.priceCents).toBeLessThan(onlyInEnded!.priceCents);
  });

  test("search within the festival finds only its deals", async () => {
    const [seeded] = sql<{ id: number }>(
      "SELECT id FROM festivals WHERE slug = 'african-products-online-shopping-festival'",
    );
    const dealIds = new Set(
      sql<{ product_id: number }>("SELECT product_id FROM festival_deals WHERE festival_id = ?", seeded!.id).map(
        (r) => r.product_id,
      ),
    );
    const data = await runLoader(festivalPage.loader, "/festivals/african-products-online-shopping-festival?q=coffee", {
      slug: "african-products-online-shopping-festival",
    });
    expect(data.search!.hits.length).toBeGreaterThan(0);
    for (const hit of data.search!.hits) expect(dealIds.has(hit.id)).toBe(true);
    const everything = await apiSearch("q=coffee");
    expect(everything.totalHits).toBeGreaterThan(data.search!.pagination.total);
  });

  test("unknown slugs are a 404", async () => {
    expect((await thrownResponse(runLoader(festivalPage.loader, "/festivals/nope", { slug: "nope" }))).status).toBe(
      404,
    );
  });
});

describe("deals in search", () => {
  test("deals=1 keeps only products on a live deal, each with its festival price", async () => {
    const result = await apiSearch("deals=1");
    const [live] = sql<{ n: number }>(
      "SELECT count(*) n FROM festival_deals d JOIN festivals f ON f.id = d.festival_id WHERE f.slug = 'african-products-online-shopping-festival'",
    );
    expect(live!.n).toBeGreaterThan(0);
    expect(result.totalHits).toBe(live!.n);
    expect(result.hits.length).toBeGreaterThan(0);
    for (const hit of result.hits) expect(hit.dealPriceCents).toBeLessThan(hit.priceCents);
  });

  test("sort=discount puts the biggest savings first", async () => {
    const result = await apiSearch("deals=1&sort=discount");
    const percents = result.hits.map((h) => h.deal!.percentOff);
    expect(percents[0]).toBeGreaterThanOrEqual(percents[percents.length - 1]!);
    expect(percents[0]).toBeGreaterThanOrEqual(30);
  });

  test("a festival filter on /search shows the festival's name as a removable chip", async () => {
    const [seeded] = sql<{ id: number }>("SELECT id FROM festivals WHERE slug = 'spring-festival-african-gifts'");
    const data = await runLoader(searchPage.loader, `/search?festival=${seeded!.id}`);
    expect(data.names.festivals[String(seeded!.id)]).toBe("Spring Festival African Gifts Fair");
    expect(data.result.totalHits).toBe(60);
  });

  test("listings carry the live deal; a product without one has none", () => {
    // The two newest products of the category (so on its first page), one on a deal in the live festival.
    const [category] = sql<{ slug: string }>("SELECT slug FROM categories WHERE id = 1");
    const [live] = sql<{ id: number }>(
      "SELECT id FROM festivals WHERE slug = 'african-products-online-shopping-festival'",
    );
    const onDeal = createProduct(getDb(), { categorySlug: category!.slug, priceCents: 3000 });
    const regular = createProduct(getDb(), { categorySlug: category!.slug, priceCents: 3000 });
    getDb().insert(festivalDeals).values({ festivalId: live!.id, productId: onDeal.id, discountPercent: 20 }).run();

    const { items } = listProducts({ locale: "en", filter: { categoryId: 1 }, sort: "newest", page: 1 });
    const withDeal = items.filter((i) => i.deal);
    expect(withDeal.map((i) => i.id)).toContain(onDeal.id);
    for (const item of withDeal) expect(item.deal!.festival.slug).toBe("african-products-online-shopping-festival");
    expect(items.find((i) => i.id === regular.id)?.deal).toBeNull();
  });
});
