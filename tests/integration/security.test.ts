import { beforeAll, describe, expect, test } from "vitest";
import { routeArgs, runLoader, thrownResponse } from "#tests/support/loaders.ts";
import * as accountPage from "#app/routes/($lang).account._index.tsx";
import * as applyPage from "#app/routes/($lang).account.apply.tsx";
import * as myOrders from "#app/routes/($lang).account.orders._index.tsx";
import * as searchPage from "#app/routes/($lang).search.tsx";
import * as api from "#app/routes/api.search.ts";
import * as productArt from "#app/routes/art.products.$file.ts";
import * as storeArt from "#app/routes/art.stores.$file.ts";
import * as media from "#app/routes/media.$file.ts";
import * as sitemapFile from "#app/routes/sitemap.$file.ts";
import { cacheControlFor } from "#app/utils/cache-control.ts";
import { getDb } from "#app/utils/db.server.ts";
import { stores } from "#db/schema/index.ts";
import { productJsonLd, serializeJsonLd } from "#app/utils/structured-data.ts";
import { createClient, setSearchConnection } from "#search/client.ts";
import { drainAll, enqueueSearchSync } from "#search/outbox.ts";
import { MAX_CSV_BYTES } from "#app/utils/csv.ts";
import { bodyLimitFor, contentSecurityPolicy } from "#server/index.ts";
import { cookieFor, newShopper } from "#tests/support/auth.ts";
import { testContext } from "#tests/support/context.ts";
import { createProduct } from "#tests/support/factories.ts";
import { useSearchIndex } from "#tests/support/search.ts";

// Injection needs something to search, not the whole catalog: a few stores' products, through the outbox.
const connection = useSearchIndex({ documents: "empty" });
beforeAll(async () => {
  const db = getDb();
  const some = db.select({ id: stores.id }).from(stores).orderBy(stores.id).limit(5).all();
  db.transaction((tx) =>
    enqueueSearchSync(
      tx,
      "store",
      some.map((s) => s.id),
    ),
  );
  await drainAll(db, createClient(connection(), 30_000), connection());
});

const INJECTIONS = [
  `Kenya" OR country = "ET`,
  `KE' OR '1'='1`,
  "1; DROP TABLE products; --",
  "<script>alert(1)</script>",
  "../../etc/passwd",
  "%00",
  "😀".repeat(300),
  "a".repeat(5000),
];
const PARAMS = [
  "q",
  "country",
  "category",
  "store",
  "festival",
  "deals",
  "minPrice",
  "maxPrice",
  "inStock",
  "sort",
  "page",
  "locale",
];

describe("injection in every search parameter", () => {
  test("/api/search refuses injected filters (400), searches injected words as text, never a 5xx, never wider", async () => {
    const all = (await (await runLoader(api.loader, "/api/search")).json()) as { totalHits: number };
    expect(all.totalHits).toBeGreaterThan(0);
    let searched = 0;
    for (const name of PARAMS) {
      for (const value of INJECTIONS) {
        const label = `${name}=${value.slice(0, 30)}`;
        const response = await runLoader(api.loader, `/api/search?${new URLSearchParams({ [name]: value })}`);
        if (name !== "q") {
          // Filters, sorts and pages take known values only; anything else is refused before any engine sees it.
          expect(response.status, label).toBe(400);
          continue;
        }
        // Words are searched as words (or refused when too long), never parsed as filter syntax.
        expect([200, 400], label).toContain(response.status);
        if (response.status !== 200) continue;
        const body = (await response.json()) as { engine: string; totalHits: number };
        expect(body.engine, label).toBe("meilisearch");
        expect(body.totalHits, label).toBeLessThan(all.totalHits);
        searched += 1;
      }
    }
    expect(searched).toBeGreaterThan(0);
  });

  test("the /search page ignores what it cannot use and renders queries as text", async () => {
    for (const name of PARAMS) {
      for (const value of INJECTIONS) {
        const data = await runLoader(searchPage.loader, `/search?${new URLSearchParams({ [name]: value })}`);
        expect(data.result.engine).toBeDefined();
      }
    }
    // A merchant's title with markup in it, found by the same words: the highlight shows it as text,
    // from Meilisearch and from the SQLite fallback alike.
    const hostile = createProduct(getDb(), { titleEn: "Baobab <script>alert(1)</script> Gift Box" });
    await drainAll(getDb(), createClient(connection(), 30_000), connection());
    const fromIndex = await runLoader(
      searchPage.loader,
      `/search?q=${encodeURIComponent("<script>alert(1)</script>")}`,
    );
    setSearchConnection(null);
    // Other words than above: results are cached per query, whichever engine answered.
    const fromFallback = await runLoader(
      searchPage.loader,
      `/search?q=${encodeURIComponent("alert(1) <script>")}`,
    ).finally(() => setSearchConnection(connection()));
    expect([fromIndex.result.engine, fromFallback.result.engine]).toEqual(["meilisearch", "sqlite"]);
    for (const { result } of [fromIndex, fromFallback]) {
      const hit = result.hits.find((h) => h.id === hostile.id);
      expect(hit, result.engine).toBeDefined();
      for (const h of result.hits) expect(h.highlight, result.engine).not.toMatch(/<script/i);
      expect(hit!.highlight, result.engine).toContain("&lt;");
    }
  });
});

describe("path traversal on file routes", () => {
  test("media, generated art and sitemap files refuse anything but their own names", async () => {
    for (const file of [
      "../../data/market.db",
      "..%2F..%2Fpackage.json",
      "....//....//etc/passwd",
      "%2e%2e%2fsession-secret",
      "x.svg/../../../etc/passwd",
      "/etc/passwd",
      "con.webp",
      "a".repeat(300),
    ]) {
      const m = await media.loader(await routeArgs(new Request("http://localhost:3000/media/x"), { file }));
      expect(m.status, file).toBe(404);
      const p = await productArt.loader(await routeArgs(new Request("http://localhost:3000/art/products/x"), { file }));
      expect(p.status, file).toBe(404);
      const s = await storeArt.loader(await routeArgs(new Request("http://localhost:3000/art/stores/x"), { file }));
      expect(s.status, file).toBe(404);
      const sm = await sitemapFile.loader(await routeArgs(new Request("http://localhost:3000/sitemap/x"), { file }));
      expect(sm.status, file).toBe(404);
    }
  });
});

describe("protected account pages", () => {
  test("anonymous visitors are sent to log in", async () => {
    for (const [name, loader, path] of [
      ["account", accountPage.loader, "/account"],
      ["apply", applyPage.loader, "/account/apply"],
      ["orders", myOrders.loader, "/account/orders"],
    ] as const) {
      const response = await thrownResponse(runLoader(loader as never, path));
      expect(response.status, name).toBe(302);
      expect(response.headers.get("Location"), name).toMatch(/^\/login\?redirectTo=/);
    }
  });
});

describe("merchant text in structured data", () => {
  test("cannot close the JSON-LD script element", () => {
    const evil = `</script><script>alert(1)</script><!--`;
    const json = serializeJsonLd(
      productJsonLd({
        origin: "https://m.example",
        url: "/products/x",
        title: evil,
        description: evil,
        sku: "S",
        images: ["/a.svg"],
        category: "c",
        countryName: "n",
        storeName: evil,
        priceCents: 1000,
        currency: "USD",
        inStock: true,
        deal: null,
      }),
    );
    expect(json).not.toContain("</script");
    expect(json).not.toContain("<");
    expect(JSON.parse(json).name).toBe(evil);
  });
});

describe("server policies", () => {
  test("CSP: scripts only from us or with the nonce, no framing, no plugins", () => {
    const policy = contentSecurityPolicy("abc123");
    expect(policy).toContain("script-src 'self' 'nonce-abc123'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
  });

  test("body limits: 1 MB for forms, larger only where uploads are accepted", () => {
    expect(bodyLimitFor("/login")).toBe(1024 * 1024);
    expect(bodyLimitFor("/webhooks/stripe")).toBe(1024 * 1024);
    expect(bodyLimitFor("/zh/sell/products/12/images")).toBe(41 * 1024 * 1024);
    expect(bodyLimitFor("/sell/import")).toBe(MAX_CSV_BYTES + 1024 * 1024);
    expect(bodyLimitFor("/zh/sell/import")).toBe(MAX_CSV_BYTES + 1024 * 1024);
    expect(bodyLimitFor("/sell/products/12/images/../../../login")).toBe(1024 * 1024);
  });

  test("only anonymous catalog pages are publicly cacheable; who is anonymous comes from the parsed cookies", async () => {
    const get = (path: string, cookie?: string) =>
      new Request(`http://localhost:3000${path}`, { headers: cookie ? { Cookie: cookie } : {} });
    const cacheControl = async (request: Request, status = 200) => {
      const context = await testContext(request);
      return cacheControlFor(request, status, context.user === null && context.cartOwner === null);
    };
    expect(await cacheControl(get("/zh/products/abc"))).toMatch(/^public/);
    expect(await cacheControl(get("/"))).toMatch(/^public/);
    expect(await cacheControl(get("/festivals/x"))).toMatch(/^public/);
    // A cookie that merely looks like a session (not signed by us) signs no one in: still anonymous.
    expect(await cacheControl(get("/products/abc", "__session=abc"))).toMatch(/^public/);
    expect(await cacheControl(get("/products/abc"), 404)).toBe("private, no-cache");
    for (const path of ["/cart", "/checkout", "/account/orders", "/sell", "/admin", "/search?q=x"])
      expect(await cacheControl(get(path)), path).toBe("private, no-cache");
    // A real session, written as browsers send it or with a space before "=" (which a pattern over the
    // Cookie header used to miss while the session still signed in): private either way.
    const shopper = await newShopper();
    const cookie = await cookieFor(shopper.id);
    for (const written of [cookie, cookie.replace("=", " ="), `theme=1;  ${cookie.replace("=", " = ")}`]) {
      const request = get("/products/abc", written);
      const context = await testContext(request);
      if (context.user !== null) expect(context.user.id, written).toBe(shopper.id);
      expect(await cacheControl(request), written).toBe(
        context.user === null ? "public, max-age=60, stale-while-revalidate=300" : "private, no-cache",
      );
    }
    expect((await testContext(get("/products/abc", cookie.replace("=", " =")))).user?.id).toBe(shopper.id);
    // A guest's cart makes the page theirs too.
    const { owner, setCookie } = await (await testContext(get("/"))).ensureCartOwner();
    expect(owner).toHaveProperty("token");
    expect(await cacheControl(get("/products/abc", setCookie!.split(";")[0]))).toBe("private, no-cache");
  });
});
