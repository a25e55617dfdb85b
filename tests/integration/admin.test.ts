import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import * as home from "#app/routes/($lang)._index.tsx";
import * as layout from "#app/routes/($lang).admin.tsx";
import * as dashboard from "#app/routes/($lang).admin._index.tsx";
import * as storesRoute from "#app/routes/($lang).admin.stores.tsx";
import * as featuredRoute from "#app/routes/($lang).admin.featured.tsx";
import * as festivalsRoute from "#app/routes/($lang).admin.festivals._index.tsx";
import * as newFestival from "#app/routes/($lang).admin.festivals.new.tsx";
import * as editFestival from "#app/routes/($lang).admin.festivals.$id/route.tsx";
import * as insightsRoute from "#app/routes/($lang).admin.insights.tsx";
import * as auditRoute from "#app/routes/($lang).admin.audit.tsx";
import * as productPage from "#app/routes/($lang).products.$slug.tsx";
import * as storePage from "#app/routes/($lang).stores.$slug.tsx";
import { applyForStore } from "#app/models/owner/store-applications.server.ts";
import { searchCatalog } from "#app/models/search.server.ts";
import { getDb } from "#app/utils/db.server.ts";
import {
  auditLog,
  featuredProducts,
  festivalDeals,
  festivals,
  products,
  searchSynonyms,
  stores,
} from "#db/schema/index.ts";
import { createClient } from "#search/client.ts";
import { applySynonymsIfChanged } from "#search/indexer.ts";
import { drainAll } from "#search/outbox.ts";
import type { SearchParams } from "#search/query.ts";
import { cookieFor, newShopper, organizer, ownerOf } from "#tests/support/auth.ts";
import { createProduct } from "#tests/support/factories.ts";
import { callAs, runLoader, type RouteFn } from "#tests/support/loaders.ts";
import { useSearchIndex } from "#tests/support/search.ts";

const connection = useSearchIndex();
const db = () => getDb();
const sync = () => drainAll(db(), createClient(connection(), 30_000), connection());
/** A search answered by this file's Meilisearch index (a fallback answer would say nothing about the index). */
async function search(q: string, extra: Partial<SearchParams> = {}) {
  const result = await searchCatalog({ q, inStock: false, sort: "relevance", page: 1, ...extra }, "en", {
    record: false,
  });
  expect(result.engine).toBe("meilisearch");
  return result;
}

let organizerCookie: string;
let shopperCookie: string;
let ownerCookie: string;
const DAY = 86_400_000;
const beijing = (date: Date) => new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);

beforeAll(async () => {
  organizerCookie = await cookieFor(organizer().id);
  shopperCookie = await cookieFor((await newShopper()).id);
  ownerCookie = await cookieFor(ownerOf("yirga-highlands-coffee").user.id);
});

describe("authorization over /admin", () => {
  const festivalId = () => String(db().select().from(festivals).get()!.id);
  const someStore = () => String(ownerOf("nyeri-hills-coffee").store.id);
  const someProduct = () => String(db().select().from(products).get()!.id);
  const routes = (): [string, RouteFn, string, Record<string, string>?, Record<string, string>?][] => [
    ["layout", layout.loader as RouteFn, "/admin"],
    ["dashboard", dashboard.loader as RouteFn, "/admin"],
    ["stores", storesRoute.loader as RouteFn, "/admin/stores"],
    [
      "suspend",
      storesRoute.action as RouteFn,
      "/admin/stores",
      { intent: "suspend", storeId: someStore(), reason: "matrix" },
    ],
    ["featured", featuredRoute.loader as RouteFn, "/admin/featured?q=coffee"],
    ["feature", featuredRoute.action as RouteFn, "/admin/featured", { intent: "add", productId: someProduct() }],
    ["festivals", festivalsRoute.loader as RouteFn, "/admin/festivals"],
    ["new festival form", newFestival.loader as RouteFn, "/admin/festivals/new"],
    [
      "create festival",
      newFestival.action as RouteFn,
      "/admin/festivals/new",
      {
        nameEn: "Matrix",
        nameZh: "矩阵",
        nameFr: "Matrice",
        themeColor: "#123456",
        startsAt: "2027-01-01T10:00",
        endsAt: "2027-01-02T10:00",
      },
    ],
    [
      "festival editor",
      editFestival.loader as RouteFn,
      `/admin/festivals/${festivalId()}`,
      undefined,
      { id: festivalId() },
    ],
    [
      "unpublish",
      editFestival.action as RouteFn,
      `/admin/festivals/${festivalId()}`,
      { intent: "unpublish" },
      { id: festivalId() },
    ],
    ["insights", insightsRoute.loader as RouteFn, "/admin/insights"],
    ["synonyms", insightsRoute.action as RouteFn, "/admin/insights", { intent: "add", words: "matrix, 矩阵" }],
    ["audit", auditRoute.loader as RouteFn, "/admin/audit"],
  ];

  test("anonymous visitors are sent to log in, shoppers and owners get 403, and nothing changes", async () => {
    const fingerprint = () => ({
      audit: db().select().from(auditLog).all().length,
      stores: db().select({ status: stores.status }).from(stores).all(),
      featured: db().select().from(featuredProducts).all(),
      festivals: db().select({ id: festivals.id, published: festivals.published }).from(festivals).all(),
      synonyms: db().select().from(searchSynonyms).all().length,
    });
    const before = fingerprint();
    for (const [name, fn, path, form, params] of routes()) {
      const anonymous = await callAs(fn, null, path, form, params);
      expect(anonymous.status, name).toBe(302);
      expect(anonymous.headers.get("Location"), name).toMatch(/^\/login\?redirectTo=%2Fadmin/);
      expect((await callAs(fn, shopperCookie, path, form, params)).status, name).toBe(403);
      expect((await callAs(fn, ownerCookie, path, form, params)).status, name).toBe(403);
    }
    expect(fingerprint()).toEqual(before);
  });

  test("organizers reach every page", async () => {
    for (const [name, fn, path, form, params] of routes().filter((r) => !r[3])) {
      expect((await callAs(fn, organizerCookie, path, form, params)).status, name).toBe(200);
    }
  });
});

describe("store applications", () => {
  test("approve a pending store: it becomes visible; the audit log records before and after", async () => {
    const applicant = await newShopper();
    const applied = applyForStore(applicant, {
      nameEn: "Kampala Bark Cloth Studio",
      nameZh: "坎帕拉树皮布工作室",
      nameFr: "Atelier d'écorce de Kampala",
      countryCode: "UG",
      cityEn: "Kampala",
    });
    expect(applied.ok).toBe(true);
    const storeId = (applied as { storeId: number }).storeId;
    const pending = await callAs(storesRoute.loader as RouteFn, organizerCookie, "/admin/stores?status=pending");
    expect((pending.body as { items: { id: number }[] }).items.map((i) => i.id)).toContain(storeId);

    const rejectWithout = await callAs(storesRoute.action as RouteFn, organizerCookie, "/admin/stores", {
      intent: "reject",
      storeId: String(storeId),
      reason: "  ",
    });
    expect(rejectWithout.status).toBe(400);
    expect(rejectWithout.body).toMatchObject({ message: "admin.errorReasonRequired" });
    // Suspending is for approved stores only.
    expect(
      (
        await callAs(storesRoute.action as RouteFn, organizerCookie, "/admin/stores", {
          intent: "suspend",
          storeId: String(storeId),
          reason: "x",
        })
      ).status,
    ).toBe(400);

    const approved = await callAs(storesRoute.action as RouteFn, organizerCookie, "/admin/stores", {
      intent: "approve",
      storeId: String(storeId),
    });
    expect(approved.status).toBe(200);
    const store = db().select().from(stores).where(eq(stores.id, storeId)).get()!;
    expect(store.status).toBe("approved");
    expect(store.approvedAt).not.toBeNull();
    const entry = db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(storeId)))
      .all()
      .at(-1)!;
    expect(entry).toMatchObject({
      action: "store.approve",
      entityType: "store",
      actorId: organizer().id,
      before: { status: "pending" },
      after: { status: "approved" },
    });
  });

  test("suspending a store removes its products from listings and search at once (through the outbox)", async () => {
    const { store } = ownerOf("tamale-shea-collective");
    const ids = db()
      .select({ id: products.id })
      .from(products)
      .where(eq(products.storeId, store.id))
      .all()
      .map((r) => r.id);
    await sync();
    expect((await search("", { store: store.slug })).totalHits).toBe(ids.length);
    const result = await callAs(storesRoute.action as RouteFn, organizerCookie, "/admin/stores", {
      intent: "suspend",
      storeId: String(store.id),
      reason: "Quality complaints under review",
    });
    expect(result.status).toBe(200);
    await sync();
    expect((await search("", { store: store.slug })).totalHits).toBe(0);
    const slug = db().select({ slug: products.slug }).from(products).where(eq(products.id, ids[0]!)).get()!.slug;
    await expect(runLoader(productPage.loader, `/products/${slug}`, { slug })).rejects.toMatchObject({ status: 404 });
    await expect(runLoader(storePage.loader, `/stores/${store.slug}`, { slug: store.slug })).rejects.toMatchObject({
      status: 404,
    });
    // Reinstating brings everything back.
    await callAs(storesRoute.action as RouteFn, organizerCookie, "/admin/stores", {
      intent: "approve",
      storeId: String(store.id),
    });
    await sync();
    expect((await search("", { store: store.slug })).totalHits).toBe(ids.length);
  });
});

describe("featured products", () => {
  test("add from the picker, reorder, remove: the home page shows them in that order", async () => {
    const picker = await callAs(featuredRoute.loader as RouteFn, organizerCookie, "/admin/featured?q=rooibos");
    const hits = (picker.body as { picker: { hits: { id: number }[] } }).picker.hits;
    expect(hits.length).toBeGreaterThan(0);
    const featuredBefore = db()
      .select()
      .from(featuredProducts)
      .orderBy(featuredProducts.position)
      .all()
      .map((f) => f.productId);
    const newcomer = hits.find((h) => !featuredBefore.includes(h.id))!;
    const add = await callAs(featuredRoute.action as RouteFn, organizerCookie, "/admin/featured", {
      intent: "add",
      productId: String(newcomer.id),
    });
    expect(add.status).toBe(200);
    expect(
      (
        await callAs(featuredRoute.action as RouteFn, organizerCookie, "/admin/featured", {
          intent: "add",
          productId: String(newcomer.id),
        })
      ).status,
    ).toBe(400);
    // Move it from last to first.
    for (let i = 0; i < featuredBefore.length; i++)
      await callAs(featuredRoute.action as RouteFn, organizerCookie, "/admin/featured", {
        intent: "up",
        productId: String(newcomer.id),
      });
    const homeData = await runLoader(home.loader, "/");
    expect(homeData.featured[0]!.id).toBe(newcomer.id);
    expect(homeData.featured.slice(1).map((p) => p.id)).toEqual(featuredBefore.slice(0, homeData.featured.length - 1));
    await callAs(featuredRoute.action as RouteFn, organizerCookie, "/admin/featured", {
      intent: "remove",
      productId: String(newcomer.id),
    });
    expect((await runLoader(home.loader, "/")).featured.map((p) => p.id)).toEqual(featuredBefore);
    // Positions stay a total order 1..n.
    expect(
      db()
        .select()
        .from(featuredProducts)
        .all()
        .map((f) => f.position)
        .sort((a, b) => a - b),
    ).toEqual(featuredBefore.map((_, i) => i + 1));
  });

  test("an archived or unknown product cannot be featured", async () => {
    const archived = createProduct(db(), { status: "archived" });
    expect(
      (
        await callAs(featuredRoute.action as RouteFn, organizerCookie, "/admin/featured", {
          intent: "add",
          productId: String(archived.id),
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await callAs(featuredRoute.action as RouteFn, organizerCookie, "/admin/featured", {
          intent: "add",
          productId: "99999999",
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await callAs(featuredRoute.action as RouteFn, organizerCookie, "/admin/featured", {
          intent: "add",
          productId: "1 OR 1=1",
        })
      ).status,
    ).toBe(400);
  });
});

describe("festival management", () => {
  const start = new Date(Date.now() - DAY);
  const end = new Date(Date.now() + 3 * DAY);
  const details = {
    nameEn: "Mid-Week Moringa Market",
    nameZh: "周中辣木集市",
    nameFr: "Marché du moringa de mi-semaine",
    themeColor: "#15803d",
    startsAt: beijing(start),
    endsAt: beijing(end),
  };
  let id: string;

  test("validation: end after start, unique slug; a new festival is an unpublished draft", async () => {
    const backwards = await callAs(newFestival.action as RouteFn, organizerCookie, "/admin/festivals/new", {
      ...details,
      startsAt: details.endsAt,
      endsAt: details.startsAt,
    });
    expect(backwards.status).toBe(400);
    expect(JSON.stringify(backwards.body)).toContain("admin.errorEndBeforeStart");
    const badDate = await callAs(newFestival.action as RouteFn, organizerCookie, "/admin/festivals/new", {
      ...details,
      startsAt: "tomorrow",
    });
    expect(badDate.status).toBe(400);
    const taken = await callAs(newFestival.action as RouteFn, organizerCookie, "/admin/festivals/new", {
      ...details,
      slug: "african-products-online-shopping-festival",
    });
    expect(JSON.stringify(taken.body)).toContain("admin.errorSlugTaken");

    const created = await callAs(newFestival.action as RouteFn, organizerCookie, "/admin/festivals/new", details);
    expect(created.status).toBe(302);
    id = created.headers.get("Location")!.match(/\/admin\/festivals\/(\d+)/)![1]!;
    const row = db()
      .select()
      .from(festivals)
      .where(eq(festivals.id, Number(id)))
      .get()!;
    expect(row).toMatchObject({ slug: "mid-week-moringa-market", published: false });
    // Entered in Beijing time, stored as the same instant in UTC (to the minute).
    expect(Math.abs(row.startsAt.getTime() - start.getTime())).toBeLessThan(60_000);
  });

  test("deals: price must be below the regular price and above zero, no duplicates; bulk add by store", async () => {
    const product = createProduct(db(), { priceCents: 2000, titleEn: "Moringa Leaf Powder Test" });
    const post = (form: Record<string, string>) =>
      callAs(editFestival.action as RouteFn, organizerCookie, `/admin/festivals/${id}`, form, { id });
    expect(
      (await post({ intent: "add-deal", productId: String(product.id), mode: "price", price: "20.00" })).body,
    ).toMatchObject({ message: "admin.errorPriceNotBelow" });
    expect(
      (await post({ intent: "add-deal", productId: String(product.id), mode: "price", price: "0" })).body,
    ).toMatchObject({ message: "admin.errorPriceNotPositive" });
    expect(
      (await post({ intent: "add-deal", productId: String(product.id), mode: "percent", percent: "95" })).body,
    ).toMatchObject({ message: "admin.errorPercentRange" });
    expect(
      (await post({ intent: "add-deal", productId: String(product.id), mode: "price", price: "-1" })).body,
    ).toMatchObject({ message: "admin.errorDealTerms" });
    expect(
      (
        await post({
          intent: "add-deal",
          productId: String(product.id),
          mode: "price",
          price: "15.00",
          dealStock: "10",
        })
      ).status,
    ).toBe(200);
    expect(
      (await post({ intent: "add-deal", productId: String(product.id), mode: "percent", percent: "10" })).body,
    ).toMatchObject({ message: "admin.errorDuplicateDeal" });

    const { store } = ownerOf("blantyre-baobab");
    const bulk = await post({ intent: "bulk-add", scope: "store", slug: store.slug, percent: "12" });
    const storeProducts = db()
      .select()
      .from(products)
      .where(eq(products.storeId, store.id))
      .all()
      .filter((p) => p.status === "active");
    expect(bulk.body).toMatchObject({ ok: true, added: storeProducts.length });
    expect((await post({ intent: "bulk-add", scope: "store", slug: store.slug, percent: "12" })).body).toMatchObject({
      message: "admin.errorNothingToAdd",
    });
    expect((await post({ intent: "bulk-add", scope: "category", slug: "x' OR 1=1 --", percent: "12" })).status).toBe(
      400,
    );
    const deals = db()
      .select()
      .from(festivalDeals)
      .where(eq(festivalDeals.festivalId, Number(id)))
      .all();
    expect(deals).toHaveLength(1 + storeProducts.length);
    expect(deals.find((d) => d.productId === product.id)).toMatchObject({ dealPriceCents: 1500, dealStock: 10 });
  });

  test("a draft changes no price; publishing applies the festival price on the product page and in search; unpublishing removes it", async () => {
    const deal = db()
      .select()
      .from(festivalDeals)
      .where(eq(festivalDeals.festivalId, Number(id)))
      .all()
      .find((d) => d.dealPriceCents === 1500);
    const product = db().select().from(products).where(eq(products.id, deal!.productId)).get()!;
    const pagePrice = async () =>
      (await runLoader(productPage.loader, `/products/${product.slug}`, { slug: product.slug })).product.deal
        ?.priceCents ?? null;
    const searchPrice = async () =>
      (await search("", { festival: Number(id) })).hits.find((h) => h.id === product.id)?.dealPriceCents ?? null;
    expect(await pagePrice()).toBeNull();

    const post = (form: Record<string, string>) =>
      callAs(editFestival.action as RouteFn, organizerCookie, `/admin/festivals/${id}`, form, { id });
    expect((await post({ intent: "publish" })).status).toBe(200);
    await sync();
    expect(await pagePrice()).toBe(1500);
    expect(await searchPrice()).toBe(1500);

    expect((await post({ intent: "unpublish" })).status).toBe(200);
    await sync();
    expect(await pagePrice()).toBeNull();
    expect(await searchPrice()).toBeNull(); // unpublished festivals leave the index's festivalIds
    const actions = db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, id))
      .all()
      .map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(["festival.create", "festival.deal.add", "festival.publish", "festival.unpublish"]),
    );
  });

  test("reorder, update and remove deals; featured stores and sessions", async () => {
    const post = (form: Record<string, string>) =>
      callAs(editFestival.action as RouteFn, organizerCookie, `/admin/festivals/${id}`, form, { id });
    const order = () =>
      db()
        .select()
        .from(festivalDeals)
        .where(eq(festivalDeals.festivalId, Number(id)))
        .all()
        .sort((a, b) => a.position - b.position)
        .map((d) => d.id);
    const [first, second] = order();
    await post({ intent: "move-deal", dealId: String(second), direction: "up" });
    expect(order().slice(0, 2)).toEqual([second, first]);
    expect(
      (await post({ intent: "update-deal", dealId: String(first), mode: "percent", percent: "30", dealStock: "" }))
        .status,
    ).toBe(200);
    expect(db().select().from(festivalDeals).where(eq(festivalDeals.id, first!)).get()).toMatchObject({
      discountPercent: 30,
      dealPriceCents: null,
      dealStock: null,
    });
    expect((await post({ intent: "remove-deal", dealId: String(first) })).status).toBe(200);
    expect(order()).not.toContain(first);

    expect((await post({ intent: "set-stores", stores: "blantyre-baobab, no-such-store" })).body).toMatchObject({
      message: "admin.errorUnknownStores",
    });
    expect((await post({ intent: "set-stores", stores: "blantyre-baobab, tamale-shea-collective" })).status).toBe(200);
    const session = {
      intent: "add-session",
      storeSlug: "blantyre-baobab",
      titleEn: "Moringa live",
      titleZh: "辣木直播",
      titleFr: "Moringa en direct",
      startsAt: beijing(start),
      endsAt: beijing(new Date(start.getTime() + 3_600_000)),
    };
    const other = String(
      db()
        .select()
        .from(products)
        .where(eq(products.storeId, ownerOf("nyeri-hills-coffee").store.id))
        .get()!.id,
    );
    expect((await post({ ...session, productIds: other })).body).toMatchObject({
      message: "admin.errorProductsNotOfStore",
    });
    expect((await post({ ...session, endsAt: session.startsAt })).body).toMatchObject({
      message: "admin.errorSession",
    });
    expect((await post(session)).status).toBe(200);
    const editor = await callAs(editFestival.loader as RouteFn, organizerCookie, `/admin/festivals/${id}`, undefined, {
      id,
    });
    expect(editor.body).toMatchObject({
      featuredStores: ["blantyre-baobab", "tamale-shea-collective"],
      sessions: [{ title: "Moringa live", storeSlug: "blantyre-baobab" }],
    });
  });

  test("another festival's deal id cannot be edited through this festival", async () => {
    const foreign = db().select().from(festivalDeals).where(eq(festivalDeals.festivalId, 1)).get()!;
    const result = await callAs(
      editFestival.action as RouteFn,
      organizerCookie,
      `/admin/festivals/${id}`,
      { intent: "remove-deal", dealId: String(foreign.id) },
      { id },
    );
    expect(result.status).toBe(400);
    expect(db().select().from(festivalDeals).where(eq(festivalDeals.id, foreign.id)).get()).toBeDefined();
  });
});

describe("search insights and synonyms", () => {
  test("top and zero-result queries by locale", async () => {
    await searchCatalog({ q: "Rooibos", inStock: false, sort: "relevance", page: 1 }, "zh");
    await searchCatalog({ q: "rooibos ", inStock: false, sort: "relevance", page: 1 }, "zh");
    await searchCatalog({ q: "qwxzvkj", inStock: false, sort: "relevance", page: 1 }, "zh");
    const zh = await callAs(insightsRoute.loader as RouteFn, organizerCookie, "/admin/insights?locale=zh&days=1");
    const body = zh.body as { insights: { top: { query: string; searches: number }[]; zero: { query: string }[] } };
    expect(body.insights.top[0]).toMatchObject({ query: "rooibos", searches: 2 });
    expect(body.insights.zero.map((z) => z.query)).toContain("qwxzvkj");
    const fr = await callAs(insightsRoute.loader as RouteFn, organizerCookie, "/admin/insights?locale=fr&days=1");
    expect((fr.body as typeof body).insights.top.map((q) => q.query)).not.toContain("rooibos");
  });

  test("a synonym edit changes search results, in Meilisearch and in the SQLite fallback", async () => {
    expect((await search("zanzibarspicez")).totalHits).toBe(0);
    const saved = await callAs(insightsRoute.action as RouteFn, organizerCookie, "/admin/insights", {
      intent: "add",
      words: "zanzibarspicez， cloves",
    });
    expect(saved.status).toBe(200);
    expect(await applySynonymsIfChanged(db(), createClient(connection(), 30_000), connection())).toBe(true);
    expect(await applySynonymsIfChanged(db(), createClient(connection(), 30_000), connection())).toBe(false);
    const found = await search("zanzibarspicez");
    expect(found.engine).toBe("meilisearch");
    expect(found.totalHits).toBeGreaterThan(0);
    expect(found.hits[0]!.title.toLowerCase()).toContain("clove");
    const { fallbackSearch } = await import("#search/fallback.ts");
    expect(
      fallbackSearch(db(), { q: "zanzibarspicez", inStock: false, sort: "relevance", page: 1 }, "en").totalHits,
    ).toBeGreaterThan(0);

    const group = db()
      .select()
      .from(searchSynonyms)
      .all()
      .find((g) => g.words.includes("zanzibarspicez"))!;
    expect(
      (
        await callAs(insightsRoute.action as RouteFn, organizerCookie, "/admin/insights", {
          intent: "update",
          id: String(group.id),
          words: "zanzibarspicez",
        })
      ).body,
    ).toMatchObject({ message: "admin.errorSynonymsTooFew" });
    await callAs(insightsRoute.action as RouteFn, organizerCookie, "/admin/insights", {
      intent: "delete",
      id: String(group.id),
    });
    await applySynonymsIfChanged(db(), createClient(connection(), 30_000), connection());
    expect((await search("zanzibarspicez")).totalHits).toBe(0);
    const audit = await callAs(auditRoute.loader as RouteFn, organizerCookie, "/admin/audit?entity=synonyms");
    const actions = (audit.body as { items: { action: string }[] }).items.map((i) => i.action);
    expect(actions.slice(0, 2)).toEqual(["synonyms.remove", "synonyms.add"]);
  });
});

describe("campaign dashboard", () => {
  test("progress, coverage by country and category, listing quality", async () => {
    const data = (await callAs(dashboard.loader as RouteFn, organizerCookie, "/zh/admin", undefined, { lang: "zh" }))
      .body as Awaited<ReturnType<typeof dashboard.loader>>;
    expect(data.targets).toEqual({ stores: 100, products: 1000 });
    expect(data.coverage.countries).toHaveLength(54);
    expect(data.coverage.countries.reduce((n, c) => n + c.products, 0)).toBe(data.progress.activeProducts);
    expect(data.coverage.categories.reduce((n, c) => n + c.products, 0)).toBe(data.progress.activeProducts);
    expect(data.coverage.countries.find((c) => c.key === "ET")!.name).toBe("埃塞俄比亚");
    const soldOut = db()
      .$client.prepare(
        "SELECT count(*) n FROM products p JOIN stores s ON s.id = p.store_id WHERE p.status = 'active' AND s.status = 'approved' AND p.stock = 0",
      )
      .get() as { n: number };
    expect(data.quality.outOfStock).toBe(soldOut.n);
    createProduct(db(), { titleZh: "", images: [] });
    const after = (await callAs(dashboard.loader as RouteFn, organizerCookie, "/admin")).body as typeof data;
    expect(after.quality.missingTranslation).toBe(data.quality.missingTranslation + 1);
    expect(after.quality.missingImage).toBe(data.quality.missingImage + 1);
  });
});
