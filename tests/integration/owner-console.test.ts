import { desc, eq, inArray } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import * as dashboard from "#app/routes/($lang).sell._index.tsx";
import * as storeOrder from "#app/routes/($lang).sell.orders_.$id.tsx";
import * as packingSlip from "#app/routes/($lang).sell.orders_.$id_.packing-slip.tsx";
import * as storeOrders from "#app/routes/($lang).sell.orders.tsx";
import * as listings from "#app/routes/($lang).sell.products._index.tsx";
import * as imagesRoute from "#app/routes/($lang).sell.products.$id.images.tsx";
import { getProductBySlug } from "#app/models/products.server.ts";
import { zh } from "#app/i18n/messages/zh.ts";
import { beijingDay } from "#app/utils/datetime.ts";
import { getDb } from "#app/utils/db.server.ts";
import { resetRateLimits } from "#app/utils/rate-limit.server.ts";
import { setClock } from "#db/clock.ts";
import { auditLog, orderItems, orderShipments, products, searchOutbox } from "#db/schema/index.ts";
import { cookieFor, ownerOf } from "#tests/support/auth.ts";
import { useEnv } from "#tests/support/env.ts";
import { createProduct } from "#tests/support/factories.ts";
import { callAs, callRoute, routeArgs, type RouteFn } from "#tests/support/loaders.ts";
import { placeGuestOrder, payDemo } from "#tests/support/shop.ts";

useEnv({ STRIPE_SECRET_KEY: undefined, STRIPE_WEBHOOK_SECRET: undefined });

const db = () => getDb();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let ownerA: string;
let ownerB: string;
let ownerC: string;

beforeAll(async () => {
  ownerA = await cookieFor(ownerOf("yirga-highlands-coffee").user.id);
  ownerB = await cookieFor(ownerOf("nyeri-hills-coffee").user.id);
  ownerC = await cookieFor(ownerOf("tamale-shea-collective").user.id);
});

afterEach(() => {
  setClock(null);
  resetRateLimits();
});

/** A guest order placed and paid (demo provider) through the real routes at `at`. */
async function paidOrderAt(at: Date, lines: { productId: number; quantity: number }[]) {
  setClock(at);
  try {
    const { orderId, token } = await placeGuestOrder(lines);
    await payDemo(orderId, token);
    return orderId;
  } finally {
    setClock(null);
  }
}

const lineOf = (orderId: number, productId: number) =>
  db()
    .select()
    .from(orderItems)
    .where(eq(orderItems.orderId, orderId))
    .all()
    .find((l) => l.productId === productId)!;

type Dashboard = Awaited<ReturnType<typeof dashboard.loader>>;
async function dashboardOf(cookie: string, query = "") {
  const result = await callAs(dashboard.loader as RouteFn, cookie, `/sell${query}`);
  expect(result.status).toBe(200);
  return result.body as Dashboard;
}

describe("the owner's dashboard", () => {
  test("a store without orders shows empty sales, nothing to ship and no top products", async () => {
    const data = await dashboardOf(ownerC);
    expect(data.toShip).toEqual({ items: [], total: 0 });
    expect(data.sales).toMatchObject({ period: 30, revenueCents: 0, units: 0, orders: 0, top: [] });
    expect(data.sales.days).toHaveLength(30);
    expect(data.sales.days.every((d) => d.revenueCents === 0 && d.units === 0)).toBe(true);
    expect(data.sales.days.at(-1)!.day).toBe(beijingDay(new Date()));
  });

  test("lines to ship oldest first with their age; sales and top products net of refunds, per Beijing day; each store sees only its own", async () => {
    const now = Date.now();
    const beans = createProduct(db(), { storeSlug: "yirga-highlands-coffee", priceCents: 2000, stock: 20 });
    const mug = createProduct(db(), { storeSlug: "yirga-highlands-coffee", priceCents: 500, stock: 3 });
    const kenyan = createProduct(db(), { storeSlug: "nyeri-hills-coffee", priceCents: 1200, stock: 20 });
    const threeDaysAgo = await paidOrderAt(new Date(now - 3 * DAY), [{ productId: beans.id, quantity: 2 }]);
    const fiveHoursAgo = await paidOrderAt(new Date(now - 5 * HOUR), [
      { productId: mug.id, quantity: 1 },
      { productId: kenyan.id, quantity: 1 },
    ]);
    const fortyDaysAgo = await paidOrderAt(new Date(now - 40 * DAY), [{ productId: beans.id, quantity: 1 }]);
    // One of the two bags is refunded (at its price): neither the unit nor the cents are sales.
    const refund = await callAs(
      storeOrder.action as RouteFn,
      ownerA,
      `/sell/orders/${threeDaysAgo}`,
      { intent: "refund", lineId: String(lineOf(threeDaysAgo, beans.id).id), quantity: "1", reason: "Broken bag" },
      { id: String(threeDaysAgo) },
    );
    expect(refund.status, JSON.stringify(refund.body)).toBe(200);

    const a = await dashboardOf(ownerA);
    expect(a.toShip.total).toBe(3);
    expect(a.toShip.items.map((l) => [l.orderId, l.quantity])).toEqual([
      [fortyDaysAgo, 1],
      [threeDaysAgo, 1],
      [fiveHoursAgo, 1],
    ]);
    expect(a.toShip.items.map((l) => l.ageHours)).toEqual([40 * 24, 72, 5]);

    // What each order paid store A for shipping (a bag refunded of two does not give the parcel's back).
    const shipA = (orderId: number) =>
      db()
        .select()
        .from(orderShipments)
        .where(eq(orderShipments.orderId, orderId))
        .all()
        .filter((s) => s.storeId === ownerOf("yirga-highlands-coffee").store.id)
        .reduce((n, s) => n + s.costCents - s.refundedCents, 0);
    const shipping30 = shipA(threeDaysAgo) + shipA(fiveHoursAgo);
    // Last 30 days: the refunded order's remaining bag and the mug, plus their shipping (revenue = goods + shipping).
    expect(a.sales).toMatchObject({
      period: 30,
      goodsCents: 2000 + 500,
      shippingCents: shipping30,
      revenueCents: 2500 + shipping30,
      units: 2,
      orders: 2,
    });
    expect(a.sales.days.reduce((s, d) => s + d.revenueCents, 0)).toBe(2500 + shipping30);
    expect(a.sales.days.find((d) => d.day === beijingDay(new Date(now - 3 * DAY)))).toMatchObject({
      revenueCents: 2000 + shipA(threeDaysAgo),
      units: 1,
    });
    expect(a.sales.top.map((p) => [p.productId, p.units, p.revenueCents])).toEqual([
      [beans.id, 1, 2000],
      [mug.id, 1, 500],
    ]);
    const quarter = await dashboardOf(ownerA, "?period=90");
    expect(quarter.sales).toMatchObject({
      period: 90,
      goodsCents: 4500,
      revenueCents: 4500 + shipping30 + shipA(fortyDaysAgo),
      units: 3,
      orders: 3,
    });
    expect(quarter.sales.days).toHaveLength(90);
    expect(quarter.sales.top[0]).toMatchObject({ productId: beans.id, units: 2, revenueCents: 4000 });
    const week = await dashboardOf(ownerA, "?period=7");
    expect(week.sales).toMatchObject({ period: 7, goodsCents: 2500, revenueCents: 2500 + shipping30 });
    expect(week.sales.days).toHaveLength(7);
    // A period that is not offered falls back to 30 days rather than failing.
    expect((await dashboardOf(ownerA, "?period=365")).sales.period).toBe(30);

    // The mug has 2 left (3 on hand, 1 held by the paid order): low stock.
    expect(a.lowStock.find((p) => p.id === mug.id)).toMatchObject({ stock: 2 });

    const b = await dashboardOf(ownerB);
    expect(b.toShip.items.map((l) => l.orderId)).toEqual([fiveHoursAgo]);
    expect(b.sales).toMatchObject({ goodsCents: 1200, units: 1, orders: 1 });
    expect(b.sales.revenueCents).toBe(1200 + b.sales.shippingCents);
    expect(b.sales.top.map((p) => p.productId)).toEqual([kenyan.id]);
    expect(b.lowStock.map((p) => p.id)).not.toContain(mug.id);
  });

  test("drafts are listed as to-dos", async () => {
    const draft = createProduct(db(), { storeSlug: "tamale-shea-collective", status: "draft" });
    const data = await dashboardOf(ownerC);
    expect(data.drafts.map((p) => p.id)).toContain(draft.id);
    expect(data.counts.draft).toBeGreaterThan(0);
  });
});

describe("shipping and the packing slip", () => {
  test("a carrier from the list is required; the order page shows it; the slip lists what to pack, to its store only", async () => {
    const beans = createProduct(db(), { storeSlug: "yirga-highlands-coffee", priceCents: 2000, stock: 20 });
    const kenyan = createProduct(db(), { storeSlug: "nyeri-hills-coffee", priceCents: 1200, stock: 20 });
    const orderId = await paidOrderAt(new Date(), [
      { productId: beans.id, quantity: 3 },
      { productId: kenyan.id, quantity: 1 },
    ]);
    const line = lineOf(orderId, beans.id);
    const ship = (carrier: string, tracking: string, cookie = ownerA) =>
      callAs(storeOrders.action as RouteFn, cookie, "/sell/orders", { lineId: String(line.id), carrier, tracking });

    const slipFor = (cookie: string | null) =>
      callAs(packingSlip.loader as RouteFn, cookie, `/zh/sell/orders/${orderId}/packing-slip`, undefined, {
        lang: "zh",
        id: String(orderId),
      });
    const before = await slipFor(ownerA);
    expect(before.status).toBe(200);
    const slip = before.body as Awaited<ReturnType<typeof packingSlip.loader>>;
    expect(slip.order.shipping).toMatchObject({ name: "Amina Okafor", city: "Lagos", postcode: "101001" });
    expect(slip.order.lines).toEqual([{ id: line.id, title: expect.any(String), quantity: 3, shipped: false }]);
    expect(JSON.stringify(slip)).not.toContain("2000");
    expect((await slipFor(ownerB)).body).toMatchObject({ order: { lines: [{ quantity: 1 }] } });
    expect((await slipFor(ownerC)).status).toBe(404);
    expect((await slipFor(null)).status).toBe(302);

    const freeText = await ship("Carrier Pigeon", "SF1234567890");
    expect(freeText.status).toBe(400);
    expect(freeText.body).toMatchObject({ ok: false, message: "sell.shipBadCarrier" });
    expect(lineOf(orderId, beans.id).shippedAt).toBeNull();
    expect((await ship("SF Express", "SF 123")).status).toBe(400);
    expect((await ship("SF Express", "SF1234567890", ownerC)).status).toBe(404);
    expect(lineOf(orderId, beans.id).shippedAt).toBeNull();

    expect((await ship("SF Express", "SF1234567890")).status).toBe(200);
    expect(lineOf(orderId, beans.id)).toMatchObject({ carrier: "SF Express", trackingNumber: "SF1234567890" });
    const page = (
      await callAs(storeOrder.loader as RouteFn, ownerA, `/sell/orders/${orderId}`, undefined, {
        id: String(orderId),
      })
    ).body as Awaited<ReturnType<typeof storeOrder.loader>>;
    expect(page.order.lines[0]).toMatchObject({ carrier: "SF Express", trackingNumber: "SF1234567890" });
    expect(page.events.some((e) => e.kind === "line_shipped")).toBe(true);
    expect(((await slipFor(ownerA)).body as typeof slip).order.lines[0]!.shipped).toBe(true);
  });
});

describe("bulk edit of listings", () => {
  /** The bulk form posted as the browser posts it: one `ids` field per ticked row. */
  const bulk = async (cookie: string | null, ids: number[], fields: Record<string, string>, prefix = "") => {
    const body = new URLSearchParams({ intent: "bulk", ...fields });
    for (const id of ids) body.append("ids", String(id));
    const request = new Request(`http://localhost:3000${prefix}/sell/products`, {
      method: "POST",
      body,
      headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
    });
    return callRoute(
      listings.action as RouteFn,
      (await routeArgs(request, prefix ? { lang: prefix.slice(1) } : {})) as Parameters<RouteFn>[0],
    );
  };
  const snapshot = (ids: number[]) =>
    db()
      .select({ id: products.id, priceCents: products.priceCents, onHand: products.onHand, status: products.status })
      .from(products)
      .where(inArray(products.id, ids))
      .orderBy(products.id)
      .all();

  test("price, stock and status set on every ticked listing in one go, synced to search and audited", async () => {
    const a = createProduct(db(), { storeSlug: "yirga-highlands-coffee", priceCents: 1000, stock: 5 });
    const b = createProduct(db(), { storeSlug: "yirga-highlands-coffee", priceCents: 2000, stock: 8 });
    const untouched = createProduct(db(), { storeSlug: "yirga-highlands-coffee", priceCents: 3000, stock: 9 });
    const outboxBefore = db().select().from(searchOutbox).all().length;
    const result = await bulk(ownerA, [a.id, b.id], { price: "12.50", stock: "40", status: "draft" });
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    expect(result.body).toMatchObject({ bulk: true, ok: true, message: "2 listings updated." });
    expect(snapshot([a.id, b.id, untouched.id])).toEqual([
      { id: a.id, priceCents: 1250, onHand: 40, status: "draft" },
      { id: b.id, priceCents: 1250, onHand: 40, status: "draft" },
      { id: untouched.id, priceCents: 3000, onHand: 9, status: "active" },
    ]);
    expect(db().select().from(searchOutbox).all().length).toBeGreaterThan(outboxBefore);
    const audit = db().select().from(auditLog).orderBy(desc(auditLog.id)).get()!;
    expect(audit).toMatchObject({ action: "product.bulkEdit", entityType: "store" });
    expect(audit.after).toMatchObject({ ids: [a.id, b.id], priceCents: 1250, onHand: 40, status: "draft" });
    expect(audit.before).toEqual([
      { id: a.id, priceCents: 1000, onHand: 5, status: "active" },
      { id: b.id, priceCents: 2000, onHand: 8, status: "active" },
    ]);

    // Blank fields are left as they are: only the status changes here.
    expect((await bulk(ownerA, [a.id], { price: "", stock: "", status: "active" })).status).toBe(200);
    expect(snapshot([a.id])).toEqual([{ id: a.id, priceCents: 1250, onHand: 40, status: "active" }]);
  });

  test("another store's id anywhere in the selection refuses the whole edit", async () => {
    const mine = createProduct(db(), { storeSlug: "yirga-highlands-coffee", priceCents: 1000, stock: 5 });
    const theirs = createProduct(db(), { storeSlug: "nyeri-hills-coffee", priceCents: 1000, stock: 5 });
    const before = snapshot([mine.id, theirs.id]);
    expect((await bulk(ownerA, [mine.id, theirs.id], { price: "1.00" })).status).toBe(404);
    expect((await bulk(ownerA, [mine.id, 999_999_999], { price: "1.00" })).status).toBe(404);
    expect(snapshot([mine.id, theirs.id])).toEqual(before);
    expect((await bulk(null, [mine.id], { price: "1.00" })).status).toBe(302);
    expect(snapshot([mine.id, theirs.id])).toEqual(before);
  });

  test("a stock below one listing's reserved units changes none of them, and says which and why", async () => {
    const held = createProduct(db(), { storeSlug: "yirga-highlands-coffee", priceCents: 1000, stock: 6 });
    const free = createProduct(db(), { storeSlug: "yirga-highlands-coffee", priceCents: 1000, stock: 6 });
    const orderId = await paidOrderAt(new Date(), [{ productId: held.id, quantity: 4 }]);
    const before = snapshot([held.id, free.id]);
    const refused = await bulk(ownerA, [free.id, held.id], { stock: "2", price: "9.99", status: "draft" });
    expect(refused.status).toBe(409);
    const message = (refused.body as { message: string }).message;
    expect(message).toContain(held.titleEn);
    expect(message).toContain(`#${orderId}`);
    expect(snapshot([held.id, free.id])).toEqual(before);
    // At the reserved count it goes through.
    expect((await bulk(ownerA, [free.id, held.id], { stock: "4" })).status).toBe(200);
    expect(snapshot([held.id]).map((r) => r.onHand)).toEqual([4]);
  });

  test("bad input is refused in the owner's language and writes nothing", async () => {
    const p = createProduct(db(), { storeSlug: "yirga-highlands-coffee", priceCents: 1000, stock: 5 });
    const before = snapshot([p.id]);
    const cases: [number[], Record<string, string>, keyof typeof zh][] = [
      [[], { price: "1.00" }, "bulk.noneSelected"],
      [[p.id], {}, "bulk.nothingToChange"],
      [[p.id], { price: "abc" }, "form.price"],
      [[p.id], { price: "0" }, "form.price"],
      [[p.id], { price: "100000.01" }, "form.price"],
      [[p.id], { stock: "-1" }, "form.stock"],
      [[p.id], { stock: "1.5" }, "form.stock"],
      [[p.id], { status: "deleted" }, "form.invalid"],
      [Array.from({ length: 101 }, (_, i) => p.id + i), { price: "1.00" }, "form.invalid"],
    ];
    for (const [ids, fields, key] of cases) {
      const result = await bulk(ownerA, ids, fields, "/zh");
      expect(result.status, `${JSON.stringify(fields)} ${ids.length}`).toBe(400);
      expect((result.body as { message: string }).message).toBe(zh[key]);
    }
    expect(snapshot([p.id])).toEqual(before);
  });
});

describe("photos: order, cover and descriptions", () => {
  const PHOTOS = ["/media/aa11.webp", "/media/bb22.webp", "/media/cc33.webp"];
  const photoAction = (cookie: string | null, productId: number, form: Record<string, string>) =>
    callAs(imagesRoute.action as RouteFn, cookie, `/sell/products/${productId}/images`, form, {
      id: String(productId),
    });
  const photosOf = (id: number) =>
    db().select({ images: products.images, alts: products.imageAlts }).from(products).where(eq(products.id, id)).get()!;

  test("the owner moves a photo, makes one the cover and describes it in three languages; the product page uses it", async () => {
    const p = createProduct(db(), { storeSlug: "yirga-highlands-coffee", images: PHOTOS });
    const [a, b, c] = PHOTOS as [string, string, string];
    const syncsOf = () =>
      db()
        .select()
        .from(searchOutbox)
        .all()
        .filter((r) => r.entityType === "product" && r.entityId === p.id).length;
    const syncsBefore = syncsOf();
    const moved = await photoAction(ownerA, p.id, { intent: "move", url: c, move: "earlier" });
    expect(moved.status).toBe(302);
    expect(moved.location).toBe(`/sell/products/${p.id}?images=moved`);
    expect(photosOf(p.id).images).toEqual([a, c, b]);
    expect((await photoAction(ownerA, p.id, { intent: "move", url: b, move: "cover" })).status).toBe(302);
    expect(photosOf(p.id).images).toEqual([b, a, c]);
    // The search document shows the cover: the listing is queued for a sync with each move.
    expect(syncsOf()).toBeGreaterThan(syncsBefore);
    expect((await photoAction(ownerA, p.id, { intent: "move", url: b, move: "later" })).status).toBe(302);
    expect(photosOf(p.id).images).toEqual([a, b, c]);
    // At the ends a move changes nothing.
    expect((await photoAction(ownerA, p.id, { intent: "move", url: a, move: "earlier" })).status).toBe(302);
    expect(photosOf(p.id).images).toEqual([a, b, c]);

    const saved = await photoAction(ownerA, p.id, {
      intent: "alt",
      url: b,
      altEn: " Roasted beans in a clay bowl ",
      altZh: "陶碗中的烘焙咖啡豆",
      altFr: "",
    });
    expect(saved.location).toBe(`/sell/products/${p.id}?images=altSaved`);
    expect(photosOf(p.id).alts).toEqual({ [b]: { en: "Roasted beans in a clay bowl", zh: "陶碗中的烘焙咖啡豆" } });
    expect(getProductBySlug(p.slug, "zh")!.imageAlts).toEqual({ [b]: "陶碗中的烘焙咖啡豆" });
    expect(getProductBySlug(p.slug, "fr")!.imageAlts).toEqual({});

    const tooLong = await photoAction(ownerA, p.id, { intent: "alt", url: b, altEn: "x".repeat(201) });
    expect(tooLong.location).toBe(`/sell/products/${p.id}?imageError=altTooLong`);
    expect(photosOf(p.id).alts[b]!.en).toBe("Roasted beans in a clay bowl");
    // Blank in every language: the entry goes (the title describes the photo again).
    await photoAction(ownerA, p.id, { intent: "alt", url: b, altEn: "", altZh: "", altFr: "" });
    expect(photosOf(p.id).alts).toEqual({});
  });

  test("another store's listing, a photo not on the listing and unknown moves are 404, and change nothing", async () => {
    const p = createProduct(db(), { storeSlug: "yirga-highlands-coffee", images: PHOTOS });
    const before = photosOf(p.id);
    const refused: Record<string, string>[] = [
      { intent: "move", url: PHOTOS[1]!, move: "sideways" },
      { intent: "move", url: "/media/elsewhere.webp", move: "cover" },
      { intent: "alt", url: "/media/elsewhere.webp", altEn: "x" },
      { intent: "rotate", url: PHOTOS[1]! },
    ];
    for (const form of refused) expect((await photoAction(ownerA, p.id, form)).status).toBe(404);
    expect((await photoAction(ownerB, p.id, { intent: "move", url: PHOTOS[1]!, move: "cover" })).status).toBe(404);
    expect((await photoAction(ownerB, p.id, { intent: "alt", url: PHOTOS[1]!, altEn: "Mine now" })).status).toBe(404);
    expect(photosOf(p.id)).toEqual(before);
  });
});
