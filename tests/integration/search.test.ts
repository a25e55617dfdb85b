import { eq } from "drizzle-orm";
import { describe, expect, test, vi } from "vitest";
import * as api from "#app/routes/api.search.ts";
import * as suggestApi from "#app/routes/api.suggest.ts";
import * as healthz from "#app/routes/healthz.ts";
import * as searchPage from "#app/routes/($lang).search.tsx";
import { flushSearchLog, resetSearchBreaker, searchCatalog } from "#app/models/search.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { products, searchOutbox, searchQueries, stores } from "#db/schema/index.ts";
import { createClient, indexNames, setSearchConnection, type SearchConnection } from "#search/client.ts";
import { loadProductDocuments, reindexAll } from "#search/indexer.ts";
import { drainAll, drainOutbox, outboxBacklog } from "#search/outbox.ts";
import type { SearchParams } from "#search/query.ts";
import type { SearchResult } from "#search/results.ts";
import { createProduct, updateProduct, updateStore } from "#tests/support/factories.ts";
import { setEnv } from "#tests/support/env.ts";
import { runLoader } from "#tests/support/loaders.ts";
import { outageRelay, useSearchIndex } from "#tests/support/search.ts";

const connection = useSearchIndex();
const params = (p: Partial<SearchParams>): SearchParams => ({
  q: "",
  inStock: false,
  sort: "relevance",
  page: 1,
  ...p,
});
const englishTitles = (r: SearchResult) =>
  r.hits.map((h) => getDb().select({ t: products.titleEn }).from(products).where(eq(products.id, h.id)).get()!.t);
async function apiSearch(
  query: string,
): Promise<{ status: number; body: SearchResult & { error?: string; details?: string[] } }> {
  const response = await runLoader(api.loader, `/api/search?${query}`);
  return { status: response.status, body: await response.json() };
}
const sync = () => drainAll(getDb(), createClient(connection(), 30_000), connection());

describe("relevance in three languages", () => {
  test.each([
    ["咖啡", "zh", /Coffee/],
    ["coffee", "en", /Coffee/],
    ["café", "fr", /Coffee/],
    ["乳木果油", "zh", /Shea/],
    ["shea butter", "en", /Shea/],
    ["beurre de karité", "fr", /Shea/],
    ["腰果", "zh", /Cashew/],
    ["noix de cajou", "fr", /Cashew/],
    ["香草", "zh", /Vanilla/],
    ["vanille", "fr", /Vanilla/],
    ["肯特布", "zh", /Kente/],
    ["路易波士茶", "zh", /Rooibos/],
    ["dattes", "fr", /Dates/],
    ["阿甘油", "zh", /Argan/],
    ["马赛串珠", "zh", /Maasai/],
    ["bogolan", "en", /Bogolan/],
  ] as const)("%s (%s) finds the product kind on the first page", async (q, locale, expected) => {
    const result = await searchCatalog(params({ q }), locale, { record: false });
    expect(result.engine).toBe("meilisearch");
    const titles = englishTitles(result);
    expect(titles[0], titles.join(" | ")).toMatch(expected);
    expect(titles.filter((t) => expected.test(t)).length).toBeGreaterThanOrEqual(Math.min(3, result.totalHits));
  });

  test.each([
    ["cofee", /Coffee/],
    ["vanila", /Vanilla/],
    ["macadmia", /Macadamia/],
    ["rooibs", /Rooibos/],
  ])("one typo: %s still finds it", async (q, expected) => {
    const titles = englishTitles(await searchCatalog(params({ q }), "en", { record: false }));
    expect(titles[0]).toMatch(expected);
  });

  test("the reader's language is shown and matches are highlighted", async () => {
    const result = await searchCatalog(params({ q: "咖啡" }), "zh", { record: false });
    expect(result.hits[0]!.title).toMatch(/[\u4e00-\u9fff]/);
    expect(result.hits[0]!.highlight).toContain("<mark>咖啡</mark>");
  });

  test("synonyms cross languages both ways", async () => {
    const db = getDb();
    // The only mention of coffee is in Chinese; the only mention of rooibos is in English.
    const mugs = createProduct(db, {
      storeSlug: "kisii-stone-and-sisal",
      titleEn: "Sunrise Mug Set",
      titleZh: "日出咖啡杯套装",
      titleFr: "Service de tasses Soleil levant",
    });
    const tin = createProduct(db, {
      storeSlug: "kisii-stone-and-sisal",
      titleEn: "Cederberg Rooibos Gift Tin",
      titleZh: "塞德堡礼品罐",
      titleFr: "Coffret cadeau du Cederberg",
    });
    await sync();
    const english = await searchCatalog(params({ q: "coffee", store: "kisii-stone-and-sisal" }), "en", {
      record: false,
    });
    expect(english.hits.map((h) => h.id)).toContain(mugs.id);
    const chinese = await searchCatalog(params({ q: "路易波士茶", store: "kisii-stone-and-sisal" }), "zh", {
      record: false,
    });
    expect(chinese.hits.map((h) => h.id)).toContain(tin.id);
  });
});

describe("filters, facets and sorting", () => {
  test("facet counts equal the database's counts for the same filter", async () => {
    const result = await searchCatalog(params({ country: "KE" }), "en", { record: false });
    const rows = getDb()
      .$client.prepare(
        `SELECT k.slug, count(*) n FROM products p JOIN stores s ON s.id = p.store_id JOIN categories k ON k.id = p.category_id
         WHERE s.country_code = 'KE' AND p.status = 'active' AND s.status = 'approved' GROUP BY k.slug`,
      )
      .all() as { slug: string; n: number }[];
    expect(result.facets.category).toEqual(Object.fromEntries(rows.map((r) => [r.slug, r.n])));
    expect(result.totalHits).toBe(rows.reduce((n, r) => n + r.n, 0));
    expect(Object.keys(result.facets.country)).toEqual(["KE"]);
    // Narrowed to a country, the store facet is there and exact; over the whole catalog it is not computed.
    const storeCounts = getDb()
      .$client.prepare(
        "SELECT s.slug, count(*) n FROM products p JOIN stores s ON s.id = p.store_id WHERE s.country_code = 'KE' AND p.status = 'active' AND s.status = 'approved' GROUP BY 1",
      )
      .all() as { slug: string; n: number }[];
    expect(result.facets.store).toEqual(Object.fromEntries(storeCounts.map((r) => [r.slug, r.n])));

    const all = await searchCatalog(params({}), "en", { record: false });
    const byCountry = getDb()
      .$client.prepare(
        "SELECT s.country_code c, count(*) n FROM products p JOIN stores s ON s.id = p.store_id WHERE p.status = 'active' AND s.status = 'approved' GROUP BY 1",
      )
      .all() as { c: string; n: number }[];
    expect(all.facets.country).toEqual(Object.fromEntries(byCountry.map((r) => [r.c, r.n])));
    expect(all.facets.store).toEqual({});
  });

  test("price range, stock and sort work together", async () => {
    const result = await searchCatalog(
      params({ q: "coffee", minPriceCents: 1000, maxPriceCents: 2499, inStock: true, sort: "price-asc" }),
      "en",
      { record: false },
    );
    expect(result.totalHits).toBeGreaterThan(0);
    // Ordered by the price shown: the live festival price where there is one.
    const prices = result.hits.map((h) => h.dealPriceCents ?? h.priceCents);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    expect(result.hits.every((h) => h.inStock && h.priceCents >= 1000 && h.priceCents <= 2499)).toBe(true);
    expect(Object.keys(result.facets.price)).toEqual(["10-25"]);
  });

  test("a page past the end shows the last page", async () => {
    const result = await searchCatalog(params({ q: "coffee", page: 300 }), "en", { record: false });
    expect(result.page).toBe(result.totalPages);
    expect(result.hits.length).toBeGreaterThan(0);
  });
});

describe("/api/search", () => {
  test("answers the documented JSON", async () => {
    const { status, body } = await apiSearch("q=kente&locale=fr&country=GH");
    expect(status).toBe(200);
    expect(body).toMatchObject({ engine: "meilisearch", query: "kente", page: 1 });
    expect(body.totalHits).toBeGreaterThan(0);
    expect(typeof body.processingTimeMs).toBe("number");
    expect(Object.keys(body.facets).sort()).toEqual([
      "category",
      "country",
      "flashSale",
      "inStock",
      "price",
      "store",
      "voucher",
    ]);
    expect(Object.keys(body.hits[0]!).sort()).toEqual(
      [
        "category",
        "countryCode",
        "currency",
        "highlight",
        "id",
        "imageUrl",
        "inStock",
        "priceCents",
        "slug",
        "storeName",
        "storeSlug",
        "title",
      ].sort(),
    );
    expect(body.hits.every((h) => h.countryCode === "GH")).toBe(true);
  });

  test.each([
    'country=Kenya" OR country = "X',
    'category=coffee" OR category != "x',
    "country=KE&country=' OR 1=1",
    "minPrice=abc",
    "maxPrice=-1",
    "inStock=perhaps",
    "sort=random()",
    "page=abc",
    "festival=1;DROP TABLE products",
    "locale=de",
    `q=${"x".repeat(201)}`,
  ])("%s → 400 with a clear message", async (query) => {
    const { status, body } = await apiSearch(query);
    expect(status).toBe(400);
    expect(body.error).toBe("invalid search parameters");
    expect(body.details!.length).toBeGreaterThan(0);
  });

  test("an injected filter value cannot widen the results on the page either", async () => {
    const kenya = await searchCatalog(params({ country: "KE" }), "en", { record: false });
    const injected = await runLoader(
      searchPage.loader,
      `/search?country=${encodeURIComponent('KE" OR country != "X')}`,
    );
    // The bad value is dropped (not passed on): the page shows the catalog, never an error.
    expect(injected.params.country).toBeUndefined();
    expect(injected.result.totalHits).toBeGreaterThanOrEqual(kenya.totalHits);
    const quoted = await searchCatalog(params({ country: 'KE" OR country != "X' }), "en", { record: false }).catch(
      (e: unknown) => e,
    );
    // Even an unvalidated value is a quoted literal to Meilisearch: it matches nothing or fails, never more.
    if (!(quoted instanceof Error)) expect((quoted as SearchResult).totalHits).toBe(0);
  });

  test("every submitted search is recorded without personal data (API calls are not: issue #17)", async () => {
    await apiSearch("q=rooibos&locale=zh");
    flushSearchLog();
    expect(getDb().select().from(searchQueries).where(eq(searchQueries.query, "rooibos")).get()).toBeUndefined();
    await runLoader(searchPage.loader, "/zh/search?q=rooibos");
    flushSearchLog(); // written in batches (at most a second later)
    const row = getDb().select().from(searchQueries).where(eq(searchQueries.query, "rooibos")).get()!;
    expect(row).toMatchObject({ query: "rooibos", locale: "zh", engine: "meilisearch" });
    expect(row.hits).toBeGreaterThan(0);
    expect(Object.keys(row).sort()).toEqual(["at", "engine", "hits", "id", "locale", "query"]);
  });
});

test("suggestions offer products, stores and countries", async () => {
  const response = await runLoader(suggestApi.loader, `/api/suggest?q=${encodeURIComponent("肯尼亚")}&locale=zh`);
  const body = await response.json();
  expect(body.countries).toEqual([{ code: "KE", name: "肯尼亚" }]);
  expect(body.products.length).toBeGreaterThan(0);
  const stores = await (await runLoader(suggestApi.loader, "/api/suggest?q=bonwire&locale=en")).json();
  expect(stores.stores[0]).toEqual({ slug: "bonwire-kente-weavers", name: "Bonwire Kente Weavers" });
});

describe("sync without loss", () => {
  test("changes made while Meilisearch is down reach the index once it is back", async () => {
    const db = getDb();
    // This file's own indexes, reached through a relay that can go down and come back on the same address.
    const relay = await outageRelay(connection().host);
    const own: SearchConnection = { ...connection(), host: relay.host };
    // Start in step: the index matches the database and nothing is pending, so only this test's changes are.
    await drainAll(db, createClient(own, 30_000), own);
    expect(outboxBacklog(db)).toBe(0);
    await relay.down();

    const created = createProduct(db, {
      titleEn: "Handwoven Sisal Coaster Set",
      titleZh: "手工剑麻杯垫套装",
      titleFr: "Dessous de verre en sisal",
    });
    const edited = db.select().from(products).where(eq(products.status, "active")).limit(1).get()!;
    updateProduct(db, edited.id, { titleEn: `${edited.titleEn} (renamed)` });
    const archived = db.select().from(products).where(eq(products.status, "active")).limit(1).offset(5).get()!;
    updateProduct(db, archived.id, { status: "archived" });
    const store = db.select().from(stores).where(eq(stores.slug, "gabon-forest-and-stone")).get()!;
    updateStore(db, store.id, { status: "suspended" });

    const down = await drainOutbox(db, createClient(own, 2000), own);
    expect(down.failed).toBe(4);
    expect(outboxBacklog(db)).toBe(4);
    const pending = db.select().from(searchOutbox).where(eq(searchOutbox.attempts, 1)).all();
    expect(pending).toHaveLength(4);
    expect(pending.every((r) => r.doneAt === null && r.lastError)).toBe(true);

    await relay.up();
    try {
      const result = await drainAll(db, createClient(own, 30_000), own, new Date(Date.now() + 60_000));
      expect(result.processed).toBe(4);
      expect(outboxBacklog(db)).toBe(0);
      const { results } = await createClient(own, 30_000)
        .index(indexNames(own).products)
        .getDocuments<{ id: number; updatedAt: number; title_en: string }>({
          limit: 5000,
          fields: ["id", "updatedAt", "title_en"],
        });
      const indexed = new Map(results.map((d) => [d.id, d]));
      const expected = loadProductDocuments(db);
      expect(expected.length).toBeGreaterThan(0);
      expect(indexed.size).toBe(expected.length);
      for (const doc of expected) expect(indexed.get(doc.id)?.updatedAt, String(doc.id)).toBe(doc.updatedAt);
      expect(indexed.get(created.id)?.title_en).toBe("Handwoven Sisal Coaster Set");
      expect(indexed.get(edited.id)?.title_en).toMatch(/\(renamed\)$/);
      expect(indexed.has(archived.id)).toBe(false);
      const gabon = db.select({ id: products.id }).from(products).where(eq(products.storeId, store.id)).all();
      expect(gabon.length).toBeGreaterThan(0);
      for (const p of gabon) expect(indexed.has(p.id)).toBe(false);
    } finally {
      // Put the catalog back, in the index too, for the tests after this one.
      updateStore(db, store.id, { status: "approved" });
      updateProduct(db, archived.id, { status: "active" });
      await drainAll(db, createClient(own, 30_000), own, new Date(Date.now() + 120_000));
      await relay.down();
    }
  });

  test("searches keep answering during a full reindex", async () => {
    const db = getDb();
    let done = false;
    const rebuild = reindexAll(db, createClient(connection(), 60_000), connection()).finally(() => (done = true));
    const counts: number[] = [];
    while (!done) {
      // A different (equivalent) filter each time, so every search reaches Meilisearch instead of
      // the few-second result cache. No product costs anywhere near this bound.
      const result = await searchCatalog(params({ q: "honey", maxPriceCents: 100_000_000 + counts.length }), "en", {
        record: false,
      });
      expect(result.engine).toBe("meilisearch");
      counts.push(result.totalHits);
    }
    await rebuild;
    // However fast or slow the machine: at least the first search ran while the rebuild was under way
    // (it starts before the rebuild's first task is answered), and none came back empty.
    expect(counts.length).toBeGreaterThan(0);
    expect(counts.every((n) => n > 0)).toBe(true);
  });
});

test("control characters in a search reach neither engine (issue #13): Meilisearch answers as for the plain words", async () => {
  // Words no other test searches: results are cached by query, and the fallback test below must not meet a cached answer.
  const plain = (await (await runLoader(suggestApi.loader, "/api/suggest?q=baobab")).json()) as { products: unknown[] };
  const odd = await runLoader(suggestApi.loader, `/api/suggest?${new URLSearchParams({ q: "baobab\u0000\u0085" })}`);
  expect(odd.status).toBe(200);
  expect(await odd.json()).toEqual(plain);
  const { status, body } = await apiSearch(new URLSearchParams({ q: "baobab\u0000powder\u007f" }).toString());
  expect(status).toBe(200);
  expect(body.engine).toBe("meilisearch");
  expect(body.query).toBe("baobab powder");
  expect(body.totalHits).toBeGreaterThan(0);
});

describe("when Meilisearch is unavailable", () => {
  test("search answers from SQLite, with relevant hits, and says so", async () => {
    setSearchConnection({ host: "http://127.0.0.1:9", apiKey: "x", indexPrefix: "none_" });
    try {
      const { status, body } = await apiSearch("q=shea%20butter&locale=en");
      expect(status).toBe(200);
      expect(body.engine).toBe("sqlite");
      expect(body.totalHits).toBeGreaterThan(0);
      expect(body.hits.slice(0, 5).every((h) => /Shea/i.test(h.title))).toBe(true);
      expect(body.hits[0]!.highlight).toMatch(/<mark>shea/i);

      // Chinese two-character words and synonyms across languages still match.
      const zh = await searchCatalog(params({ q: "腰果" }), "zh", { record: false });
      expect(zh.engine).toBe("sqlite");
      expect(zh.totalHits).toBeGreaterThan(0);
      expect(englishTitles(zh).every((t) => /Cashew/.test(t))).toBe(true);
      const fr = await searchCatalog(params({ q: "beurre de karité" }), "fr", { record: false });
      expect(englishTitles(fr)[0]).toMatch(/Shea/);

      // Filters and facets are computed from the same rows.
      const ke = await searchCatalog(params({ q: "tea", country: "KE", sort: "price-asc" }), "en", { record: false });
      expect(ke.totalHits).toBeGreaterThan(0);
      expect(ke.hits.every((h) => h.countryCode === "KE")).toBe(true);
      expect(Object.keys(ke.facets.country)).toEqual(["KE"]);
      expect(Object.values(ke.facets.category).reduce((a, b) => a + b, 0)).toBe(ke.totalHits);

      const page = await runLoader(searchPage.loader, "/search?q=vanilla");
      expect(page.result.engine).toBe("sqlite");
      expect(page.result.totalHits).toBeGreaterThan(0);

      const health = await (await healthz.loader()).json();
      expect(health.status).toBe("degraded");
      expect(health.search).toMatchObject({ engine: "sqlite", reachable: false });
    } finally {
      setSearchConnection(connection());
      resetSearchBreaker();
    }
  });

  test("browsing without words (filters only) works in every sort", async () => {
    setSearchConnection(null);
    try {
      for (const sort of ["relevance", "price-asc", "price-desc", "newest"] as const) {
        const result = await searchCatalog(params({ category: "textiles", inStock: true, sort }), "en", {
          record: false,
        });
        expect(result.engine).toBe("sqlite");
        expect(result.totalHits).toBeGreaterThan(0);
        expect(result.hits.every((h) => h.category === "textiles" && h.inStock)).toBe(true);
      }
    } finally {
      setSearchConnection(connection());
    }
  });

  test("a Meilisearch that accepts but never answers is abandoned after 300 ms", async () => {
    const net = await import("node:net");
    const sockets: import("node:net").Socket[] = [];
    let requests = 0;
    const silent = net.createServer((socket) => {
      sockets.push(socket);
      socket.on("data", () => (requests += 1));
    });
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as import("node:net").AddressInfo).port;
    setSearchConnection({ host: `http://127.0.0.1:${port}`, apiKey: "x", indexPrefix: "silent_" });
    setEnv({ SEARCH_TIMEOUT_MS: "300" });
    // The wall clock stands still (timeouts still run), so "while it stays down" holds however long
    // this machine takes between the two searches.
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const started = performance.now();
      const result = await searchCatalog(params({ q: "honey" }), "en", { record: false });
      const elapsed = performance.now() - started;
      expect(result.engine).toBe("sqlite");
      expect(result.totalHits).toBeGreaterThan(0);
      expect(requests).toBeGreaterThan(0);
      // It did wait for Meilisearch before giving up (a lower bound: no machine is too slow for it).
      expect(elapsed).toBeGreaterThanOrEqual(250);
      // While it stays down, the next searches go straight to SQLite: Meilisearch is not asked again.
      const asked = requests;
      expect((await searchCatalog(params({ q: "vanilla" }), "en", { record: false })).engine).toBe("sqlite");
      expect(requests).toBe(asked);
    } finally {
      vi.useRealTimers();
      setEnv({ SEARCH_TIMEOUT_MS: "10000" });
      for (const socket of sockets) socket.destroy();
      silent.close();
      setSearchConnection(connection());
      resetSearchBreaker();
    }
  });

  test("bad input is as harmless to the fallback", async () => {
    setSearchConnection(null);
    try {
      for (const q of ['"', "'", "*", "NEAR(a b)", "a AND OR NOT", "%", "_", "\\", "咖"]) {
        const result = await searchCatalog(params({ q }), "en", { record: false });
        expect(result.engine, q).toBe("sqlite");
      }
    } finally {
      setSearchConnection(connection());
    }
  });
});

test("/healthz reports the search engine, the backlog and the last sync", async () => {
  const body = await (await healthz.loader()).json();
  expect(body.status).toBe("ok");
  expect(body.search).toMatchObject({ engine: "meilisearch", reachable: true });
  expect(typeof body.search.outboxBacklog).toBe("number");
  expect(Date.parse(body.search.lastSyncAt)).toBeGreaterThan(Date.now() - 10 * 60_000);
});
