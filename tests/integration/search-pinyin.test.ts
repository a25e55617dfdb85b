import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { resetSearchBreaker, searchCatalog, type Suggestions } from "#app/models/search.server.ts";
import * as suggestApi from "#app/routes/api.suggest.ts";
import { getDb } from "#app/utils/db.server.ts";
import { products, stores } from "#db/schema/index.ts";
import { createClient, indexNames, setSearchConnection } from "#search/client.ts";
import { bumpIndexGeneration } from "#search/generation.ts";
import type { SearchParams } from "#search/query.ts";
import type { SearchResult } from "#search/results.ts";
import { runLoader } from "#tests/support/loaders.ts";
import { useSearchIndex } from "#tests/support/search.ts";

/** Chinese discovery (issue #17): pinyin, initials and homophone typos, in both engines. */
const connection = useSearchIndex();
const params = (q: string): SearchParams => ({ q, inStock: false, sort: "relevance", page: 1 });
const englishTitles = (r: SearchResult) =>
  r.hits.map((h) => getDb().select({ t: products.titleEn }).from(products).where(eq(products.id, h.id)).get()!.t);
const search = (q: string) => searchCatalog(params(q), "zh", { record: false });

function relevanceTests(engine: "meilisearch" | "sqlite") {
  test.each(["kafei", "咖非", "kafeidou"])("%s finds coffee first", async (q) => {
    const result = await search(q);
    expect(result.engine).toBe(engine);
    const titles = englishTitles(result).slice(0, 5);
    expect(titles.length, q).toBe(5);
    expect(
      titles.every((t) => /Coffee/.test(t)),
      titles.join(" | "),
    ).toBe(true);
  });

  test("a homophone typo is searched as its pinyin, and the result says so", async () => {
    const typo = await search("咖非");
    expect(typo.pinyinQuery).toBe("kafei");
    expect(typo.query).toBe("咖非");
    // A Chinese query that finds enough as written is left alone.
    const written = await search("咖啡");
    expect(written.pinyinQuery).toBeUndefined();
    expect(englishTitles(written)[0]).toMatch(/Coffee/);
    expect(typo.totalHits).toBeGreaterThan(0);
  });

  test("initials: kf finds coffee", async () => {
    const result = await search("kf");
    expect(result.engine).toBe(engine);
    const titles = englishTitles(result);
    expect(titles.filter((t) => /Coffee/.test(t)).length, titles.join(" | ")).toBeGreaterThanOrEqual(5);
  });

  test("kenniya finds Kenyan products", async () => {
    const result = await search("kenniya");
    expect(result.totalHits).toBeGreaterThan(0);
    expect(result.hits.every((h) => h.countryCode === "KE")).toBe(true);
    expect(Object.keys(result.facets.country)).toEqual(["KE"]);
  });

  test("pinyin matches rank below written matches: coffee by title first", async () => {
    const english = await searchCatalog(params("coffee"), "en", { record: false });
    expect(englishTitles(english)[0]).toMatch(/Coffee/);
  });
}

describe("Meilisearch", () => {
  relevanceTests("meilisearch");

  test("store suggestions: kenniya finds Kenyan stores, kafei coffee stores", async () => {
    const stores = createClient(connection(), 10_000).index(indexNames(connection()).stores);
    const kenya = await stores.search<{ country: string }>("kenniya", { limit: 50 });
    expect(kenya.hits.length).toBeGreaterThan(0);
    expect(kenya.hits.every((h) => h.country === "KE")).toBe(true);
    const coffee = await stores.search<{ slug: string }>("kafei", { limit: 50 });
    expect(coffee.hits.map((h) => h.slug)).toContain("nyeri-hills-coffee");
  });

  test("header suggestions: kenniya offers Kenya and Kenyan stores", async () => {
    const body = (await (await runLoader(suggestApi.loader, "/api/suggest?q=kenniya&locale=zh")).json()) as Suggestions;
    expect(body.countries).toEqual([{ code: "KE", name: "肯尼亚" }]);
    expect(body.stores.length).toBeGreaterThan(0);
    const kenyan = getDb().select({ slug: stores.slug }).from(stores).where(eq(stores.countryCode, "KE")).all();
    expect(kenyan.map((k) => k.slug)).toEqual(expect.arrayContaining(body.stores.map((s) => s.slug)));
    expect(body.products.length).toBeGreaterThan(0);
  });
});

describe("SQLite fallback (Meilisearch down)", () => {
  beforeAll(() => {
    setSearchConnection({ host: "http://127.0.0.1:9", apiKey: "x", indexPrefix: "none_" });
    bumpIndexGeneration(getDb()); // Meilisearch's answers above are cached for a few seconds
  });
  afterAll(() => {
    setSearchConnection(connection());
    resetSearchBreaker();
  });
  relevanceTests("sqlite");

  test("header suggestions: the country by pinyin, initials or homophone, whatever the engine", async () => {
    for (const q of ["kenniya", "kny", "肯尼压"]) {
      const body = (await (
        await runLoader(suggestApi.loader, `/api/suggest?q=${encodeURIComponent(q)}&locale=en`)
      ).json()) as Suggestions;
      expect(body.countries, q).toEqual([{ code: "KE", name: "Kenya" }]);
    }
  });

  test("the pinyin column follows a renamed product (triggers)", async () => {
    const db = getDb();
    const product = db.select().from(products).limit(1).get()!;
    const before = product.titleZh;
    try {
      db.update(products).set({ titleZh: "猴面包树果粉测试" }).where(eq(products.id, product.id)).run();
      const result = await search("houmianbaoshu");
      expect(result.hits.map((h) => h.id)).toContain(product.id);
    } finally {
      db.update(products).set({ titleZh: before }).where(eq(products.id, product.id)).run();
    }
  });
});
