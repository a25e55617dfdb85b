import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";
import * as searchApi from "#app/routes/api.search.ts";
import * as suggestApi from "#app/routes/api.suggest.ts";
import * as searchPage from "#app/routes/($lang).search.tsx";
import { clearHotSearches, flushSearchLog, hotSearches } from "#app/models/search.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { now } from "#db/clock.ts";
import { searchQueries } from "#db/schema/index.ts";
import { routeArgs, runLoader } from "#tests/support/loaders.ts";

/** Issue #17: insights and hot searches count what shoppers submit, junk filtered. (SQLite engine here.) */
const logged = (query: string) => {
  flushSearchLog();
  return getDb().select().from(searchQueries).where(eq(searchQueries.query, query)).all().length;
};
const allLogged = () => {
  flushSearchLog();
  return getDb()
    .select()
    .from(searchQueries)
    .all()
    .map((r) => r.query);
};
function log(query: string, times: number, { hits = 5, locale = "en", daysAgo = 0 } = {}) {
  const at = new Date(now().getTime() - daysAgo * 86_400_000);
  for (let i = 0; i < times; i++)
    getDb().insert(searchQueries).values({ query, locale, hits, engine: "meilisearch", at }).run();
}

beforeEach(() => {
  flushSearchLog();
  getDb().delete(searchQueries).run();
  clearHotSearches();
});

describe("what counts as a search", () => {
  test("a search submitted on /search is logged once; typing, later pages, the API and suggestions are not", async () => {
    await runLoader(searchPage.loader, "/search?q=shea");
    expect(logged("shea")).toBe(1);
    // Search as you type (the page marks those requests with a short-lived cookie).
    for (const q of ["she", "shea%20b"])
      await searchPage.loader(
        await routeArgs(new Request(`http://localhost:3000/search?q=${q}`, { headers: { Cookie: "search_typing=1" } })),
      );
    // The next page of a search already counted.
    await runLoader(searchPage.loader, "/search?q=shea&page=2");
    // A script polling the API.
    for (let i = 0; i < 3; i++) await runLoader(searchApi.loader, "/api/search?q=vanilla&locale=en");
    // Keystrokes in the header box.
    for (const q of ["k", "ke", "ken", "kent", "kente"])
      await runLoader(suggestApi.loader, `/api/suggest?q=${q}&locale=en`);
    expect(allLogged()).toEqual(["shea"]);
  });

  test("junk is not logged: markup, control and format characters, punctuation; long queries are", async () => {
    for (const q of ["<script>alert(1)</script>", "!!!", "a\u200bb", "https://example.com/x"])
      await runLoader(searchPage.loader, `/search?q=${encodeURIComponent(q)}`);
    const long = "handwoven kente cloth for a wedding in accra ghana";
    await runLoader(searchPage.loader, `/search?q=${encodeURIComponent(long)}`);
    await runLoader(searchPage.loader, "/search?q=kente");
    expect(allLogged().sort()).toEqual([long, "kente"].sort());
    // ...but a query that long is never offered as a hot search.
    log(long, 20);
    expect(hotSearches("en")).not.toContain(long);
  });
});

describe("hot searches", () => {
  test("the most searched queries with results this week, in the shopper's language, junk filtered", async () => {
    log("coffee", 3);
    log("Shea ", 3);
    log("shea", 1);
    log("qwxzvkj", 5, { hits: 0 }); // found nothing
    log("kente", 9, { daysAgo: 10 }); // too long ago
    log("<script>alert(1)</script>", 10); // logged before junk was filtered
    log("%%%", 10);
    log("rooibos", 4, { locale: "fr" });
    expect(hotSearches("en")).toEqual(["shea", "coffee"]);
    expect(hotSearches("fr")).toEqual(["rooibos"]);
    const response = await runLoader(suggestApi.loader, "/api/suggest?q=&locale=en");
    expect(await response.json()).toEqual({ products: [], stores: [], countries: [], hot: ["shea", "coffee"] });
    // A search that finds nothing offers them too; a page with results does not.
    expect((await runLoader(searchPage.loader, "/search?q=qwxzvkj")).hot).toEqual(["shea", "coffee"]);
    expect((await runLoader(searchPage.loader, "/search?q=coffee")).hot).toEqual([]);
  });
});

describe("did you mean", () => {
  test("a search that finds little offers the closest popular query with results", async () => {
    log("coffee", 3);
    log("coffea", 1, { hits: 0 }); // never offered: it found nothing
    const page = await runLoader(searchPage.loader, "/search?q=cofee");
    expect(page.result.totalHits).toBeLessThan(5);
    expect(page.suggestion).toBe("coffee");
    const found = await runLoader(searchPage.loader, "/search?q=coffee");
    expect(found.suggestion).toBeNull();
  });

  test("a query that reads the same in pinyin", async () => {
    log("咖啡", 3, { locale: "zh" });
    const page = await runLoader(searchPage.loader, "/zh/search?q=kafie");
    expect(page.result.totalHits).toBeLessThan(5);
    expect(page.suggestion).toBeNull(); // "kafie" is neither 咖啡's pinyin nor close to 咖啡
    const pinyin = await runLoader(searchPage.loader, `/zh/search?q=${encodeURIComponent("ka fei")}&country=ZZ`);
    expect(pinyin.result.totalHits).toBe(0);
    expect(pinyin.suggestion).toBe("咖啡");
  });
});
