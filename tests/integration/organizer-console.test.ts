import { desc, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import * as auditRoute from "#app/routes/($lang).admin.audit.tsx";
import * as mapRoute from "#app/routes/($lang).admin.coverage-map[.svg].ts";
import * as featuredRoute from "#app/routes/($lang).admin.featured.tsx";
import * as insightsRoute from "#app/routes/($lang).admin.insights.tsx";
import * as pickerRoute from "#app/routes/($lang).admin.picker.ts";
import * as storesRoute from "#app/routes/($lang).admin.stores.tsx";
import { getCountryCoverage } from "#app/models/admin/dashboard.server.ts";
import { addFeaturedProduct } from "#app/models/admin/featured.server.ts";
import { moveFeaturedTo, reorderFeatured, reorderFestivalDeals } from "#app/models/admin/reorder.server.ts";
import { addQueryAsSynonym, listSynonyms } from "#app/models/admin/synonyms.server.ts";
import { getTrends } from "#app/models/admin/trends.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import { resetRateLimits } from "#app/utils/rate-limit.server.ts";
import { AFRICA_NUMERIC } from "#app/models/admin/africa-map.server.ts";
import {
  auditLog,
  countries,
  featuredProducts,
  festivalDeals,
  products,
  searchQueries,
  stores,
} from "#db/schema/index.ts";
import { cookieFor, newShopper, organizer } from "#tests/support/auth.ts";
import { setEnv } from "#tests/support/env.ts";
import { callAs, requestAs, routeArgs, type RouteFn } from "#tests/support/loaders.ts";

/** A resource route's own Response (callAs keeps only the data of page routes). */
async function respond(fn: RouteFn, cookie: string | null, path: string, params: Record<string, string> = {}) {
  try {
    return (await fn((await routeArgs(requestAs(cookie, path), params)) as Parameters<RouteFn>[0])) as Response;
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
}

const db = () => getDb();
let organizerCookie: string;
let shopperCookie: string;
beforeAll(async () => {
  organizerCookie = await cookieFor(organizer().id);
  shopperCookie = await cookieFor((await newShopper({ verified: true })).id);
});
afterEach(() => resetRateLimits());

const featuredOrder = () =>
  db()
    .select({ id: featuredProducts.productId })
    .from(featuredProducts)
    .orderBy(featuredProducts.position)
    .all()
    .map((r) => r.id);
const auditCount = (action: string) =>
  db()
    .select({ n: sql<number>`count(*)` })
    .from(auditLog)
    .where(eq(auditLog.action, action))
    .get()!.n;

describe("reordering featured products and festival deals", () => {
  test("the whole new order is saved in one POST, with one audit row holding before and after", async () => {
    const actor = organizer();
    // At least 13 featured products: the last must reach the top in one action.
    for (const p of db().select({ id: products.id }).from(products).limit(20).all()) addFeaturedProduct(actor, p.id);
    const before = featuredOrder();
    expect(before.length).toBeGreaterThanOrEqual(13);
    const wanted = [before.at(-1)!, ...before.slice(0, -1)];
    const audits = auditCount("featured.reorder");
    const result = await callAs(featuredRoute.action as RouteFn, organizerCookie, "/admin/featured", {
      intent: "reorder",
      order: wanted.join(","),
    });
    expect(result.status).toBe(200);
    expect(featuredOrder()).toEqual(wanted);
    expect(auditCount("featured.reorder")).toBe(audits + 1);
    const row = db().select().from(auditLog).orderBy(desc(auditLog.id)).get()!;
    expect(row).toMatchObject({ action: "featured.reorder", before: { order: before }, after: { order: wanted } });
  });

  test("without JavaScript, 'move to position 1' is one action", async () => {
    const before = featuredOrder();
    const last = before.at(-1)!;
    const result = await callAs(featuredRoute.action as RouteFn, organizerCookie, "/admin/featured", {
      intent: "move-to",
      productId: String(last),
      position: "1",
    });
    expect(result.status).toBe(200);
    expect(featuredOrder()[0]).toBe(last);
    expect(moveFeaturedTo(organizer(), last, 1)).toEqual({ ok: true, changed: false });
  });

  test("an order that is not exactly the current list is refused whole (stale), nothing written", () => {
    const before = featuredOrder();
    const audits = auditCount("featured.reorder");
    expect(reorderFeatured(organizer(), before.slice(1))).toEqual({ ok: false, error: "stale" });
    expect(reorderFeatured(organizer(), [...before.slice(1), 999_999])).toEqual({ ok: false, error: "stale" });
    expect(featuredOrder()).toEqual(before);
    expect(auditCount("featured.reorder")).toBe(audits);
  });

  test("a failure mid-way rolls the whole order back (one transaction)", () => {
    const before = featuredOrder();
    const reversed = [...before].reverse();
    // A trigger that fails the last position update stands in for a crash half-way through.
    db().run(
      sql.raw(
        `CREATE TEMP TRIGGER fail_reorder BEFORE UPDATE ON featured_products WHEN NEW.position = ${before.length} BEGIN SELECT RAISE(ABORT, 'boom'); END`,
      ),
    );
    try {
      expect(() => reorderFeatured(organizer(), reversed)).toThrow(/boom/);
    } finally {
      db().run(sql.raw("DROP TRIGGER fail_reorder"));
    }
    expect(featuredOrder()).toEqual(before);
  });

  test("festival deals: the whole order in one transaction, audited against the festival", () => {
    const festivalId = db().select({ id: festivalDeals.festivalId }).from(festivalDeals).get()!.id;
    const order = () =>
      db()
        .select({ id: festivalDeals.id })
        .from(festivalDeals)
        .where(eq(festivalDeals.festivalId, festivalId))
        .orderBy(festivalDeals.position, festivalDeals.id)
        .all()
        .map((r) => r.id);
    const before = order();
    expect(before.length).toBeGreaterThan(2);
    const wanted = [...before].reverse();
    expect(reorderFestivalDeals(organizer(), festivalId, wanted)).toEqual({ ok: true, changed: true });
    expect(order()).toEqual(wanted);
    const row = db().select().from(auditLog).orderBy(desc(auditLog.id)).get()!;
    expect(row).toMatchObject({
      action: "festival.deal.reorder",
      entityType: "festival",
      entityId: String(festivalId),
    });
    expect(reorderFestivalDeals(organizer(), 999_999, wanted)).toEqual({ ok: false, error: "notFound" });
  });
});

describe("the picker endpoint", () => {
  test("organizers only: a shopper and a visitor get nothing", async () => {
    const shopper = await callAs(pickerRoute.loader as RouteFn, shopperCookie, "/admin/picker?kind=store&q=coffee");
    expect([302, 303, 403, 404]).toContain(shopper.status);
    const visitor = await callAs(pickerRoute.loader as RouteFn, null, "/admin/picker?kind=store&q=coffee");
    expect(visitor.status).not.toBe(200);
  });

  test("stores by name or slug, open stores only", async () => {
    const store = db().select().from(stores).where(eq(stores.status, "approved")).get()!;
    const result = await respond(
      pickerRoute.loader as RouteFn,
      organizerCookie,
      `/admin/picker?kind=store&q=${encodeURIComponent(store.nameEn.slice(0, 6))}`,
    );
    expect(result.status).toBe(200);
    const { options } = (await result.json()) as { options: { slug: string }[] };
    expect(options.map((o) => o.slug)).toContain(store.slug);
    const percent = await respond(pickerRoute.loader as RouteFn, organizerCookie, "/admin/picker?kind=store&q=%25");
    expect(((await percent.json()) as { options: unknown[] }).options).toEqual([]); // "%" is a letter, not a wildcard
  });

  test("counts against the search allowance: over it, 429 with Retry-After", async () => {
    const saved = process.env.API_SEARCH_RATE_LIMIT;
    setEnv({ API_SEARCH_RATE_LIMIT: "2" });
    try {
      for (let i = 0; i < 2; i++)
        expect(
          (await callAs(pickerRoute.loader as RouteFn, organizerCookie, "/admin/picker?kind=store&q=a")).status,
        ).toBe(200);
      const refused = await callAs(pickerRoute.loader as RouteFn, organizerCookie, "/admin/picker?kind=store&q=a");
      expect(refused.status).toBe(429);
      expect(refused.headers.get("Retry-After")).toBeTruthy();
    } finally {
      setEnv({ API_SEARCH_RATE_LIMIT: saved });
    }
  });
});

describe("the coverage map", () => {
  test("every African country is in the data with its count of open stores and visible products", () => {
    const rows = getCountryCoverage(organizer(), "en");
    expect(rows.map((r) => r.key).sort()).toEqual(Object.keys(AFRICA_NUMERIC).sort());
    const opened = db()
      .select({ code: stores.countryCode, n: sql<number>`count(*)` })
      .from(stores)
      .where(eq(stores.status, "approved"))
      .groupBy(stores.countryCode)
      .all();
    for (const { code, n } of opened) expect(rows.find((r) => r.key === code)!.stores, code).toBe(n);
    expect(rows.reduce((a, r) => a + r.stores, 0)).toBe(opened.reduce((a, r) => a + r.n, 0));
    expect(db().select().from(countries).all()).toHaveLength(54);
  });

  test("the SVG has every country, hatches the missing ones, and stays small", async () => {
    const result = await respond(
      mapRoute.loader as RouteFn,
      organizerCookie,
      "/zh/admin/coverage-map.svg?metric=stores",
      { lang: "zh" },
    );
    expect(result.status).toBe(200);
    expect(result.headers.get("Content-Type")).toMatch(/image\/svg\+xml/);
    const svg = await result.text();
    for (const code of Object.keys(AFRICA_NUMERIC)) expect(svg, code).toContain(`data-code="${code}"`);
    const rows = getCountryCoverage(organizer(), "zh");
    for (const r of rows.filter((r) => r.stores === 0))
      expect(svg).toMatch(new RegExp(`data-code="${r.key}" fill="url\\(#missing\\)"`));
    expect(svg).toContain('data-marker="MU"');
    expect(Buffer.byteLength(svg)).toBeLessThan(120_000);
    const shopper = await callAs(mapRoute.loader as RouteFn, shopperCookie, "/admin/coverage-map.svg");
    expect(shopper.status).not.toBe(200);
  });
});

describe("trends", () => {
  test("searches and the zero-result rate per Beijing day", () => {
    // 23:30 UTC is 07:30 the next day in Beijing.
    const now = new Date();
    const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - 2, 23, 30));
    const beijingDay = new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    db()
      .insert(searchQueries)
      .values([
        { query: "baobab", locale: "en", hits: 0, engine: "sqlite", at },
        { query: "coffee", locale: "en", hits: 5, engine: "sqlite", at },
        { query: "shea", locale: "en", hits: 3, engine: "sqlite", at },
        { query: "tea", locale: "en", hits: 0, engine: "sqlite", at },
      ])
      .run();
    const { buckets } = getTrends(organizer(), "day");
    expect(buckets).toHaveLength(30);
    const bucket = buckets.find((b) => b.start === beijingDay)!;
    expect(bucket.searches).toBeGreaterThanOrEqual(4);
    expect(bucket.zeroResults).toBeGreaterThanOrEqual(2);
    expect(bucket.zeroRate).toBeCloseTo(bucket.zeroResults / bucket.searches);
    const weeks = getTrends(organizer(), "week").buckets;
    expect(weeks).toHaveLength(12);
    expect(weeks.reduce((a, b) => a + b.searches, 0)).toBeGreaterThanOrEqual(4);
  });
});

describe("store applications search", () => {
  test("by name, by country, by date", async () => {
    const store = db().select().from(stores).where(eq(stores.status, "approved")).get()!;
    const byName = await callAs(
      storesRoute.loader as RouteFn,
      organizerCookie,
      `/admin/stores?status=approved&q=${encodeURIComponent(store.nameEn)}`,
    );
    const names = (byName.body as { items: { slug: string }[] }).items.map((i) => i.slug);
    expect(names).toContain(store.slug);
    const byCountry = await callAs(
      storesRoute.loader as RouteFn,
      organizerCookie,
      `/admin/stores?status=approved&country=${store.countryCode}`,
    );
    const body = byCountry.body as { items: { slug: string }[]; counts: Record<string, number> };
    expect(body.items.map((i) => i.slug)).toContain(store.slug);
    const inCountry = db().select().from(stores).where(eq(stores.countryCode, store.countryCode)).all();
    expect(body.counts.approved).toBe(inCountry.filter((s) => s.status === "approved").length);
    const future = await callAs(
      storesRoute.loader as RouteFn,
      organizerCookie,
      "/admin/stores?status=approved&from=2999-01-01",
    );
    expect((future.body as { items: unknown[] }).items).toEqual([]);
  });
});

describe("add as synonym", () => {
  test("a zero-result query joins the group of the word it means, through the synonyms path, audited", async () => {
    const result = await callAs(insightsRoute.action as RouteFn, organizerCookie, "/admin/insights", {
      intent: "add-query",
      query: "cofee",
      target: "coffee",
    });
    expect(result.status).toBe(200);
    const group = listSynonyms(organizer()).find((g) => g.words.includes("cofee"))!;
    expect(group.words).toContain("coffee");
    expect(addQueryAsSynonym(organizer(), "kahawa", "coffee")).toEqual({ ok: true });
    expect(listSynonyms(organizer()).find((g) => g.id === group.id)!.words).toEqual(
      expect.arrayContaining(["coffee", "cofee", "kahawa"]),
    );
    expect(auditCount("synonyms.update")).toBeGreaterThan(0);
  });
});

describe("the audit log", () => {
  test("names actions in the page's language, links entities, shows changes field by field", async () => {
    const result = await callAs(
      auditRoute.loader as RouteFn,
      organizerCookie,
      "/zh/admin/audit?action=featured.reorder",
      undefined,
      {
        lang: "zh",
      },
    );
    const { items } = result.body as { items: { action: string; link: { path: string } | null }[] };
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.action === "featured.reorder")).toBe(true);
    expect(items[0]!.link?.path).toBe("/admin/featured");
    const festival = await callAs(auditRoute.loader as RouteFn, organizerCookie, "/admin/audit?entity=festival");
    const festivalItems = (festival.body as { items: { link: { path: string } | null }[] }).items;
    expect(festivalItems[0]!.link?.path).toMatch(/^\/admin\/festivals\/\d+$/);
  });
});

afterAll(() => resetRateLimits());
